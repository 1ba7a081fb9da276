#!/usr/bin/env bash
# `bash scripts/with-node.sh VERSION COMMAND [ARGS…]`: runs COMMAND on Node VERSION, a major
# (22, 24) or a major.minor (24.18).
#
# When the machine's Node is another version, it is taken from the npm registry's
# node-<platform>-<arch> package (the official build, with its headers) into .cache/node/VERSION,
# so nothing but the registry is needed. The one compiled module (better-sqlite3) is rebuilt
# for that Node version, once: each build is kept in .cache/better-sqlite3/<version>, so
# switching back and forth is a copy.
set -euo pipefail

if [ $# -lt 2 ] || ! [[ "$1" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]]; then
  echo "usage: bash scripts/with-node.sh VERSION COMMAND [ARGS…]   (a major, or major.minor: 22 npm test, 24.18 npm run test:unit)" >&2
  exit 2
fi
version=$1
shift
root=$(cd "$(dirname "$0")/.." && pwd)
module="$root/node_modules/better-sqlite3/build/Release/better_sqlite3.node"
# Which Node the build in place was made for: the build compiles in Node's own header-only code
# (node::ObjectWrap), which changed within 24.x without an ABI change, so builds are told apart
# by Node version, not by ABI, and kept in .cache/better-sqlite3/<version>.
stamp="$module.node-version"
loads() { (cd "$root" && node -e 'new (require("better-sqlite3"))(":memory:").close()' 2>/dev/null); }
keep() {
  local built kept
  built=$(cat "$stamp" 2>/dev/null || true)
  # A build without a stamp was made by `npm install` with the Node that runs here first.
  if [ -z "$built" ] && [ -f "$module" ] && loads; then
    built=$(node -p process.version)
    echo "$built" >"$stamp"
  fi
  [ -n "$built" ] || return 0
  kept="$root/.cache/better-sqlite3/$built/better_sqlite3.node"
  if [ -f "$module" ] && [ ! -f "$kept" ]; then
    mkdir -p "$(dirname "$kept")"
    cp "$module" "$kept.new" && mv -f "$kept.new" "$kept"
  fi
}
keep

current=$(node -p process.versions.node)
if [ "$current" != "$version" ] && [[ "$current" != "$version".* ]]; then
  package="node-$(node -p process.platform)-$(node -p process.arch)"
  prefix="$root/.cache/node/$version"
  dir="$prefix/node_modules/$package"
  if [ ! -x "$dir/bin/node" ]; then
    echo "Installing Node $version from the npm registry ($package@$version)…"
    npm install --silent --no-save --no-package-lock --no-audit --no-fund --prefix "$prefix" "$package@$version" >/dev/null
  fi
  export PATH="$dir/bin:$PATH"
  # node-gyp builds against this Node's own headers, shipped in the same package.
  export npm_config_nodedir="$dir"
fi

target=$(node -p process.version)
if [ -f "$module" ] && [ "$(cat "$stamp" 2>/dev/null || true)" != "$target" ]; then
  kept="$root/.cache/better-sqlite3/$target/better_sqlite3.node"
  if [ -f "$kept" ]; then
    # A new file, renamed into place: a process still running the old build keeps its own.
    cp "$kept" "$module.new" && mv -f "$module.new" "$module"
  else
    echo "Building better-sqlite3 for Node $target…"
    (cd "$root" && npm rebuild better-sqlite3 >/dev/null)
  fi
  loads || { echo "better-sqlite3 does not load on Node $target" >&2; exit 1; }
  echo "$target" >"$stamp"
fi
keep

echo "=== Node $(node --version): $* ==="
"$@"
