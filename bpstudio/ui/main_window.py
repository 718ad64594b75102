"""The studio window: stepper toolbar, network canvas, docks, menus, files and settings.

Slots here hold no logic: each action calls one controller method; every view listens to the
document on its own. Run mode is a timer calling `controller.run_steps(k)` with k adapted so the
window refreshes at most ~30 times a second.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QSettings, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFontMetrics,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QToolBar,
    QToolButton,
    QWidget,
)

from bpstudio.controller import Controller, phase_name
from bpstudio.controller.names import speed_name
from bpstudio.document import fileformat as fmt
from bpstudio.document.document import NetworkDocument
from bpstudio.engine import Phase
from bpstudio.engine.network import MAX_LAYERS
from bpstudio.ui import i18n
from bpstudio.ui.canvas import NetworkCanvas
from bpstudio.ui.dataset_panel import DatasetPanel
from bpstudio.ui.explanation_panel import ExplanationPanel
from bpstudio.ui.export_explanation import export_explanation
from bpstudio.ui.fields import count_text
from bpstudio.ui.help import GuideDialog, ShortcutsDialog
from bpstudio.ui.history_panel import HistoryPanel
from bpstudio.ui.labels import format_value
from bpstudio.ui.layout import (
    LAYOUT_VERSION,
    CountersLabel,
    bottom_row_height,
    clamp,
    initial_window_size,
    right_column_width,
)
from bpstudio.ui.loss_plot import LossPlot
from bpstudio.ui.options_panel import OptionsPanel
from bpstudio.ui.parameters import ParametersPanel
from bpstudio.ui.reinit_dialog import ReinitDialog

MAX_RECENT = 8
REFRESH_HZ = 30
TICK_MS = 1000 // REFRESH_HZ
TICK_BUDGET = 0.022  # seconds of stepping per tick at full speed, leaving time to repaint
SPEEDS = (1, 5, 20, 100, 1000, 10_000, 0)  # steps per second; 0 = as fast as possible
DEFAULT_SPEED = 0
WIDE_LAYOUT = 1280  # from this window width the loss plot has its own place beside the dataset
PHASES = (Phase.FEEDFORWARD, Phase.BACKWARD, Phase.UPDATE)
STEP_BACK_PROGRESS_MS = 400  # a Step back replay expected to take longer shows its progress


def _make_canvas(document: NetworkDocument, controller: Controller) -> NetworkCanvas:
    return NetworkCanvas(document, controller)


NETWORK_SUFFIX = ".bpstudio.json"


class MainWindow(QMainWindow):
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

        self.canvas = _make_canvas(document, controller)
        self.setCentralWidget(self.canvas)

        self.parameters = ParametersPanel(document, controller)
        self.loss_plot = LossPlot(document)
        self.dataset_panel = DatasetPanel(document, controller)
        self.options_panel = OptionsPanel(document, controller)
        self.explanation = ExplanationPanel(document, controller)
        self.history_panel = HistoryPanel(document, controller)
        self.docks: dict[str, QDockWidget] = {}
        self._create_docks()
        self._restored = False

        self._run_timer = QTimer(self)
        self._run_timer.timeout.connect(self._run_tick)
        self._run_k = 16
        self._run_started = 0.0
        self._run_steps = 0

        self._create_actions()
        self._create_toolbars()
        self._arrange_default_layout()
        self._create_menus()
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)

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
        document.structure_changed.connect(self._update_layer_actions)
        document.replaced.connect(self._update_layer_actions)
        document.history.changed.connect(self._clear_error)  # a change that succeeded
        document.replaced.connect(self._clear_error)

        if restore_layout:
            self._restore_settings()
        self.retranslate()
        self._update_progress()
        self._update_title()
        self._update_undo_actions()
        self._update_layer_actions()

    # -- construction -------------------------------------------------------------------------------
    # -- layout -------------------------------------------------------------------------------------------
    # The default layout is built by code, both at the first start and by View › Reset window
    # layout, so that a reset gives exactly what a fresh window shows (a saved state taken before
    # the toolbars existed once put them all in one row).
    def _create_docks(self) -> None:
        # the options form is taller than a small screen's bottom row: it scrolls instead of
        # setting the window's minimum height
        options = QScrollArea()
        options.setWidgetResizable(True)
        options.setFrameShape(QScrollArea.Shape.NoFrame)
        options.setWidget(self.options_panel)
        # the loss readout grows with the step count: it may be cut short in a narrow dock (the
        # counters row shows the same numbers) but never sets the window's minimum width
        self.loss_plot.readout.setMinimumWidth(1)
        widgets: dict[str, QWidget] = {
            "explanation": self.explanation,
            "parameters": self.parameters,
            "loss": self.loss_plot,
            "dataset": self.dataset_panel,
            "options": options,
            "history": self.history_panel,
        }
        for key, widget in widgets.items():
            d = QDockWidget(self)
            d.setObjectName(f"dock_{key}")
            d.setWidget(widget)
            d.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetMovable
                | QDockWidget.DockWidgetFeature.DockWidgetClosable
                | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            )
            self.docks[key] = d
        self._sized = False  # default dock sizes are applied once the window has its size

    def _arrange_default_layout(self) -> None:
        """Progress row above the stepper row; Explanation over Parameters on the right, the full
        height; under the canvas the loss plot beside Dataset | Training options | History. In a
        window narrower than WIDE_LAYOUT the loss plot is one more tab there (Run brings it to the
        front), so that neither it nor the dataset is squeezed below legibility."""
        d = self.docks
        wide = self.width() >= WIDE_LAYOUT
        for dock in d.values():
            dock.setFloating(False)
            self.removeDockWidget(dock)
        for bar in (self.progress_bar, self.stepper_bar):
            self.removeToolBar(bar)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.progress_bar)
        self.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.stepper_bar)
        right = Qt.DockWidgetArea.RightDockWidgetArea
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.setCorner(Qt.Corner.BottomRightCorner, right)
        self.setCorner(Qt.Corner.TopRightCorner, right)
        self.addDockWidget(right, d["explanation"])
        self.addDockWidget(right, d["parameters"])
        self.splitDockWidget(d["explanation"], d["parameters"], Qt.Orientation.Vertical)
        for key in ("loss", "dataset", "options", "history"):
            self.addDockWidget(bottom, d[key])
        if wide:
            self.splitDockWidget(d["loss"], d["dataset"], Qt.Orientation.Horizontal)
        else:
            self.tabifyDockWidget(d["dataset"], d["loss"])
        self.tabifyDockWidget(d["dataset"], d["options"])
        self.tabifyDockWidget(d["options"], d["history"])
        for bar in (self.progress_bar, self.stepper_bar):
            bar.show()
        for dock in d.values():
            dock.show()
        d["dataset"].raise_()

    def _dataset_height(self) -> int:
        """Height the Dataset dock needs to show its rows (up to 8) without blank space."""
        panel = self.dataset_panel
        table = panel.table
        rows = min(max(table.model().rowCount(), 1), 8)
        body = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        body += rows * table.verticalHeader().defaultSectionSize()
        if table.horizontalScrollBar().isVisible():
            body += table.horizontalScrollBar().sizeHint().height()
        others = panel.sizeHint().height() - table.sizeHint().height()
        title = self.docks["dataset"].sizeHint().height() - panel.sizeHint().height()
        tabs = self.style().pixelMetric(QStyle.PixelMetric.PM_TabBarBaseHeight) + 28  # the tab row
        return body + others + title + tabs

    def _default_sizes(self) -> None:
        """Docks sized to their content, the canvas gets the rest (and all later growth)."""
        d = self.docks
        width, height = self.width(), self.height()
        content = max(self.parameters.sizeHint().width(), self.explanation.preferred_width())
        side = right_column_width(width, content)
        self.resizeDocks([d["explanation"]], [side], Qt.Orientation.Horizontal)
        # the right-hand column's height as laid out (below the toolbars), not the window's
        column = d["explanation"].height() + d["parameters"].height()
        if column < 200:
            column = max(height - self.menuBar().height() - self.statusBar().height(), 200)
        parameters = clamp(self.parameters.sizeHint().height() + 30, int(column * 0.4), int(column * 0.55))
        self.resizeDocks(
            [d["explanation"], d["parameters"]], [column - parameters, parameters], Qt.Orientation.Vertical
        )
        self.resizeDocks(
            [d["dataset"]], [bottom_row_height(height, self._dataset_height())], Qt.Orientation.Vertical
        )
        if d["loss"] in self.tabifiedDockWidgets(d["dataset"]):
            return
        below_canvas = max(width - side, 2)
        dataset = max(self.dataset_panel.sizeHint().width(), int(below_canvas * 0.4))
        self.resizeDocks(
            [d["loss"], d["dataset"]], [below_canvas - dataset, dataset], Qt.Orientation.Horizontal
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            if not self._restored:
                self._arrange_default_layout()  # for the size the window has now
                QCoreApplication.sendPostedEvents()
                self._default_sizes()
            self.canvas.setFocus()  # Space goes to Next phase, not into a text field

    def _action(
        self,
        key: str,
        slot: Callable[..., object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon: QStyle.StandardPixmap | None = None,
        checkable: bool = False,
    ) -> QAction:
        action = QAction(self)
        action.setObjectName(f"action_{key}")
        if shortcut is not None:
            if isinstance(shortcut, QKeySequence.StandardKey):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.setCheckable(checkable)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
        self.addAction(action)
        self.actions_by_key[key] = action
        return action

    def _create_actions(self) -> None:
        c = self.controller
        sp = QStyle.StandardPixmap
        self.actions_by_key: dict[str, QAction] = {}
        a = self._action
        a("next_phase", c.next_phase, "Space", sp.SP_MediaPlay)
        a("next_layer", c.next_layer, "Shift+Space", sp.SP_ArrowRight)
        a("step", c.step, "Ctrl+Return", sp.SP_MediaSkipForward)
        a("epoch", c.run_epoch, "Ctrl+Shift+Return", sp.SP_MediaSeekForward)
        a("run", self.set_running, "F5", sp.SP_MediaPlay, checkable=True)
        a("step_back", self.step_back, "Shift+Backspace", sp.SP_MediaSeekBackward)
        a("reset", self.reset, "Ctrl+Shift+R", sp.SP_BrowserReload)
        a("reinitialise", self.reinitialise, "Ctrl+I", sp.SP_DialogResetButton)
        a("new", self.new_file, QKeySequence.StandardKey.New, sp.SP_FileIcon)
        a("open", self.open_file, QKeySequence.StandardKey.Open, sp.SP_DialogOpenButton)
        a("save", self.save, QKeySequence.StandardKey.Save, sp.SP_DialogSaveButton)
        a("save_as", self.save_as, QKeySequence.StandardKey.SaveAs)
        a("quit", self.close, "Ctrl+Q")  # StandardKey.Quit is only the multimedia Exit key on some desktops
        a("undo", c.undo, QKeySequence.StandardKey.Undo)
        a("redo", c.redo, QKeySequence("Ctrl+Shift+Z"))
        self.actions_by_key["redo"].setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        a("export_explanation_md", lambda: self.export_explanation("md"))
        a("export_explanation_html", lambda: self.export_explanation("html"))
        a("export_explanation_steps", lambda: self.export_explanation(None))
        a("export_loss_csv", self.export_loss_csv)
        a("export_loss_png", self.export_loss_png)
        a("export_canvas_png", lambda: self.export_canvas("png"))
        a("export_canvas_svg", lambda: self.export_canvas("svg"))
        a("zoom_in", self.canvas.zoom_in, QKeySequence.StandardKey.ZoomIn)
        a("zoom_out", self.canvas.zoom_out, QKeySequence.StandardKey.ZoomOut)
        a("fit", self.canvas.fit_to_view, "Ctrl+0")
        a("reset_layout", self.reset_layout)
        a("add_layer", self.add_hidden_layer)
        a("remove_layer", self.remove_hidden_layer)
        a("guide", self.show_guide, QKeySequence.StandardKey.HelpContents)
        a("shortcuts", self.show_shortcuts)
        a("about", self.show_about)
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        for key in ("system", *i18n.LANGUAGES):
            action = QAction(self)
            action.setCheckable(True)
            action.setData(key)
            action.triggered.connect(lambda _checked=False, key=key: self.set_language(key))
            self.language_group.addAction(action)
            self.actions_by_key[f"lang_{key}"] = action
        self.actions_by_key["run"].setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def _create_toolbars(self) -> None:
        acts = self.actions_by_key
        # Two fixed rows: what happens next and the counters, then the buttons. The rows cannot be
        # dragged together, so a growing step counter never pushes a button (or the window).
        progress = QToolBar(self)
        progress.setObjectName("toolbar_progress")
        self.phase_indicator = QLabel()
        self.phase_indicator.setTextFormat(Qt.TextFormat.RichText)
        self.phase_indicator.setContentsMargins(8, 2, 8, 2)
        self.counters = CountersLabel()
        self.counters.setContentsMargins(8, 2, 8, 2)
        row = QWidget()
        row.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.phase_indicator)
        row_layout.addWidget(self.counters, 1)
        progress.addWidget(row)
        self.progress_bar = progress

        stepper = QToolBar(self)
        stepper.setObjectName("toolbar_stepper")
        stepper.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        stepper.setIconSize(QSize(18, 18))
        for key in ("next_phase", "next_layer", "step", "epoch"):
            stepper.addAction(acts[key])
        stepper.addSeparator()
        stepper.addAction(acts["run"])
        self.speed_label = QLabel()
        self.speed_label.setContentsMargins(6, 0, 4, 0)
        self.speed = QComboBox()
        for value in SPEEDS:
            self.speed.addItem("", value)
        self.speed.setCurrentIndex(SPEEDS.index(DEFAULT_SPEED))
        self.speed.currentIndexChanged.connect(self._speed_changed)
        stepper.addWidget(self.speed_label)
        stepper.addWidget(self.speed)
        stepper.addSeparator()
        for key in ("step_back", "reset", "reinitialise"):
            stepper.addAction(acts[key])
        self.stepper_bar = stepper
        for bar in (progress, stepper):
            bar.setMovable(False)
            bar.setFloatable(False)
            bar.setAllowedAreas(Qt.ToolBarArea.TopToolBarArea)

    def _create_menus(self) -> None:
        acts = self.actions_by_key
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(acts["new"])
        self.file_menu.addAction(acts["open"])
        self.examples_menu = self.file_menu.addMenu("")
        self.examples_menu.aboutToShow.connect(self._fill_examples)
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.file_menu.addSeparator()
        self.file_menu.addAction(acts["save"])
        self.file_menu.addAction(acts["save_as"])
        self.export_menu = self.file_menu.addMenu("")
        for key in (
            "export_explanation_md",
            "export_explanation_html",
            "export_explanation_steps",
            "export_loss_csv",
            "export_loss_png",
            "export_canvas_png",
            "export_canvas_svg",
        ):
            self.export_menu.addAction(acts[key])
        self.file_menu.addSeparator()
        self.file_menu.addAction(acts["quit"])

        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(acts["undo"])
        self.edit_menu.addAction(acts["redo"])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(acts["add_layer"])
        self.edit_menu.addAction(acts["remove_layer"])

        self.train_menu = bar.addMenu("")
        for key in ("next_phase", "next_layer", "step", "epoch", "run", "step_back"):
            self.train_menu.addAction(acts[key])
        self.train_menu.addSeparator()
        self.train_menu.addAction(acts["reset"])
        self.train_menu.addAction(acts["reinitialise"])

        self.view_menu = bar.addMenu("")
        for key in ("explanation", "parameters", "loss", "dataset", "options", "history"):
            self.view_menu.addAction(self.docks[key].toggleViewAction())
        self.view_menu.addSeparator()
        self.view_menu.addAction(acts["zoom_in"])
        self.view_menu.addAction(acts["zoom_out"])
        self.view_menu.addAction(acts["fit"])
        self.view_menu.addSeparator()
        self.view_menu.addAction(acts["reset_layout"])

        self.language_menu = bar.addMenu("")
        for action in self.language_group.actions():
            self.language_menu.addAction(action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(acts["guide"])
        self.help_menu.addAction(acts["shortcuts"])
        self.help_menu.addSeparator()
        self.help_menu.addAction(acts["about"])

    # -- texts ------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        texts = {
            "next_phase": (
                self.tr("Next phase"),
                self.tr("Run the next phase: feedforward, then δ, then update"),
            ),
            "next_layer": (self.tr("Next layer"), self.tr("Advance one layer inside the current phase")),
            "step": (self.tr("Step"), self.tr("Finish the current training step (all three phases)")),
            "epoch": (self.tr("Epoch"), self.tr("Train until the current epoch is complete")),
            "run": (self.tr("Run"), self.tr("Train continuously; press again to pause")),
            "step_back": (
                self.tr("Step back"),
                self.tr("Undo the last phase, restoring every number exactly"),
            ),
            "reset": (self.tr("Reset"), self.tr("Back to the network as it was opened")),
            "reinitialise": (
                self.tr("Re-initialise…"),
                self.tr("New random weights from a scheme and a seed"),
            ),
            "new": (self.tr("&New"), ""),
            "open": (self.tr("&Open…"), ""),
            "save": (self.tr("&Save"), ""),
            "save_as": (self.tr("Save &As…"), ""),
            "quit": (self.tr("&Quit"), ""),
            "export_explanation_md": (self.tr("Explanation as Markdown…"), ""),
            "export_explanation_html": (self.tr("Explanation as HTML…"), ""),
            "export_explanation_steps": (
                self.tr("Explanation of several steps…"),
                self.tr("Steps a to b of the worked example, as Markdown or HTML, in English or Vietnamese"),
            ),
            "export_loss_csv": (self.tr("Loss history as CSV…"), ""),
            "export_loss_png": (self.tr("Loss plot as PNG…"), ""),
            "export_canvas_png": (self.tr("Network picture as PNG…"), ""),
            "export_canvas_svg": (self.tr("Network picture as SVG…"), ""),
            "zoom_in": (self.tr("Zoom in"), ""),
            "zoom_out": (self.tr("Zoom out"), ""),
            "fit": (self.tr("Fit network to view"), ""),
            "reset_layout": (self.tr("Reset window layout"), ""),
            "add_layer": (
                self.tr("Add a hidden layer"),
                self.tr("Insert a hidden layer of 2 sigmoid neurons before the output layer"),
            ),
            "remove_layer": (self.tr("Remove the last hidden layer"), ""),
            "guide": (self.tr("&Guide"), self.tr("How to use BP Studio, step by step")),
            "shortcuts": (self.tr("&Keyboard shortcuts"), self.tr("Every keyboard shortcut of the window")),
            "about": (self.tr("&About BP Studio"), ""),
            "lang_system": (self.tr("System language"), ""),
            "lang_en": ("English", ""),
            "lang_vi": ("Tiếng Việt", ""),
        }
        for key, (text, tip) in texts.items():
            action = self.actions_by_key[key]
            action.setText(text)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shortcut})" if tip and shortcut else (tip or text))
        self._update_run_action()
        self.file_menu.setTitle(self.tr("&File"))
        self.examples_menu.setTitle(self.tr("Open &example"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.export_menu.setTitle(self.tr("&Export"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.train_menu.setTitle(self.tr("&Training"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
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
        self.phase_indicator.setToolTip(
            self.tr("The phase that Next phase computes (▶); ✓ marks the phases done in this step")
        )
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
        doc = self.document
        s = doc.stepper
        parts = []
        for phase in PHASES:
            name = phase_name(phase)
            if phase is s.phase:
                layer = ""
                if phase is not Phase.UPDATE:
                    layer = " · " + self.tr("layer {0}").format(s.layer)
                parts.append(
                    f"<span style='background:#ffd54f; color:#000; font-weight:bold;'>&nbsp;▶ {name}{layer}&nbsp;</span>"
                )
            else:
                done = PHASES.index(phase) < PHASES.index(s.phase)
                colour = "#2e7d32" if done else "#616161"
                mark = "✓ " if done else ""
                parts.append(f"<span style='color:{colour};'>{mark}{name}</span>")
        self.phase_indicator.setText("<b>" + self.tr("Next:") + "</b>&nbsp; " + " &nbsp;▸&nbsp; ".join(parts))
        # J as the last feedforward of the current step computed it. Without one (an edit of
        # the network, data or options restarts the step) the last value of the loss history
        # belongs to another network or dataset, so the header says so instead of showing it.
        trace = doc.trace
        if trace is not None and trace.cost is not None:
            cost_text = format_value(trace.cost)
        else:
            cost_text = self.tr("not computed yet")
        counts = [count_text(n) for n in (s.steps_done, s.epoch, s.batch_in_epoch + 1, s.batches_per_epoch)]
        self.counters.setText(
            self.tr(
                "Steps done <b>{0}</b> · Epochs done <b>{1}</b> · Next batch {2} of {3} · Cost J = <b>{4}</b>"
            ).format(*counts, cost_text)
        )
        self.counters.set_short_text(  # painted instead when the full sentence does not fit
            self.tr("Step <b>{0}</b> · Epoch <b>{1}</b> · Batch {2}/{3} · J = <b>{4}</b>").format(
                *counts, cost_text
            )
        )
        if self.controller.running:
            self.status_label.setText(
                self.tr("Running: {0} steps/s").format(count_text(round(self.run_rate())))
            )
        else:
            self.status_label.setText("")

    def _shown_name(self) -> str:
        return i18n.network_name(self.document) or self.tr("untitled")

    def _update_title(self) -> None:
        doc = self.document
        self.setWindowTitle(f"{self._shown_name()}[*] — BP Studio")
        self.setWindowModified(doc.modified)

    def _update_undo_actions(self) -> None:
        history = self.document.history
        undo, redo = self.actions_by_key["undo"], self.actions_by_key["redo"]
        running = self.controller.running
        undo.setEnabled(history.can_undo() and not running)
        redo.setEnabled(history.can_redo() and not running)
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
        if on == self._run_timer.isActive():
            self._update_run_action()
            return
        if on:
            self.controller.begin_run()
            if self.docks["loss"] in self.tabifiedDockWidgets(self.docks["dataset"]):
                self.docks["loss"].raise_()  # a tab behind the dataset: the run is watched there
            self._run_started = time.perf_counter()
            self._run_steps = 0
            self._run_timer.start(self._tick_interval())
        else:
            self._run_timer.stop()
            self.controller.end_run()
            self.explanation.refresh()
        for key in ("next_phase", "next_layer", "step", "epoch", "reset", "reinitialise", "open", "new"):
            self.actions_by_key[key].setEnabled(not on)
        self._update_run_action()
        self._update_undo_actions()
        self._update_layer_actions()
        self._update_progress()

    def pause(self) -> None:
        self.set_running(False)

    @property
    def running(self) -> bool:
        return self._run_timer.isActive()

    def _speed(self) -> int:
        return int(self.speed.currentData())

    def _tick_interval(self) -> int:
        speed = self._speed()
        if speed and speed < REFRESH_HZ:
            return 1000 // speed
        return TICK_MS

    def _speed_changed(self) -> None:
        if self._run_timer.isActive():
            self._run_timer.setInterval(self._tick_interval())

    def _run_tick(self) -> None:
        speed = self._speed()
        if speed == 0:
            k = self._run_k
        elif speed < REFRESH_HZ:
            k = 1
        else:
            k = max(1, speed // REFRESH_HZ)
        started = time.perf_counter()
        ok = self.controller.run_steps(k)
        elapsed = time.perf_counter() - started
        if not ok:
            self.pause()
            return
        self._run_steps += k
        if speed == 0:
            # aim each tick at TICK_BUDGET seconds of work, changing k smoothly
            ratio = TICK_BUDGET / max(elapsed, 1e-6)
            self._run_k = int(min(max(1, self._run_k * min(max(ratio, 0.5), 2.0)), 1_000_000))

    def _update_run_action(self) -> None:
        action = self.actions_by_key["run"]
        running = self._run_timer.isActive()
        action.blockSignals(True)
        action.setChecked(running)
        action.blockSignals(False)
        action.setText(self.tr("Pause") if running else self.tr("Run"))
        sp = QStyle.StandardPixmap
        action.setIcon(self.style().standardIcon(sp.SP_MediaPause if running else sp.SP_MediaPlay))

    def run_rate(self) -> float:
        """Steps per second of the current (or last) Run session."""
        seconds = time.perf_counter() - self._run_started
        return self._run_steps / seconds if seconds > 0 else 0.0

    # -- training intents needing a dialog ---------------------------------------------------------------
    def reset(self) -> None:
        self.controller.reset()

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
        if self._run_timer.isActive():
            self.pause()
            QTimer.singleShot(0, lambda: QMessageBox.critical(self, self.tr("BP Studio"), message))
            return
        QMessageBox.critical(self, self.tr("BP Studio"), message)

    def _clear_error(self) -> None:
        """A change that went through (an edit, open, import, save) makes an old error moot."""
        if self.last_error:
            self.last_error = ""
            self.statusBar().clearMessage()

    # -- files ------------------------------------------------------------------------------------------
    def _start_dir(self) -> str:
        if self.document.path is not None:
            return str(self.document.path.parent)
        return str(self.settings.value("last_dir", str(Path.home())))

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved changes; False means cancel."""
        if not self.document.modified:
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.warning(
            self,
            self.tr("Unsaved changes"),
            self.tr("“{0}” has changes that are not saved. Save them first?").format(self._shown_name()),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    def new_file(self) -> None:
        if self.running or not self.maybe_save():
            return
        self.controller.new()

    def open_file(self, path: str | Path | None = None) -> bool:
        if self.running or not self.maybe_save():
            return False
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Open a network"),
                self._start_dir(),
                self.tr("BP Studio networks (*.json);;All files (*)"),
            )
            if not chosen:
                return False
            path = chosen
        path = Path(path)
        if not self.controller.open(path):
            if not path.exists():  # a recent file that has gone away leaves the list
                text = str(path.resolve())
                self.settings.setValue("recent_files", [p for p in self.recent_files() if p != text])
            return False
        self._add_recent(path)
        return True

    def open_example(self, path: Path) -> None:
        if self.running or not self.maybe_save():
            return
        self.controller.open_example(path)

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self.controller.save()

    def save_as(self) -> bool:
        # *.bpstudio.json is what the installed desktop entry opens on a double-click.
        # the title in the window's language (the examples carry a Vietnamese one), file-safe
        stem = i18n.file_stem(self.document, i18n.current_language(), self.tr("network"))
        suggested = self.document.path or Path(self._start_dir()) / f"{stem}{NETWORK_SUFFIX}"
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the network as"),
            str(suggested),
            self.tr("BP Studio networks (*.bpstudio.json *.json)"),
        )
        if not chosen:
            return False
        path = Path(chosen)
        if path.suffix.lower() != ".json":
            path = path.with_name(path.name + NETWORK_SUFFIX)
        if not self.controller.save_as(path):
            return False
        self._add_recent(path)
        return True

    def _ask_export_path(self, title: str, suggested: str, filter_text: str, suffix: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, title, str(Path(self._start_dir()) / suggested), filter_text
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        return path

    def _export_stem(self) -> str:
        """The network's file name or title in the window's language, to start an export's name."""
        return i18n.file_stem(self.document, i18n.current_language(), self.tr("network"))

    def _write_failed(self, path: Path, exc: OSError) -> None:
        if exc.strerror:
            self.show_error(self.tr("Cannot write {0}: {1}").format(str(path), exc.strerror))
        else:  # the message already names the file
            self.show_error(str(exc))

    def export_explanation(self, kind: str | None) -> Path | None:
        """The whole current step as "md" or "html"; None: steps a…b and format chosen in a dialog."""
        return export_explanation(
            self, self.document, kind, self._ask_export_path, self.show_error, self._write_failed
        )

    def export_loss_csv(self) -> None:
        path = self._ask_export_path(
            self.tr("Export the loss history"),
            self.tr("{0}-loss").format(self._export_stem()) + ".csv",
            self.tr("CSV (*.csv)"),
            ".csv",
        )
        if path is None:
            return
        try:
            self.loss_plot.export_csv(str(path))
        except OSError as exc:
            self._write_failed(path, exc)

    def export_loss_png(self) -> None:
        path = self._ask_export_path(
            self.tr("Export the loss plot"),
            self.tr("{0}-loss").format(self._export_stem()) + ".png",
            self.tr("PNG image (*.png)"),
            ".png",
        )
        if path is not None and not self.loss_plot.export_png(str(path)):
            self.show_error(self.tr("Cannot write {0}").format(str(path)))

    def export_canvas(self, kind: str) -> None:
        suffix = f".{kind}"
        filter_text = self.tr("PNG image (*.png)") if kind == "png" else self.tr("SVG image (*.svg)")
        path = self._ask_export_path(
            self.tr("Export the network picture"), f"{self._export_stem()}{suffix}", filter_text, suffix
        )
        if path is None:
            return
        try:
            if kind == "png":
                self.canvas.export_png(path)
            else:
                self.canvas.export_svg(path)
        except OSError as exc:
            self._write_failed(path, exc)

    # -- recent files and examples ---------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = self.settings.value("recent_files", [])
        if isinstance(value, str):
            return [value]
        if isinstance(value, list | tuple):
            return [str(v) for v in value]
        return []

    def _add_recent(self, path: Path) -> None:
        text = str(path.resolve())
        recent = [p for p in self.recent_files() if p != text]
        recent.insert(0, text)
        self.settings.setValue("recent_files", recent[:MAX_RECENT])
        self.settings.setValue("last_dir", str(path.resolve().parent))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_files()
        if not recent:
            empty = self.recent_menu.addAction(self.tr("(no recent files)"))
            empty.setEnabled(False)
            return
        for text in recent:
            action = self.recent_menu.addAction(Path(text).name)
            action.setToolTip(text)
            action.triggered.connect(lambda _checked=False, text=text: self.open_file(text))
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction(self.tr("Clear the list"))
        clear.triggered.connect(lambda: self.settings.setValue("recent_files", []))

    def _fill_examples(self) -> None:
        self.examples_menu.clear()
        self.examples_menu.setToolTipsVisible(True)
        for example in fmt.examples(i18n.current_language()):
            action = self.examples_menu.addAction(example.title)
            action.setToolTip(example.description)
            action.setStatusTip(example.description)
            action.triggered.connect(lambda _checked=False, path=example.path: self.open_example(path))

    def example_actions(self) -> list[QAction]:
        self._fill_examples()
        return list(self.examples_menu.actions())

    # -- drag and drop ------------------------------------------------------------------------------------
    @staticmethod
    def _dropped_json(urls: list[QUrl]) -> Path | None:
        for url in urls:
            if url.isLocalFile() and url.toLocalFile().lower().endswith(".json"):
                return Path(url.toLocalFile())
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() and self._dropped_json(mime.urls()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_json(event.mimeData().urls())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        QTimer.singleShot(0, lambda: self.open_file(path))

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
            self._shortcuts = ShortcutsDialog(self)
        self._shortcuts.refresh()  # from the actions as they are now
        self._shortcuts.show()
        self._shortcuts.raise_()

    # -- about ----------------------------------------------------------------------------------------------
    def show_about(self) -> None:
        try:
            from bpstudio.ui.about import show_about  # type: ignore[import-not-found,unused-ignore]
        except ImportError:
            QMessageBox.about(
                self,
                self.tr("About BP Studio"),
                self.tr("BP Studio: watch backpropagation happen, one phase at a time."),
            )
            return
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
                self._arrange_default_layout()

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState(LAYOUT_VERSION))
        self.settings.sync()

    def reset_layout(self) -> None:
        """Exactly the layout of a fresh window: the same toolbar rows, docks and dock sizes."""
        self._arrange_default_layout()
        if self.isVisible():
            QCoreApplication.sendPostedEvents()  # let the re-added docks take their places first
            self._default_sizes()
        else:
            self._sized = False

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            self.pause()
        if not self.maybe_save():
            event.ignore()
            return
        if self.persist_settings:
            self.save_settings()
        event.accept()
