#!/usr/bin/env bash
# Runs the test command on another Node.js major (the brief: Node 20, and also 22 and 24), from a
# clean clone of this checkout's HEAD, without touching the machine's own Node.js.
#
#   bash scripts/test-on-node.sh 22        # or 24, or an exact version such as 22.23.3
#
# Node comes from the npm registry (package `node`, which carries the binary and its headers), so
# native addons (better-sqlite3) are built against that version's headers. Work goes under
# ${TMPDIR:-/tmp}/pcv-node-<version>; delete it afterwards.
set -euo pipefail
version="${1:?usage: scripts/test-on-node.sh <node version, e.g. 22>}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${TMPDIR:-/tmp}/pcv-node-${version}"
rm -rf "$work"
mkdir -p "$work"
echo "[node ${version}] installing node@${version} from the npm registry"
npm install --no-save --no-audit --no-fund --prefix "$work/node" "node@${version}" >/dev/null
bin="$(dirname "$(find "$work/node/node_modules" -path '*/node-linux-*/bin/node' -o -path '*/node-darwin-*/bin/node' | head -n 1)")"
[ -x "$bin/node" ] || { echo "node@${version}: no binary found under $work/node" >&2; exit 1; }
export PATH="$bin:$PATH"
export npm_config_nodedir="$(dirname "$bin")"
echo "[node ${version}] $(node --version); cloning $(git -C "$repo" rev-parse --short HEAD)"
git clone -q "$repo" "$work/repo"
cd "$work/repo"
npm install --no-audit --no-fund >/dev/null
npm test
