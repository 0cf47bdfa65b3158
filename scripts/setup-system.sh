#!/usr/bin/env bash
# Installs what the full test suite and the benchmarks need beyond npm ci:
# real proxies (nginx, HAProxy, Caddy), a real log-analysis peer (GoAccess), Chromium for browser tests,
# wrk as a load generator, python3 for a WSGI test app behind the proxies, Prometheus with promtool that scrapes
# `httpwhy logs -f --metrics` and checks the shipped rules, ClickHouse (server and client) for the two-shard fleet
# tests; and chDB (today's ClickHouse, in process) into .cache/chdb. Run as root (or with sudo):
# npm run setup:system
set -euo pipefail

packages=(nginx haproxy caddy goaccess chromium wrk curl procps iproute2 python3 prometheus clickhouse-server clickhouse-client)
# chDB cannot be a devDependency: its optional platform packages are missing from the registry this project
# installs from, so npm would write a lock file that npm ci refuses. It goes to a git-ignored side folder instead.
CHDB_VERSION=3.4.0
CHDB_PREFIX="$(cd "$(dirname "$0")/.." && pwd)/.cache/chdb"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup:system: all packages present (${packages[*]})"
else
  # The suites start their own proxies and servers on loopback ports; keep apt from starting the system services.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod +x /usr/sbin/policy-rc.d
    trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  echo "setup:system: installed ${missing[*]}"
fi

installed=$(node -p "require('$CHDB_PREFIX/node_modules/chdb/package.json').version" 2>/dev/null || true)
if [ "$installed" = "$CHDB_VERSION" ]; then
  echo "setup:system: chdb $CHDB_VERSION present in .cache/chdb"
else
  mkdir -p "$CHDB_PREFIX"
  npm install --prefix "$CHDB_PREFIX" --no-save --no-audit --no-fund --no-package-lock "chdb@$CHDB_VERSION"
  echo "setup:system: installed chdb $CHDB_VERSION into .cache/chdb"
fi
