"""The export dialog's message boxes: what to do with an existing file, and what was written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QMessageBox, QWidget

from desktop_app.core.subtitles.batch import BatchResult
from desktop_app.core.subtitles.export import CollisionPolicy

LISTED_FILES = 8  # written files named in the message; the rest are in its details




def ask_collision(parent: QWidget, path: Path) -> tuple[CollisionPolicy, bool]:
    """Ask what to do with the existing `path`: (the answer, whether it covers every other file)."""
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("ExportDialog", "File exists"),
                      QCoreApplication.translate("ExportDialog", "{0} already exists in {1}.").format(path.name, path.parent), parent=parent)
    replace_button = box.addButton(QCoreApplication.translate("ExportDialog", "Replace"), QMessageBox.ButtonRole.AcceptRole)
    number_button = box.addButton(QCoreApplication.translate("ExportDialog", "Add a number"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("ExportDialog", "Skip"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(number_button)
    box.setCheckBox(QCheckBox(QCoreApplication.translate("ExportDialog", "Do the same for every existing file"), box))
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
        icon, title = QMessageBox.Icon.Critical, QCoreApplication.translate("ExportDialog", "Export failed")
    elif failed:
        icon, title = QMessageBox.Icon.Warning, QCoreApplication.translate("ExportDialog", "Export finished with problems")
    else:
        icon, title = QMessageBox.Icon.Information, QCoreApplication.translate("ExportDialog", "Export finished")
    lines = [QCoreApplication.translate("ExportDialog", "Wrote %n file(s).", "", len(written))]
    lines += [f"  {p.name}" for p in written[:LISTED_FILES]]
    if len(written) > LISTED_FILES:
        lines.append(QCoreApplication.translate("ExportDialog", "  …and %n more (see the details)", "", len(written) - LISTED_FILES))
    if result.folders:
        lines.append(QCoreApplication.translate("ExportDialog", "In: {0}").format(", ".join(str(f) for f in result.folders[:3])))
    if result.skipped:
        lines.append(QCoreApplication.translate("ExportDialog", "Skipped %n existing file(s).", "", len(result.skipped)))
    if result.cancelled:
        lines.append(QCoreApplication.translate("ExportDialog", "Stopped before every job was exported."))
    if failed:
        lines.append(QCoreApplication.translate("ExportDialog", "Could not export:"))
        lines += [f"  {failure}" for failure in failed]
    box = QMessageBox(icon, title, "\n".join(lines), QMessageBox.StandardButton.Close, parent)
    if len(written) > LISTED_FILES:
        box.setDetailedText("\n".join(str(p) for p in written))
    open_button = None
    if result.folders:
        open_button = box.addButton(QCoreApplication.translate("ExportDialog", "Open folder"), QMessageBox.ButtonRole.ActionRole)
    return box, open_button
