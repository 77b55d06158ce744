"""The window's model manager: a .pt import gets both forms, and torch never loads in the window process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# A window process of its own (this test process has long imported torch): Qt, the
# manager, one .pt import, then what was imported here.
SCRIPT = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from desktop_app.runner.model_manager import ModelManager

app = QCoreApplication([])
home = Path(sys.argv[1])
manager = ModelManager(lambda: None, models_dir=home / "models")
outcome = {}
manager.finished.connect(lambda op, subject: (outcome.update(ok=[op, subject]), app.quit()))
manager.failed.connect(lambda op, message: (outcome.update(failed=message), app.quit()))
manager.import_from(Path(sys.argv[2]))
QTimer.singleShot(240_000, app.quit)
app.exec()
manager.shutdown()
names = [m.forms_label for m in manager.installed()]
print(json.dumps({**outcome, "forms": names, "torch": "torch" in sys.modules, "ctranslate2": "ctranslate2" in sys.modules}))
"""


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory) -> Path:
    from model_fixtures import make_fake_checkpoint

    return make_fake_checkpoint(tmp_path_factory.mktemp("ckpt") / "fake.pt")


def test_a_pt_import_converts_in_a_child_and_keeps_torch_out(tmp_path, checkpoint):
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path), str(checkpoint)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"ok": ["import", "fake"], "forms": ["ctranslate2+openai"], "torch": False, "ctranslate2": False}
