"""The Explanation dock: the formulas of the phase just done, with the current numbers."""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QShowEvent, QTextDocument
from PySide6.QtWidgets import QStyle, QTextBrowser, QVBoxLayout, QWidget

from bpstudio.controller import Controller
from bpstudio.document.document import NetworkDocument
from bpstudio.engine import Phase
from bpstudio.ui import i18n

# The widest line of the article's worked update, as the dock writes it (an indented formula):
# the dock is made this wide at first, so the learner reads the formulas unbroken.
WIDEST_LINE = (
    '<p style="margin-left:21px"><i>W</i><sup>[1]</sup><sub>1,2</sub>'
    " ← -0.200000 − 0.1 · (-0.004373) = -0.199563</p>"
)
IMMEDIATE_PARAMETERS = 2000  # up to this size the explanation is written with the press itself
DEFER_MS = 0  # larger ones just after: the other views repaint first, a burst is written once
# During Run the dock follows the steps while they come at least this many seconds apart (up to
# about 3 steps/s, which a learner can read along); faster, it says it waits for Pause.
FOLLOW_RUN_GAP = 0.3

STYLE = """
<style>
body { font-size: 10.5pt; }
h1, h2, h3 { color: #1a4f8b; margin-top: 8px; margin-bottom: 4px; }
table { border-collapse: collapse; margin: 4px 0; }
td, th { border: 1px solid #c8c8c8; padding: 2px 6px; white-space: nowrap; }
th { background: #eef3f9; }
</style>
"""


def explanation(document: NetworkDocument, lang: str, fmt: str = "html", detail: str = "full") -> str | None:
    """The explanation of the last phase done, or None when no phase has run in this step.

    `detail` is explain_phase's: the exports write it in full, the dock compact for large networks.
    """
    from bpstudio.explain import explain_phase

    event = document.last_event
    trace = document.trace
    if event is None or trace is None:
        return None
    phase = Phase.UPDATE if event.step_completed else event.phase
    return explain_phase(
        trace, document.network, document.loss, document.optimizer, phase, lang=lang, fmt=fmt, detail=detail
    )


class ExplanationPanel(QWidget):
    def __init__(
        self, document: NetworkDocument, controller: Controller, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.controller = controller
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        # The scroll bar stays: a phase whose explanation needs one after a phase that did not
        # would otherwise lay the whole text out twice and move every line sideways.
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.browser)
        self._stale = True
        self._last_run_step = -math.inf  # perf_counter() of the last step seen during a run
        self._run_note = False  # the dock says the explanation waits for Pause
        # Large networks are explained compactly (explain_phase's detail="compact": a few ms to
        # write, about 10 ms for Qt to lay out) once control returns to the event loop, after
        # the other views have asked for their repaint; presses within one burst write it once.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEFER_MS)
        self._timer.timeout.connect(self.refresh)
        for signal in (
            document.step_changed,
            document.structure_changed,
            document.replaced,
            document.settings_changed,
        ):
            signal.connect(self._changed)
        self.refresh()

    def preferred_width(self) -> int:
        """Wide enough for one line of the article's update formulas, scroll bar included."""
        sample = QTextDocument()
        sample.setDefaultFont(self.browser.font())
        sample.setHtml(STYLE + WIDEST_LINE)
        text = math.ceil(sample.idealWidth())  # with the document's margins, as in the browser
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return text + 2 * self.browser.frameWidth() + bar + margins.left() + margins.right() + 4

    def _changed(self, *_: object) -> None:
        self._stale = True
        if not self.isVisible():
            return
        if self.controller.running:
            self._follow_run()
            return
        if self.document.network.parameter_count <= IMMEDIATE_PARAMETERS:
            self.refresh()
        else:
            self._timer.start()

    def _follow_run(self) -> None:
        """A step of a Run: explain it when steps come slowly enough to read, else say plainly
        that the explanation waits for Pause (the intro, "press Next phase", would be a lie)."""
        now = time.perf_counter()
        slow = now - self._last_run_step >= FOLLOW_RUN_GAP
        self._last_run_step = now
        if slow:
            self.refresh()
        elif not self._run_note:
            self._timer.stop()
            self._run_note = True
            self.browser.setHtml(STYLE + self._running_note())

    @property
    def pending(self) -> bool:
        """An explanation is waiting to be written (it follows the other views' repaint)."""
        return self._timer.isActive()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Write the explanation now (Run mode calls this once when it pauses)."""
        self._timer.stop()
        self._stale = False
        self._run_note = False
        try:
            html = explanation(self.document, i18n.current_language(), detail=self.detail())
        except Exception as exc:  # the panel must never take the window down
            self.browser.setHtml(
                STYLE
                + "<p>"
                + self.tr("The explanation could not be written: {0}").format(_escape(str(exc)))
                + "</p>"
            )
            return
        if html is None:
            self.browser.setHtml(STYLE + self._intro())
        else:
            self.browser.setHtml(STYLE + html)

    def detail(self) -> str:
        """How much the dock writes out: compact for large networks (see explain_phase)."""
        from bpstudio.explain import suggested_detail

        return suggested_detail(self.document.network)

    def text(self) -> str:
        return self.browser.toPlainText()

    def _intro(self) -> str:
        return (
            "<h3>"
            + self.tr("Nothing computed yet in this step")
            + "</h3><p>"
            + self.tr(
                "Press <b>Next phase</b> (Space) to run the feedforward phase: every layer computes "
                "z = W a + b and a = g(z), and the loss compares ŷ with the target y."
            )
            + "</p><p>"
            + self.tr(
                "The next press computes the error terms δ from the output back to the first layer, "
                "and the gradients ∂J/∂W and ∂J/∂b; the third press updates the parameters."
            )
            + "</p><p>"
            + self.tr("Here you will see each formula with the current numbers substituted.")
            + "</p>"
        )

    def _running_note(self) -> str:
        return (
            "<h3>"
            + self.tr("Training is running")
            + "</h3><p>"
            + self.tr(
                "The steps go by too fast to read their formulas here. Press <b>Pause</b> (F5): "
                "this dock then explains the last step done, with its numbers. At a speed of "
                "1 step/s it follows every step."
            )
            + "</p>"
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._stale = True
            self.refresh()
        super().changeEvent(event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
