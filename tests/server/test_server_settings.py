"""Settings > Engine > Where to transcribe, against a real Redis: the Test button, then saving."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.core.settings import load_settings
from desktop_app.runner.controller import QueueController
from desktop_app.ui.settings_dialog import SettingsDialog
from runner.qt_support import bare_home, expect_callback_errors, gui_callback_errors, no_leaks  # noqa: F401
from server.conftest import PASSWORD


def test_test_button_tells_a_wrong_password_from_a_good_one_then_saves(qtbot, bare_home, redis):
    controller = QueueController(paths=bare_home)
    dialog = SettingsDialog(controller)
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.engine_page.server_box
    assert box.local_radio.isChecked() and not box.url_edit.isEnabled()
    box.server_radio.setChecked(True)
    box.url_edit.setText(f"redis://127.0.0.1:{redis.port}/0")
    box.password_edit.setText("wrong")
    qtbot.mouseClick(box.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "password" in box.test_result.text(), timeout=15_000)
    box.password_edit.setText(PASSWORD)
    qtbot.mouseClick(box.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "answers" in box.test_result.text(), timeout=15_000)
    box.fallback_spin.setValue(10)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    saved = load_settings(bare_home.settings_file)
    assert saved.server_url == f"redis://127.0.0.1:{redis.port}/0" and saved.server_password == PASSWORD
    assert saved.server_fallback_min == 10
    controller.shutdown()
