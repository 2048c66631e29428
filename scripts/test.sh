#!/usr/bin/env bash
# Sets up everything (Debian packages, .venv) and runs the linter and the test suite.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m ruff check proofer tests benchmarks main.py
.venv/bin/python -m pytest "$@"
