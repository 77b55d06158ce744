"""Load the interface translation: the system language, unless settings.ui_language says otherwise."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
#: Languages shipped with the app (English is the source text).
SHIPPED = ("en", "pt_BR")

_installed: list[QTranslator] = []


def ui_locale(ui_language: str | None) -> QLocale:
    """The locale to show: the override when set, else the system's."""
    return QLocale(ui_language) if ui_language else QLocale.system()


def install_translator(ui_language: str | None = None) -> QLocale:
    """Install (or replace) the app's translators; returns the locale chosen."""
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    locale = ui_locale(ui_language)
    if locale.language() == QLocale.Language.English:
        return locale
    ours = QTranslator(app)
    if ours.load(locale, "daredevil", "_", str(TRANSLATIONS_DIR)):
        app.installTranslator(ours)
        _installed.append(ours)
        # Qt's own strings (standard buttons, file dialogs), when the Qt build ships them
        qt = QTranslator(app)
        if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    else:
        log.info("No translation for %s; the interface stays in English", locale.name())
    return locale
