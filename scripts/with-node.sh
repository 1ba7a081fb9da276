#!/usr/bin/env bash
# `bash scripts/with-node.sh MAJOR COMMAND [ARGS…]`: runs COMMAND on Node MAJOR (22, 24, …).
#
# When the machine's Node is another major, that version is taken from the npm registry's
# node-<platform>-<arch> package (the official build, with its headers) into .cache/node/MAJOR,
# so nothing but the registry is needed. Native modules are built per Node ABI: the one
# compiled module (better-sqlite3) is rebuilt for that Node when it does not load, and each
# build is kept in .cache/better-sqlite3/<ABI>, so switching back and forth is a copy.
set -euo pipefail

if [ $# -lt 2 ] || ! [[ "$1" =~ ^[0-9]+$ ]]; then
  echo "usage: bash scripts/with-node.sh MAJOR COMMAND [ARGS…]   (for example: 22 npm test)" >&2
  exit 2
fi
major=$1
shift
root=$(cd "$(dirname "$0")/.." && pwd)
module="$root/node_modules/better-sqlite3/build/Release/better_sqlite3.node"
loads() { (cd "$root" && node -e 'new (require("better-sqlite3"))(":memory:").close()' 2>/dev/null); }
# Keep the build in place for the Node that loads it now, before another Node's build replaces it.
keep() {
  local kept
  kept="$root/.cache/better-sqlite3/$(node -p process.versions.modules)/better_sqlite3.node"
  if [ -f "$module" ] && [ ! -f "$kept" ] && loads; then
    mkdir -p "$(dirname "$kept")"
    cp "$module" "$kept.new" && mv -f "$kept.new" "$kept"
  fi
}
keep

if [ "$(node -p 'process.versions.node.split(".")[0]')" != "$major" ]; then
  package="node-$(node -p process.platform)-$(node -p process.arch)"
  prefix="$root/.cache/node/$major"
  dir="$prefix/node_modules/$package"
  if [ ! -x "$dir/bin/node" ]; then
    echo "Installing Node $major from the npm registry ($package@$major)…"
    npm install --silent --no-save --no-package-lock --no-audit --no-fund --prefix "$prefix" "$package@$major" >/dev/null
  fi
  export PATH="$dir/bin:$PATH"
  # node-gyp builds against this Node's own headers, shipped in the same package.
  export npm_config_nodedir="$dir"
fi

abi=$(node -p process.versions.modules)
kept="$root/.cache/better-sqlite3/$abi/better_sqlite3.node"
if [ -f "$module" ] && ! loads; then
  if [ -f "$kept" ]; then
    # A new file, renamed into place: a process still running the old build keeps its own.
    cp "$kept" "$module.new" && mv -f "$module.new" "$module"
  else
    echo "Building better-sqlite3 for Node $(node --version) (ABI $abi)…"
    (cd "$root" && npm rebuild better-sqlite3 >/dev/null)
  fi
  loads || { echo "better-sqlite3 does not load on Node $(node --version)" >&2; exit 1; }
fi
keep

echo "=== Node $(node --version): $* ==="
"$@"
