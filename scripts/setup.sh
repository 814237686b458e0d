#!/usr/bin/env bash
# One-time set-up on a fresh Debian machine with only Node 20 and npm:
# the npm packages (which bring Node 24 for every `npm run` script), the
# Debian packages the PDFs and browser tests need, then the example's build.
# Usage: npm run setup            (install + build)
#        npm run setup -- --no-build
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1 || need+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installation des paquets Debian : ${need[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-dejavu-core >/dev/null
  else
    echo "Paquets manquants : ${need[*]} (installez-les avec le gestionnaire de paquets du système)." >&2
  fi
fi

if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi

if [ "${1:-}" != "--no-build" ]; then
  npm run build
fi
