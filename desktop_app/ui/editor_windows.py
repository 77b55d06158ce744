"""The open transcript editors: one window per job, raised when asked for again."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.runner.controller import QueueController
from desktop_app.ui.transcript_editor import TranscriptEditor


def show_editor(editors: dict[str, TranscriptEditor], controller: QueueController, job_id: str,
                row: int | None = None) -> TranscriptEditor:  # fmt: skip
    """Show the job's editor (an open one is raised; a closed one leaves `editors`), at a segment if given."""
    editor = editors.get(job_id)
    if editor is None:
        editor = TranscriptEditor(controller, job_id)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.destroyed.connect(lambda *_a: editors.pop(job_id, None))
        editors[job_id] = editor
    editor.show()
    editor.raise_()
    editor.activateWindow()
    if row is not None:
        editor.select_row(row)
    return editor
