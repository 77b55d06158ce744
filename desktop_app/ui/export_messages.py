"""The export dialog's message boxes: what to do with an existing file, and what was written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QMessageBox, QWidget

from desktop_app.core.subtitles.batch import BatchResult
from desktop_app.core.subtitles.export import CollisionPolicy

LISTED_FILES = 8  # written files named in the message; the rest are in its details


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    # the strings moved here from ExportDialog, and are translated under that name
    return QCoreApplication.translate("ExportDialog", text, disambiguation, n)


def ask_collision(parent: QWidget, path: Path) -> tuple[CollisionPolicy, bool]:
    """Ask what to do with the existing `path`: (the answer, whether it covers every other file)."""
    box = QMessageBox(QMessageBox.Icon.Question, tr("File exists"),
                      tr("{0} already exists in {1}.").format(path.name, path.parent), parent=parent)
    replace_button = box.addButton(tr("Replace"), QMessageBox.ButtonRole.AcceptRole)
    number_button = box.addButton(tr("Add a number"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Skip"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(number_button)
    box.setCheckBox(QCheckBox(tr("Do the same for every existing file"), box))
    box.exec()
    clicked = box.clickedButton()
    if clicked is replace_button:
        answer = CollisionPolicy.OVERWRITE
    elif clicked is number_button:
        answer = CollisionPolicy.NUMBER
    else:
        answer = CollisionPolicy.SKIP
    return answer, box.checkBox().isChecked()


def result_box(parent: QWidget, result: BatchResult) -> tuple[QMessageBox, QAbstractButton | None]:
    """A message naming the written files and each failure; with "Open folder" when files were written."""
    written = result.written
    failed = result.failures
    if failed and not written:
        icon, title = QMessageBox.Icon.Critical, tr("Export failed")
    elif failed:
        icon, title = QMessageBox.Icon.Warning, tr("Export finished with problems")
    else:
        icon, title = QMessageBox.Icon.Information, tr("Export finished")
    lines = [tr("Wrote %n file(s).", "", len(written))]
    lines += [f"  {p.name}" for p in written[:LISTED_FILES]]
    if len(written) > LISTED_FILES:
        lines.append(tr("  …and %n more (see the details)", "", len(written) - LISTED_FILES))
    if result.folders:
        lines.append(tr("In: {0}").format(", ".join(str(f) for f in result.folders[:3])))
    if result.skipped:
        lines.append(tr("Skipped %n existing file(s).", "", len(result.skipped)))
    if result.cancelled:
        lines.append(tr("Stopped before every job was exported."))
    if failed:
        lines.append(tr("Could not export:"))
        lines += [f"  {failure}" for failure in failed]
    box = QMessageBox(icon, title, "\n".join(lines), QMessageBox.StandardButton.Close, parent)
    if len(written) > LISTED_FILES:
        box.setDetailedText("\n".join(str(p) for p in written))
    open_button = None
    if result.folders:
        open_button = box.addButton(tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
    return box, open_button
