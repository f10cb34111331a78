#!/usr/bin/env bash
# Sourced by the other scripts: makes sure Node 22+ and Yarn 4 are on PATH.
# When the machine lacks them, brings them from the npm registry (and only there)
# into the git-ignored .tools/ folder. No binaries are committed.
# Safe to source from an interactive shell: it changes no shell options.

ONRAMP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ONRAMP_ROOT/.tools"
NODE_LINE="${ONRAMP_NODE_LINE:-22}"
YARN_VERSION="$(sed -n 's/.*"packageManager": *"yarn@\([^"]*\)".*/\1/p' "$ONRAMP_ROOT/package.json")"

log() { printf '\033[1;34m[onramp]\033[0m %s\n' "$*" >&2; }
# Prints the error; the callers return non-zero (exit would close an interactive shell).
die() { printf '\033[1;31m[onramp] %s\033[0m\n' "$*" >&2; return 1; }

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# npm_unpack SPEC DIR WHAT: fetches the package SPEC with `npm pack` and unpacks
# it into DIR (emptied first); on failure removes DIR and says which WHAT failed.
npm_unpack() {
  local spec="$1" dir="$2" what="$3" tmp
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "$spec" >/dev/null) ||
    { rm -rf "$tmp"; die "Could not fetch $spec from the npm registry."; return 1; }
  rm -rf "$dir"
  mkdir -p "$dir"
  tar xzf "$tmp"/*.tgz -C "$dir" --strip-components=1 ||
    { rm -rf "$tmp" "$dir"; die "Could not unpack $what into $dir."; return 1; }
  rm -rf "$tmp"
}

ensure_node() {
  local sys_node
  sys_node="$(command -v node || true)"
  if [ -x "$TOOLS/node/bin/node" ]; then
    export PATH="$TOOLS/node/bin:$PATH"
    export npm_config_nodedir="$TOOLS/node"
  elif [ -n "$sys_node" ] && [ "$(node_major "$sys_node")" -ge 22 ]; then
    : # the machine's Node is new enough
  else
    command -v npm >/dev/null || { die "Neither Node 22+ nor npm found: install Node.js (any version with npm) first."; return 1; }
    local arch
    case "$(uname -m)" in
      x86_64) arch=x64 ;;
      aarch64 | arm64) arch=arm64 ;;
      *) die "No Node.js package for $(uname -m) on the npm registry; install Node 22+ yourself."; return 1 ;;
    esac
    local os
    case "$(uname -s)" in
      Linux) os=linux ;;
      Darwin) os=darwin ;;
      *) die "Unsupported OS $(uname -s); install Node 22+ yourself."; return 1 ;;
    esac
    log "Node $(node --version 2>/dev/null || echo none) is too old for Backstage 1.55; fetching node-$os-$arch@$NODE_LINE from the npm registry into .tools/node"
    npm_unpack "node-$os-$arch@$NODE_LINE" "$TOOLS/node" Node || return 1
    export PATH="$TOOLS/node/bin:$PATH"
    export npm_config_nodedir="$TOOLS/node"
  fi
  # Native modules (better-sqlite3) must build against the headers of the Node that runs them.
  if [ -z "${npm_config_nodedir:-}" ]; then
    local prefix
    prefix="$(node -p 'require("path").resolve(process.execPath, "../..")')"
    if [ -f "$prefix/include/node/node.h" ]; then
      export npm_config_nodedir="$prefix"
    fi
  fi
}

machine_yarn_is_4() {
  # A Yarn 4 already on PATH (not our own shim, not a corepack shim that would
  # have to download one) is used as it is.
  local yarn_bin
  yarn_bin="$(command -v yarn || true)"
  [ -n "$yarn_bin" ] && [ "$yarn_bin" != "$TOOLS/bin/yarn" ] || return 1
  case "$(COREPACK_ENABLE_DOWNLOAD_PROMPT=0 COREPACK_ENABLE_NETWORK=0 yarn --version 2>/dev/null)" in
    4.*) return 0 ;;
    *) return 1 ;;
  esac
}

ensure_yarn() {
  if machine_yarn_is_4; then
    export COREPACK_ENABLE_STRICT=0 COREPACK_ENABLE_AUTO_PIN=0
    return 0
  fi
  if [ -f "$TOOLS/yarn/bin/yarn.js" ] && [ "$(node "$TOOLS/yarn/bin/yarn.js" --version 2>/dev/null)" = "$YARN_VERSION" ]; then
    :
  else
    log "Fetching Yarn $YARN_VERSION (@yarnpkg/cli-dist) from the npm registry into .tools/yarn"
    npm_unpack "@yarnpkg/cli-dist@$YARN_VERSION" "$TOOLS/yarn" Yarn || return 1
  fi
  mkdir -p "$TOOLS/bin"
  cat >"$TOOLS/bin/yarn" <<SHIM
#!/usr/bin/env bash
exec node "$TOOLS/yarn/bin/yarn.js" "\$@"
SHIM
  chmod +x "$TOOLS/bin/yarn"
  export PATH="$TOOLS/bin:$PATH"
  # Never let corepack try to download a package manager.
  export COREPACK_ENABLE_STRICT=0 COREPACK_ENABLE_AUTO_PIN=0
}

ensure_node || return 1 2>/dev/null || exit 1
ensure_yarn || return 1 2>/dev/null || exit 1
export YARN_ENABLE_TELEMETRY=0
log "Using Node $(node --version), Yarn $(yarn --version)${npm_config_nodedir:+, headers in $npm_config_nodedir}"
