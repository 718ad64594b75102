"""Worked derivations from a trace: the formulas of a phase with the trace's numbers substituted.

Everything shown comes from the trace (z, a, δ, gradients, parameters before and after, the
optimizer state) and is only *written out* here. Two things are computed: the running sums that
the substituted formulas spell out (their results are again taken from the trace), and Adam's
bias-corrected moments m̂ and v̂, which the engine does not keep (update.py).

The parts: context.py (what they share), feedforward.py and loss.py (phase 1), backward.py
(phase 2), update.py (phase 3), overview.py (the network). The formulas of each activation,
loss and optimizer come from their tables in bpstudio.notation.
"""

from __future__ import annotations

from bpstudio.engine.stepper import Phase
from bpstudio.explain.backward import backward
from bpstudio.explain.context import COMPACT, FULL, Context, Detail
from bpstudio.explain.doc import Doc, Para
from bpstudio.explain.feedforward import feedforward
from bpstudio.explain.overview import overview
from bpstudio.explain.update import update

__all__ = ["COMPACT", "FULL", "Context", "Detail", "overview", "phase_doc"]


def phase_doc(w: Context, phase: Phase) -> Doc:
    """The document of one phase; raises ValueError for a phase of the step that has not run."""
    doc = Doc()
    if phase is Phase.FEEDFORWARD:
        if w.trace.layers[1].a is None:
            raise ValueError("the FEEDFORWARD phase of this step has not started yet")
        feedforward(w, doc)
    elif phase is Phase.BACKWARD:
        if w.trace.layers[w.depth].delta is None:
            raise ValueError("the BACKWARD phase of this step has not started yet")
        backward(w, doc)
    else:
        update(w, doc)
    detail = w.detail
    if detail.compact and max(w.net.sizes) > detail.neurons:
        # after the phase's heading and the sentence that introduces it
        doc.blocks.insert(2, Para([w.t("compact_intro", neurons=detail.neurons)]))
    return doc
