"""The window's top row: the phase Next phase computes, then the counters and the cost J."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from bpstudio.controller import phase_name
from bpstudio.document.document import NetworkDocument
from bpstudio.engine import Phase
from bpstudio.notation.numbers import TABLE, number
from bpstudio.ui.fields import count_text
from bpstudio.ui.layout import CountersLabel

PHASES = (Phase.FEEDFORWARD, Phase.BACKWARD, Phase.UPDATE)


class ProgressRow(QWidget):
    """Phase indicator (▶ the next phase, ✓ the ones done in this step) and the counters label.

    The window calls `show_progress` when the document changes and `retranslate` on a language
    switch, so the row is refreshed exactly when the rest of the window is.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.phase_indicator = QLabel()
        self.phase_indicator.setTextFormat(Qt.TextFormat.RichText)
        self.phase_indicator.setContentsMargins(8, 2, 8, 2)
        self.counters = CountersLabel()
        self.counters.setContentsMargins(8, 2, 8, 2)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.phase_indicator)
        layout.addWidget(self.counters, 1)

    def retranslate(self) -> None:
        self.phase_indicator.setToolTip(
            self.tr("The phase that Next phase computes (▶); ✓ marks the phases done in this step")
        )

    def show_progress(self, document: NetworkDocument) -> None:
        s = document
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
        trace = document.trace
        if trace is not None and trace.cost is not None:
            cost_text = number(trace.cost, TABLE)
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
