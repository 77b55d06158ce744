"""Paints search hits inside the transcript's text cells, and remembers the open line editor."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QLineEdit, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop_app.ui.segment_table_model import HITS_ROLE

HIT_COLOUR = "#ffd54f"  # search hits: amber behind dark text, readable in light and dark themes


class HighlightDelegate(QStyledItemDelegate):
    """Paints search hits inside the text; remembers the open line editor (for split at cursor)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.active_editor: QLineEdit | None = None
        self.active_index: QPersistentModelIndex | None = None

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        hits = index.data(HITS_ROLE) or []
        if not hits:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        parts, cursor = [], 0
        for start, length in hits:
            parts.append(html.escape(text[cursor:start]))
            parts.append(f'<span style="background-color:{HIT_COLOUR}; color:#000">'
                         f"{html.escape(text[start:start + length])}</span>")
            cursor = start + length
        parts.append(html.escape(text[cursor:]))
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(2)
        doc.setHtml("".join(parts))
        rect = opt.rect.adjusted(2, 0, -2, 0)
        doc.setTextWidth(rect.width())
        painter.save()
        top = rect.top() + max(0, (rect.height() - doc.size().height()) / 2)
        painter.translate(rect.left(), top)
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        self.active_editor = editor
        self.active_index = QPersistentModelIndex(index)
        editor.destroyed.connect(self._forget)
        return editor

    def destroyEditor(self, editor: QWidget, index: QModelIndex) -> None:
        if editor is self.active_editor:
            self._forget()
        super().destroyEditor(editor, index)

    def _forget(self, *_args) -> None:
        self.active_editor = None
        self.active_index = None

    def finish(self) -> tuple[int, int] | None:
        """Commit and close the open editor; (row, cursor position) if one was open."""
        editor, index = self.active_editor, self.active_index
        if editor is None or index is None or not index.isValid():
            return None
        # the model shows stripped text; the cursor counts in what the editor shows
        position = editor.cursorPosition()
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
        return index.row(), position
