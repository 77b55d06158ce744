"""Speakers in the transcript editor: a column with a list to pick from, rename and merge.

A mixin of TranscriptEditor (it relies on `model`, `table`, `current_segment` and `_say`);
every change is an undo step of the model and is saved with the transcript.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QInputDialog, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop_app.ui.segment_table_model import Column


class SpeakerDelegate(QStyledItemDelegate):
    """Edits a segment's speaker with a list of the transcript's speakers."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        box = QComboBox(parent)
        box.addItem(QCoreApplication.translate("TranscriptEditor", "(nobody)"), None)
        for speaker in index.model().speakers():
            box.addItem(speaker.name, speaker.id)
        return box

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:  # fmt: skip
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class SpeakerActions:
    """Rename and merge the selected segment's speaker."""

    def setup_speakers(self) -> None:
        self.speaker_delegate = SpeakerDelegate(self.table)
        self.table.setItemDelegateForColumn(Column.SPEAKER, self.speaker_delegate)
        self.update_speaker_column()

    def update_speaker_column(self, *_args) -> None:
        has = bool(self.model.speakers())
        self.table.setColumnHidden(Column.SPEAKER, not has)
        for action in (self.rename_speaker_action, self.merge_speaker_action):
            action.setEnabled(has)

    def _selected_speaker(self) -> str | None:
        segment = self.current_segment()
        if segment is None or segment.speaker is None:
            self._say(QCoreApplication.translate("TranscriptEditor", "Select a segment that has a speaker."))
            return None
        return segment.speaker

    def rename_selected_speaker(self, name: str | None = None) -> bool:
        """Rename the selected segment's speaker everywhere (asks for the name when not given)."""
        speaker = self._selected_speaker()
        if speaker is None:
            return False
        if name is None:
            current = self.model.transcript().speaker_name(speaker) or ""
            name, ok = QInputDialog.getText(self, QCoreApplication.translate("TranscriptEditor", "Rename speaker"),
                                            QCoreApplication.translate("TranscriptEditor", "New name for {0}:").format(current),
                                            text=current)  # fmt: skip
            if not ok:
                return False
        try:
            return self.model.rename_speaker(speaker, name)
        except ValueError as refused:
            self._say(QCoreApplication.translate("TranscriptEditor", "Not renamed: {0}").format(refused))
            return False

    def merge_selected_speaker(self, into: str | None = None) -> bool:
        """Merge the selected segment's speaker into another one (asked for when not given)."""
        speaker = self._selected_speaker()
        if speaker is None:
            return False
        others = [p for p in self.model.speakers() if p.id != speaker]
        if not others:
            self._say(QCoreApplication.translate("TranscriptEditor", "There is no other speaker to merge with."))
            return False
        if into is None:
            names = [p.name for p in others]
            chosen, ok = QInputDialog.getItem(self, QCoreApplication.translate("TranscriptEditor", "Merge speakers"),
                                              QCoreApplication.translate("TranscriptEditor", "Merge {0} into:").format(
                                                  self.model.transcript().speaker_name(speaker)),
                                              names, 0, False)  # fmt: skip
            if not ok:
                return False
            into = others[names.index(chosen)].id
        return self.model.merge_speakers(into, speaker)
