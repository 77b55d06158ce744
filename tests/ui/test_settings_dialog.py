"""The settings dialog, driven with qtbot: a real controller, real files, a real HTTP download."""

from __future__ import annotations

import hashlib
import http.server
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from desktop_app.core.cache import ResultCache
from desktop_app.core.models.registry import list_installed
from desktop_app.core.settings import GB, MB, load_settings
from desktop_app.core.transcript import Segment, Transcript
from desktop_app.runner.controller import QueueController
from desktop_app.ui.settings_dialog import SettingsDialog

WAIT_MS = 60_000


@pytest.fixture
def controller(bare_home):
    made = QueueController(paths=bare_home)
    yield made
    made.shutdown()


@pytest.fixture
def dialog(qtbot, controller):
    made = SettingsDialog(controller)
    qtbot.addWidget(made)
    made.show()
    return made


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory) -> Path:
    from model_fixtures import make_fake_checkpoint

    return make_fake_checkpoint(tmp_path_factory.mktemp("ckpt") / "fake.pt")


@pytest.fixture
def yes_to_questions(monkeypatch):
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[2] if len(args) > 2 else "")
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    return asked


def test_changed_settings_are_saved_and_reload_from_disk(qtbot, dialog, bare_home):
    dialog.device_combo.setCurrentIndex(dialog.device_combo.findData("cpu"))
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("pt"))
    dialog.task_combo.setCurrentIndex(dialog.task_combo.findData("translate"))
    dialog.word_timestamps.setChecked(True)
    dialog.uncertain_below.setValue(35)
    dialog.initial_prompt.setPlainText("  Daredevil, Matt Murdock  ")
    dialog.max_file_gb.setValue(1.5)
    dialog.probe_timeout.setValue(20)
    dialog.extract_max.setValue(900)
    dialog.job_floor.setValue(300)
    dialog.max_retries.setValue(4)
    dialog.concurrency.setValue(3)
    dialog.cache_max_mb.setValue(64)
    dialog.ui_language.setCurrentIndex(dialog.ui_language.findData("pt_BR"))

    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    assert not dialog.isVisible()
    saved = load_settings(bare_home.settings_file)
    assert saved.device == "cpu"
    assert saved.language == "pt"
    assert saved.task == "translate"
    assert saved.word_timestamps is True
    assert saved.uncertain_below == 0.35  # the editor's uncertain-word threshold
    assert saved.initial_prompt == "Daredevil, Matt Murdock"
    assert saved.limits.max_file_bytes == int(1.5 * GB)
    assert saved.limits.probe_timeout_s == 20
    assert saved.limits.extract_timeout_max_s == 900
    assert saved.limits.job_time_floor_s == 300
    assert saved.limits.max_retries == 4
    assert saved.extraction_concurrency == 3
    assert saved.cache_max_bytes == 64 * MB
    assert saved.ui_language == "pt_BR"
    assert dialog.controller.settings == saved
    assert dialog.controller.execution.io_pool.maxThreadCount() == 3


def test_the_form_shows_the_saved_settings(qtbot, controller):
    from dataclasses import replace

    controller.apply_settings(replace(controller.settings, language="ja", model="/some/where/mine.pt", device="cuda:3"))
    made = SettingsDialog(controller)
    qtbot.addWidget(made)
    assert made.language_combo.currentData() == "ja"
    assert made.model_combo.currentData() == "/some/where/mine.pt"
    assert made.device_combo.currentData() == "cuda:3"
    assert made.settings_from_form() == controller.settings


def test_invalid_input_shows_a_message_and_keeps_the_dialog(qtbot, dialog, bare_home):
    dialog.extract_min.setValue(1000)
    dialog.extract_max.setValue(100)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert dialog.error.isVisible() and "extraction" in dialog.error.text()
    assert not bare_home.settings_file.exists()

    dialog.extract_min.setValue(60)
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("small"))
    assert not dialog.apply()
    assert "not installed" in dialog.error.text()
    assert dialog.models_page.download_choice.currentData() == "small"

    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData(None))
    assert dialog.apply()
    assert not dialog.error.isVisible()
    assert load_settings(bare_home.settings_file).limits.extract_timeout_min_s == 60


