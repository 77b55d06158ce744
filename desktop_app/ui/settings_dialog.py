"""The settings dialog: transcription, limits, performance, interface and models.

It reads the controller's settings, and OK or Apply hands a new Settings to
`controller.apply_settings`, which saves them in the config folder.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.languages import LANGUAGES, language_name
from desktop_app.core.models.registry import STARTER_MODEL_NAME
from desktop_app.core.options import Device, Task, supports_task
from desktop_app.core.settings import GB, MB, Settings
from desktop_app.core.sizes import human_size
from desktop_app.core.speakers.count import AUTO, MAX_SPEAKERS, OFF
from desktop_app.runner.controller import QueueController
from desktop_app.runner.model_manager import CLEAR_CACHE, list_gpus
from desktop_app.runner.tasks import run_task
from desktop_app.ui.engine_page import EnginePage
from desktop_app.ui.models_page import ERROR_STYLE, ModelsPage


def _spin(low: float, high: float, suffix: str = "", decimals: int = 0, step: float = 1.0) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setDecimals(decimals)
    box.setSingleStep(step)
    box.setSuffix(suffix)
    return box


def _int_spin(low: int, high: int, suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSuffix(suffix)
    return box


def _form_page() -> tuple[QWidget, QFormLayout]:
    """A page whose form keeps its rows together at the top."""
    page = QWidget()
    outer = QVBoxLayout(page)
    form = QFormLayout()
    outer.addLayout(form)
    outer.addStretch(1)
    return page, form


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _select(combo: QComboBox, value: object, label: str | None = None) -> None:
    """Select the item whose data is `value`, adding it (as `label`) when it is missing."""
    index = combo.findData(value)
    if index < 0:
        combo.addItem(label or str(value), value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


class SettingsDialog(QDialog):
    """Edits the controller's Settings; OK and Apply save them through the controller."""

    def __init__(self, controller: QueueController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.controller = controller
        settings = controller.settings
        self.models = controller.models  # the controller's: the live cache, and downloads that outlive the dialog

        self.tabs = QTabWidget()
        self.tabs.addTab(self._transcription_page(), self.tr("Transcription"))
        self.engine_page = EnginePage()
        self.tabs.addTab(self.engine_page, self.tr("Engine"))
        self.tabs.addTab(self._limits_page(), self.tr("Limits"))
        self.tabs.addTab(self._performance_page(), self.tr("Performance"))
        self.tabs.addTab(self._interface_page(), self.tr("Interface"))
        self.models_page = ModelsPage(self.models)
        self.tabs.addTab(self.models_page, self.tr("Models"))

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(False)
        buttons = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(buttons.Ok | buttons.Cancel | buttons.Apply)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(buttons.Apply).clicked.connect(self.apply)

        layout = QVBoxLayout(self)
        self.setMinimumWidth(560)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.models.models_changed.connect(self._fill_models)
        self.models.finished.connect(self._on_model_task_finished)
        self.models.failed.connect(self._on_model_task_failed)
        self.show_settings(settings)
        self.refresh_cache_size()
        run_task(list_gpus, self._add_gpus, self.models.pool, context=self)

    # -- pages -------------------------------------------------------------------------

    def _transcription_page(self) -> QWidget:
        self.model_combo = QComboBox()
        self.device_combo = QComboBox()
        self.device_combo.addItem(self.tr("Automatic (a GPU when there is one)"), Device.AUTO.value)
        self.device_combo.addItem(self.tr("CPU"), Device.CPU.value)
        self.language_combo = QComboBox()
        self.language_combo.addItem(self.tr("Detect automatically"), None)
        for code in sorted(LANGUAGES, key=language_name):
            self.language_combo.addItem(f"{language_name(code)} ({code})", code)
        self.task_combo = QComboBox()
        self.task_combo.addItem(self.tr("Transcribe (keep the spoken language)"), Task.TRANSCRIBE.value)
        self.task_combo.addItem(self.tr("Translate to English"), Task.TRANSLATE.value)
        self.word_timestamps = QCheckBox(self.tr("Word timestamps (for karaoke subtitles and the editor's "
                                                 "uncertain-word marks; slower)"))
        self.uncertain_below = QSpinBox()
        self.uncertain_below.setRange(0, 100)
        self.uncertain_below.setSuffix(self.tr(" %"))
        self.uncertain_below.setToolTip(self.tr("The editor marks words Whisper was less sure of than this "
                                                "(F8 goes to the next one)"))
        self.speakers_combo = QComboBox()
        self.speakers_combo.addItem(self.tr("Off"), OFF)
        self.speakers_combo.addItem(self.tr("Automatic (count them)"), AUTO)
        self.speakers_combo.addItem(self.tr("1 speaker"), "1")
        for n in range(2, MAX_SPEAKERS + 1):
            self.speakers_combo.addItem(self.tr("{0} speakers").format(n), str(n))
        self.speakers_combo.setToolTip(self.tr("Label who speaks each word (turns word timestamps on; "
                                               "takes a little longer)"))
        self.initial_prompt = QPlainTextEdit()
        self.initial_prompt.setPlaceholderText(self.tr("Names, spellings or a style for Whisper to follow"))
        self.initial_prompt.setFixedHeight(self.initial_prompt.fontMetrics().lineSpacing() * 4)

        page, form = _form_page()
        form.addRow(self.tr("Model:"), self.model_combo)
        form.addRow(self.tr("Device:"), self.device_combo)
        form.addRow(self.tr("Language:"), self.language_combo)
        form.addRow(self.tr("Task:"), self.task_combo)
        form.addRow("", self.word_timestamps)
        form.addRow(self.tr("Mark words less sure than:"), self.uncertain_below)
        form.addRow(self.tr("Identify speakers:"), self.speakers_combo)
        form.addRow(self.tr("Initial prompt:"), self.initial_prompt)
        return page

    def _limits_page(self) -> QWidget:
        seconds = self.tr(" s")
        self.max_file_gb = _spin(0.01, 1024, self.tr(" GB"), decimals=2, step=0.5)
        self.probe_timeout = _spin(1, 600, seconds, decimals=1)
        self.extract_min = _spin(1, 24 * 3600, seconds)
        self.extract_per_mb = _spin(0.01, 600, seconds, decimals=2, step=0.1)
        self.extract_max = _spin(1, 24 * 3600, seconds)
        self.job_floor = _spin(10, 7 * 24 * 3600, seconds)
        self.job_factor = _spin(0.1, 100, self.tr(" × the audio length"), decimals=1, step=0.5)
        self.job_grace = _spin(0, 3600, seconds)
        self.max_retries = _int_spin(0, 10)
        self.retry_backoff = _spin(0, 600, seconds, decimals=1)

        page, form = _form_page()
        form.addRow(self.tr("Largest file:"), self.max_file_gb)
        form.addRow(self.tr("Time to read a file's format:"), self.probe_timeout)
        form.addRow(_heading(self.tr("Audio extraction time limit (grows with the file's size):")))
        form.addRow(self.tr("At least:"), self.extract_min)
        form.addRow(self.tr("Per MB of file:"), self.extract_per_mb)
        form.addRow(self.tr("At most:"), self.extract_max)
        form.addRow(_heading(self.tr("Transcription time limit (the larger of the two):")))
        form.addRow(self.tr("At least:"), self.job_floor)
        form.addRow(self.tr("Or:"), self.job_factor)
        form.addRow(self.tr("Grace before the engine is stopped:"), self.job_grace)
        form.addRow(self.tr("Automatic retries:"), self.max_retries)
        form.addRow(self.tr("Wait before a retry:"), self.retry_backoff)
        return page

    def _performance_page(self) -> QWidget:
        self.concurrency = _int_spin(1, 16)
        self.concurrency.setToolTip(self.tr("How many files are checked and decoded at once"))
        self.cache_max_mb = _int_spin(1, 1024 * 1024, self.tr(" MB"))
        self.cache_used = QLabel()
        self.clear_cache_button = QPushButton(self.tr("Clear cache"))
        self.clear_cache_button.clicked.connect(self.clear_cache)
        cache_row = QHBoxLayout()
        cache_row.addWidget(self.cache_used, 1)
        cache_row.addWidget(self.clear_cache_button)
        self.worker_max_jobs = _int_spin(1, 100_000, self.tr(" jobs"))
        self.worker_max_rss = _spin(0.5, 1024, self.tr(" GB"), decimals=1, step=0.5)

        page, form = _form_page()
        form.addRow(self.tr("Files prepared at once:"), self.concurrency)
        form.addRow(self.tr("Result cache size:"), self.cache_max_mb)
        form.addRow(self.tr("In the cache now:"), cache_row)
        form.addRow(self.tr("Restart the engine after:"), self.worker_max_jobs)
        form.addRow(self.tr("Or when it uses more than:"), self.worker_max_rss)
        return page

    def _interface_page(self) -> QWidget:
        self.ui_language = QComboBox()
        self.ui_language.addItem(self.tr("Follow the system"), None)
        self.ui_language.addItem("English", "en")
        self.ui_language.addItem("Português (Brasil)", "pt_BR")
        note = QLabel(self.tr("A new language shows the next time Daredevil starts."))
        note.setWordWrap(True)
        page, form = _form_page()
        form.addRow(self.tr("Interface language:"), self.ui_language)
        form.addRow("", note)
        return page

    # -- settings <-> form -------------------------------------------------------------

    def show_settings(self, settings: Settings) -> None:
        """Put `settings` in the form."""
        self._fill_models(settings.model)
        self.engine_page.show_settings(settings)
        _select(self.device_combo, settings.device)
        _select(self.language_combo, settings.language or None)
        _select(self.task_combo, settings.task)
        self.word_timestamps.setChecked(settings.word_timestamps)
        self.uncertain_below.setValue(round(settings.uncertain_below * 100))
        _select(self.speakers_combo, settings.speakers, settings.speakers)
        self.initial_prompt.setPlainText(settings.initial_prompt or "")
        limits = settings.limits
        self.max_file_gb.setValue(limits.max_file_bytes / GB)
        self.probe_timeout.setValue(limits.probe_timeout_s)
        self.extract_min.setValue(limits.extract_timeout_min_s)
        self.extract_per_mb.setValue(limits.extract_timeout_per_mb_s)
        self.extract_max.setValue(limits.extract_timeout_max_s)
        self.job_floor.setValue(limits.job_time_floor_s)
        self.job_factor.setValue(limits.job_time_factor)
        self.job_grace.setValue(limits.job_hard_grace_s)
        self.max_retries.setValue(limits.max_retries)
        self.retry_backoff.setValue(limits.retry_backoff_s)
        self.concurrency.setValue(settings.extraction_concurrency)
        self.cache_max_mb.setValue(max(1, round(settings.cache_max_bytes / MB)))
        self.worker_max_jobs.setValue(settings.worker_max_jobs)
        self.worker_max_rss.setValue(settings.worker_max_rss_gb)
        _select(self.ui_language, settings.ui_language or None)

    def _fill_models(self, keep: object = ...) -> None:
        """List the starter model, the installed ones, then those that can be downloaded."""
        current = self.model_combo.currentData() if keep is ... else keep
        self.model_combo.clear()
        self.model_combo.addItem(self.tr("Starter model ({0})").format(STARTER_MODEL_NAME), None)
        installed = {info.name: info for info in self.models.installed()}
        for info in installed.values():
            self.model_combo.addItem(f"{info.name} ({human_size(info.size_bytes)})", info.name)
        self.model_combo.insertSeparator(self.model_combo.count())
        downloadable = self.models.downloadable()
        for model in downloadable:
            if model.name not in installed:
                label = self.tr("{0} (to download, about {1} MB)").format(model.name, model.size_mb)
                self.model_combo.addItem(label, model.name)
        self._installed_names = set(installed)
        # whether each model the list offers is multilingual (a path to a file nobody listed: unknown)
        self._multilingual = {m.name: m.multilingual for m in downloadable}
        self._multilingual.update({name: info.multilingual for name, info in installed.items()})
        _select(self.model_combo, current, self.tr("{0} (not installed)").format(current))

    def _add_gpus(self, names: list[str] | None, error: BaseException | None) -> None:
        current = self.device_combo.currentData()
        for index, name in enumerate(names or []):
            if self.device_combo.findData(f"cuda:{index}") < 0:
                self.device_combo.addItem(self.tr("GPU {0}: {1}").format(index, name), f"cuda:{index}")
        _select(self.device_combo, current)

    def settings_from_form(self) -> Settings:
        """The Settings the form describes; ValueError with a message for a person if they can't work."""
        model = self.model_combo.currentData()
        if model and model not in self._installed_names and "/" not in model and "\\" not in model:
            self.models_page.select_download(model)
            raise ValueError(
                self.tr('The model "{0}" is not installed yet. Download it on the Models page, or choose another.').format(
                    model
                )
            )
        if self.extract_min.value() > self.extract_max.value():
            raise ValueError(
                self.tr("The shortest audio extraction time limit ({0} s) is longer than the longest ({1} s).").format(
                    self.extract_min.value(), self.extract_max.value()
                )
            )
        multilingual = self._multilingual.get(model or STARTER_MODEL_NAME, True)
        if not supports_task(self.task_combo.currentData(), multilingual):
            raise ValueError(self.tr("English-only models cannot translate. Choose a multilingual model."))
        old = self.controller.settings
        limits = replace(
            old.limits,
            max_file_bytes=int(self.max_file_gb.value() * GB),
            probe_timeout_s=self.probe_timeout.value(),
            extract_timeout_min_s=self.extract_min.value(),
            extract_timeout_per_mb_s=self.extract_per_mb.value(),
            extract_timeout_max_s=self.extract_max.value(),
            job_time_floor_s=self.job_floor.value(),
            job_time_factor=self.job_factor.value(),
            job_hard_grace_s=self.job_grace.value(),
            max_retries=self.max_retries.value(),
            retry_backoff_s=self.retry_backoff.value(),
        )
        return replace(
            old,
            model=model or None,
            device=self.device_combo.currentData(),
            language=self.language_combo.currentData(),
            task=self.task_combo.currentData(),
            word_timestamps=self.word_timestamps.isChecked(),
            uncertain_below=self.uncertain_below.value() / 100,
            speakers=self.speakers_combo.currentData(),
            initial_prompt=self.initial_prompt.toPlainText().strip() or None,
            limits=limits,
            extraction_concurrency=self.concurrency.value(),
            cache_max_bytes=self.cache_max_mb.value() * MB,
            worker_max_jobs=self.worker_max_jobs.value(),
            worker_max_rss_gb=self.worker_max_rss.value(),
            ui_language=self.ui_language.currentData(),
            **self.engine_page.changes(),
        )

    def apply(self) -> bool:
        """Save the form through the controller; False (with the reason shown) if it can't."""
        try:
            settings = self.settings_from_form()
        except ValueError as exc:
            self._show_error(str(exc))
            return False
        try:
            if settings != self.controller.settings:
                self.controller.apply_settings(settings)
        except OSError as exc:
            self._show_error(self.tr("The settings could not be saved: {0}").format(exc))
            return False
        self._show_error("")
        return True

    def accept(self) -> None:
        if self.apply():
            super().accept()

    def done(self, result: int) -> None:
        self.models.shutdown()  # a download stops (it resumes next time); the manager stays usable
        super().done(result)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # -- cache ---------------------------------------------------------------------------

    def refresh_cache_size(self) -> None:
        self.cache_used.setText(human_size(self.models.cache_bytes()))

    def clear_cache(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Clear cache"),
            self.tr("Forget every cached transcript? Files transcribed before will be transcribed again."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.clear_cache_button.setEnabled(False)
        self.models.clear_cache()

    def _on_model_task_finished(self, operation: str, _subject: str) -> None:
        if operation == CLEAR_CACHE:
            self.clear_cache_button.setEnabled(True)
            self.refresh_cache_size()

    def _on_model_task_failed(self, operation: str, message: str) -> None:
        if operation == CLEAR_CACHE:
            self.clear_cache_button.setEnabled(True)
            self.cache_used.setText(self.tr("Could not clear the cache: {0}").format(message))
