#!/usr/bin/env bash
# The annotator element's unit tests (frontend/annotator/*.ts and the element), run by Maven in the test
# phase with the Node 24 that .mvn/node/ensure-node.sh bootstrapped: $1 is that folder (.node). Installs
# this folder's tooling from package-lock.json when it changed (npm ci, no install scripts: puppeteer-core
# and esbuild download no browser and nothing beyond their packages), type-checks the element, then runs
# Node's test runner over test/*.test.js: the pure modules in Node, the DOM modules and the element in
# Chromium (CHROME_PATH, default /usr/bin/chromium; skipped without one unless SLANT_REQUIRE_BROWSER=1).
set -euo pipefail

node_dir="$(cd "${1:?usage: run-tests.sh NODE_FOLDER}" && pwd)"
cd "$(dirname "$0")"
export PATH="$node_dir:$PATH"
node="$node_dir/node"
npm_cli="$node_dir/lib/node_modules/npm/bin/npm-cli.js"

stamp=node_modules/.slant-installed-from
if ! cmp -s package-lock.json "$stamp" 2>/dev/null; then
  echo "[slant] Installing the annotator's test tooling (src/test/frontend/package-lock.json) ..."
  "$node" "$npm_cli" ci --ignore-scripts --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi

echo "[slant] Type-checking frontend/slant-annotator.ts and frontend/annotator/ ..."
"$node" node_modules/typescript/bin/tsc -p tsconfig.json

echo "[slant] Annotator unit tests (Node's test runner; Chromium: ${CHROME_PATH:-/usr/bin/chromium}) ..."
"$node" --import ./test/ts-imports.js --test --test-reporter=spec test/*.test.js
