#!/usr/bin/env bash
# Installs the Debian packages the full test suite and the benchmarks need:
# real proxies (nginx, HAProxy, Caddy), a real log-analysis peer (GoAccess), Chromium for browser tests,
# wrk as a load generator, python3 for a WSGI test app behind the proxies, and Prometheus with promtool (2.42) that
# scrapes `httpwhy logs -f --metrics` and checks the shipped rules. Run as root (or with sudo): npm run setup:system
set -euo pipefail

packages=(nginx haproxy caddy goaccess chromium wrk curl procps iproute2 python3 prometheus)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# The suites start their own proxies and Prometheus on loopback ports; keep apt from starting the system services.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
  $SUDO chmod +x /usr/sbin/policy-rc.d
  trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup:system: all packages present (${packages[*]})"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup:system: installed ${missing[*]}"
