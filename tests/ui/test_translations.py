"""The shipped pt_BR translation is complete and in step with the source."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "desktop_app/ui/translations/daredevil_pt_BR.ts"
QM = TS.with_suffix(".qm")
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")


@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate is not in this environment")
def test_lupdate_finds_nothing_new_or_untranslated(tmp_path):
    """Every tr() string is in the .ts under the context it is looked up with at run time."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "desktop_app/ui").glob("*.py"))
    sources += sorted(str(p) for p in (ROOT / "desktop_app/runner").glob("*.py"))
    subprocess.run([str(LUPDATE), "-no-obsolete", *sources, "-ts", str(copy)], check=True, capture_output=True)
    text = copy.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    assert "<name></name>" not in text, "a string lupdate could not place in a class context"


@pytest.mark.parametrize(
    "context, source",
    [
        ("ExportOptionsForm", "Formats"),
        ("ExportPreview", "Preview"),
        ("SegmentTableModel", "Start"),
        ("QueueController", "Other launches of Daredevil can't hand their files to this window; open them from here."),
        ("JobQueue", "The history file was damaged; it was moved to {0} and a new one was started."),
        ("JobExecution", "Something unexpected went wrong ({0}). The job's log has the details."),
    ],
)
def test_strings_of_every_context_translate(qapp, context, source):
    translator = QTranslator()
    assert translator.load(str(QM))
    translated = translator.translate(context, source)
    assert translated and translated != source
