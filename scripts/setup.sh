#!/usr/bin/env bash
# One-time set-up on a fresh Debian machine with only Node 20 and npm:
# the Debian packages the PDFs and browser tests need, the npm packages
# (which bring Node 24 for every `npm run` script), then the example's build.
# Prints one line per step; each step's output goes to a log, whose end is
# shown (and the log kept) only when the step fails.
# Usage: npm run setup            (install + build)
#        npm run setup -- --no-build
set -uo pipefail
cd "$(dirname "$0")/.."

build=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    *) echo "Option inconnue : $arg (seule --no-build est acceptée)" >&2; exit 2 ;;
  esac
done

logs=$(mktemp -d "${TMPDIR:-/tmp}/cahiers-setup.XXXXXX")

# "2 min 5 s" or "25 s" since the given value of SECONDS.
took() {
  local s=$((SECONDS - $1))
  if [ "$s" -ge 60 ]; then echo "$((s / 60)) min $((s % 60)) s"; else echo "$s s"; fi
}

# run NAME COMMAND…: runs the command with its output in the step's log; on
# failure, ends the step's line, shows the end of the log and stops.
run() {
  local log="$logs/$1.log"
  shift
  if "$@" >>"$log" 2>&1; then return 0; fi
  echo "échec"
  echo "Fin du journal ($log) :" >&2
  tail -n 25 "$log" >&2
  exit 1
}

# Debian packages: only what is missing, with apt-get as root or through sudo.
need=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1 || need+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -eq 0 ]; then
  echo "Paquets Debian : chromium et poppler-utils déjà présents"
elif ! command -v apt-get >/dev/null 2>&1; then
  echo "Paquets Debian : manquent ${need[*]} ; installez-les avec le gestionnaire de paquets du système" >&2
else
  start=$SECONDS
  printf 'Paquets Debian : installation de %s… ' "${need[*]}"
  sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  run debian "${sudo[@]}" apt-get update -qq
  run debian "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-dejavu-core
  echo "fait en $(took "$start")"
fi

# npm packages, exactly as the lock file says; npm's warnings (engines on
# Node 20, deprecations) stay in the log.
start=$SECONDS
printf 'Paquets npm : '
if [ -f package-lock.json ]; then run npm npm ci --no-audit --no-fund; else run npm npm install --no-audit --no-fund; fi
added=$(grep -oE 'added [0-9]+ packages?' "$logs/npm.log" | grep -oE '[0-9]+' | tail -n 1)
echo "${added:-0} installés en $(took "$start")"

# Node 24, from the `node` npm package: what every `npm run` script runs on.
printf 'Node 24 : '
run node node_modules/.bin/node --version
echo "$(tail -n 1 "$logs/node.log"), pour tous les scripts npm run"

if [ "$build" -eq 1 ]; then
  start=$SECONDS
  printf 'Construction (npm run build) : '
  run build npm run build
  echo "dist/ construit en $(took "$start")"
fi

rm -rf "$logs"
