#!/usr/bin/env bash
# Makes sure folder $1 holds a Node.js 24 that Vaadin's Maven plugin can use as its nodeFolder
# ($1/node and $1/lib/node_modules/npm). Vaadin's own installer downloads Node from a host that is
# often unreachable (and is here), so: link a Node 24 found on PATH, or else install Node 24 from the
# npm registry (the "node" package) into $1. Run by Maven in the initialize phase; idempotent.
set -euo pipefail

dir="${1:?usage: ensure-node.sh NODE_FOLDER}"
node_version="${SLANT_NODE_VERSION:-24.17.0}"
npm_version="${SLANT_NPM_VERSION:-11.13.0}"
want_major="${node_version%%.*}"

major_of() { "$1" --version 2>/dev/null | sed -nE 's/^v([0-9]+)\..*/\1/p'; }
usable() { [ -x "$1/node" ] && [ "$(major_of "$1/node")" = "$want_major" ] && [ -f "$1/lib/node_modules/npm/bin/npm-cli.js" ]; }

if usable "$dir"; then
  exit 0
fi

system_node="$(command -v node || true)"
if [ -n "$system_node" ] && [ "$(major_of "$system_node")" = "$want_major" ]; then
  real_node="$(readlink -f "$system_node")"
  system_npm="$(cd "$(dirname "$real_node")/.." && pwd)/lib/node_modules/npm"
  if [ -f "$system_npm/bin/npm-cli.js" ]; then
    rm -rf "$dir" && mkdir -p "$dir/lib/node_modules"
    ln -s "$real_node" "$dir/node"
    ln -s "$system_npm" "$dir/lib/node_modules/npm"
    echo "[slant] Using Node $("$dir/node" --version) found on PATH ($system_node)"
    exit 0
  fi
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "[slant] ERROR: the frontend build needs Node.js $want_major. None was found on PATH, and there is no npm" >&2
  echo "[slant] to install it with. Install Node.js $want_major (or any npm), or put a Node $want_major in $dir" >&2
  echo "[slant] (with $dir/node and $dir/lib/node_modules/npm)." >&2
  exit 1
fi

echo "[slant] No Node $want_major found (PATH has: ${system_node:-none} $( [ -n "$system_node" ] && "$system_node" --version))."
echo "[slant] Installing node@$node_version and npm@$npm_version from the npm registry into $dir ..."
tmp="$dir.partial"
rm -rf "$tmp"
npm install --global --prefix "$tmp" --no-audit --no-fund --loglevel=error "node@$node_version" "npm@$npm_version"
ln -s bin/node "$tmp/node"
if ! usable "$tmp"; then
  echo "[slant] ERROR: the Node installed into $tmp does not work: $("$tmp/node" --version 2>&1 || true)" >&2
  exit 1
fi
rm -rf "$dir"
mv "$tmp" "$dir"
echo "[slant] Node $("$dir/node" --version) ready in $dir"
