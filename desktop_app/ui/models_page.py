"""The settings dialog's Models page: installed models, download with progress, import, delete."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.models.forms import ModelFormat
from desktop_app.core.sizes import human_size
from desktop_app.runner.model_manager import DOWNLOAD, IMPORT, ModelManager

ERROR_STYLE = "color: #b00020;"


class ModelsPage(QWidget):
    """Lists installed models and drives the ModelManager; every outcome shows in `status`."""

    def __init__(self, models: ModelManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.models = models

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Size"), self.tr("Languages"), self.tr("Forms"), self.tr("Source")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.import_file_button = QPushButton(self.tr("Import file…"))
        self.import_file_button.setToolTip(
            self.tr("Install an openai-whisper checkpoint (.pt); a CTranslate2 copy is made for the faster engine")
        )
        self.import_file_button.clicked.connect(self.choose_file)
        self.import_folder_button = QPushButton(self.tr("Import folder…"))
        self.import_folder_button.setToolTip(self.tr("Install a faster-whisper (CTranslate2) model folder as it is"))
        self.import_folder_button.clicked.connect(self.choose_folder)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(self.delete_selected)
        row = QHBoxLayout()
        for button in (self.import_file_button, self.import_folder_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.delete_button)

        self.download_choice = QComboBox()
        self.download_button = QPushButton(self.tr("Download"))
        self.download_button.clicked.connect(self.start_download)
        self.cancel_button = QPushButton(self.tr("Cancel download"))
        self.cancel_button.clicked.connect(self.models.cancel_download)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setVisible(False)
        download_row = QHBoxLayout()
        download_row.addWidget(self.download_choice, 1)
        download_row.addWidget(self.download_button)
        download_row.addWidget(self.cancel_button)
        download_box = QGroupBox(self.tr("Download a Whisper model"))
        box_layout = QVBoxLayout(download_box)
        box_layout.addLayout(download_row)
        box_layout.addWidget(self.progress)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Installed models")))
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(download_box)
        layout.addWidget(self.status)

        models.models_changed.connect(self.refresh)
        models.progress.connect(self._on_progress)
        models.finished.connect(self._on_finished)
        models.failed.connect(self._on_failed)
        models.cancelled.connect(self._on_cancelled)
        self.refresh()

    # -- listing -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the installed list and the names offered for download."""
        installed = self.models.installed()
        self.table.setRowCount(len(installed))
        for row, info in enumerate(installed):
            languages = self.tr("Multilingual") if info.multilingual else self.tr("English only")
            forms = ", ".join(self.form_name(f.format) for f in info.forms)
            paths = "\n".join(str(f.path) for f in info.forms)
            cells = (info.name, human_size(info.size_bytes), languages, forms, info.source)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(paths if column in (0, 3) else text)
                self.table.setItem(row, column, item)
        names = {info.name for info in installed}
        chosen = self.download_choice.currentData()
        self.download_choice.clear()
        for model in self.models.downloadable():
            if model.name in names:
                continue
            kind = self.tr("multilingual") if model.multilingual else self.tr("English only")
            self.download_choice.addItem(
                self.tr("{0} (about {1} MB, {2})").format(model.name, model.size_mb, kind), model.name
            )
        self.select_download(chosen)
        self._update_buttons()

    def form_name(self, fmt: ModelFormat) -> str:
        """How a form is shown: the engine that uses it."""
        if fmt is ModelFormat.CTRANSLATE2:
            return self.tr("CTranslate2 (faster-whisper)")
        return self.tr("openai-whisper (.pt)")

    def installed_names(self) -> list[str]:
        return [self.table.item(row, 0).text() for row in range(self.table.rowCount())]

    def select_download(self, name: str | None) -> None:
        index = self.download_choice.findData(name) if name else -1
        if index >= 0:
            self.download_choice.setCurrentIndex(index)

    def selected_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).text() if rows else None

    def _update_buttons(self) -> None:
        downloading = self.models.downloading is not None
        self.download_button.setEnabled(not downloading and self.download_choice.count() > 0)
        self.download_choice.setEnabled(not downloading)
        self.cancel_button.setEnabled(downloading)
        self.cancel_button.setVisible(downloading)
        importing = self.models.is_busy(IMPORT)
        self.import_file_button.setEnabled(not importing)
        self.import_folder_button.setEnabled(not importing)
        self.delete_button.setEnabled(self.selected_name() is not None)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)

    # -- actions -----------------------------------------------------------------------

    def start_download(self) -> None:
        name = self.download_choice.currentData()
        if not name or not self.models.download(name):
            return
        self.progress.setRange(0, 0)  # busy until the size is known
        self.progress.setVisible(True)
        self._say(self.tr("Downloading {0}…").format(name))
        self._update_buttons()

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a Whisper model file"), str(Path.home()), self.tr("Whisper checkpoints (*.pt)")
        )
        if path:
            self.import_path(Path(path))

    def choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Import a faster-whisper model folder"), str(Path.home()))
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> None:
        """Install the model at `path` in the background (a folder is converted first)."""
        self.models.import_from(path)
        self._say(self.tr("Importing {0}…").format(path.name))
        self._update_buttons()

    def delete_selected(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete model"),
            self.tr('Delete the model "{0}"? Its file is removed from this computer.').format(name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.models.delete(name)
        except Exception as exc:  # a DaredevilError (e.g. a bundled model) or an OSError
            self._say(self.tr("Could not delete {0}: {1}").format(name, exc), error=True)
            return
        self._say(self.tr("Deleted {0}.").format(name))

    # -- outcomes ----------------------------------------------------------------------

    def _on_progress(self, name: str, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(done * 1000 / total))
            self.progress.setFormat(self.tr("{0} of {1} (%p%)").format(human_size(done), human_size(total)))
        else:
            self.progress.setFormat(human_size(done))

    def _on_finished(self, operation: str, subject: str) -> None:
        if operation == DOWNLOAD:
            self.progress.setVisible(False)
            self._say(self.tr("{0} was downloaded and installed.").format(subject))
        elif operation == IMPORT:
            self._say(self.tr("{0} was imported.").format(subject))
        self._update_buttons()

    def _on_failed(self, operation: str, message: str) -> None:
        if operation == DOWNLOAD:
            self.progress.setVisible(False)
            self._say(self.tr("The download failed: {0}").format(message), error=True)
        elif operation == IMPORT:
            self._say(self.tr("The import failed: {0}").format(message), error=True)
        self._update_buttons()

    def _on_cancelled(self, operation: str, message: str) -> None:
        self.progress.setVisible(False)
        self._say(self.tr("Download cancelled. It resumes where it stopped if you start it again."))
        self._update_buttons()
