#!/usr/bin/env bash
# Set up everything, then run the whole test suite and the installer proof.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/lint-imports
.venv/bin/python -m pytest -ra "$@"
if [ -f packaging/prove_installer.sh ]; then
  bash packaging/prove_installer.sh
fi
