#!/usr/bin/env bash
# Sets up everything (Debian packages, .venv) and starts Proofer.
#   scripts/run.sh [FILE]            the desktop app
#   scripts/run.sh check FILE...     the headless check (python -m proofer check)
#   scripts/run.sh dict ...          the dictionary admin command
#   scripts/run.sh prepare           rebuild the word table (setup does it once)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/setup.sh"
case "${1:-}" in
    check|dict|prepare) exec "$root/.venv/bin/python" -m proofer "$@" ;;
    *) exec "$root/.venv/bin/python" "$root/main.py" "$@" ;;
esac
