#!/usr/bin/env bash
# Installs the Firefox test package (this folder's package.json and package-lock.json, that is puppeteer-core,
# which downloads no browser) into TARGET with `npm ci`, beside a copy of its scripts, using the build's Node 24.
# Run by Maven (profile browser-tests, phase pre-integration-test); npm's cache (~/.npm) makes a rerun offline.
#   prepare.sh TARGET NODE_FOLDER
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="${1:?usage: prepare.sh TARGET NODE_FOLDER}"
node_folder="${2:?usage: prepare.sh TARGET NODE_FOLDER}"

bash "$here/../../../.mvn/node/ensure-node.sh" "$node_folder"
mkdir -p "$target"
cp "$here/package.json" "$here/package-lock.json" "$here"/*.mjs "$target/"
cd "$target"
"$node_folder/node" "$node_folder/lib/node_modules/npm/bin/npm-cli.js" ci \
  --prefer-offline --no-audit --no-fund --loglevel=error
echo "[slant] Firefox test package ready in $target (puppeteer-core $("$node_folder/node" -p "require('puppeteer-core/package.json').version"))"
