"""Start the desktop app: one instance, logging, a clean temp folder, the window.

It lives in the ui package (the top layer) because it builds the window; the runner
below it never imports widgets.
"""

from __future__ import annotations

import logging
import signal
import sys
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app import APP_ID, APP_NAME, __version__
from desktop_app.core.errors import DaredevilError
from desktop_app.core.lifetime import kill_children_on_exit
from desktop_app.core.logsetup import setup_logging
from desktop_app.core.paths import app_paths
from desktop_app.core.settings import read_settings
from desktop_app.core.tempfiles import sweep_abandoned_model_files, sweep_stale_temp
from desktop_app.runner.controller import QueueController
from desktop_app.runner.os_signals import SignalWatcher
from desktop_app.runner.single_instance import InstanceServer, claim_or_hand_off, server_name
from desktop_app.ui.i18n import install_translator
from desktop_app.ui.main_window import MainWindow

log = logging.getLogger(__name__)


@dataclass
class Launched:
    window: MainWindow
    controller: QueueController
    server: InstanceServer


def application() -> QApplication:
    """The QApplication (created once), named for settings and the desktop."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    return app  # type: ignore[return-value]


def launch(files: list[str]) -> Launched | None:
    """Build the window and queue `files`; None when another window took them instead.

    Raises DaredevilError when the app can't start: its folders can't be written, or the
    history can't be opened (another process holds it, or a newer app wrote it).
    """
    app = application()
    setup_logging()
    paths = app_paths().check_writable()
    lock = claim_or_hand_off(paths, files)
    if lock is None:
        log.info("Handed %d file(s) to the running window", len(files))
        return None
    server = InstanceServer(server_name(paths), lock=lock)
    listening = server.listen()
    sweep_stale_temp(paths.temp_root)
    sweep_abandoned_model_files(paths.models_dir)
    settings, problems = read_settings(paths.settings_file)
    install_translator(settings.ui_language)
    try:
        controller = QueueController(settings, paths)
    except DaredevilError:
        server.close()
        raise
    for problem in problems:
        controller.startup_notices.append(
            QCoreApplication.translate("QueueController", "A setting was not used: {0}").format(problem)
        )
    if not listening:
        controller.startup_notices.append(
            QCoreApplication.translate(
                "QueueController",
                "Other launches of Daredevil can't hand their files to this window; open them from here.",
            )
        )
    window = MainWindow(controller)
    window.show()

    def received(more: list[str]) -> None:
        window.add_paths(more)
        window.showNormal()
        window.raise_()
        window.activateWindow()

    server.files_received.connect(received)
    app.aboutToQuit.connect(server.close)
    if files:
        window.add_paths(files)
    return Launched(window, controller, server)


def run_gui(files: list[str], exit_when_done: bool = False) -> int:
    """Run the window until it closes; with exit_when_done, quit once the queue is idle.

    Exit code: 0, or with exit_when_done 0 only if every job of this launch succeeded.
    """
    app = application()
    kill_children_on_exit()  # Windows; PR_SET_PDEATHSIG does it on Linux
    try:
        launched = launch(files)
    except DaredevilError as exc:
        log.error("Daredevil could not start: %s", exc)
        if exit_when_done:  # nobody may be there to close a dialog
            print(f"daredevil: {exc}", file=sys.stderr)
        else:
            QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    if launched is None:
        return 0
    result = {"code": 0, "signal": 0}
    controller, window = launched.controller, launched.window

    def quit_on_signal(signum: int) -> None:
        # like File > Quit without the question: running jobs are queued for the next start
        log.warning("Quitting on %s", signal.Signals(signum).name)
        result["signal"] = signum
        window.close_without_asking()
        app.quit()

    watcher = SignalWatcher()
    watcher.received.connect(quit_on_signal)
    if exit_when_done:

        def finish() -> None:
            result["code"] = 0 if controller.all_succeeded() else 1
            log.info("Queue idle with --exit-when-done; exit code %d", result["code"])
            window.close_without_asking()

        controller.queue_idle.connect(finish)
        if controller.is_idle():
            QTimer.singleShot(0, finish)
    code = app.exec()
    watcher.close()
    launched.server.close()
    if result["signal"]:
        return 128 + result["signal"]  # as a shell reports a process a signal stopped
    return result["code"] if exit_when_done else code


if __name__ == "__main__":  # python -m desktop_app.ui.app [--exit-when-done] FILE...
    args = sys.argv[1:]
    done_flag = "--exit-when-done" in args
    sys.exit(run_gui([a for a in args if a != "--exit-when-done"], done_flag))
