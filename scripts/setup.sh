#!/usr/bin/env bash
# Installs what Proofer needs on a fresh Debian machine, then is quiet on later runs.
# Debian packages: enchant (for pyenchant), the Swedish Hunspell dictionary, the
# libraries Qt needs even offscreen, the X libraries of Qt's xcb platform plugin (a
# real display: `ldd` on PySide6's libqxcb.so and libQt6XcbQpa.so, and xcb-cursor,
# which Qt checks for by name), Xvfb + xdotool, with which a test opens the real
# window, and Apertium's Swedish analyser, CG-3 disambiguator, tagger and generator
# for the grammar engine (proofer/morph). Python packages go into .venv, reinstalled
# only when pyproject.toml changes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

debs=(libenchant-2-2 hunspell-sv libgl1 libegl1 libxkbcommon0 libfontconfig1 libglib2.0-0
      libdbus-1-3 fonts-dejavu-core
      libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0
      libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0
      libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1
      libxkbcommon-x11-0
      xvfb xdotool
      lttoolbox cg3 apertium apertium-swe-nor)
missing=()
for d in "${debs[@]}"; do
    dpkg-query -W -f='${Status}' "$d" 2>/dev/null | grep -q "install ok installed" || missing+=("$d")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installerar Debian-paket: ${missing[*]}" >&2
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
fi

py=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    echo "setup: skapar .venv" >&2
    "$py" -m venv .venv
fi
stamp=.venv/.proofer-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "setup: installerar Python-paket i .venv" >&2
    .venv/bin/python -m pip install -q --upgrade pip >&2
    .venv/bin/python -m pip install -q -e ".[dev]" >&2
    echo "$want" > "$stamp"
fi

# Hunspell's verdicts on the words Swedish text uses, for the installed dictionary
# (proofer/word_table.py): a few seconds once, and a faster check from then on.
# Without it everything works, only slower, so a failure here stops nothing.
.venv/bin/python -m proofer prepare --quiet || true

# Byte-code for the package, written even where PYTHONDONTWRITEBYTECODE is set:
# without it every start compiles every module of proofer again (a fifth of a
# second of each check's start-up). Up-to-date files are left alone.
.venv/bin/python -m compileall -q proofer >/dev/null || true