def test_clear_cache_empties_the_real_cache(qtbot, controller, bare_home, yes_to_questions):
    with ResultCache(bare_home.cache_file, 64 * MB) as cache:
        for n in range(20):
            cache.put(f"key{n}", Transcript((Segment(0.0, 1.0, f" words {n} " * 50),), "en", 1.0))
        assert cache.total_bytes() > 0
    made = SettingsDialog(controller)
    qtbot.addWidget(made)
    before = made.cache_used.text()
    assert before != "0 bytes"
    assert made.models is controller.models  # the live cache, not a second connection to its file

    with qtbot.waitSignal(made.models.finished, timeout=WAIT_MS):
        made.clear_cache_button.click()

    assert yes_to_questions
    assert made.cache_used.text() == "0 bytes"
    with ResultCache(bare_home.cache_file, 64 * MB) as cache:
        assert cache.total_bytes() == 0 and len(cache) == 0


def test_import_a_checkpoint_then_delete_it(qtbot, dialog, checkpoint, monkeypatch, yes_to_questions):
    page = dialog.models_page
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(checkpoint), ""))
    with qtbot.waitSignal(dialog.models.finished, timeout=WAIT_MS) as done:
        page.import_file_button.click()
    assert done.args == ["import", "fake"]
    assert page.installed_names() == ["fake"]
    assert page.table.item(0, 3).text() == "CTranslate2 (faster-whisper), openai-whisper (.pt)"
    assert [m.name for m in list_installed()] == ["fake"]
    assert dialog.model_combo.findData("fake") >= 0  # the Transcription page lists it too
    assert "fake" in page.status.text()

    page.table.selectRow(0)
    page.delete_button.click()
    assert yes_to_questions
    assert page.installed_names() == []
    assert list_installed() == []
    assert dialog.model_combo.findData("fake") < 0


def test_importing_a_bad_file_says_why(qtbot, dialog, tmp_path):
    bad = tmp_path / "broken.pt"
    bad.write_bytes(b"not a checkpoint at all")
    with qtbot.waitSignal(dialog.models.failed, timeout=WAIT_MS):
        dialog.models_page.import_path(bad)
    assert "import failed" in dialog.models_page.status.text()
    assert dialog.models_page.installed_names() == []


class _SlowServer(http.server.ThreadingHTTPServer):
    """Serves one file in small, paced chunks, so progress and cancel can be seen."""

    daemon_threads = True

    def __init__(self, payload: bytes, chunk: int, delay_s: float) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.payload, self.chunk, self.delay_s = payload, chunk, delay_s
        self.sha = hashlib.sha256(payload).hexdigest()

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/{self.sha}/{name}.pt"


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _SlowServer

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        data = self.server.payload
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            for start in range(0, len(data), self.server.chunk):
                self.wfile.write(data[start : start + self.server.chunk])
                self.wfile.flush()
                time.sleep(self.server.delay_s)
        except OSError:
            pass  # the client cancelled


@pytest.fixture
def serve():
    servers = []

    def start(payload: bytes, chunk: int = 1 << 16, delay_s: float = 0.0) -> _SlowServer:
        server = _SlowServer(payload, chunk, delay_s)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def mirrored_dialog(qtbot, bare_home):
    """A dialog whose controller downloads the named models from `urls` (a local mirror)."""
    made = []

    def make(urls: dict[str, str]) -> SettingsDialog:
        controller = QueueController(paths=bare_home, download_urls=urls)
        dialog = SettingsDialog(controller)
        qtbot.addWidget(dialog)
        dialog.show()
        made.append(controller)
        return dialog

    yield make
    for controller in made:
        controller.shutdown()


