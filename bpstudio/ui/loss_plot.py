"""The loss plot: the cost of every step and the mean cost of every finished epoch.

One curve each, fed with `setData` from a growing NumPy buffer (only the new tail of the
history is copied per refresh), with clip-to-view and peak downsampling so a million points
stay responsive.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg  # bound to PySide6: bpstudio/ui/__init__.py names the binding before this import
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from bpstudio.document.reader import DocumentReader
from bpstudio.notation.numbers import TABLE, full, number
from bpstudio.ui.fields import click_only

STEP_PEN = pg.mkPen(color=(33, 102, 172), width=1.5)
EPOCH_PEN = pg.mkPen(color=(214, 96, 77), width=2.5)
MAX_EPOCH_MARKERS = 60
MAX_STEP_MARKERS = 12
THROTTLE_POINTS = 100_000  # beyond this many steps, redraw the curves at most every …
THROTTLE_SECONDS = 0.1
MIN_STEPS_SHOWN = 10  # the x-axis shows at least steps 1 … 10
NICE_ENDS = (1, 1.5, 2, 3, 4, 5, 7, 10)  # × a power of ten: where the x-axis ends, ≤ 1.5 × n
LABEL_OVERHANG = 15  # pixels a cost label may reach past the plot's end (pyqtgraph's own tolerance)
HEADROOM = 0.2  # space above the highest cost, as a share of the y range: the curve never touches the top


class _Grow:
    """A float64/int64 array with spare capacity."""

    def __init__(self, dtype: type = np.float64) -> None:
        self.data: np.ndarray = np.empty(1024, dtype=dtype)
        self.size = 0

    def reserve(self, n: int) -> None:
        if n > self.data.size:
            bigger = np.empty(max(n, 2 * self.data.size), dtype=self.data.dtype)
            bigger[: self.size] = self.data[: self.size]
            self.data = bigger

    def view(self) -> np.ndarray:
        return self.data[: self.size]


class _Buffer:
    """The history as arrays; appends copy only what is new, epoch means update incrementally."""

    def __init__(self) -> None:
        self._cost = _Grow()
        self._epoch = _Grow(np.int64)
        self._ep_id = _Grow(np.int64)  # one entry per epoch seen: its number,
        self._ep_end = _Grow(np.int64)  # the step (1-based) of its last sample so far,
        self._ep_sum = _Grow()  # the sum of its costs
        self._ep_count = _Grow(np.int64)  # and how many steps it has
        self._source: Sequence[float] | None = None  # the history list the buffer follows

    @property
    def size(self) -> int:
        return self._cost.size

    @property
    def source(self) -> Sequence[float] | None:
        return self._source

    @property
    def cost(self) -> np.ndarray:
        return self._cost.view()

    @property
    def epoch(self) -> np.ndarray:
        return self._epoch.view()

    def sync(self, costs: Sequence[float], epochs: Sequence[int], shortest: int | None = None) -> int:
        """Bring the buffer level with the history: 0 unchanged, 1 appended, 2 rebuilt.

        The history only grows at its end, except that undo truncates it and Reset or
        Re-initialise replace the list; `shortest` is the least length seen since the last sync.
        """
        n = len(costs)
        size = self.size
        same_prefix = costs is self._source and n >= size and (shortest is None or shortest >= size)
        self._source = costs
        if n == size and same_prefix:
            return 0
        result = 1
        if not same_prefix:
            size = 0
            result = 2
            for grow in (self._ep_id, self._ep_end, self._ep_sum, self._ep_count):
                grow.size = 0
        self._cost.reserve(n)
        self._epoch.reserve(n)
        if n > size:
            self._cost.data[size:n] = costs[size:n]
            self._epoch.data[size:n] = epochs[size:n]
        self._cost.size = self._epoch.size = n
        self._extend_epochs(size, n)
        return result

    def _extend_epochs(self, start: int, stop: int) -> None:
        if stop <= start:
            return
        e = self._epoch.data[start:stop]
        c = self._cost.data[start:stop]
        starts = np.concatenate(([0], np.flatnonzero(np.diff(e)) + 1))
        sums = np.add.reduceat(c, starts)
        counts = np.diff(np.append(starts, e.size))
        ids = e[starts]
        ends = start + starts + counts
        k = self._ep_id.size
        if k and self._ep_id.data[k - 1] == ids[0]:
            self._ep_sum.data[k - 1] += sums[0]
            self._ep_count.data[k - 1] += counts[0]
            self._ep_end.data[k - 1] = ends[0]
            ids, ends, sums, counts = ids[1:], ends[1:], sums[1:], counts[1:]
        m = k + ids.size
        for grow, values in (
            (self._ep_id, ids),
            (self._ep_end, ends),
            (self._ep_sum, sums),
            (self._ep_count, counts),
        ):
            grow.reserve(m)
            grow.data[k:m] = values
            grow.size = m

    def epoch_means(self, epoch_in_progress: int) -> tuple[np.ndarray, np.ndarray]:
        """(last step, mean cost) of every finished epoch."""
        k = self._ep_id.size
        if k and self._ep_id.data[k - 1] >= epoch_in_progress:
            k -= 1
        ends = self._ep_end.data[:k].astype(np.float64)
        return ends, self._ep_sum.data[:k] / self._ep_count.data[:k]


class _CostAxis(pg.AxisItem):
    """The cost axis, whose end labels ("0" at the origin) may reach past the plot's edge.

    pyqtgraph lets a vertical axis's labels overhang its ends by LABEL_OVERHANG pixels, but not
    once the axis draws the grid: its bounding rectangle is then the view's own, and the "0" at the
    bottom edge, half outside it, is dropped.
    """

    def boundingRect(self) -> QRectF:
        rect = super().boundingRect()
        if self.linkedView() is not None and self.grid is not False:
            rect = rect.adjusted(0, -LABEL_OVERHANG, 0, LABEL_OVERHANG)
        return rect


class LossPlot(QWidget):
    def __init__(self, document: DocumentReader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._buffer = _Buffer()
        self._x = np.arange(1, 1025, dtype=np.float64)  # step numbers, shared by every refresh
        self._last_refresh = 0.0
        self._shortest: int | None = None
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.timeout.connect(self.refresh)
        self._epoch_key: tuple[int, int] = (-1, -1)

        self.plot = pg.PlotWidget(background="w", axisItems={"left": _CostAxis("left")})
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
        self._step_symbols = False
        for curve in (self.step_curve, self.epoch_curve):
            curve.setClipToView(True)
            curve.setDownsampling(auto=True, method="peak")
        self.readout = QLabel()
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_box = QCheckBox()
        self.log_box.toggled.connect(self.set_log_y)
        self.auto_button = QPushButton()
        self.auto_button.clicked.connect(self.auto_range)
        click_only(self.log_box, self.auto_button)

        controls = QHBoxLayout()
        controls.addWidget(self.log_box)
        controls.addWidget(self.auto_button)
        controls.addStretch(1)
        controls.addWidget(self.readout)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.plot, 1)
        layout.addLayout(controls)

        # Following the history is done here, not by pyqtgraph's auto-range: that refits (and
        # re-lays out the axes) on every new point, which costs a step's repaint several ms.
        # Here the axes only change when the history outgrows them, in steps of ≤ 50 %.
        self._follow = True
        self._shown: tuple[float, float, float, float] | None = None  # the range last set
        self._y_bounds: tuple[float, float] | None = None  # finite min/max of the plotted costs
        vb = item.vb
        vb.disableAutoRange()
        self._limit_view()
        vb.sigRangeChangedManually.connect(self._stop_following)  # wheel or drag
        item.autoBtn.clicked.disconnect(item.autoBtnClicked)  # the plot's own "A" button
        item.autoBtn.clicked.connect(self.auto_range)
        self.plot.scene().sigMouseMoved.connect(self._hover)
        document.loss_history_changed.connect(self.refresh)
        document.replaced.connect(self.refresh)
        self.retranslate()
        self.refresh()

    # -- data -------------------------------------------------------------------------------
    def step_data(self) -> tuple[np.ndarray, np.ndarray]:
        """(step numbers from 1, cost) as plotted."""
        n = self._buffer.size
        if self._x.size < n:
            self._x = np.arange(1, max(n, 2 * self._x.size) + 1, dtype=np.float64)
        return self._x[:n], self._buffer.cost[:n]

    def epoch_data(self) -> tuple[np.ndarray, np.ndarray]:
        """(step at which each finished epoch ended, mean cost of that epoch)."""
        return self._buffer.epoch_means(self.document.epoch)

    def refresh(self) -> None:
        """Follow the history; with very long histories at most every THROTTLE_SECONDS.

        The axes follow the whole history as it grows (see `_fit`) until the learner zooms or
        pans with the mouse; *Auto range*, Reset, Re-initialise and Open follow it again.
        """
        length = len(self.document.cost_history)
        self._shortest = length if self._shortest is None else min(self._shortest, length)
        if length > THROTTLE_POINTS:
            wait = self._last_refresh + THROTTLE_SECONDS - time.perf_counter()
            if wait > 0:
                if not self._pending.isActive():
                    self._pending.start(int(wait * 1000) + 1)
                return
        self._pending.stop()
        self._last_refresh = time.perf_counter()
        s = self.document
        if s.cost_history is not self._buffer.source:
            # a history replaced as a whole (Reset, Re-initialise, New/Open) starts afresh:
            # the plot follows it again even if the learner had zoomed into the old one
            self._follow = True
        old_size = self._buffer.size
        change = self._buffer.sync(s.cost_history, s.epoch_history, self._shortest)
        self._shortest = None
        if not change:
            return
        self._update_y_bounds(0 if change == 2 or self._buffer.size < old_size else old_size)
        self._fit()
        x, y = self.step_data()
        # a lone first point needs a marker to be seen; a few dozen markers cost repaint time
        step_symbols = x.size <= MAX_STEP_MARKERS
        if step_symbols != self._step_symbols:
            self._step_symbols = step_symbols
            self.step_curve.setSymbol("o" if step_symbols else None)
            self.step_curve.setSymbolSize(5)
            self.step_curve.setSymbolBrush(STEP_PEN.color())
            self.step_curve.setSymbolPen(STEP_PEN.color())
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

    # -- controls ------------------------------------------------------------------------------
    def set_log_y(self, on: bool) -> None:
        item = self.plot.getPlotItem()
        item.vb.setLimits(yMin=-math.inf)  # the old axis's limit does not hold in the new one's units
        item.setLogMode(y=on)
        self.log_box.setChecked(on)
        self.auto_range()
        self._limit_view()

    def _limit_view(self) -> None:
        """No zoom or pan shows steps before 0 or, on a linear axis, a cost below 0: there is
        nothing there. A log axis works in decades, where a cost below 1 is a negative number."""
        log = self.log_box.isChecked()  # (no limit is -inf: pyqtgraph's log mode compares it with numbers)
        self.plot.getPlotItem().vb.setLimits(xMin=0.0, yMin=-math.inf if log else 0.0)

    def auto_range(self) -> None:
        """Fit the whole history and follow it again as it grows."""
        self._follow = True
        self._shown = None
        self._fit()

    def _stop_following(self, *_: object) -> None:
        self._follow = False

    def _update_y_bounds(self, start: int) -> None:
        """Min and max of the finite costs, from `start` on (0: all of them again)."""
        tail = self._buffer.cost[start:]
        tail = tail[np.isfinite(tail)]
        if tail.size == 0:
            if start == 0:
                self._y_bounds = None
            return
        lo, hi = float(tail.min()), float(tail.max())
        if start and self._y_bounds is not None:
            lo, hi = min(lo, self._y_bounds[0]), max(hi, self._y_bounds[1])
        self._y_bounds = (lo, hi)

    def _fit(self) -> None:
        """Show steps 1 … n and every cost, changing the axes only when the data outgrows them."""
        if not self._follow:
            return
        n = self._buffer.size
        x_hi = float(MIN_STEPS_SHOWN)
        if n > MIN_STEPS_SHOWN:
            decade = 10.0 ** math.floor(math.log10(n))
            x_hi = decade * next(m for m in NICE_ENDS if m * decade >= n)
        y_lo, y_hi = self._y_bounds if self._y_bounds is not None else (0.0, 1.0)
        if self.log_box.isChecked():  # the view works in decades
            y_lo, y_hi = (math.log10(max(v, 1e-300)) for v in (y_lo, y_hi))
            margin = 0.1 * max(y_hi - y_lo, 1.0)
            bottom, top = y_lo - margin, y_hi + margin
        else:  # from 0, labelled (costs are not negative): a falling cost keeps the axis as it is
            y_lo = min(0.0, y_lo)
            y_hi = max(y_hi, 1e-12)
            bottom, top = y_lo, y_hi + HEADROOM * (y_hi - y_lo)
        shown = self._shown
        if shown is not None and shown[1] == x_hi + 0.5 and shown[2] <= y_lo and y_hi < shown[3]:
            if y_hi - y_lo >= 0.4 * (shown[3] - shown[2]):  # the costs still fill much of it
                return
        self._shown = (0.5, x_hi + 0.5, bottom, top)
        self.plot.getPlotItem().vb.setRange(xRange=(0.5, x_hi + 0.5), yRange=(bottom, top), padding=0)

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
        self.readout.setText(
            self.tr("step {0}, epoch {1}: cost {2}").format(step, epoch, number(cost, TABLE))
        )
        self.readout.setToolTip(full(cost))

    def export_csv(self, path: str) -> None:
        n = self._buffer.size
        table = np.column_stack([np.arange(1, n + 1), self._buffer.epoch[:n] + 1, self._buffer.cost[:n]])
        np.savetxt(
            path, table, delimiter=",", header="step,epoch,cost", comments="", fmt=["%d", "%d", "%.17g"]
        )

    def export_png(self, path: str) -> bool:
        """The plot as shown, with the whole history even if a throttled refresh is pending."""
        if self._pending.isActive():
            self._last_refresh = 0.0
            self.refresh()
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
