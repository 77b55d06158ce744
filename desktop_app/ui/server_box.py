"""Settings > Engine, "Where to transcribe": this computer, or a shared server (issue 11)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton,
    QWidget,
)  # fmt: skip

from desktop_app.core.settings import Settings
from desktop_app.runner.server_check import check_server
from desktop_app.runner.tasks import run_task


class ServerBox(QGroupBox):
    """Where jobs run; `changes()` gives the server fields of Settings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Where to transcribe"), parent)
        self.local_radio = QRadioButton(self.tr("This computer"))
        self.server_radio = QRadioButton(self.tr("A server"))
        group = QButtonGroup(self)
        group.addButton(self.local_radio)
        group.addButton(self.server_radio)
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("redis://gpu-server:6379/0")
        self.url_edit.setToolTip(self.tr("The broker of a `daredevil server`: redis://, or rediss:// for TLS"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.fallback_spin = QDoubleSpinBox()
        self.fallback_spin.setRange(0, 24 * 60)
        self.fallback_spin.setDecimals(0)
        self.fallback_spin.setSuffix(self.tr(" min"))
        self.fallback_spin.setSpecialValueText(self.tr("never (wait for the server)"))
        self.fallback_spin.setToolTip(self.tr("When the server can't be reached for this long, transcribe here"))
        self.test_button = QPushButton(self.tr("Test"))
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        choice = QHBoxLayout()
        choice.addWidget(self.local_radio)
        choice.addWidget(self.server_radio)
        choice.addStretch(1)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        form = QFormLayout(self)
        form.addRow(choice)
        form.addRow(self.tr("Server address:"), self.url_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        form.addRow(self.tr("Use this computer after:"), self.fallback_spin)
        form.addRow(test_row)
        note = QLabel(self.tr("Checks and audio extraction stay here; the server gets compressed audio. "
                              "The speaker step runs on this computer."))  # fmt: skip
        note.setWordWrap(True)
        form.addRow(note)
        self.server_radio.toggled.connect(self._update)
        self.test_button.clicked.connect(self.test)
        self.local_radio.setChecked(True)
        self._update()

    def _update(self, *_args) -> None:
        on = self.server_radio.isChecked()
        for widget in (self.url_edit, self.password_edit, self.fallback_spin, self.test_button):
            widget.setEnabled(on)

    def show_settings(self, settings: Settings) -> None:
        (self.server_radio if settings.server_url else self.local_radio).setChecked(True)
        self.url_edit.setText(settings.server_url or "")
        self.password_edit.setText(settings.server_password or "")
        self.fallback_spin.setValue(settings.server_fallback_min)

    def changes(self) -> dict[str, object]:
        url = self.url_edit.text().strip()
        return {
            "server_url": url if self.server_radio.isChecked() and url else None,
            "server_password": self.password_edit.text() or None,
            "server_fallback_min": self.fallback_spin.value(),
        }

    def test(self) -> None:
        """Try the broker on a pool thread; the answer shows next to the button."""
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Connecting…"))
        url, password = self.url_edit.text().strip(), self.password_edit.text()
        run_task(lambda: check_server(url, password), self._tested, context=self)

    def _tested(self, problem: str | None, error: BaseException | None) -> None:
        self.test_button.setEnabled(self.server_radio.isChecked())
        if error is not None:
            self.test_result.setText(self.tr("The test failed: {0}").format(error))
        elif problem:
            self.test_result.setText(problem)
        else:
            self.test_result.setText(self.tr("The server's broker answers. Jobs will go there."))
