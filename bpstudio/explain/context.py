"""What every part of a derivation shares: the trace, the network, the words of one language, how
much of a large network is written out, and the names of the quantities (z^[l]_j, ŷ_k, x_k).

The parts themselves are functions of a Context in feedforward.py, loss.py, backward.py,
update.py and overview.py; derive.phase_doc puts one phase together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine.network import Network
from bpstudio.engine.optimizers import OptimizerConfig
from bpstudio.engine.stepper import Trace
from bpstudio.explain import texts
from bpstudio.explain.doc import Doc, Inline
from bpstudio.notation import activations, names, numbers
from bpstudio.notation.formula import CDOTS, PLUS, Item, Line, Node, Seq, Sym, join, number

Array = NDArray[np.float64]

MAX_SAMPLES = 8  # samples listed in a table before "…"
MAX_NEURONS = 8  # neurons (and inputs per neuron) worked out before the rest is summarised
MAX_TERMS = 6  # terms written out in a sum before "⋯"
MAX_TABLE_NEURONS = 4  # neurons per table (each takes several columns)
MAX_COST_TERMS = 8  # per-sample losses written out in the cost J


@dataclass(frozen=True)
class Detail:
    """How much of a large network is written out; smaller networks are written in full anyway.

    `compact` also changes the note that says what was left out: it points to where every value
    can be read (the window's Parameters dock and canvas tooltips), so only the dock uses it.
    """

    neurons: int = MAX_NEURONS
    terms: int = MAX_TERMS
    samples: int = MAX_SAMPLES
    table_neurons: int = MAX_TABLE_NEURONS
    cost_terms: int = MAX_COST_TERMS
    compact: bool = False
    layer_tables: bool = True  # per-layer tables (z, a, δ per sample; Adam's moments per entry)
    batch_inputs: int = 2 * MAX_TABLE_NEURONS  # input columns of the batch table


FULL = Detail()
# The explanation dock for large networks: the formulas once per layer, two neurons (two inputs
# each) worked out with three terms per sum, short tables, one line for the rest.
# Qt's rich text lays tables out slowly (about 0.1 ms a cell), so the dock keeps only the batch
# and loss tables; Adam's other entries are one line each.
COMPACT = Detail(
    neurons=2,
    terms=4,
    samples=3,
    table_neurons=2,
    cost_terms=4,
    compact=True,
    layer_tables=False,
    batch_inputs=3,
)


def capped_sum(terms: Sequence[Item], limit: int) -> Seq:
    """t₁ + t₂ + … written out, or the first few, ⋯ and the last one when there are many."""
    items: list[Item] = list(terms)
    if len(items) > limit:
        items = [*items[: limit - 2], CDOTS, items[-1]]
    return join(items, PLUS)


class Context:
    """One phase's (or the network's) derivation in one language: the data and the names."""

    def __init__(
        self,
        trace: Trace,
        network: Network,
        loss: str,
        optimizer: OptimizerConfig,
        lang: str,
        detail: Detail = FULL,
    ) -> None:
        self.trace = trace
        self.detail = detail
        self.net = network
        self.loss = loss
        self.opt = optimizer
        self.tx = texts.get(lang)
        self.m = int(trace.x.shape[0])
        self.depth = network.depth
        self.of = "L" if self.m == 1 else "J"
        self.first = 0  # the sample of the batch worked in detail
        self.first_no = int(trace.batch[0]) + 1
        self.terms_said: set[int] = set()
        self.words = activations.Words(self.tx["if_word"], self.tx["otherwise_word"])

    # -- words ----------------------------------------------------------------------------------------
    def t(self, key: str, **values: object) -> str:
        return self.tx[key].format(**values)

    def count(self, what: str, n: int) -> str:
        return self.t(f"{what}_1" if n == 1 else f"{what}_n", n=n)

    def kind(self, layer: int) -> str:
        if layer == 0:
            return self.t("kind_input")
        return self.t("kind_output") if layer == self.depth else self.t("kind_hidden")

    def act_label(self, layer: int) -> str:
        spec = self.net.specs[layer]
        name = self.t("act_" + spec.activation)
        if spec.activation == "leaky_relu":
            name += f" ({self.t('slope')} {numbers.setting(spec.leaky_slope)})"
        return name

    # -- values and names -------------------------------------------------------------------------------
    def param(self, layer: int, kind: str, after: bool = False) -> Array:
        source = self.trace.params_after if after else self.trace.params_before
        assert source is not None
        return self.net.view(source, layer, kind)

    def sub(self, layer: int, j: int | None) -> tuple[int | str, ...]:
        """The subscript of neuron j's own quantity (z²₁, δ²₁, b²₁: notation.names.neuron_index);
        none for the whole layer (z², W²)."""
        return () if j is None else names.neuron_index(j)

    def out_sub(self, k: int | None) -> tuple[int | str, ...]:
        """The subscript of output k, ŷ or target y: none with a single output (names.output_index)."""
        return () if k is None else names.output_index(self.net.sizes[-1], k)

    def z(self, layer: int, j: int | None = None, base: str = "z") -> Sym:
        return Sym(base, layer, self.sub(layer, j))

    def a(self, layer: int, j: int | None = None) -> Sym:
        """a^[l]_j, named x_k for the input layer and ŷ_k for the output layer."""
        if layer == 0:
            return Sym("x", None, self.sub(0, j))
        if layer == self.depth:
            return Sym("yhat", None, self.out_sub(j))
        return Sym("a", layer, self.sub(layer, j))

    def a_vec(self, layer: int, sample: str | None = None) -> Sym:
        """The layer's activations as a vector, x for the input layer (of sample i: a¹⁽ⁱ⁾)."""
        if layer == 0:
            return Sym("x", sample=sample)
        return Sym("a", layer, sample=sample)

    def y(self, k: int | None = None) -> Sym:
        return Sym("y", None, self.out_sub(k))

    # -- how much is written out ------------------------------------------------------------------------
    def shown(self, count: int, limit: int | None = None) -> range:
        return range(min(count, self.detail.neurons if limit is None else limit))

    def capped(self, terms: Sequence[Item], limit: int | None = None) -> Seq:
        return capped_sum(terms, self.detail.terms if limit is None else limit)

    def sample_rows(self) -> range:
        return range(min(self.m, self.detail.samples))

    def sample_label(self, i: int) -> str:
        return str(int(self.trace.batch[i]) + 1)

    def more_rows(self, table_rows: list[list[Inline]], columns: int) -> None:
        if self.m > self.detail.samples:
            table_rows.append(["…"] * columns)

    def note_cut(self, doc: Doc, *cuts: tuple[int, int, str]) -> None:
        """Say what was left out: each (shown, total, what) with total > shown."""
        cut = [(shown, total, what) for shown, total, what in cuts if total > shown]
        if not cut:
            return
        if self.detail.compact:
            items = [self.t("more_item", more=total - shown, what=self.t(what)) for shown, total, what in cut]
            doc.para(self.t("more_compact", items=self.t("more_join").join(items)))
            return
        for shown, total, what in cut:
            doc.para(self.t("shown_of", shown=shown, total=total, what=self.t(what)))

    # -- a layer's activation, from the notation table ------------------------------------------------------
    def activation(self, layer: int) -> activations.Activation:
        return activations.get(self.net.specs[layer].activation)

    def g_of(self, layer: int, arg: Node) -> Node:
        return self.activation(layer).of(arg)

    def g_definition(self, layer: int) -> Line:
        return self.activation(layer).definition(self.net.specs[layer].leaky_slope, self.words)

    def g_prime_line(self, layer: int) -> Line:
        """g′(z) = … in symbols, for the δ formulas."""
        return activations.prime_line(self.activation(layer), self.net.specs[layer].leaky_slope, self.words)

    def g_prime_values(self, layer: int, z: float, a: float) -> list[Item]:
        """g′(z) with numbers, as factors of a product."""
        return self.activation(layer).prime_values(z, a, self.net.specs[layer].leaky_slope, number)
