"""A real window that opens a job's editor (Job > Edit transcript), makes one edit, and prints
SAVED when the autosave has stored it; then it waits to be killed. Used by test_editor_review.

    python tests/ui/editor_child.py JOB_ID ROW NEW_TEXT
"""

import sys

from PySide6.QtWidgets import QApplication

from desktop_app.core.paths import app_paths
from desktop_app.runner.controller import QueueController
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.segment_table_model import Column


def main() -> None:
    job_id, row, text = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    app = QApplication([])
    controller = QueueController(paths=app_paths().ensure())
    win = MainWindow(controller)
    win.show()
    win.select_job(job_id)
    win.edit_action.trigger()
    editor = win.editors[job_id]
    editor.saved.connect(lambda _job: print("SAVED", flush=True))
    editor.model.setData(editor.model.index(row, Column.TEXT), text)  # what the in-place editor does
    print("EDITED", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
