"""Worked derivations from a trace: the formulas of a phase with the trace's numbers substituted.

Everything shown comes from the trace (z, a, δ, gradients, parameters before and after, the
optimizer state) and is only *written out* here; nothing is recomputed except the running sums
that the substituted formulas spell out, whose results are again taken from the trace.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from bpstudio.engine.network import BN_EPSILON, BN_MOMENTUM, Network
from bpstudio.engine.optimizers import CLIP_EPSILON, OptimizerConfig
from bpstudio.engine.stepper import Phase, Trace
from bpstudio.explain import texts
from bpstudio.explain.doc import Doc, Inline, Line, Para
from bpstudio.explain.formula import (
    CDOTS,
    EQ,
    LARROW,
    LOG,
    LRELU,
    MAX,
    MIN,
    MINUS,
    ODOT,
    PLUS,
    RELU,
    SIGMA,
    SOFTMAX,
    SUM_I,
    SUM_J,
    SUM_K,
    TANH,
    TIMES,
    TRANSPOSE,
    Exp,
    Grad,
    Indexed,
    Item,
    Lit,
    Node,
    Num,
    Seq,
    Setting,
    Sqrt,
    Sym,
    add_value,
    call,
    frac,
    join,
    paren,
    power,
    seq,
)

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

ACT_NAME = {
    "sigmoid": SIGMA,
    "tanh": TANH,
    "relu": RELU,
    "leaky_relu": LRELU,
    "linear": Lit(r"\operatorname{id}", "id"),
    "softmax": SOFTMAX,
}


def _capped(terms: Sequence[Item], limit: int) -> Seq:
    """t₁ + t₂ + … written out, or the first few, ⋯ and the last one when there are many."""
    items: list[Item] = list(terms)
    if len(items) > limit:
        items = [*items[: limit - 2], CDOTS, items[-1]]
    return join(items, PLUS)


def _difference(left: float, right: float) -> Seq:
    """`l − r` with r parenthesised when negative."""
    return seq(Num(left), MINUS, Num(right, paren=True))


def _product(*values: float) -> Seq:
    return join([Num(v, paren=True) for v in values], TIMES)


class Writer:
    """Builds the document of one phase (or of the network) in one language."""

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

    # -- helpers --------------------------------------------------------------------------------
    def t(self, key: str, **values: object) -> str:
        return self.tx[key].format(**values)

    def count(self, what: str, n: int) -> str:
        return self.t(f"{what}_1" if n == 1 else f"{what}_n", n=n)

    def param(self, layer: int, kind: str, after: bool = False) -> Array:
        source = self.trace.params_after if after else self.trace.params_before
        assert source is not None
        return self.net.view(source, layer, kind)

    def sub(self, layer: int, j: int | None) -> tuple[int | str, ...]:
        if j is None or self.net.sizes[layer] == 1:
            return ()
        return (j + 1,)

    def z(self, layer: int, j: int | None = None, base: str = "z") -> Sym:
        return Sym(base, layer, self.sub(layer, j))

    def a(self, layer: int, j: int | None = None) -> Sym:
        """a^[l]_j, named x_k for the input layer and ŷ_k for the output layer."""
        if layer == 0:
            return Sym("x", None, self.sub(0, j))
        if layer == self.depth:
            return Sym("yhat", None, self.sub(layer, j))
        return Sym("a", layer, self.sub(layer, j))

    def a_vec(self, layer: int) -> Sym:
        if layer == 0:
            return Sym("x")
        return Sym("a", layer)

    def y(self, k: int | None = None) -> Sym:
        return Sym("y", None, self.sub(self.depth, k))

    def kind(self, layer: int) -> str:
        if layer == 0:
            return self.t("kind_input")
        return self.t("kind_output") if layer == self.depth else self.t("kind_hidden")

    def act_label(self, layer: int) -> str:
        spec = self.net.specs[layer]
        name = self.t("act_" + spec.activation)
        if spec.activation == "leaky_relu":
            name += f" ({self.t('slope')} {spec.leaky_slope:g})"
        return name

    def shown(self, count: int, limit: int | None = None) -> range:
        return range(min(count, self.detail.neurons if limit is None else limit))

    def capped(self, terms: Sequence[Item], limit: int | None = None) -> Seq:
        return _capped(terms, self.detail.terms if limit is None else limit)

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

    # -- activation pieces -------------------------------------------------------------------------
    def g_of(self, layer: int, arg: Node) -> Node:
        return call(ACT_NAME[self.net.specs[layer].activation], arg)

    def g_definition(self, layer: int) -> Line:
        spec = self.net.specs[layer]
        zs = Sym("z")
        name = spec.activation
        if name == "sigmoid":
            return Line(call(SIGMA, zs), frac("1", seq("1", PLUS, Exp(Lit("-z", "−z")))))
        if name == "tanh":
            return Line(
                call(TANH, zs),
                frac(seq(Exp(zs), MINUS, Exp(Lit("-z", "−z"))), seq(Exp(zs), PLUS, Exp(Lit("-z", "−z")))),
            )
        if name == "relu":
            return Line(call(RELU, zs), call(MAX, "0", zs))
        if name == "leaky_relu":
            s = f"{spec.leaky_slope:g}"
            return Line(
                call(LRELU, zs),
                Lit(
                    r"\begin{cases} z & z > 0 \\ " + s + r"\,z & z \le 0 \end{cases}",
                    f"z {self.t('if_word')} z > 0, {s}·z {self.t('otherwise_word')}",
                ),
            )
        if name == "linear":
            return Line(call(ACT_NAME["linear"], zs), zs)
        return Line(
            seq(call(SOFTMAX, Sym("z")), Lit("_k", "ₖ")),
            frac(Exp(Sym("z", None, ("k",))), seq(SUM_J, Exp(Sym("z", None, ("j",))))),
        )

    def g_prime_symbolic(self, layer: int) -> Node:
        """g′(z) in terms of a (and z), for the general δ formula."""
        spec = self.net.specs[layer]
        a = Sym("a")
        name = spec.activation
        if name == "sigmoid":
            return seq(a, paren("1", MINUS, a))
        if name == "tanh":
            return seq("1", MINUS, power(a, "2"))
        if name == "relu":
            return Lit(
                r"\begin{cases} 1 & z > 0 \\ 0 & z \le 0 \end{cases}",
                f"1 {self.t('if_word')} z > 0, 0 {self.t('otherwise_word')}",
            )
        if name == "leaky_relu":
            s = f"{spec.leaky_slope:g}"
            return Lit(
                r"\begin{cases} 1 & z > 0 \\ " + s + r" & z \le 0 \end{cases}",
                f"1 {self.t('if_word')} z > 0, {s} {self.t('otherwise_word')}",
            )
        return Lit("1")

    def g_prime_values(self, layer: int, z: float, a: float) -> list[Item]:
        """g′(z) with numbers, as factors of a product."""
        spec = self.net.specs[layer]
        name = spec.activation
        if name == "sigmoid":
            return [Num(a, paren=True), TIMES, paren("1", MINUS, Num(a, paren=True))]
        if name == "tanh":
            return [paren("1", MINUS, power(Num(a), "2"))]
        if name == "relu":
            return ["1" if z > 0 else "0"]
        if name == "leaky_relu":
            return ["1" if z > 0 else Setting(spec.leaky_slope)]
        return ["1"]

    # -- the batch -----------------------------------------------------------------------------------
    def batch_table(self, doc: Doc) -> None:
        n0, nl = self.net.sizes[0], self.net.sizes[-1]
        ins, outs = self.shown(n0, self.detail.batch_inputs), self.shown(nl, self.detail.table_neurons)
        header: list[Inline] = [self.t("sample")]
        header += [self.a(0, k) for k in ins] + (["…"] if n0 > len(ins) else [])
        header += [self.y(k) for k in outs] + (["…"] if nl > len(outs) else [])
        rows: list[list[Inline]] = []
        for i in self.sample_rows():
            row: list[Inline] = [self.sample_label(i)]
            row += [Num(self.trace.x[i, k]) for k in ins] + (["…"] if n0 > len(ins) else [])
            row += [Num(self.trace.y[i, k]) for k in outs] + (["…"] if nl > len(outs) else [])
            rows.append(row)
        self.more_rows(rows, len(header))
        doc.table(header, rows)

    # -- phase 1 ---------------------------------------------------------------------------------------
    def feedforward(self, doc: Doc) -> None:
        trace = self.trace
        doc.heading(3, self.t("ff_title"))
        doc.para(self.t("ff_intro"))
        if self.m == 1:
            doc.para(self.t("ff_batch_one", sample=self.first_no))
        else:
            key = "ff_batch_many" if self.detail.layer_tables else "ff_batch_many_compact"
            doc.para(self.t(key, m=self.m, sample=self.first_no))
        self.batch_table(doc)
        for layer in range(1, self.depth + 1):
            if trace.layers[layer].a is None:
                break
            self.ff_layer(doc, layer)
        if trace.losses is not None and trace.cost is not None:
            self.loss_block(doc)

    def ff_layer(self, doc: Doc, layer: int) -> None:
        spec = self.net.specs[layer]
        lt = self.trace.layers[layer]
        assert lt.z is not None and lt.a is not None and lt.u is not None
        a_prev_all = self.trace.layers[layer - 1].a
        assert a_prev_all is not None
        n, n_in = self.net.sizes[layer], self.net.sizes[layer - 1]
        f = self.first
        doc.heading(
            4,
            self.t(
                "layer_title",
                layer=layer,
                kind=self.kind(layer),
                neurons=self.count("neurons", n),
                act=self.act_label(layer),
            )
            + (self.t("with_bn") if spec.batch_norm else ""),
        )
        # the general form
        general = [Line(Sym("z", layer), seq(Sym("W", layer), self.a_vec(layer - 1), PLUS, Sym("b", layer)))]
        out_lhs: Node = Sym("a", layer)
        if layer == self.depth:
            out_lhs = seq(Sym("yhat"), EQ, Sym("a", layer))
        if spec.batch_norm:
            general += [
                Line(
                    Sym("zhat", layer),
                    frac(
                        seq(Sym("z", layer), MINUS, Sym("mu", layer)),
                        Sqrt(seq(power(Sym("sigma", layer), "2"), PLUS, Sym("epsilon"))),
                    ),
                ),
                Line(
                    Sym("ztilde", layer),
                    seq(Sym("gamma", layer), ODOT, Sym("zhat", layer), PLUS, Sym("beta", layer)),
                ),
                Line(out_lhs, self.g_of(layer, Sym("ztilde", layer))),
            ]
        else:
            general.append(Line(out_lhs, self.g_of(layer, Sym("z", layer))))
        general.append(self.g_definition(layer))
        doc.display(general)
        if layer == 1:
            doc.para(self.t("ff_input_is_x"))
        # the numbers, for the first sample of the batch
        W, b = self.param(layer, "W"), self.param(layer, "b")
        a_prev = a_prev_all[f]
        lines: list[Line] = []
        neurons = self.shown(n)
        for j in neurons:
            max_terms = self.detail.terms
            terms = [_product(W[j, k], a_prev[k]) for k in range(min(n_in, max_terms + 1))]
            if n_in > max_terms:
                terms = [*terms[: max_terms - 2], _product(W[j, n_in - 1], a_prev[n_in - 1])]
                body = seq(join(terms[:-1], PLUS), PLUS, CDOTS, PLUS, terms[-1])
            else:
                body = join(terms, PLUS)
            lines.append(Line(self.z(layer, j), seq(body, add_value(b[j]), EQ, Num(lt.z[f, j]))))
        if spec.batch_norm:
            self.bn_forward_lines(layer, lines, neurons)
        for j in neurons:
            lhs: Node = self.a(layer, j)
            if layer == self.depth:
                lhs = seq(self.a(layer, j), EQ, Sym("a", layer, self.sub(layer, j)))
            if spec.activation == "softmax":
                exps = [Exp(Num(lt.u[f, k])) for k in range(n)]
                rhs = seq(frac(Exp(Num(lt.u[f, j])), self.capped(exps)), EQ, Num(lt.a[f, j]))
            else:
                rhs = seq(self.g_of(layer, Num(lt.u[f, j])), EQ, Num(lt.a[f, j]))
            lines.append(Line(lhs, rhs))
        doc.display(lines)
        self.note_cut(doc, (len(neurons), n, "what_neurons"))
        if n_in > self.detail.terms and not (self.detail.compact and n_in in self.terms_said):
            doc.para(self.t("terms_cut", n=n_in))
            self.terms_said.add(n_in)  # said once per size in a compact derivation
        if self.m > 1 and self.detail.layer_tables:
            self.ff_table(doc, layer)

    def bn_forward_lines(self, layer: int, lines: list[Line], neurons: range) -> None:
        lt = self.trace.layers[layer]
        assert lt.z is not None and lt.z_hat is not None and lt.u is not None
        assert lt.batch_mean is not None and lt.batch_var is not None
        gamma, beta = self.param(layer, "gamma"), self.param(layer, "beta")
        f, m = self.first, self.m
        for j in neurons:
            sub = self.sub(layer, j)
            mu, var = lt.batch_mean[j], lt.batch_var[j]
            zs = [Num(lt.z[i, j], paren=True) for i in range(m)]
            lines.append(
                Line(Sym("mu", layer, sub), seq(frac("1", str(m)), paren(self.capped(zs)), EQ, Num(mu)))
            )
            squares = [power(_difference(lt.z[i, j], mu), "2") for i in range(m)]
            lines.append(
                Line(
                    power(Sym("sigma", layer, sub), "2"),
                    seq(frac("1", str(m)), paren(self.capped(squares)), EQ, Num(var)),
                )
            )
            lines.append(
                Line(
                    Sym("zhat", layer, sub),
                    seq(
                        frac(_difference(lt.z[f, j], mu), Sqrt(seq(Num(var), PLUS, Setting(BN_EPSILON)))),
                        EQ,
                        Num(lt.z_hat[f, j]),
                    ),
                )
            )
            lines.append(
                Line(
                    Sym("ztilde", layer, sub),
                    seq(_product(gamma[j], lt.z_hat[f, j]), add_value(beta[j]), EQ, Num(lt.u[f, j])),
                )
            )

    def ff_table(self, doc: Doc, layer: int) -> None:
        spec = self.net.specs[layer]
        lt = self.trace.layers[layer]
        n = self.net.sizes[layer]
        neurons = self.shown(n, self.detail.table_neurons)
        header: list[Inline] = [self.t("sample")]
        for j in neurons:
            header.append(self.z(layer, j))
            if spec.batch_norm:
                header += [self.z(layer, j, "zhat"), self.z(layer, j, "ztilde")]
            header.append(self.a(layer, j))
        if n > len(neurons):
            header.append("…")
        rows: list[list[Inline]] = []
        assert lt.z is not None and lt.a is not None
        for i in self.sample_rows():
            row: list[Inline] = [self.sample_label(i)]
            for j in neurons:
                row.append(Num(lt.z[i, j]))
                if spec.batch_norm:
                    assert lt.z_hat is not None and lt.u is not None
                    row += [Num(lt.z_hat[i, j]), Num(lt.u[i, j])]
                row.append(Num(lt.a[i, j]))
            if n > len(neurons):
                row.append("…")
            rows.append(row)
        self.more_rows(rows, len(header))
        doc.para(self.t("table_per_sample"))
        doc.table(header, rows)

    # -- the loss ----------------------------------------------------------------------------------------
    def loss_general(self) -> Node:
        n = self.net.sizes[-1]
        yk, yh = self.y(0 if n == 1 else None), Sym("yhat")
        if n > 1:
            yk, yh = Sym("y", None, ("k",)), Sym("yhat", None, ("k",))
        if self.loss == "half_sse":
            if n == 1:
                return seq(frac("1", "2"), power(seq(Sym("y"), MINUS, Sym("yhat")), "2"))
            return seq(frac("1", "2"), SUM_K, power(seq(yk, MINUS, yh), "2"))
        if self.loss == "mse":
            return seq(frac("1", str(n)), SUM_K, power(seq(yk, MINUS, yh), "2"))
        if self.loss == "binary_cross_entropy":
            inner = seq(yk, call(LOG, yh), PLUS, paren("1", MINUS, yk), call(LOG, seq("1", MINUS, yh)))
            if n == 1:
                return seq(Lit("-", "−"), paren(inner))
            return seq(Lit("-", "−"), frac("1", str(n)), SUM_K, paren(inner))
        return seq(Lit("-", "−"), SUM_K, yk, call(LOG, yh))

    def loss_values(self, i: int) -> Node:
        y, yh = self.trace.y[i], self.trace.layers[self.depth].a
        assert yh is not None
        p = yh[i]
        n = y.size
        if self.loss in ("half_sse", "mse"):
            squares = [power(_difference(y[k], p[k]), "2") for k in range(n)]
            factor = frac("1", "2") if self.loss == "half_sse" else frac("1", str(n))
            if n == 1:
                return seq(factor, squares[0])
            return seq(factor, paren(self.capped(squares)))
        if self.loss == "binary_cross_entropy":
            terms = [
                seq(
                    Num(y[k], paren=True),
                    call(LOG, Num(p[k])),
                    PLUS,
                    paren(_difference(1.0, y[k])),
                    call(LOG, _difference(1.0, p[k])),
                )
                for k in range(n)
            ]
            if n == 1:
                return seq(Lit("-", "−"), paren(terms[0]))
            return seq(Lit("-", "−"), frac("1", str(n)), paren(self.capped(terms)))
        terms = [seq(Num(y[k], paren=True), call(LOG, Num(p[k]))) for k in range(n)]
        return seq(Lit("-", "−"), paren(self.capped(terms)))

    def loss_block(self, doc: Doc) -> None:
        trace = self.trace
        assert trace.losses is not None and trace.cost is not None
        doc.heading(4, self.t("loss_title"))
        doc.para(self.t("loss_intro_" + self.loss))
        L_i = Sym("L", None, (), "i")
        general = [
            Line(Sym("L"), self.loss_general()),
            Line(Sym("J"), seq(frac("1", "m"), SUM_I, L_i)),
        ]
        doc.display(general)
        f = self.first
        lines = [Line(Sym("L"), seq(self.loss_values(f), EQ, Num(trace.losses[f])))]
        if self.m == 1:
            lines.append(Line(Sym("J"), seq(Sym("L"), EQ, Num(trace.cost))))
            doc.display(lines)
            doc.para(self.t("cost_one"))
            return
        doc.para(self.t("loss_first", sample=self.first_no))
        doc.display(lines)
        nl = self.net.sizes[-1]
        outs = self.shown(nl, min(3, self.detail.table_neurons))
        yhat = trace.layers[self.depth].a
        assert yhat is not None
        header: list[Inline] = [self.t("sample")]
        header += (
            [self.y(k) for k in outs] + [self.a(self.depth, k) for k in outs] + [Sym("L", None, (), "i")]
        )
        rows: list[list[Inline]] = []
        for i in self.sample_rows():
            row: list[Inline] = [self.sample_label(i)]
            row += [Num(trace.y[i, k]) for k in outs]
            row += [Num(yhat[i, k]) for k in outs]
            row.append(Num(trace.losses[i]))
            rows.append(row)
        self.more_rows(rows, len(header))
        doc.table(header, rows)
        cost_terms = [Num(v, paren=True) for v in trace.losses]
        doc.display(
            [
                Line(
                    Sym("J"),
                    seq(
                        frac("1", str(self.m)),
                        paren(self.capped(cost_terms, self.detail.cost_terms)),
                        EQ,
                        Num(trace.cost),
                    ),
                )
            ]
        )
        doc.para(self.t("cost_many", m=self.m))

    # -- phase 2 ---------------------------------------------------------------------------------------------
    def backward(self, doc: Doc) -> None:
        doc.heading(3, self.t("bw_title"))
        doc.para(self.t("bw_intro"))
        if self.m > 1:
            key = "bw_batch_many" if self.detail.layer_tables else "bw_batch_many_compact"
            doc.para(self.t(key, sample=self.first_no))
        for layer in range(self.depth, 0, -1):
            lt = self.trace.layers[layer]
            if lt.delta is None:
                break
            if layer == self.depth:
                self.output_delta(doc)
            else:
                self.hidden_delta(doc, layer)
            if self.detail.layer_tables:
                self.delta_table(doc, layer)
            self.gradients(doc, layer)

    def output_delta(self, doc: Doc) -> None:
        L = self.depth
        spec = self.net.specs[L]
        lt = self.trace.layers[L]
        assert lt.delta is not None and lt.a is not None and lt.u is not None
        n = self.net.sizes[L]
        doc.heading(4, self.t("delta_out_title", layer=L))
        k_sub: tuple[int | str, ...] = () if n == 1 else ("k",)
        d = Sym("delta", L, k_sub)
        yh, y, z = Sym("yhat", None, k_sub), Sym("y", None, k_sub), Sym("z", L, k_sub)
        gp = seq(call(Lit("g'", "g′"), z))
        if spec.activation == "sigmoid":
            gp = seq(yh, paren("1", MINUS, yh))
        elif spec.activation == "tanh":
            gp = seq(paren("1", MINUS, power(yh, "2")))
        elif spec.activation in ("relu", "leaky_relu", "linear"):
            gp = seq(call(Lit("g'", "g′"), z))
        lhs = seq(d, EQ, Grad("L", z))
        y_sum = self.trace.y.sum(axis=1)
        if self.loss == "half_sse":
            general = [Line(lhs, seq(paren(yh, MINUS, y), TIMES, gp))]
            doc.para(self.t("delta_out_half_sse"))
        elif self.loss == "mse":
            general = [Line(lhs, seq(frac("2", str(n)), paren(yh, MINUS, y), TIMES, gp))]
            doc.para(self.t("delta_out_mse", n=n))
        elif self.loss == "binary_cross_entropy":
            rhs = seq(yh, MINUS, y) if n == 1 else frac(seq(yh, MINUS, y), str(n))
            general = [Line(lhs, rhs)]
            doc.para(self.t("delta_out_bce"))
        else:
            if np.allclose(y_sum, 1.0):
                general = [Line(lhs, seq(yh, MINUS, y))]
            else:
                general = [Line(lhs, seq(yh, SUM_J, Sym("y", None, ("j",)), MINUS, y))]
            doc.para(self.t("delta_out_ce"))
        if spec.activation in ("relu", "leaky_relu", "linear") and self.loss in ("half_sse", "mse"):
            general.append(Line(call(Lit("g'", "g′"), Sym("z")), self.g_prime_symbolic(L)))
        doc.display(general)
        f = self.first
        lines = []
        for k in self.shown(n):
            yv, pv, zv = float(self.trace.y[f, k]), float(lt.a[f, k]), float(lt.u[f, k])
            diff = paren(_difference(pv, yv))
            if self.loss == "half_sse":
                rhs = seq(diff, TIMES, *self.g_prime_values(L, zv, pv))
            elif self.loss == "mse":
                rhs = seq(frac("2", str(n)), TIMES, diff, TIMES, *self.g_prime_values(L, zv, pv))
            elif self.loss == "binary_cross_entropy":
                rhs = _difference(pv, yv) if n == 1 else frac(_difference(pv, yv), str(n))
            elif np.isclose(y_sum[f], 1.0):
                rhs = _difference(pv, yv)
            else:
                rhs = seq(_product(pv, float(y_sum[f])), MINUS, Num(yv, paren=True))
            lines.append(Line(Sym("delta", L, self.sub(L, k)), seq(rhs, EQ, Num(lt.delta[f, k]))))
        doc.display(lines)
        self.note_cut(doc, (len(lines), n, "what_neurons"))

    def hidden_delta(self, doc: Doc, layer: int) -> None:
        spec = self.net.specs[layer]
        lt = self.trace.layers[layer]
        upper = self.trace.layers[layer + 1]
        assert lt.delta is not None and lt.a is not None and lt.u is not None and upper.delta is not None
        n, n_up = self.net.sizes[layer], self.net.sizes[layer + 1]
        doc.heading(4, self.t("delta_hidden_title", layer=layer))
        doc.para(self.t("delta_hidden_intro", up=layer + 1))
        target = "deltatilde" if spec.batch_norm else "delta"
        pre = "ztilde" if spec.batch_norm else "z"
        general = [
            Line(
                Sym(target, layer),
                seq(
                    paren(Sym("W", layer + 1, transposed=True), Sym("delta", layer + 1)),
                    ODOT,
                    call(Lit("g'", "g′"), Sym(pre, layer)),
                ),
            ),
            Line(
                Sym(target, layer, ("j",)),
                seq(
                    paren(SUM_K, Sym("W", layer + 1, ("k", "j")), Sym("delta", layer + 1, ("k",))),
                    TIMES,
                    call(Lit("g'", "g′"), Sym(pre, layer, ("j",))),
                ),
            ),
            Line(call(Lit("g'", "g′"), Sym("z")), self.g_prime_symbolic(layer)),
        ]
        doc.display(general)
        W_up = self.param(layer + 1, "W")
        f = self.first
        values = lt.delta_u if spec.batch_norm else lt.delta
        assert values is not None
        lines = []
        for j in self.shown(n):
            terms = [_product(W_up[k, j], upper.delta[f, k]) for k in range(n_up)]
            rhs = seq(
                paren(self.capped(terms)),
                TIMES,
                *self.g_prime_values(layer, float(lt.u[f, j]), float(lt.a[f, j])),
                EQ,
                Num(values[f, j]),
            )
            lines.append(Line(Sym(target, layer, self.sub(layer, j)), rhs))
        doc.display(lines)
        self.note_cut(doc, (len(lines), n, "what_neurons"))
        if spec.batch_norm:
            self.bn_backward(doc, layer)

    def bn_backward(self, doc: Doc, layer: int) -> None:
        lt = self.trace.layers[layer]
        assert lt.delta is not None and lt.delta_u is not None and lt.z_hat is not None
        assert lt.batch_var is not None and lt.grad_gamma is not None and lt.grad_beta is not None
        doc.para(self.t("bn_backward_intro"))
        j_, i_ = ("j",), "i"
        dt = Sym("deltatilde", layer, j_, i_)
        zh = Sym("zhat", layer, j_, i_)
        doc.display(
            [
                Line(Grad("J", Sym("gamma", layer, j_)), seq(frac("1", "m"), SUM_I, dt, zh)),
                Line(Grad("J", Sym("beta", layer, j_)), seq(frac("1", "m"), SUM_I, dt)),
                Line(
                    Sym("delta", layer, j_, i_),
                    seq(
                        frac(
                            Sym("gamma", layer, j_),
                            Sqrt(seq(power(Sym("sigma", layer, j_), "2"), PLUS, Sym("epsilon"))),
                        ),
                        paren(
                            dt,
                            MINUS,
                            Grad("J", Sym("beta", layer, j_)),
                            MINUS,
                            zh,
                            Grad("J", Sym("gamma", layer, j_)),
                        ),
                    ),
                ),
            ]
        )
        gamma = self.param(layer, "gamma")
        f, m = self.first, self.m
        lines = []
        for j in self.shown(self.net.sizes[layer]):
            sub = self.sub(layer, j)
            prods = [_product(lt.delta_u[i, j], lt.z_hat[i, j]) for i in range(m)]
            lines.append(
                Line(
                    Grad("J", Sym("gamma", layer, sub)),
                    seq(frac("1", str(m)), paren(self.capped(prods)), EQ, Num(lt.grad_gamma[j])),
                )
            )
            plain = [Num(lt.delta_u[i, j], paren=True) for i in range(m)]
            lines.append(
                Line(
                    Grad("J", Sym("beta", layer, sub)),
                    seq(frac("1", str(m)), paren(self.capped(plain)), EQ, Num(lt.grad_beta[j])),
                )
            )
            lines.append(
                Line(
                    Sym("delta", layer, sub),
                    seq(
                        frac(Num(gamma[j]), Sqrt(seq(Num(lt.batch_var[j]), PLUS, Setting(BN_EPSILON)))),
                        TIMES,
                        paren(
                            Num(lt.delta_u[f, j]),
                            MINUS,
                            Num(lt.grad_beta[j], paren=True),
                            MINUS,
                            _product(lt.z_hat[f, j], lt.grad_gamma[j]),
                        ),
                        EQ,
                        Num(lt.delta[f, j]),
                    ),
                )
            )
        doc.display(lines)

    def delta_table(self, doc: Doc, layer: int) -> None:
        if self.m == 1:
            return
        lt = self.trace.layers[layer]
        assert lt.delta is not None
        spec = self.net.specs[layer]
        neurons = self.shown(self.net.sizes[layer], self.detail.table_neurons * (1 if spec.batch_norm else 2))
        header: list[Inline] = [self.t("sample")]
        for j in neurons:
            if spec.batch_norm:
                header.append(Sym("deltatilde", layer, self.sub(layer, j)))
            header.append(Sym("delta", layer, self.sub(layer, j)))
        rows: list[list[Inline]] = []
        for i in self.sample_rows():
            row: list[Inline] = [self.sample_label(i)]
            for j in neurons:
                if spec.batch_norm:
                    assert lt.delta_u is not None
                    row.append(Num(lt.delta_u[i, j]))
                row.append(Num(lt.delta[i, j]))
            rows.append(row)
        self.more_rows(rows, len(header))
        doc.table(header, rows)

    def gradients(self, doc: Doc, layer: int) -> None:
        lt = self.trace.layers[layer]
        a_prev = self.trace.layers[layer - 1].a
        assert lt.delta is not None and lt.grad_w is not None and lt.grad_b is not None and a_prev is not None
        n, n_in = self.net.sizes[layer], self.net.sizes[layer - 1]
        doc.heading(4, self.t("grad_title", layer=layer, kind=self.kind(layer)))
        of, m = self.of, self.m
        if m == 1:
            general = [
                Line(
                    Grad(of, Sym("W", layer)),
                    seq(Sym("delta", layer), paren(self.a_vec(layer - 1)), TRANSPOSE),
                ),
                Line(Grad(of, Sym("b", layer)), Sym("delta", layer)),
            ]
            doc.para(self.t("grad_intro_one"))
        else:
            general = [
                Line(
                    Grad(of, Sym("W", layer)),
                    seq(
                        frac("1", "m"),
                        SUM_I,
                        Sym("delta", layer, (), "i"),
                        paren(Sym("a" if layer > 1 else "x", layer - 1 if layer > 1 else None, (), "i")),
                        TRANSPOSE,
                    ),
                ),
                Line(Grad(of, Sym("b", layer)), seq(frac("1", "m"), SUM_I, Sym("delta", layer, (), "i"))),
            ]
            doc.para(self.t("grad_intro_many", m=m))
        doc.display(general)
        lines = []
        rows, cols = self.shown(n), self.shown(n_in)
        for j in rows:
            for k in cols:
                target = Grad(of, Sym("W", layer, (j + 1, k + 1)))
                if m == 1:
                    rhs = seq(
                        Sym("delta", layer, self.sub(layer, j)),
                        TIMES,
                        self.a(layer - 1, k),
                        EQ,
                        _product(lt.delta[0, j], a_prev[0, k]),
                        EQ,
                        Num(lt.grad_w[j, k]),
                    )
                else:
                    prods = [_product(lt.delta[i, j], a_prev[i, k]) for i in range(m)]
                    rhs = seq(frac("1", str(m)), paren(self.capped(prods)), EQ, Num(lt.grad_w[j, k]))
                lines.append(Line(target, rhs))
        for j in rows:
            target = Grad(of, Sym("b", layer, self.sub(layer, j)))
            if m == 1:
                rhs = seq(Sym("delta", layer, self.sub(layer, j)), EQ, Num(lt.grad_b[j]))
            else:
                plain = [Num(lt.delta[i, j], paren=True) for i in range(m)]
                rhs = seq(frac("1", str(m)), paren(self.capped(plain)), EQ, Num(lt.grad_b[j]))
            lines.append(Line(target, rhs))
        doc.display(lines)
        self.note_cut(doc, (len(rows), n, "what_neurons"), (len(cols), n_in, "what_inputs"))

    # -- phase 3 -----------------------------------------------------------------------------------------------
    def settings_text(self) -> list[Inline]:
        opt = self.opt
        items: list[Inline] = [Sym("alpha"), EQ, Setting(opt.learning_rate)]
        if opt.name in ("momentum", "nesterov"):
            items += [", ", Sym("mom"), EQ, Setting(opt.momentum)]
        if opt.name == "adam":
            items += [", ", Sym("beta1"), EQ, Setting(opt.beta1), ", ", Sym("beta2"), EQ, Setting(opt.beta2)]
            items += [", ", Sym("epsilon"), EQ, Setting(opt.epsilon)]
        if opt.weight_decay:
            items += [", ", Sym("lambda"), EQ, Setting(opt.weight_decay)]
        if opt.clip_norm is not None:
            items += [", ", self.t("clip_label"), " ", Setting(opt.clip_norm)]
        return items

    def update(self, doc: Doc) -> None:
        trace = self.trace
        if not trace.complete or trace.update is None or trace.params_after is None:
            raise ValueError("the UPDATE phase of this step has not run yet")
        opt = self.opt
        doc.heading(3, self.t("up_title"))
        doc.para(self.t("up_intro_" + opt.name))
        theta, g, v, mom = Sym("theta"), Sym("g"), Sym("v"), Sym("mom")
        grad_sym = Grad(self.of, theta)
        clipped = opt.clip_norm is not None
        decayed = bool(opt.weight_decay)
        rules: list[Line] = []
        if not clipped and not decayed:
            rules.append(Line(g, grad_sym))
        if opt.name == "sgd":
            rules.append(Line(theta, seq(theta, MINUS, Sym("alpha"), g), LARROW))
        elif opt.name in ("momentum", "nesterov"):
            rules.append(Line(v, seq(mom, v, PLUS, g), LARROW))
            step = v if opt.name == "momentum" else paren(g, PLUS, mom, v)
            rules.append(Line(theta, seq(theta, MINUS, Sym("alpha"), step), LARROW))
        else:
            rules += [
                Line(Sym("m"), seq(Sym("beta1"), Sym("m"), PLUS, paren("1", MINUS, Sym("beta1")), g), LARROW),
                Line(v, seq(Sym("beta2"), v, PLUS, paren("1", MINUS, Sym("beta2")), power(g, "2")), LARROW),
                Line(Sym("mhat"), frac(Sym("m"), seq("1", MINUS, power(Sym("beta1"), "t")))),
                Line(Sym("vhat"), frac(v, seq("1", MINUS, power(Sym("beta2"), "t")))),
                Line(
                    theta,
                    seq(
                        theta,
                        MINUS,
                        Sym("alpha"),
                        frac(Sym("mhat"), seq(Sqrt(Sym("vhat")), PLUS, Sym("epsilon"))),
                    ),
                    LARROW,
                ),
            ]
        doc.display(rules)
        doc.para(self.t("settings"), *self.settings_text())
        if opt.name == "adam":
            assert trace.optimizer_after is not None
            doc.para(self.t("adam_t", t=trace.optimizer_after.t))
        info = trace.update
        if clipped or decayed:
            gl: list[Line] = []
            if clipped:
                assert opt.clip_norm is not None
                doc.para(self.t("clip_intro"))
                clip_lines = [
                    Line(
                        Lit(r"\lVert \nabla \rVert", "‖∇‖"),
                        seq(
                            Sqrt(seq(SUM_K, power(Grad(self.of, Sym("theta", None, ("k",))), "2"))),
                            EQ,
                            Num(info.grad_norm),
                        ),
                    ),
                    Line(
                        Sym("c"),
                        seq(
                            call(
                                MIN,
                                frac(
                                    Setting(opt.clip_norm),
                                    seq(Num(info.grad_norm), PLUS, Setting(CLIP_EPSILON)),
                                ),
                                "1",
                            ),
                            EQ,
                            Num(info.clip_coef),
                        ),
                    ),
                ]
                doc.display(clip_lines)
                doc.para(self.t("clip_applied" if info.clip_coef < 1.0 else "clip_not_needed"))
            grad_part = seq(Sym("c"), grad_sym) if clipped else grad_sym
            if decayed:
                doc.para(self.t("decay_intro"))
                gl.append(Line(Sym("g", None, ("W",)), seq(grad_part, PLUS, Sym("lambda"), Sym("W"))))
                gl.append(Line(Sym("g", None, (self.t("other_params"),)), grad_part))
            else:
                gl.append(Line(g, grad_part))
            doc.display(gl)
        for layer in range(self.depth, 0, -1):
            self.update_layer(doc, layer)
        running = trace.running_after
        if running:
            self.running_stats(doc)

    def param_sym(self, layer: int, kind: str, flat: tuple[int, ...]) -> Sym:
        if kind == "W":
            return Sym("W", layer, (flat[0] + 1, flat[1] + 1))
        base = {"b": "b", "gamma": "gamma", "beta": "beta"}[kind]
        return Sym(base, layer, self.sub(layer, flat[0]))

    def entries(self, layer: int, kind: str) -> list[tuple[int, ...]]:
        shape = self.net.layout[layer][kind][2]
        if kind == "W":
            return [(j, k) for j in self.shown(shape[0]) for k in self.shown(shape[1])]
        return [(j,) for j in self.shown(shape[0])]

    def update_layer(self, doc: Doc, layer: int) -> None:
        trace = self.trace
        opt = self.opt
        info = trace.update
        assert info is not None and trace.grad is not None and trace.optimizer_after is not None
        doc.heading(4, self.t("up_layer_title", layer=layer, kind=self.kind(layer)))
        lines: list[Line] = []
        rows: list[list[Inline]] = []
        before = trace.optimizer_before
        after = trace.optimizer_after
        worked = False  # Adam: the first entry is worked out in full, the rest go in a table
        for kind in self.net.layout[layer]:
            old = self.param(layer, kind)
            new = self.param(layer, kind, after=True)
            grad = self.net.view(trace.grad, layer, kind)
            eff = self.net.view(info.effective_grad, layer, kind)
            for index in self.entries(layer, kind):
                sym = self.param_sym(layer, kind, index)
                o, nv, gr, ge = float(old[index]), float(new[index]), float(grad[index]), float(eff[index])
                g_item: Node = Num(ge, paren=True)
                if opt.clip_norm is not None or (opt.weight_decay and kind == "W"):
                    parts: list[Item] = []
                    if opt.clip_norm is not None:
                        parts += [_product(info.clip_coef, gr)]
                    else:
                        parts += [Num(gr)]
                    if opt.weight_decay and kind == "W":
                        parts += [PLUS, Setting(opt.weight_decay), TIMES, Num(o, paren=True)]
                    if opt.name != "adam" or not worked:
                        lines.append(Line(Indexed(Sym("g"), sym), seq(*parts, EQ, Num(ge))))
                if opt.name == "sgd":
                    lines.append(
                        Line(
                            sym,
                            seq(Num(o), MINUS, Setting(opt.learning_rate), TIMES, g_item, EQ, Num(nv)),
                            LARROW,
                        )
                    )
                elif opt.name in ("momentum", "nesterov"):
                    v_old = float(self.net.view(before.buffers["velocity"], layer, kind)[index])
                    v_new = float(self.net.view(after.buffers["velocity"], layer, kind)[index])
                    v_sym = Indexed(Sym("v"), sym)
                    lines.append(
                        Line(
                            v_sym,
                            seq(
                                Setting(opt.momentum),
                                TIMES,
                                Num(v_old, paren=True),
                                PLUS,
                                g_item,
                                EQ,
                                Num(v_new),
                            ),
                            LARROW,
                        )
                    )
                    if opt.name == "momentum":
                        step: Node = Num(v_new, paren=True)
                    else:
                        step = paren(Num(ge), PLUS, Setting(opt.momentum), TIMES, Num(v_new, paren=True))
                    lines.append(
                        Line(
                            sym,
                            seq(Num(o), MINUS, Setting(opt.learning_rate), TIMES, step, EQ, Num(nv)),
                            LARROW,
                        )
                    )
                else:
                    m_new = float(self.net.view(after.buffers["m"], layer, kind)[index])
                    v_new = float(self.net.view(after.buffers["v"], layer, kind)[index])
                    t = after.t
                    m_hat = m_new / (1.0 - opt.beta1**t)
                    v_hat = v_new / (1.0 - opt.beta2**t)
                    if not worked:
                        self.adam_worked(lines, layer, kind, index, o, ge, m_new, v_new, m_hat, v_hat, nv)
                        worked = True
                    elif not self.detail.layer_tables:
                        lines.append(self.adam_step(sym, o, m_hat, v_hat, nv))
                    if self.detail.layer_tables:
                        rows.append(
                            [sym, Num(o), Num(ge), Num(m_new), Num(v_new), Num(m_hat), Num(v_hat), Num(nv)]
                        )
        doc.display(lines)
        if rows:
            header: list[Inline] = [
                self.t("parameter"),
                self.t("old_value"),
                Sym("g"),
                Sym("m"),
                Sym("v"),
                Sym("mhat"),
                Sym("vhat"),
                self.t("new_value"),
            ]
            doc.table(header, rows)
        n, n_in = self.net.sizes[layer], self.net.sizes[layer - 1]
        self.note_cut(
            doc,
            (min(n, self.detail.neurons), n, "what_neurons"),
            (min(n_in, self.detail.neurons), n_in, "what_inputs"),
        )

    def adam_worked(
        self,
        lines: list[Line],
        layer: int,
        kind: str,
        index: tuple[int, ...],
        old: float,
        g: float,
        m_new: float,
        v_new: float,
        m_hat: float,
        v_hat: float,
        new: float,
    ) -> None:
        opt = self.opt
        before = self.trace.optimizer_before
        assert self.trace.optimizer_after is not None
        t = self.trace.optimizer_after.t
        m_old = float(self.net.view(before.buffers["m"], layer, kind)[index])
        v_old = float(self.net.view(before.buffers["v"], layer, kind)[index])
        sym = self.param_sym(layer, kind, index)
        lines += [
            Line(
                Indexed(Sym("m"), sym),
                seq(
                    Setting(opt.beta1),
                    TIMES,
                    Num(m_old, paren=True),
                    PLUS,
                    Setting(1.0 - opt.beta1),
                    TIMES,
                    Num(g, paren=True),
                    EQ,
                    Num(m_new),
                ),
                LARROW,
            ),
            Line(
                Indexed(Sym("v"), sym),
                seq(
                    Setting(opt.beta2),
                    TIMES,
                    Num(v_old, paren=True),
                    PLUS,
                    Setting(round(1.0 - opt.beta2, 12)),
                    TIMES,
                    power(Num(g), "2"),
                    EQ,
                    Num(v_new),
                ),
                LARROW,
            ),
            Line(
                Indexed(Sym("mhat"), sym),
                seq(frac(Num(m_new), seq("1", MINUS, power(Setting(opt.beta1), str(t)))), EQ, Num(m_hat)),
            ),
            Line(
                Indexed(Sym("vhat"), sym),
                seq(frac(Num(v_new), seq("1", MINUS, power(Setting(opt.beta2), str(t)))), EQ, Num(v_hat)),
            ),
            self.adam_step(sym, old, m_hat, v_hat, new),
        ]

    def adam_step(self, sym: Node, old: float, m_hat: float, v_hat: float, new: float) -> Line:
        """θ ← θ − α m̂ / (√v̂ + ε) with the numbers."""
        opt = self.opt
        return Line(
            sym,
            seq(
                Num(old),
                MINUS,
                Setting(opt.learning_rate),
                TIMES,
                frac(Num(m_hat), seq(Sqrt(Num(v_hat)), PLUS, Setting(opt.epsilon))),
                EQ,
                Num(new),
            ),
            LARROW,
        )

    def running_stats(self, doc: Doc) -> None:
        doc.para(self.t("running_intro"))
        mom = Setting(1.0 - BN_MOMENTUM)
        doc.display(
            [
                Line(Sym("runmean"), seq(mom, Sym("runmean"), PLUS, Setting(BN_MOMENTUM), Sym("mu")), LARROW),
                Line(
                    Sym("runvar"),
                    seq(
                        mom,
                        Sym("runvar"),
                        PLUS,
                        Setting(BN_MOMENTUM),
                        frac("m", seq("m", MINUS, "1")),
                        power(Sym("sigma"), "2"),
                    ),
                    LARROW,
                ),
            ]
        )
        for layer, (mean, var) in sorted(self.trace.running_after.items(), reverse=True):
            neurons = self.shown(mean.size)
            header: list[Inline] = [
                self.t("layer_word"),
                self.t("neuron_word"),
                Sym("runmean"),
                Sym("runvar"),
            ]
            rows: list[list[Inline]] = [[str(layer), str(j + 1), Num(mean[j]), Num(var[j])] for j in neurons]
            doc.table(header, rows)

    # -- the network -----------------------------------------------------------------------------------------------
    def overview(
        self,
        doc: Doc,
        dataset_size: int,
        batch_size: int,
        shuffle: bool,
        name: str | None = None,
        description: str | None = None,
    ) -> None:
        net = self.net
        doc.heading(2, self.t("network_title") + (f": {name}" if name else ""))
        if description:
            doc.para(description)
        items: list[list[Inline]] = [[self.t("sizes", sizes=" → ".join(str(s) for s in net.sizes))]]
        for layer in range(1, net.depth + 1):
            spec = net.specs[layer]
            items.append(
                [
                    self.t(
                        "layer_line",
                        layer=layer,
                        kind=self.kind(layer),
                        neurons=self.count("neurons", spec.size),
                        act=self.act_label(layer),
                    )
                    + (self.t("with_bn") if spec.batch_norm else "")
                ]
            )
        items.append(
            [self.t("loss_line"), self.t("loss_" + self.loss), " ", seq(Sym("L"), EQ, self.loss_general())]
        )
        items.append([self.t("optimizer_line"), self.t("opt_" + self.opt.name), ", ", *self.settings_text()])
        items.append(
            [
                self.t("batch_line", m=batch_size, size=self.count("samples", dataset_size))
                + (self.t("shuffled") if shuffle else "")
            ]
        )
        doc.bullets(items)
        doc.para(self.t("start_params"))
        for layer in range(1, net.depth + 1):
            self.param_table(doc, layer, after=False)

    def param_table(self, doc: Doc, layer: int, after: bool) -> None:
        n, n_in = self.net.sizes[layer], self.net.sizes[layer - 1]
        cols, rows_shown = self.shown(n_in), self.shown(n)
        header: list[Inline] = [self.t("neuron_word")]
        header += [Sym("W", layer, ("j", k + 1)) for k in cols] + (["…"] if n_in > len(cols) else [])
        kinds = [kind for kind in ("b", "gamma", "beta") if self.net.has(layer, kind)]
        header += [Sym(kind, layer, ("j",)) for kind in kinds]
        W = self.param(layer, "W", after)
        rows: list[list[Inline]] = []
        for j in rows_shown:
            row: list[Inline] = [str(j + 1)]
            row += [Num(W[j, k]) for k in cols]
            row += ["…"] if n_in > len(cols) else []
            row += [Num(self.param(layer, kind, after)[j]) for kind in kinds]
            rows.append(row)
        if n > len(rows_shown):
            rows.append(["…"] * len(header))
        doc.para(self.t("layer_params", layer=layer, kind=self.kind(layer)))
        doc.table(header, rows)


def phase_doc(writer: Writer, phase: Phase) -> Doc:
    doc = Doc()
    if phase is Phase.FEEDFORWARD:
        if writer.trace.layers[1].a is None:
            raise ValueError("the FEEDFORWARD phase of this step has not started yet")
        writer.feedforward(doc)
    elif phase is Phase.BACKWARD:
        if writer.trace.layers[writer.depth].delta is None:
            raise ValueError("the BACKWARD phase of this step has not started yet")
        writer.backward(doc)
    else:
        writer.update(doc)
    detail = writer.detail
    if detail.compact and max(writer.net.sizes) > detail.neurons:
        # after the phase's heading and the sentence that introduces it
        doc.blocks.insert(2, Para([writer.t("compact_intro", neurons=detail.neurons)]))
    return doc
