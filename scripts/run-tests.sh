#!/usr/bin/env bash
# Set up everything, then run the whole test suite and the installer proof.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
bash scripts/start-audio.sh  # the editor's playback tests play to a null sink
trap 'bash scripts/start-audio.sh --stop' EXIT
.venv/bin/lint-imports
.venv/bin/python -m pytest -ra "$@"
if [ -f packaging/prove_installer.sh ]; then
  bash packaging/prove_installer.sh
fi
