#!/usr/bin/env bash
# `bash scripts/with-node.sh VERSION COMMAND [ARGS…]`: runs COMMAND on Node VERSION, a major
# (22, 24: its latest release) or a major.minor (24.21).
#
# When the machine's Node is another version, it is taken from the npm registry's
# node-<platform>-<arch> package (the official build) into .cache/node/VERSION, so nothing but the
# registry is needed. No native module needs building for it: better-sqlite3 ships prebuilt
# Node-API binaries, which every supported Node version loads (decision 039).
set -euo pipefail

if [ $# -lt 2 ] || ! [[ "$1" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]]; then
  echo "usage: bash scripts/with-node.sh VERSION COMMAND [ARGS…]   (a major, or major.minor: 22 npm test, 24 npm run test:unit)" >&2
  exit 2
fi
version=$1
shift
root=$(cd "$(dirname "$0")/.." && pwd)

current=$(node -p process.versions.node 2>/dev/null || true)
if [ "$current" != "$version" ] && [[ "$current" != "$version".* ]]; then
  package="node-$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m | sed -e 's/x86_64/x64/' -e 's/aarch64/arm64/')"
  prefix="$root/.cache/node/$version"
  dir="$prefix/node_modules/$package"
  if [ ! -x "$dir/bin/node" ]; then
    echo "Installing Node $version from the npm registry ($package@$version)…"
    npm install --silent --no-save --no-package-lock --no-audit --no-fund --prefix "$prefix" "$package@$version" >/dev/null
  fi
  export PATH="$dir/bin:$PATH"
fi

echo "=== Node $(node --version): $* ==="
"$@"