def test_download_shows_progress_and_installs(qtbot, mirrored_dialog, checkpoint, serve):
    payload = checkpoint.read_bytes()
    server = serve(payload, chunk=1 << 16, delay_s=0.05)
    dialog = mirrored_dialog({"tiny": server.url("tiny")})
    page = dialog.models_page
    dialog.tabs.setCurrentWidget(page)
    page.select_download("tiny")
    seen = []
    dialog.models.progress.connect(lambda name, done, total: seen.append((name, done, total)))

    with qtbot.waitSignal(dialog.models.finished, timeout=WAIT_MS) as done:
        page.download_button.click()
        assert page.progress.isVisible() and page.cancel_button.isEnabled()

    assert done.args == ["download", "tiny"]
    assert seen and seen[-1] == ("tiny", len(payload), len(payload))
    assert len(seen) >= 2 and seen[0][1] < len(payload)
    assert not page.progress.isVisible()
    assert page.installed_names() == ["tiny"]
    assert page.download_choice.findData("tiny") < 0
    assert dialog.model_combo.findData("tiny") >= 0


def test_cancel_stops_the_download(qtbot, mirrored_dialog, checkpoint, serve, bare_home):
    payload = checkpoint.read_bytes() * 8
    server = serve(payload, chunk=1 << 14, delay_s=0.05)
    dialog = mirrored_dialog({"base": server.url("base")})
    page = dialog.models_page
    dialog.tabs.setCurrentWidget(page)
    page.select_download("base")

    with qtbot.waitSignal(dialog.models.progress, timeout=WAIT_MS):
        page.download_button.click()
    with qtbot.waitSignal(dialog.models.cancelled, timeout=WAIT_MS):
        page.cancel_button.click()

    assert "cancelled" in page.status.text().lower()
    assert not page.progress.isVisible()
    assert page.download_button.isEnabled() and not page.cancel_button.isVisible()
    assert page.installed_names() == []
    part = bare_home.models_dir / "base.pt.part"
    assert 0 < part.stat().st_size < len(payload)  # kept, so the next try resumes


def test_the_dialog_speaks_brazilian_portuguese(qtbot, controller):
    from desktop_app.ui.i18n import install_translator

    install_translator("pt_BR")
    try:
        made = SettingsDialog(controller)
        qtbot.addWidget(made)
        tabs = [made.tabs.tabText(i) for i in range(made.tabs.count())]
        assert made.windowTitle() == "Configurações"
        assert tabs == ["Transcrição", "Motor", "Limites", "Desempenho", "Interface", "Modelos"]
        assert made.models_page.download_button.text() == "Baixar"
    finally:
        install_translator("en")


def test_identify_speakers_is_a_setting(qtbot, dialog, bare_home):
    combo = dialog.speakers_combo
    assert combo.currentData() == "off"  # the default
    assert [combo.itemData(i) for i in range(combo.count())] == ["off", "auto", *map(str, range(1, 11))]
    combo.setCurrentIndex(combo.findData("auto"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert load_settings(bare_home.settings_file).speakers == "auto"
    assert dialog.controller.settings.speakers == "auto"
    again = SettingsDialog(dialog.controller)
    qtbot.addWidget(again)
    assert again.speakers_combo.currentText() == "Automatic (count them)"
    again.speakers_combo.setCurrentIndex(again.speakers_combo.findData("3"))
    assert again.speakers_combo.currentText() == "3 speakers"
    assert again.settings_from_form().speakers == "3"
    again.models.shutdown()


def test_the_engine_page_chooses_engine_compute_type_vad_and_batching(qtbot, dialog, bare_home):
    page = dialog.engine_page
    assert (page.engine_combo.currentData(), page.compute_combo.currentData(), page.vad_check.isChecked(),
            page.batched_combo.currentData()) == ("auto", "auto", True, "auto")  # fmt: skip
    dialog.tabs.setCurrentWidget(page)
    page.engine_combo.setCurrentIndex(page.engine_combo.findData("openai-whisper"))
    page.compute_combo.setCurrentIndex(page.compute_combo.findData("float32"))
    page.vad_check.setChecked(False)
    page.batched_combo.setCurrentIndex(page.batched_combo.findData("off"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    saved = load_settings(bare_home.settings_file)
    assert (saved.engine, saved.compute_type, saved.vad, saved.batched) == ("openai-whisper", "float32", False, "off")
    assert dialog.controller.settings.engine == "openai-whisper"
    again = SettingsDialog(dialog.controller)
    qtbot.addWidget(again)
    assert again.engine_page.engine_combo.currentData() == "openai-whisper" and not again.engine_page.vad_check.isChecked()
