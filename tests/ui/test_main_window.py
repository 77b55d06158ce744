"""The window, driven as a person would: real drops, row actions, the real tiny.en model (heavy tests)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from desktop_app.core.jobs import Job, JobStatus
from desktop_app.core.store import JobStore
from desktop_app.runner.controller import QueueController
from desktop_app.ui.i18n import install_translator
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.queue_model import JOB_ID_ROLE, Column
from runner.qt_support import WAIT_JOB_MS, drop_files
from speech import HELLO_WORDS
from speech import truncate_copy


@pytest.fixture
def window(qtbot, fresh_home):
    controller = QueueController(paths=fresh_home)
    win = MainWindow(controller)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close_without_asking()


def wait_status(qtbot, win, job_id, statuses, timeout=WAIT_JOB_MS):
    qtbot.waitUntil(lambda: win.controller.job(job_id).status in statuses, timeout=timeout)
    return win.controller.job(job_id)


def row_text(win, job_id, column):
    row = win.model.row_of(job_id)
    return win.model.index(row, column).data()


def ids_by_name(win):
    return {job.path.name: job.id for job in win.controller.jobs()}


@pytest.mark.heavy
def test_drop_media_files_to_finished_transcripts(qtbot, window, english_media):
    assert window.drop_hint.isVisible()
    assert drop_files(window, [english_media["wav"], english_media["mp4"]])
    assert window.model.rowCount() == 2 and not window.drop_hint.isVisible()
    ids = ids_by_name(window)
    window.select_job(ids["hello.mp4"])
    with qtbot.waitSignal(window.controller.queue_idle, timeout=WAIT_JOB_MS):
        pass
    for job_id in ids.values():
        job = window.controller.job(job_id)
        assert job.status == JobStatus.DONE, job.error
        assert all(w in job.transcript.text.lower() for w in HELLO_WORDS), job.transcript.text
        assert row_text(window, job_id, Column.STATUS) == "Done"
        assert row_text(window, job_id, Column.MODEL) == "tiny.en"
        assert row_text(window, job_id, Column.DURATION).startswith("0:0")
    shown = window.panel.transcript_view.toPlainText().lower()
    assert "hello" in shown and "test" in shown
    assert window.windowTitle() == "Daredevil"


@pytest.mark.heavy
def test_live_segments_and_overall_progress(qtbot, window, paragraph_wav):
    drop_files(window, [paragraph_wav])
    [job_id] = ids_by_name(window).values()
    window.select_job(job_id)
    with qtbot.waitSignal(window.controller.segment_added, timeout=WAIT_JOB_MS):
        pass
    qtbot.waitUntil(lambda: "%" in window.windowTitle(), timeout=5000)
    assert window.overall_bar.isVisible()
    assert window.panel.transcript_view.toPlainText().strip()  # text before the job is done
    wait_status(qtbot, window, job_id, {JobStatus.DONE})
    assert "Model: tiny.en" in window.engine_label.text()


@pytest.mark.heavy
def test_folder_drop_queues_only_media(qtbot, window, english_media, tmp_path):
    folder = tmp_path / "inbox"
    (folder / "nested" / "deeper").mkdir(parents=True)
    shutil.copy(english_media["wav"], folder / "a.wav")
    shutil.copy(english_media["m4a"], folder / "nested" / "deeper" / "b.m4a")
    (folder / "notes.txt").write_text("not audio")
    (folder / "nested" / "fake.mp3").write_bytes(b"this is text, not an mp3" * 50)
    with qtbot.waitSignal(window.controller.scan_finished, timeout=60_000) as blocker:
        assert drop_files(window, [folder])
    assert blocker.args == [2, 2]
    assert "Skipped 2 file(s)" in window.statusBar().currentMessage()
    assert set(ids_by_name(window)) == {"a.wav", "b.m4a"}
    with qtbot.waitSignal(window.controller.queue_idle, timeout=WAIT_JOB_MS):
        pass
    assert all(j.status == JobStatus.DONE for j in window.controller.jobs())


def _trigger_from_context_menu(qtbot, win, job_id, text):
    win.select_job(job_id)
    row = win.proxy.mapFromSource(win.model.index(win.model.row_of(job_id), 0))
    win.table.customContextMenuRequested.emit(win.table.visualRect(row).center())
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    [action] = [a for a in menu.actions() if a.text().replace("&", "") == text]
    assert action.isEnabled()
    action.trigger()
    menu.close()


@pytest.mark.heavy
def test_cancel_and_retry_from_the_row(qtbot, window, paragraph_wav):
    drop_files(window, [paragraph_wav])
    [job_id] = ids_by_name(window).values()
    wait_status(qtbot, window, job_id, {JobStatus.TRANSCRIBING})
    _trigger_from_context_menu(qtbot, window, job_id, "Cancel")
    assert window.controller.job(job_id).status == JobStatus.CANCELLED
    assert row_text(window, job_id, Column.STATUS) == "Cancelled"
    qtbot.waitUntil(window.controller.is_idle, timeout=30_000)
    _trigger_from_context_menu(qtbot, window, job_id, "Retry")
    job = wait_status(qtbot, window, job_id, {JobStatus.DONE, JobStatus.FAILED})
    assert job.status == JobStatus.DONE, job.error
    assert "history" in job.transcript.text.lower()
    logs = "\n".join(window.controller.logs(job_id))
    assert "Cancelled" in logs and "Queued again by the user" in logs


@pytest.mark.heavy
def test_bad_files_fail_on_their_rows_while_others_finish(qtbot, window, english_media, tmp_path):
    not_media = tmp_path / "report.mp3"
    not_media.write_text("plain text pretending to be an mp3\n" * 20)
    broken = truncate_copy(english_media["m4a"], tmp_path / "broken.m4a", 0.3)
    drop_files(window, [not_media, english_media["wav"], broken])
    with qtbot.waitSignal(window.controller.queue_idle, timeout=WAIT_JOB_MS):
        pass
    ids = ids_by_name(window)
    good = window.controller.job(ids["hello.wav"])
    assert good.status == JobStatus.DONE and "hello" in good.transcript.text.lower()
    for name in ("report.mp3", "broken.m4a"):
        job = window.controller.job(ids[name])
        assert job.status == JobStatus.FAILED and job.error
        assert row_text(window, job.id, Column.STATUS) == f"Failed: {job.error}"
    window.select_job(ids["report.mp3"])
    assert window.panel.error_label.isVisible()
    assert window.panel.error_label.text() == window.controller.job(ids["report.mp3"]).error
    window.details_action.trigger()
    assert window.panel.tabs.currentWidget() is window.panel.log_view
    assert "Failed:" in window.panel.log_view.toPlainText()
    assert not window.controller.all_succeeded()


@pytest.mark.heavy
def test_quit_while_running_asks_and_leaves_nothing_behind(qtbot, fresh_home, paragraph_wav):
    controller = QueueController(paths=fresh_home)
    win = MainWindow(controller)
    win.show()
    drop_files(win, [paragraph_wav])
    [job_id] = ids_by_name(win).values()
    wait_status(qtbot, win, job_id, {JobStatus.TRANSCRIBING})

    def answer(button):
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        box.button(button).click()

    QTimer.singleShot(200, lambda: answer(QMessageBox.StandardButton.No))
    win.quit_action.trigger()
    assert win.isVisible()  # "No" keeps the window
    QTimer.singleShot(200, lambda: answer(QMessageBox.StandardButton.Yes))
    win.quit_action.trigger()
    assert not win.isVisible()
    with JobStore(fresh_home.store_file) as store:
        assert store.get(job_id).status == JobStatus.QUEUED  # it continues at the next launch
    # no_leaks checks that no worker or ffmpeg process is left


@pytest.mark.heavy
def test_remove_and_clear_finished(qtbot, window, english_media, tmp_path):
    bad = tmp_path / "empty.wav"
    bad.write_bytes(b"")
    drop_files(window, [english_media["wav"], bad])
    with qtbot.waitSignal(window.controller.queue_idle, timeout=WAIT_JOB_MS):
        pass
    ids = ids_by_name(window)
    window.select_job(ids["empty.wav"])
    window.remove_action.trigger()
    assert set(ids_by_name(window)) == {"hello.wav"}
    window.clear_action.trigger()
    assert window.model.rowCount() == 0 and window.drop_hint.isVisible()


def test_pt_br_translation_loads(qtbot, bare_home):
    try:
        install_translator("pt_BR")
        assert QCoreApplication.translate("MainWindow", "&Add files…") == "&Adicionar arquivos…"
        win = MainWindow(QueueController(paths=bare_home))
        try:
            menus = [a.text() for a in win.menuBar().actions()]
            assert menus == ["&Arquivo", "&Trabalho", "&Fila"]
            assert win.model.headerData(0, Qt.Orientation.Horizontal) == "Arquivo"
            assert "Solte aqui" in win.drop_hint.text()
        finally:
            win.close_without_asking()
    finally:
        install_translator("en")
    assert QCoreApplication.translate("MainWindow", "&Add files…") == "&Add files…"


def test_sorting_by_size_uses_numbers(qtbot, bare_home):
    sizes = {"b.wav": 2_000_000, "a.mp3": 30_000, "c.mp4": 500_000_000, "d.m4a": 900}
    with JobStore(bare_home.store_file) as store:  # finished in an earlier session
        for name, size in sizes.items():
            store.add(Job(Path("/media") / name, status=JobStatus.DONE, size_bytes=size))
    win = MainWindow(QueueController(paths=bare_home))
    try:
        win.table.sortByColumn(Column.SIZE, Qt.SortOrder.AscendingOrder)
        ids = [win.proxy.index(r, 0).data(JOB_ID_ROLE) for r in range(win.proxy.rowCount())]
        assert [win.controller.job(i).path.name for i in ids] == ["d.m4a", "a.mp3", "b.wav", "c.mp4"]
        shown = [win.proxy.index(r, Column.SIZE).data() for r in range(win.proxy.rowCount())]
        assert shown == ["900 bytes", "29.3 KB", "1.9 MB", "476.8 MB"]
    finally:
        win.close_without_asking()


def _close_when_it_opens(kind: type, opened: list[str]) -> None:
    """Reject the modal dialog of `kind` once it shows (a menu action runs it with exec())."""

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            opened.append(type(dialog).__name__)
            dialog.reject()
        else:
            QTimer.singleShot(20, check)

    QTimer.singleShot(0, check)


def test_shortcuts_and_the_dialogs_their_actions_open(qtbot, bare_home):
    from PySide6.QtGui import QKeySequence

    from desktop_app.ui.export_dialog import ExportDialog
    from desktop_app.ui.settings_dialog import SettingsDialog

    window = MainWindow(QueueController(paths=bare_home))
    window.show()
    try:
        assert window.add_files_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
        assert window.remove_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Delete)
        assert window.export_action.shortcut() == QKeySequence("Ctrl+E")
        assert window.settings_action.shortcut() == QKeySequence("Ctrl+,")
        assert window.quit_action.shortcut() == QKeySequence("Ctrl+Q")
        opened: list[str] = []
        _close_when_it_opens(SettingsDialog, opened)
        window.settings_action.trigger()
        _close_when_it_opens(ExportDialog, opened)
        window.export_action.trigger()
        assert opened == ["SettingsDialog", "ExportDialog"]
    finally:
        window.close_without_asking()
