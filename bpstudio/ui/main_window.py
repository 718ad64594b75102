"""The studio window: it assembles the canvas, the docks, the toolbars and the menus.

Slots here hold no logic: each action calls one controller method; every view listens to the
document on its own. The actions, with their keys, icons, words and places, are one table in
`actions.py`; Run mode's timer is `run_driver.RunDriver`; the file intents (open, save, export,
recent files, examples, dropped files) are `file_actions.FileActions`; the phase indicator and
counters are `progress_row.ProgressRow`; the default dock layout is in `layout.py`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFontMetrics,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QStyle,
    QToolBar,
    QToolButton,
)

from bpstudio.controller import Controller
from bpstudio.controller.names import speed_name
from bpstudio.document.document import NetworkDocument
from bpstudio.engine.network import MAX_LAYERS
from bpstudio.notation import languages
from bpstudio.ui import actions as table
from bpstudio.ui import i18n
from bpstudio.ui.about import show_about
from bpstudio.ui.canvas import NetworkCanvas
from bpstudio.ui.dataset_panel import DatasetPanel
from bpstudio.ui.explanation_panel import ExplanationPanel
from bpstudio.ui.fields import count_text, withdraw_stale
from bpstudio.ui.file_actions import FileActions, dropped_json
from bpstudio.ui.help import PLAIN_NAME, GuideDialog, ShortcutsDialog
from bpstudio.ui.history_panel import HistoryPanel
from bpstudio.ui.layout import (
    DOCKS,
    LAYOUT_VERSION,
    arrange_default_layout,
    create_docks,
    default_sizes,
    initial_window_size,
)
from bpstudio.ui.loss_plot import LossPlot
from bpstudio.ui.options_panel import OptionsPanel
from bpstudio.ui.parameters import ParametersPanel
from bpstudio.ui.progress_row import ProgressRow
from bpstudio.ui.reinit_dialog import ReinitDialog
from bpstudio.ui.run_driver import DEFAULT_SPEED, SPEEDS, RunDriver

__all__ = ["SPEEDS", "MainWindow"]

STEP_BACK_PROGRESS_MS = 400  # a Step back replay expected to take longer shows its progress
# what Run mode disables: intents that would change the network under the running timer
IDLE_ONLY = ("next_phase", "next_layer", "step", "epoch", "reset", "reinitialise", "open", "new")


class MainWindow(QMainWindow):
    closed = Signal()  # the window closed for good (after Save or Discard): autosave lets go

    def __init__(
        self,
        document: NetworkDocument,
        controller: Controller,
        *,
        settings: QSettings | None = None,
        restore_layout: bool = True,
    ) -> None:
        super().__init__()
        self.document = document
        self.controller = controller
        self.settings = settings if settings is not None else QSettings()
        self.setObjectName("MainWindow")
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        # the first start fits the screen; a remembered geometry replaces this in _restore_settings
        self.resize(initial_window_size(self.screen().availableGeometry().size()))
        self._guide: GuideDialog | None = None
        self._shortcuts: ShortcutsDialog | None = None
        self.quiet_errors = False  # screenshot mode: errors go to stderr, never a modal dialog
        self.last_error = ""
        self.persist_settings = True  # False for screenshots: the user's layout stays as it was

        self.canvas = NetworkCanvas(document, controller)
        self.setCentralWidget(self.canvas)
        self.parameters = ParametersPanel(document, controller)
        self.loss_plot = LossPlot(document)
        self.dataset_panel = DatasetPanel(document, controller)
        self.options_panel = OptionsPanel(document, controller)
        self.explanation = ExplanationPanel(document, controller)
        self.history_panel = HistoryPanel(document, controller)
        self.docks: dict[str, QDockWidget] = create_docks(self)
        self._sized = False  # default dock sizes are applied once the window has its size
        self._restored = False
        self.files = FileActions(self)
        self.speed = QComboBox()
        self.run_driver = RunDriver(controller, lambda: int(self.speed.currentData()), self)
        self.run_driver.failed.connect(self.pause)

        self.actions_by_key: dict[str, QAction] = table.create_actions(self)
        self._create_language_actions()
        self._create_toolbars()
        arrange_default_layout(self)
        self._create_menus()
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self._connect_document()
        if restore_layout:
            self._restore_settings()
        self.retranslate()
        self._update_progress()
        self._update_title()
        self._update_undo_actions()
        self._update_layer_actions()

    # -- construction -------------------------------------------------------------------------------
    def _connect_document(self) -> None:
        document = self.document
        for signal in (
            document.step_changed,
            document.loss_history_changed,
            document.replaced,
            document.structure_changed,
            document.settings_changed,
        ):
            signal.connect(self._update_progress)
        document.file_state_changed.connect(self._update_title)
        document.history.changed.connect(self._update_undo_actions)
        document.error_occurred.connect(self.show_error)
        document.notice_posted.connect(lambda message: self.statusBar().showMessage(message, 15000))
        document.structure_changed.connect(self._update_layer_actions)
        document.replaced.connect(self._update_layer_actions)
        document.history.changed.connect(self._clear_error)  # a change that succeeded
        document.replaced.connect(self._clear_error)

    def _create_language_actions(self) -> None:
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        for key in ("system", *languages.CODES):
            action = QAction(self)
            action.setCheckable(True)
            action.setData(key)
            action.triggered.connect(lambda _checked=False, key=key: self.set_language(key))
            self.language_group.addAction(action)
            self.actions_by_key[f"lang_{key}"] = action
        self.actions_by_key["run"].setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def _create_toolbars(self) -> None:
        # Two fixed rows: what happens next and the counters, then the buttons. The rows cannot be
        # dragged together, so a growing step counter never pushes a button (or the window).
        progress = QToolBar(self)
        progress.setObjectName("toolbar_progress")
        self.progress_row = ProgressRow()
        self.phase_indicator, self.counters = self.progress_row.phase_indicator, self.progress_row.counters
        progress.addWidget(self.progress_row)
        self.progress_bar = progress

        stepper = QToolBar(self)
        stepper.setObjectName("toolbar_stepper")
        stepper.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        stepper.setIconSize(QSize(18, 18))
        table.fill_toolbar(stepper, self.actions_by_key)
        # the speed box right after Run
        shown = stepper.actions()
        after_run = shown[shown.index(self.actions_by_key["run"]) + 1]
        self.speed_label = QLabel()
        self.speed_label.setContentsMargins(6, 0, 4, 0)
        for value in SPEEDS:
            self.speed.addItem("", value)
        self.speed.setCurrentIndex(SPEEDS.index(DEFAULT_SPEED))
        self.speed.currentIndexChanged.connect(self.run_driver.speed_changed)
        stepper.insertWidget(after_run, self.speed_label)
        stepper.insertWidget(after_run, self.speed)
        self.stepper_bar = stepper
        for bar in (progress, stepper):
            bar.setMovable(False)
            bar.setFloatable(False)
            bar.setAllowedAreas(Qt.ToolBarArea.TopToolBarArea)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.menus: dict[str, QMenu] = {key: bar.addMenu("") for key, _title in table.MENUS}
        self.file_menu, self.edit_menu, self.train_menu = (
            self.menus["file"],
            self.menus["edit"],
            self.menus["train"],
        )
        self.view_menu, self.language_menu, self.help_menu = (
            self.menus["view"],
            self.menus["language"],
            self.menus["help"],
        )
        self.examples_menu = QMenu(self.file_menu)
        self.examples_menu.aboutToShow.connect(lambda: self.files.fill_examples(self.examples_menu))
        self.recent_menu = QMenu(self.file_menu)
        self.recent_menu.aboutToShow.connect(lambda: self.files.fill_recent(self.recent_menu))
        self.export_menu = QMenu(self.file_menu)
        self.submenus = {
            "examples": self.examples_menu,
            "recent": self.recent_menu,
            "export": self.export_menu,
        }
        for key in DOCKS:
            self.view_menu.addAction(self.docks[key].toggleViewAction())
        for action in self.language_group.actions():
            self.language_menu.addAction(action)
        for key, menu in (*self.menus.items(), ("export", self.export_menu)):
            table.fill_menu(menu, key, self.actions_by_key, self.submenus)

    # -- texts ------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        table.retranslate_actions(self.actions_by_key)
        # each language by its own name, untranslated, so that a learner finds theirs
        names = {"system": self.tr("System language"), **languages.NATIVE_NAMES}
        for key in ("system", *languages.CODES):
            action = self.actions_by_key[f"lang_{key}"]
            action.setText(names[key])
            action.setToolTip(names[key])
        self._update_run_action()
        for key, title in table.MENUS:
            self.menus[key].setTitle(table.translate(title))
        for key, title in table.SUBMENU_TITLES.items():
            self.submenus[key].setTitle(table.translate(title))
        titles = {
            "explanation": self.tr("Explanation"),
            "parameters": self.tr("Parameters"),
            "loss": self.tr("Loss"),
            "dataset": self.tr("Dataset"),
            "options": self.tr("Training options"),
            "history": self.tr("History"),
        }
        for key, title in titles.items():
            self.docks[key].setWindowTitle(title)
        self.progress_bar.setWindowTitle(self.tr("Progress"))
        self.stepper_bar.setWindowTitle(self.tr("Stepper"))
        self.speed_label.setText(self.tr("Speed:"))
        for index, value in enumerate(SPEEDS):
            self.speed.setItemText(index, speed_name(value))
        self.speed.setToolTip(self.tr("Training steps per second in Run mode"))
        self.speed_label.setToolTip(self.speed.toolTip())
        self.progress_row.retranslate()
        self._keep_run_button_width()
        chosen = i18n.current_choice()  # what made the language in use, not what the settings say
        for action in self.language_group.actions():
            action.setChecked(action.data() == chosen)
        self._update_progress()
        self._update_title()
        self._update_undo_actions()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _keep_run_button_width(self) -> None:
        """Run and Pause take the same width, so the buttons after it stay under the mouse."""
        button = self.stepper_bar.widgetForAction(self.actions_by_key["run"])
        if not isinstance(button, QToolButton):
            return
        metrics = QFontMetrics(button.font())

        def width(text: str) -> int:
            return metrics.size(Qt.TextFlag.TextShowMnemonic, text).width()

        current = width(button.text())
        widest = max(width(self.tr("Run")), width(self.tr("Pause")))
        button.setMinimumWidth(button.sizeHint().width() - current + widest)

    # -- progress, title, undo ------------------------------------------------------------------------
    def _update_progress(self, *_: object) -> None:
        self.progress_row.show_progress(self.document)
        if self.controller.running:
            self.status_label.setText(
                self.tr("Running: {0} steps/s").format(count_text(round(self.run_rate())))
            )
        else:
            self.status_label.setText("")

    def shown_name(self) -> str:
        return i18n.network_name(self.document) or self.tr("untitled")

    def _update_title(self) -> None:
        doc = self.document
        self.setWindowTitle(f"{self.shown_name()}[*] — BP Studio")
        self.setWindowModified(doc.modified)

    def _update_undo_actions(self) -> None:
        history = self.document.history
        undo, redo = self.actions_by_key["undo"], self.actions_by_key["redo"]
        running = self.controller.running
        undo.setEnabled(history.can_undo() and not running)
        redo.setEnabled(history.can_redo() and not running)
        undo.setProperty(PLAIN_NAME, self.tr("&Undo"))  # Help › Keyboard shortcuts lists the plain name
        redo.setProperty(PLAIN_NAME, self.tr("&Redo"))
        undo.setText(
            self.tr("&Undo {0}").format(history.undo_text()) if history.can_undo() else self.tr("&Undo")
        )
        redo.setText(
            self.tr("&Redo {0}").format(history.redo_text()) if history.can_redo() else self.tr("&Redo")
        )
        self.actions_by_key["step_back"].setEnabled(self.controller.can_step_back() and not running)

    def _update_layer_actions(self, *_: object) -> None:
        """Edit › Add/Remove a hidden layer are offered only when the network allows them."""
        depth = self.document.network.depth
        running = self.controller.running
        self.actions_by_key["add_layer"].setEnabled(depth + 2 <= MAX_LAYERS and not running)
        self.actions_by_key["remove_layer"].setEnabled(depth > 1 and not running)

    # -- run mode ---------------------------------------------------------------------------------------
    def set_running(self, on: bool) -> None:
        if on == self.run_driver.active:
            self._update_run_action()
            return
        if on:
            self.controller.begin_run()
            if self.docks["loss"] in self.tabifiedDockWidgets(self.docks["dataset"]):
                self.docks["loss"].raise_()  # a tab behind the dataset: the run is watched there
            self.run_driver.start()
        else:
            self.run_driver.stop()
            self.controller.end_run()
            self.explanation.refresh()
        for key in IDLE_ONLY:
            self.actions_by_key[key].setEnabled(not on)
        self._update_run_action()
        self._update_undo_actions()
        self._update_layer_actions()
        self._update_progress()

    def pause(self) -> None:
        self.set_running(False)

    @property
    def running(self) -> bool:
        return self.run_driver.active

    def run_rate(self) -> float:
        """Steps per second of the current (or last) Run session."""
        return self.run_driver.rate()

    def _update_run_action(self) -> None:
        action = self.actions_by_key["run"]
        running = self.run_driver.active
        action.blockSignals(True)
        action.setChecked(running)
        action.blockSignals(False)
        action.setText(self.tr("Pause") if running else self.tr("Run"))
        sp = QStyle.StandardPixmap
        action.setIcon(self.style().standardIcon(sp.SP_MediaPause if running else sp.SP_MediaPlay))

    # -- training intents needing a dialog ---------------------------------------------------------------
    def reinitialise(self) -> None:
        init = ReinitDialog.get_config(self.document.init, self)
        if init is not None:
            self.controller.reinitialise(init)

    def step_back(self) -> bool:
        """One phase back; a replay long enough to be noticed shows progress and can be cancelled."""
        dialog: QProgressDialog | None = None

        def progress(done: int, total: int) -> bool:
            nonlocal dialog
            if dialog is None:
                dialog = QProgressDialog(
                    self.tr("Computing the run again up to one phase back…"),
                    self.tr("Cancel"),
                    0,
                    total,
                    self,
                )
                dialog.setWindowTitle(self.tr("Step back"))
                dialog.setWindowModality(Qt.WindowModality.WindowModal)
                dialog.setMinimumDuration(STEP_BACK_PROGRESS_MS)
            dialog.setValue(done)
            return not dialog.wasCanceled()

        try:
            return self.controller.step_back(progress)
        finally:
            if dialog is not None:
                dialog.reset()
                dialog.deleteLater()

    def add_hidden_layer(self) -> None:
        self.controller.add_layer(self.document.network.depth, 2, "sigmoid")

    def remove_hidden_layer(self) -> None:
        self.controller.remove_layer(self.document.network.depth - 1)

    # -- errors -------------------------------------------------------------------------------------------
    def show_error(self, message: str) -> None:
        """One clear message; never a traceback. In Run mode the run pauses first."""
        self.last_error = message
        self.statusBar().showMessage(message, 15000)
        if self.quiet_errors:
            import sys

            print(message, file=sys.stderr)
            return
        if self.running:
            self.pause()
            QTimer.singleShot(0, lambda: QMessageBox.critical(self, self.tr("BP Studio"), message))
            return
        QMessageBox.critical(self, self.tr("BP Studio"), message)

    def _clear_error(self) -> None:
        """A change that went through (an edit, open, import, save, a phase) makes an old error moot:
        the controller's (last_error) and a field's refusal (announced in the status bar)."""
        withdraw_stale(self)
        if self.last_error:
            self.last_error = ""
            self.statusBar().clearMessage()

    # -- files (FileActions does the work) ----------------------------------------------------------------
    def open_file(self, path: str | Path | None = None) -> bool:
        return self.files.open_file(path)

    def open_example(self, path: Path) -> None:
        self.files.open_example(path)

    def recent_files(self) -> list[str]:
        return self.files.recent_files()

    def example_actions(self) -> list[QAction]:
        return self.files.fill_examples(self.examples_menu)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() and dropped_json(mime.urls()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_json(event.mimeData().urls())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        QTimer.singleShot(0, lambda: self.files.open_file(path))

    # -- language -------------------------------------------------------------------------------------------
    def set_language(self, key: str) -> None:
        self.settings.setValue("language", key)
        if not i18n.choose(key):
            self.show_error(i18n.missing_message())
        # Qt posts LanguageChange to every window; deliver it now so the switch is immediate
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        for action in self.language_group.actions():
            action.setChecked(action.data() == i18n.current_choice())

    # -- help -----------------------------------------------------------------------------------------------
    def show_guide(self) -> None:
        """The guide beside the window (not modal: the learner follows it while clicking)."""
        if self._guide is None:
            self._guide = GuideDialog(self)
        self._guide.show()
        self._guide.raise_()

    def show_shortcuts(self) -> None:
        if self._shortcuts is None:
            self._shortcuts = ShortcutsDialog(self, lambda: table.shortcut_actions(self.actions_by_key))
        self._shortcuts.refresh()  # from the actions as they are now
        self._shortcuts.show()
        self._shortcuts.raise_()

    def show_about(self) -> None:
        show_about(self)

    # -- settings and closing ---------------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes) and geometry:
            self.restoreGeometry(QByteArray(geometry))  # Qt keeps it on a screen that exists
        state = self.settings.value("window/state")
        # a layout saved by an older version (which could hold broken toolbar rows) is ignored
        if isinstance(state, QByteArray | bytes) and state:
            self._restored = self.restoreState(QByteArray(state), LAYOUT_VERSION)
            if not self._restored:
                arrange_default_layout(self)

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState(LAYOUT_VERSION))
        self.settings.sync()

    def reset_layout(self) -> None:
        """Exactly the layout of a fresh window: the same toolbar rows, docks and dock sizes."""
        arrange_default_layout(self)
        if self.isVisible():
            QCoreApplication.sendPostedEvents()  # let the re-added docks take their places first
            default_sizes(self)
        else:
            self._sized = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            if not self._restored:
                arrange_default_layout(self)  # for the size the window has now
                QCoreApplication.sendPostedEvents()
                default_sizes(self)
            self.canvas.setFocus()  # Space goes to Next phase, not into a text field

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            self.pause()
        if not self.files.maybe_save():
            event.ignore()
            return
        if self.persist_settings:
            self.save_settings()
        event.accept()
        self.closed.emit()
