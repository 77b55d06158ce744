"""`python -m desktop_app`: the same entry point as the `daredevil` command."""

import multiprocessing
import sys

from desktop_app.cli.main import main

if __name__ == "__main__":
    # a frozen build re-enters here in spawned workers; freeze_support hands them over
    multiprocessing.freeze_support()
    sys.exit(main())
