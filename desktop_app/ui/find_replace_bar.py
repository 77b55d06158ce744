"""Find and replace across a whole transcript: match case, whole word, replace one or all."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from desktop_app.core.segment_edits import FindQuery
from desktop_app.ui.segment_table_model import SegmentTableModel


class FindReplaceBar(QWidget):
    """The editor's find row; the replace row shows with Ctrl+H. Every replacement is undoable."""

    def __init__(self, model: SegmentTableModel, select_row: Callable[[int], None],
                 say: Callable[[str], None], parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.model, self._select_row, self._say = model, select_row, say
        self._current: tuple[int, int] | None = None  # (row, character) of the hit shown
        self.find_edit = QLineEdit(self)
        self.find_edit.setPlaceholderText(self.tr("Search the transcript"))
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.setAccessibleName(self.tr("Find"))
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setPlaceholderText(self.tr("Replace with"))
        self.replace_edit.setAccessibleName(self.tr("Replace with"))
        self.case_box = QCheckBox(self.tr("Match case"), self)
        self.word_box = QCheckBox(self.tr("Whole word"), self)
        self.count_label = QLabel(self)
        self.next_button = QPushButton(self.tr("Next"), self)
        self.replace_button = QPushButton(self.tr("Replace"), self)
        self.replace_all_button = QPushButton(self.tr("Replace all"), self)
        self.replace_label = QLabel(self.tr("Replace:"), self)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("Find:"), self), 0, 0)
        grid.addWidget(self.find_edit, 0, 1)
        grid.addWidget(self.case_box, 0, 2)
        grid.addWidget(self.word_box, 0, 3)
        grid.addWidget(self.next_button, 0, 4)
        grid.addWidget(self.count_label, 0, 5)
        grid.addWidget(self.replace_label, 1, 0)
        grid.addWidget(self.replace_edit, 1, 1)
        grid.addWidget(self.replace_button, 1, 4)
        grid.addWidget(self.replace_all_button, 1, 5)
        grid.setColumnStretch(1, 1)
        self.show_replace(False)

        self.find_edit.textChanged.connect(self.refresh)
        self.case_box.toggled.connect(self.refresh)
        self.word_box.toggled.connect(self.refresh)
        self.find_edit.returnPressed.connect(self.next_hit)
        self.replace_edit.returnPressed.connect(self.replace_next)
        self.next_button.clicked.connect(self.next_hit)
        self.replace_button.clicked.connect(self.replace_next)
        self.replace_all_button.clicked.connect(self.replace_all)

    def query(self) -> FindQuery:
        return FindQuery(self.find_edit.text(), self.case_box.isChecked(), self.word_box.isChecked())

    def show_replace(self, shown: bool) -> None:
        for widget in (self.replace_label, self.replace_edit, self.replace_button, self.replace_all_button):
            widget.setVisible(shown)

    def focus_find(self, replace: bool = False) -> None:
        self.show_replace(replace or self.replace_edit.isVisible())
        target = self.replace_edit if replace and self.find_edit.text() else self.find_edit
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        target.selectAll()

    def refresh(self, *_args) -> list[int]:
        """Search again with what the row holds; returns the rows hit."""
        rows = self.model.set_search(self.query())
        hits = self.model.hits()
        if not self.find_edit.text().strip():
            self.count_label.setText("")
        elif hits:
            self.count_label.setText(self.tr("%n match(es)", "", len(hits)))
        else:
            self.count_label.setText(self.tr("No match"))
        self._current = None
        if hits:
            self._show(hits[0])
        return rows

    def _show(self, hit: tuple[int, int]) -> None:
        self._current = hit
        self._select_row(hit[0])

    def next_hit(self) -> tuple[int, int] | None:
        hits = self.model.hits()
        if not hits:
            return None
        after = next((h for h in hits if self._current is None or h > self._current), hits[0])
        self._show(after)
        return after

    def replace_next(self) -> bool:
        """Replace the hit shown, then show the next one."""
        hits = self.model.hits()
        if not hits:
            self._say(self.tr("Nothing to replace: no match."))
            return False
        hit = self._current if self._current in hits else hits[0]
        if not self.model.replace_at(hit[0], hit[1], self.replace_edit.text()):
            return False
        remaining = self.model.hits()
        self.count_label.setText(self.tr("%n match(es)", "", len(remaining)) if remaining else self.tr("No match"))
        later = [h for h in remaining if h[0] > hit[0] or (h[0] == hit[0] and h[1] >= hit[1] + len(self.replace_edit.text()))]
        if later or remaining:
            self._show((later or remaining)[0])
        else:
            self._current = None
        return True

    def replace_all(self) -> int:
        changed = self.model.replace_all(self.replace_edit.text())
        self._say(self.tr("Replaced in %n segment(s). Ctrl+Z undoes it.", "", changed) if changed
                  else self.tr("Nothing to replace: no match."))  # fmt: skip
        self.refresh()
        return changed
