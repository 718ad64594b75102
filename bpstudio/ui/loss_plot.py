"""The loss plot: the cost of every step and the mean cost of every finished epoch.

One curve each, fed with `setData` from a growing NumPy buffer (only the new tail of the
history is copied per refresh), with clip-to-view and peak downsampling so a million points
stay responsive.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import PySide6  # noqa: F401  (pyqtgraph must see PySide6 first)
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from bpstudio.document.document import NetworkDocument
from bpstudio.ui.labels import format_value

STEP_PEN = pg.mkPen(color=(33, 102, 172), width=1.5)
EPOCH_PEN = pg.mkPen(color=(214, 96, 77), width=2.5)
MAX_EPOCH_MARKERS = 60


class _Buffer:
    """The history as float64 arrays with spare capacity; appends copy only what is new."""

    def __init__(self) -> None:
        self.cost = np.empty(1024)
        self.epoch = np.empty(1024, dtype=np.int64)
        self.size = 0

    def sync(self, costs: list[float], epochs: list[int]) -> int:
        """Bring the buffer level with the history: 0 unchanged, 1 appended, 2 rebuilt."""
        n = len(costs)
        size = self.size
        same_prefix = n >= size and (size == 0 or (self.cost[size - 1] == costs[size - 1]))
        if n == size and same_prefix:
            return 0
        result = 1
        if not same_prefix:
            size = 0
            result = 2
        if n > self.cost.size:
            capacity = max(n, 2 * self.cost.size)
            cost, epoch = np.empty(capacity), np.empty(capacity, dtype=np.int64)
            cost[:size], epoch[:size] = self.cost[:size], self.epoch[:size]
            self.cost, self.epoch = cost, epoch
        if n > size:
            self.cost[size:n] = costs[size:n]
            self.epoch[size:n] = epochs[size:n]
        self.size = n
        return result


class LossPlot(QWidget):
    def __init__(self, document: NetworkDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._buffer = _Buffer()
        self._epoch_key: tuple[int, int] = (-1, -1)

        self.plot = pg.PlotWidget(background="w")
        item = self.plot.getPlotItem()
        item.showGrid(x=False, y=True, alpha=0.2)  # horizontal lines only: the x grid costs paint time
        item.setClipToView(True)
        item.setDownsampling(auto=True, mode="peak")
        item.getAxis("left").enableAutoSIPrefix(False)
        item.getAxis("bottom").enableAutoSIPrefix(False)
        self.legend = item.addLegend(offset=(-10, 10))
        self.step_curve = item.plot([], [], pen=STEP_PEN, name="cost")
        self.epoch_curve = item.plot([], [], pen=EPOCH_PEN, name="epoch")
        self._epoch_symbols = False
        for curve in (self.step_curve, self.epoch_curve):
            curve.setClipToView(True)
            curve.setDownsampling(auto=True, method="peak")
        self.readout = QLabel()
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_box = QCheckBox()
        self.log_box.toggled.connect(self.set_log_y)
        self.auto_button = QPushButton()
        self.auto_button.clicked.connect(self.auto_range)

        controls = QHBoxLayout()
        controls.addWidget(self.log_box)
        controls.addWidget(self.auto_button)
        controls.addStretch(1)
        controls.addWidget(self.readout)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.plot, 1)
        layout.addLayout(controls)

        self.plot.scene().sigMouseMoved.connect(self._hover)
        document.loss_history_changed.connect(self.refresh)
        document.replaced.connect(self.refresh)
        self.retranslate()
        self.refresh()

    # -- data -------------------------------------------------------------------------------
    def step_data(self) -> tuple[np.ndarray, np.ndarray]:
        """(step numbers from 1, cost) as plotted."""
        n = self._buffer.size
        return np.arange(1, n + 1, dtype=np.float64), self._buffer.cost[:n]

    def epoch_data(self) -> tuple[np.ndarray, np.ndarray]:
        """(step at which each finished epoch ended, mean cost of that epoch)."""
        n = self._buffer.size
        if n == 0:
            return np.empty(0), np.empty(0)
        epochs = self._buffer.epoch[:n]
        first = int(epochs[0])
        rel = epochs - first
        sums = np.bincount(rel, weights=self._buffer.cost[:n])
        counts = np.bincount(rel)
        ends = np.cumsum(counts)
        finished = len(counts) if self.document.stepper.epoch > int(epochs[-1]) else len(counts) - 1
        mask = counts[:finished] > 0
        return ends[:finished][mask].astype(np.float64), (sums[:finished] / np.maximum(counts[:finished], 1))[
            mask
        ]

    def refresh(self) -> None:
        s = self.document.stepper
        change = self._buffer.sync(s.cost_history, s.epoch_history)
        if not change:
            return
        x, y = self.step_data()
        self.step_curve.setData(x, y)
        n = self._buffer.size
        key = (int(self._buffer.epoch[n - 1]) if n else -1, s.epoch)
        if change == 2 or key != self._epoch_key:
            self._epoch_key = key
            ex, ey = self.epoch_data()
            # markers help while there are few epochs; thousands of them only cost time
            symbols = len(ex) <= MAX_EPOCH_MARKERS
            if symbols != self._epoch_symbols:
                self._epoch_symbols = symbols
                self.epoch_curve.setSymbol("o" if symbols else None)
                self.epoch_curve.setSymbolSize(6)
                self.epoch_curve.setSymbolBrush(EPOCH_PEN.color())
                self.epoch_curve.setSymbolPen(EPOCH_PEN.color())
            self.epoch_curve.setData(ex, ey)
        if n == 0:
            self.readout.setText(self.tr("No training steps yet"))
        else:
            self._show_point(n)
        if n == 1:
            # a single point gives a degenerate range: show it between 0 and twice its value
            cost = float(self._buffer.cost[0])
            item = self.plot.getPlotItem()
            item.setXRange(0.5, 1.5, padding=0)
            if not item.ctrl.logYCheck.isChecked():
                item.setYRange(min(0.0, cost), max(2 * cost, 1e-12), padding=0.05)

    # -- controls ------------------------------------------------------------------------------
    def set_log_y(self, on: bool) -> None:
        self.plot.getPlotItem().setLogMode(y=on)
        self.log_box.setChecked(on)
        self.auto_range()

    def auto_range(self) -> None:
        self.plot.getPlotItem().enableAutoRange()

    def _hover(self, pos: QPointF) -> None:
        item = self.plot.getPlotItem()
        if not item.sceneBoundingRect().contains(pos) or self._buffer.size == 0:
            return
        point = item.vb.mapSceneToView(pos)
        step = round(point.x())
        if 1 <= step <= self._buffer.size:
            self._show_point(step)

    def _show_point(self, step: int) -> None:
        cost = float(self._buffer.cost[step - 1])
        epoch = int(self._buffer.epoch[step - 1]) + 1
        self.readout.setText(self.tr("step {0}, epoch {1}: cost {2}").format(step, epoch, format_value(cost)))
        self.readout.setToolTip(repr(cost))

    def export_csv(self, path: str) -> None:
        n = self._buffer.size
        table = np.column_stack([np.arange(1, n + 1), self._buffer.epoch[:n] + 1, self._buffer.cost[:n]])
        np.savetxt(
            path, table, delimiter=",", header="step,epoch,cost", comments="", fmt=["%d", "%d", "%.17g"]
        )

    def export_png(self, path: str) -> bool:
        return self.plot.grab().save(path, "PNG")

    def retranslate(self) -> None:
        item = self.plot.getPlotItem()
        item.setLabel("bottom", self.tr("training step"))
        item.setLabel("left", self.tr("cost J"))
        self.legend.clear()
        self.legend.addItem(self.step_curve, self.tr("cost per step"))
        self.legend.addItem(self.epoch_curve, self.tr("mean per epoch"))
        self.log_box.setText(self.tr("Log scale"))
        self.auto_button.setText(self.tr("Auto range"))
        if not self._buffer.size:
            self.readout.setText(self.tr("No training steps yet"))
        else:
            self._show_point(self._buffer.size)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
