#!/usr/bin/env bash
# Set up everything, then open the Daredevil window (any arguments are files to queue).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/daredevil gui "$@"
