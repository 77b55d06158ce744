"""Entry of the windowed launcher (Windows Start menu, macOS .app): the window, with any files."""

import multiprocessing
import sys

from desktop_app.cli.main import gui_main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # spawned engine workers re-enter here when frozen
    sys.exit(gui_main())
