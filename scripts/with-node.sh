#!/usr/bin/env bash
# Runs a command with another Node.js major on the PATH, taken from the npm registry's `node`
# package (these machines carry Node 20; nothing is downloaded from outside the registry).
# Installed once into .cache/node-<version>/ (git-ignored).
#   scripts/with-node.sh 24.21.0 npm test
set -euo pipefail
version="$1"; shift
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/.cache/node-$version"
bin="$dir/node_modules/node/bin"
if [ ! -x "$bin/node" ]; then
  mkdir -p "$dir"
  npm install --no-audit --no-fund --no-save --prefix "$dir" "node@$version" >/dev/null
fi
[ "$("$bin/node" --version)" = "v$version" ] || { echo "[with-node] $bin/node is not v$version" >&2; exit 1; }
PATH="$bin:$PATH" exec "$@"
