"""The transcript editor's menu bar and toolbar: every action, with its shortcut shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDoubleSpinBox, QMenuBar, QToolBar

if TYPE_CHECKING:
    from desktop_app.ui.transcript_editor import TranscriptEditor


def build_menus(editor: "TranscriptEditor", bar: QMenuBar) -> None:
    """File, Edit, Playback, Timing, Review, Speakers and View menus (menus show each action's shortcut)."""
    p = editor.playback
    menus = (
        (QCoreApplication.translate("EditorMenus", "&File"),
         [editor.save_action, editor.export_action, None, editor.revert_action, None, editor.close_action]),
        (QCoreApplication.translate("EditorMenus", "&Edit"),
         [editor.undo_action, editor.redo_action, None, editor.find_action, editor.replace_action,
          editor.find_next_action, None, editor.merge_action, editor.split_action]),
        (QCoreApplication.translate("EditorMenus", "&Playback"),
         [p.play_action, p.segment_action, p.loop_action, None, p.back_action, p.forward_action, None,
          p.slower_action, p.faster_action]),
        (QCoreApplication.translate("EditorMenus", "&Timing"),
         [editor.set_start_action, editor.set_end_action, None, editor.start_earlier_action,
          editor.start_later_action, editor.end_earlier_action, editor.end_later_action, None,
          editor.shift_action]),
        (QCoreApplication.translate("EditorMenus", "&Review"),
         [editor.next_uncertain_action, editor.previous_uncertain_action]),
        (QCoreApplication.translate("EditorMenus", "&Speakers"),
         [editor.rename_speaker_action, editor.merge_speaker_action]),
        (QCoreApplication.translate("EditorMenus", "&View"), [editor.video_action]),
    )  # fmt: skip
    for title, actions in menus:
        menu = bar.addMenu(title)
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)


def build_toolbar(editor: "TranscriptEditor") -> QToolBar:
    """The actions used most, with the speed box, playback time and the time offset box."""
    toolbar = QToolBar(editor)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    p = editor.playback
    for action in (p.play_action, p.back_action, p.forward_action, p.segment_action, p.loop_action):
        toolbar.addAction(action)
    toolbar.addWidget(p.speed_box)
    toolbar.addWidget(p.time_label)
    toolbar.addSeparator()
    for action in (editor.undo_action, editor.redo_action, editor.merge_action, editor.split_action,
                   editor.next_uncertain_action):  # fmt: skip
        toolbar.addAction(action)
    toolbar.addSeparator()
    editor.shift_spin = QDoubleSpinBox(editor)
    editor.shift_spin.setRange(-36_000.0, 36_000.0)
    editor.shift_spin.setDecimals(3)
    editor.shift_spin.setSingleStep(0.1)
    editor.shift_spin.setSuffix(QCoreApplication.translate("EditorMenus", " s"))
    editor.shift_spin.setToolTip(QCoreApplication.translate("EditorMenus", "Offset in seconds; negative moves subtitles earlier"))
    editor.shift_spin.setAccessibleName(QCoreApplication.translate("EditorMenus", "Time offset"))
    toolbar.addWidget(editor.shift_spin)
    toolbar.addAction(editor.shift_action)
    toolbar.addSeparator()
    toolbar.addAction(editor.export_action)
    return toolbar
