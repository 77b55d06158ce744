"""Paints a transcript text cell with its marks (search hits, uncertain words, the word being
played), finds the character under a click, and remembers the open line editor."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QLineEdit, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop_app.ui.segment_table_model import HITS_ROLE, PLAYING_WORD_ROLE, UNCERTAIN_ROLE

HIT_COLOUR = "#ffd54f"  # search hits: amber behind dark text, readable in light and dark themes
UNCERTAIN_COLOUR = "#c62828"  # uncertain words: red text with a wavy red underline
PLAYING_WORD_COLOUR = "#90caf9"  # the word being played: light blue behind dark text

_HIT, _UNCERTAIN, _PLAYING = 1, 2, 4


def _styled(text: str, flags: int) -> str:
    body = html.escape(text)
    if not flags:
        return body
    css = []
    if flags & _PLAYING:
        css.append(f"background-color:{PLAYING_WORD_COLOUR}; color:#000")
    elif flags & _HIT:
        css.append(f"background-color:{HIT_COLOUR}; color:#000")
    if flags & _UNCERTAIN:
        css.append(f"text-decoration: underline; text-decoration-color:{UNCERTAIN_COLOUR}")
        if not flags & (_PLAYING | _HIT):
            css.append(f"color:{UNCERTAIN_COLOUR}")
    return f'<span style="{"; ".join(css)}">{body}</span>'


def marked_html(text: str, hits, uncertain, playing) -> str:
    """The text as HTML, each character styled by the marks that cover it."""
    flags = [0] * len(text)
    for spans, flag in ((hits, _HIT), (uncertain, _UNCERTAIN), ([playing] if playing else [], _PLAYING)):
        for start, length in spans:
            for i in range(max(start, 0), min(start + length, len(text))):
                flags[i] |= flag
    parts, run_start = [], 0
    for i in range(1, len(text) + 1):
        if i == len(text) or flags[i] != flags[run_start]:
            parts.append(_styled(text[run_start:i], flags[run_start]))
            run_start = i
    return "".join(parts)


class HighlightDelegate(QStyledItemDelegate):
    """Paints the marks inside the text; remembers the open line editor (for split at cursor)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.active_editor: QLineEdit | None = None
        self.active_index: QPersistentModelIndex | None = None

    def _document(self, opt: QStyleOptionViewItem, index: QModelIndex, text: str) -> tuple[QTextDocument, QRect]:
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(2)
        hits = index.data(HITS_ROLE) or []
        uncertain = index.data(UNCERTAIN_ROLE) or []
        playing = index.data(PLAYING_WORD_ROLE)
        doc.setHtml(marked_html(text, hits, uncertain, playing))
        rect = opt.rect.adjusted(2, 0, -2, 0)
        doc.setTextWidth(rect.width())
        return doc, rect

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if not (index.data(HITS_ROLE) or index.data(UNCERTAIN_ROLE) or index.data(PLAYING_WORD_ROLE)):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc, rect = self._document(opt, index, text)
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

    def char_at(self, option: QStyleOptionViewItem, index: QModelIndex, x: float) -> int:
        """The character of the cell's text under horizontal position `x` (view coordinates)."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc, rect = self._document(opt, index, opt.text)
        top = max(0, (rect.height() - doc.size().height()) / 2)
        y = top + doc.size().height() / 2
        position = doc.documentLayout().hitTest(QPointF(x - rect.left(), y), Qt.HitTestAccuracy.FuzzyHit)
        return max(position, 0)

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
        position = editor.cursorPosition()  # the model shows stripped text; so does the editor
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
        return index.row(), position
