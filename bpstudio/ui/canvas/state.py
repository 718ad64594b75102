"""What the canvas shows, read from the document once per change; items paint from it lazily.

Keeping the numbers here (not in the items) is what makes stepping cheap: a phase refreshes a
few NumPy views and the items that are on screen repaint their text from them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QCoreApplication

from bpstudio.document.reader import DocumentReader
from bpstudio.engine import Network, Phase, Trace
from bpstudio.notation.names import neuron_name
from bpstudio.notation.numbers import CANVAS, number

Array = NDArray[np.float64]


def _row(values: Array | None, position: int) -> Array | None:
    return None if values is None else values[position]


Z_LINE_CHARS = 22  # characters of the monospace detail font that fit the text block under a neuron


def fmt(value: float, level: int = 0) -> str:
    """A number on the canvas (`notation.numbers.CANVAS`), `level` steps shorter than full length."""
    return number(value, CANVAS, level)


def _z_tilde_line(z_tilde: float, z: float, level: int = 0) -> str:
    """Under a batch-norm neuron: z̃ = γ·ẑ + β (the argument of g, named as in the Explanation
    dock), and z before normalisation when both fit on the line."""
    main = f"z̃ = {fmt(z_tilde, level)}"
    both = f"{main} · z {fmt(z, level)}"
    visible = len(both) - both.count("\u0303")  # the combining tilde takes no room of its own
    return both if visible <= Z_LINE_CHARS else main


@dataclass(frozen=True)
class TextLine:
    text: str
    role: str  # "plain", "muted", "forward", "delta", "update"


class DisplayState:
    """Per-layer values of one sample of the current batch (the one the learner chose in the
    dataset, else the first), gradients, and old → new parameters."""

    def __init__(self) -> None:
        self.document: DocumentReader | None = None
        self.network: Network | None = None
        self.trace: Trace | None = None
        self.sizes: list[int] = []
        self.batch_size = 1
        self.position = 0  # which sample of the batch the values belong to
        self.sample_row = 0  # ... and its row in the dataset
        self.inputs: Array = np.zeros(0)
        self.a: list[Array | None] = []
        self.z: list[Array | None] = []
        self.z_tilde: list[Array | None] = []  # what goes into g under batch normalisation (else None)
        self.delta: list[Array | None] = []
        self.has_grad: list[bool] = []
        self.updated = False
        self.names: list[list[str]] = []
        self.weight_scale = 1.0

    # -- refresh ---------------------------------------------------------------------------
    def refresh(self, document: DocumentReader, sample: tuple[int, int] | None = None) -> None:
        """Read the document; `sample` is (dataset row, position in the batch) to show, default the first."""
        self.document = document
        net = document.network
        trace = document.trace
        if self.network is not net or self.sizes != net.sizes:
            self.sizes = net.sizes
            self.names = [
                [neuron_name(self.sizes, layer, j) for j in range(n)] for layer, n in enumerate(self.sizes)
            ]
        self.network = net
        self.trace = trace
        depth = net.depth
        if trace is not None:
            self.batch_size = int(trace.x.shape[0])
            row, p = sample if sample is not None and 0 <= sample[1] < self.batch_size else (-1, 0)
            self.position = p
            self.sample_row = row if row >= 0 else int(trace.batch[0]) if len(trace.batch) else 0
            self.inputs = trace.x[p]
            # layer 0's "a" is the input, shown from self.inputs
            self.a = [_row(lt.a, p) if layer else None for layer, lt in enumerate(trace.layers)]
            self.z = [_row(lt.z, p) for lt in trace.layers]
            # the engine calls z̃ = γ·ẑ + β "u"; it is what the activation receives
            self.z_tilde = [
                _row(lt.u, p) if layer and net.specs[layer].batch_norm else None
                for layer, lt in enumerate(trace.layers)
            ]
            self.delta = [_row(lt.delta, p) for lt in trace.layers]
            self.has_grad = [False] + [lt.grad_w is not None for lt in trace.layers[1:]]
            self.updated = bool(trace.complete and trace.params_after is not None)
        else:
            batch = document.current_batch()
            self.batch_size = len(batch)
            p = sample[1] if sample is not None and 0 <= sample[1] < len(batch) else 0
            self.position = p
            self.sample_row = int(batch[p]) if len(batch) else 0
            data = document.dataset.inputs
            self.inputs = data[int(batch[p])] if len(batch) and data.shape[1] == net.sizes[0] else np.zeros(0)
            empty: list[Array | None] = [None] * (depth + 1)
            self.a, self.z, self.delta = list(empty), list(empty), list(empty)
            self.z_tilde = list(empty)
            self.has_grad = [False] * (depth + 1)
            self.updated = False
        self.refresh_parameters()

    def refresh_parameters(self) -> None:
        net = self.network
        if net is None:
            return
        largest = 0.0
        for layer in range(1, net.depth + 1):
            w = net.W(layer)
            if w.size:
                largest = max(largest, float(np.abs(w).max()))
        self.weight_scale = largest if largest > 1e-12 else 1.0

    # -- parameters --------------------------------------------------------------------------
    def weight(self, layer: int, row: int, col: int) -> float:
        assert self.network is not None
        return float(self.network.W(layer)[row, col])

    def bias(self, layer: int, row: int) -> float:
        assert self.network is not None
        return float(self.network.b(layer)[row])

    def before(self, layer: int, kind: str) -> Array | None:
        """A parameter block as the current step started (what feedforward and δ used)."""
        if self.trace is None or self.network is None:
            return None
        return self.network.view(self.trace.params_before, layer, kind)

    def after(self, layer: int, kind: str) -> Array | None:
        if not self.updated or self.trace is None or self.trace.params_after is None or self.network is None:
            return None
        return self.network.view(self.trace.params_after, layer, kind)

    def grad(self, layer: int, kind: str) -> Array | None:
        if self.trace is None or self.trace.grad is None or self.network is None:
            return None
        if not self.has_grad[layer]:
            return None
        return self.network.view(self.trace.grad, layer, kind)

    # -- what items draw ---------------------------------------------------------------------
    def value(self, layer: int, neuron: int) -> float | None:
        if layer == 0:
            return float(self.inputs[neuron]) if neuron < len(self.inputs) else None
        a = self.a[layer] if layer < len(self.a) else None
        return None if a is None else float(a[neuron])

    def value_text(self, layer: int, neuron: int) -> str:
        value = self.value(layer, neuron)
        return "" if value is None else fmt(value)

    def detail_lines(self, layer: int, neuron: int, level: int = 0) -> list[TextLine]:
        """The lines under a neuron: b (old → new after an update), z, δ (numbers `level` steps
        shorter than full length, see `notation.numbers.number`)."""
        if layer == 0 or self.network is None:
            return []
        lines: list[TextLine] = []
        d = level
        after = self.after(layer, "b")
        before = self.before(layer, "b")
        if after is not None and before is not None:
            lines.append(TextLine(f"b {fmt(before[neuron], d)} → {fmt(after[neuron], d)}", "update"))
        else:
            lines.append(TextLine(f"b = {fmt(self.bias(layer, neuron), d)}", "muted"))
        z = self.z[layer]
        z_tilde = self.z_tilde[layer] if layer < len(self.z_tilde) else None
        if z is not None and z_tilde is not None:
            lines.append(TextLine(_z_tilde_line(float(z_tilde[neuron]), float(z[neuron]), d), "forward"))
        elif z is not None:
            lines.append(TextLine(f"z = {fmt(z[neuron], d)}", "forward"))
        delta = self.delta[layer]
        if delta is not None:
            lines.append(TextLine(f"δ = {fmt(delta[neuron], d)}", "delta"))
        return lines

    def edge_lines(self, layer: int, row: int, col: int, level: int = 0) -> list[TextLine]:
        """A weight label: w; w and ∂J/∂w after δ; old → new after the update."""
        d = level
        after = self.after(layer, "W")
        before = self.before(layer, "W")
        if after is not None and before is not None:
            return [
                TextLine(fmt(before[row, col], d), "muted"),
                TextLine("→ " + fmt(after[row, col], d), "update"),
            ]
        lines = [TextLine(fmt(self.weight(layer, row, col), d), "plain")]
        grad = self.grad(layer, "W")
        if grad is not None:
            lines.append(TextLine("∂ " + fmt(grad[row, col], d), "delta"))
        return lines

    def layer_summary(self, layer: int) -> TextLine | None:
        """One number per layer for the zoomed-out view: the mean |δ| over the batch once the
        error terms reach it (how gradients shrink or grow from layer to layer)."""
        if self.trace is None or layer == 0 or layer >= len(self.trace.layers):
            return None
        delta = self.trace.layers[layer].delta
        if delta is None:
            return None
        text = QCoreApplication.translate("LayerSummary", "mean |δ| = {0}")
        return TextLine(text.format(fmt(float(np.abs(delta).mean()))), "delta")

    def next_layers(self) -> tuple[Phase, tuple[int, ...]]:
        """Which layer(s) the next press of Next layer / Next phase will compute."""
        if self.document is None or self.network is None:
            return Phase.FEEDFORWARD, ()
        phase = self.document.phase
        if phase is Phase.UPDATE:
            return phase, tuple(range(1, self.network.depth + 1))
        return phase, (self.document.layer,)
