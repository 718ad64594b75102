"""Phase 3 written out: the update rule of the optimizer (from its notation table), gradient
clipping and weight decay when they are on, then each layer's parameters old → new with one
function per optimizer, and batch normalisation's running statistics.

Every number comes from the trace except Adam's bias-corrected moments m̂ and v̂, which the
engine does not keep: they are recomputed here from m and v (notation.optimizers.adam_hats).
"""

from __future__ import annotations

from dataclasses import dataclass

from bpstudio.engine.network import BN_MOMENTUM
from bpstudio.engine.optimizers import CLIP_EPSILON
from bpstudio.explain.context import Context
from bpstudio.explain.doc import Doc, Inline
from bpstudio.notation import names, optimizers, symbols
from bpstudio.notation.formula import (
    EQ,
    LARROW,
    MINUS,
    PLUS,
    Grad,
    Indexed,
    Line,
    Node,
    Num,
    Setting,
    Sym,
    frac,
    power,
    seq,
)


def settings_text(w: Context) -> list[Inline]:
    """α = 0.1, μ = 0.9 …: the optimizer's settings as the learner typed them."""
    opt = w.opt
    items: list[Inline] = [Sym("alpha"), EQ, Setting(opt.learning_rate)]
    if opt.name in ("momentum", "nesterov"):
        items += [", ", Sym("mom"), EQ, Setting(opt.momentum)]
    if opt.name == "adam":
        items += [", ", Sym("beta1"), EQ, Setting(opt.beta1), ", ", Sym("beta2"), EQ, Setting(opt.beta2)]
        items += [", ", Sym("epsilon"), EQ, Setting(opt.epsilon)]
    if opt.weight_decay:
        items += [", ", Sym("lambda"), EQ, Setting(opt.weight_decay)]
    if opt.clip_norm is not None:
        items += [", ", w.t("clip_label"), " ", Setting(opt.clip_norm)]
    return items


def update(w: Context, doc: Doc) -> None:
    trace = w.trace
    if not trace.complete or trace.update is None or trace.params_after is None:
        raise ValueError("the UPDATE phase of this step has not run yet")
    opt = w.opt
    doc.heading(3, w.t("up_title"))
    doc.para(w.t("up_intro_" + opt.name))
    changed = opt.clip_norm is not None or bool(opt.weight_decay)
    rules = [] if changed else [optimizers.gradient_rule(w.of)]
    rules += optimizers.get(opt.name).rules(optimizers.THETA, optimizers.G)
    doc.display(rules)
    doc.para(w.t("settings"), *settings_text(w))
    if opt.name == "adam":
        assert trace.optimizer_after is not None
        doc.para(w.t("adam_t", t=trace.optimizer_after.t))
    if changed:
        changed_gradient(w, doc)
    for layer in range(w.depth, 0, -1):
        update_layer(w, doc, layer)
    if trace.running_after:
        running_stats(w, doc)


def changed_gradient(w: Context, doc: Doc) -> None:
    """How clipping (c) and weight decay (λW) turn ∂J/∂θ into the g the rule uses."""
    opt, info = w.opt, w.trace.update
    assert info is not None
    grad_sym: Node = Grad(w.of, optimizers.THETA)
    if opt.clip_norm is not None:
        doc.para(w.t("clip_intro"))
        doc.display(optimizers.clip_rules(w.of, info.grad_norm, opt.clip_norm, CLIP_EPSILON, info.clip_coef))
        doc.para(w.t("clip_applied" if info.clip_coef < 1.0 else "clip_not_needed"))
        grad_sym = seq(Sym("c"), grad_sym)
    if opt.weight_decay:
        doc.para(w.t("decay_intro"))
        doc.display(optimizers.decay_rules(grad_sym, w.t("other_params")))
    else:
        doc.display([Line(optimizers.G, grad_sym)])


def param_sym(w: Context, layer: int, kind: str, flat: tuple[int, ...]) -> Sym:
    """One parameter by the names' rule: W²₁₂ (notation.names.parameter_indices); a per-neuron
    parameter (b, γ, β) by its neuron's index, so b² in a layer of one neuron, as the article."""
    if kind == "W":
        return Sym(kind, layer, names.parameter_indices(*flat))
    if kind not in symbols.PARAMETER_SYMBOLS:
        raise ValueError(f"not a parameter of a layer: {kind!r}")
    return Sym(kind, layer, w.sub(layer, flat[0]))


def entries(w: Context, layer: int, kind: str) -> list[tuple[int, ...]]:
    shape = w.net.layout[layer][kind][2]
    if kind == "W":
        return [(j, k) for j in w.shown(shape[0]) for k in w.shown(shape[1])]
    return [(j,) for j in w.shown(shape[0])]


@dataclass(frozen=True)
class Entry:
    """One parameter of a layer, with its values before and after and its gradients."""

    layer: int
    kind: str
    index: tuple[int, ...]
    sym: Sym
    old: float
    new: float
    grad: float  # ∂J/∂θ
    g: float  # what the rule uses: after clipping and weight decay

    def buffer(self, w: Context, name: str, after: bool) -> float:
        state = w.trace.optimizer_after if after else w.trace.optimizer_before
        assert state is not None
        return float(w.net.view(state.buffers[name], self.layer, self.kind)[self.index])


def layer_entries(w: Context, layer: int) -> list[Entry]:
    trace = w.trace
    assert trace.update is not None and trace.grad is not None
    out = []
    for kind in w.net.layout[layer]:
        old, new = w.param(layer, kind), w.param(layer, kind, after=True)
        grad = w.net.view(trace.grad, layer, kind)
        eff = w.net.view(trace.update.effective_grad, layer, kind)
        for index in entries(w, layer, kind):
            sym = param_sym(w, layer, kind, index)
            values = (float(old[index]), float(new[index]), float(grad[index]), float(eff[index]))
            out.append(Entry(layer, kind, index, sym, *values))
    return out


def gradient_line(w: Context, e: Entry) -> Line | None:
    """g_θ = c · ∂J/∂θ + λθ with the numbers, when clipping or weight decay changes g."""
    opt, info = w.opt, w.trace.update
    assert info is not None
    decay = opt.weight_decay if e.kind == "W" else 0.0
    if opt.clip_norm is None and not decay:
        return None
    coef = info.clip_coef if opt.clip_norm is not None else None
    return optimizers.gradient_values(Indexed(Sym("g"), e.sym), e.grad, e.g, e.old, coef, decay)


def sgd(w: Context, e: Entry, lines: list[Line]) -> None:
    """θ ← θ − α g."""
    lines.append(optimizers.step_values(e.sym, e.old, w.opt.learning_rate, Num(e.g, paren=True), e.new))


def momentum(w: Context, e: Entry, lines: list[Line]) -> None:
    """v ← μv + g, θ ← θ − αv; Nesterov steps along g + μv instead."""
    opt = w.opt
    v_old, v_new = e.buffer(w, "velocity", False), e.buffer(w, "velocity", True)
    g_item = Num(e.g, paren=True)
    lines.append(optimizers.velocity_values(Indexed(Sym("v"), e.sym), opt.momentum, v_old, g_item, v_new))
    if opt.name == "momentum":
        step: Node = Num(v_new, paren=True)
    else:
        step = optimizers.nesterov_step(e.g, opt.momentum, v_new)
    lines.append(optimizers.step_values(e.sym, e.old, opt.learning_rate, step, e.new))


def adam(w: Context, e: Entry, lines: list[Line], rows: list[list[Inline]], worked: bool) -> None:
    """The first entry of a layer worked out in full; the others in a table (or one line each)."""
    opt = w.opt
    assert w.trace.optimizer_after is not None
    t = w.trace.optimizer_after.t
    m_new, v_new = e.buffer(w, "m", True), e.buffer(w, "v", True)
    m_hat, v_hat = optimizers.adam_hats(m_new, v_new, opt.beta1, opt.beta2, t)
    if not worked:
        numbers = optimizers.AdamNumbers(
            e.old, e.g, e.buffer(w, "m", False), e.buffer(w, "v", False), m_new, v_new, m_hat, v_hat, e.new
        )
        lines += optimizers.adam_values(
            e.sym, numbers, opt.learning_rate, opt.beta1, opt.beta2, opt.epsilon, t
        )
    elif not w.detail.layer_tables:
        lines.append(optimizers.adam_step(e.sym, e.old, m_hat, v_hat, e.new, opt.learning_rate, opt.epsilon))
    if w.detail.layer_tables:
        rows.append([e.sym, Num(e.old), Num(e.g), Num(m_new), Num(v_new), Num(m_hat), Num(v_hat), Num(e.new)])


def update_layer(w: Context, doc: Doc, layer: int) -> None:
    doc.heading(4, w.t("up_layer_title", layer=layer, kind=w.kind(layer)))
    lines: list[Line] = []
    rows: list[list[Inline]] = []
    adam_worked = False  # Adam: the first entry is worked out in full, the rest go in a table
    for e in layer_entries(w, layer):
        g_line = gradient_line(w, e)
        if g_line is not None and (w.opt.name != "adam" or not adam_worked):
            lines.append(g_line)
        if w.opt.name == "sgd":
            sgd(w, e, lines)
        elif w.opt.name in ("momentum", "nesterov"):
            momentum(w, e, lines)
        else:
            adam(w, e, lines, rows, adam_worked)
            adam_worked = True
    doc.display(lines)
    if rows:
        header: list[Inline] = [
            w.t("parameter"),
            w.t("old_value"),
            Sym("g"),
            Sym("m"),
            Sym("v"),
            Sym("mhat"),
            Sym("vhat"),
            w.t("new_value"),
        ]
        doc.table(header, rows)
    n, n_in = w.net.sizes[layer], w.net.sizes[layer - 1]
    w.note_cut(
        doc,
        (min(n, w.detail.neurons), n, "what_neurons"),
        (min(n_in, w.detail.neurons), n_in, "what_inputs"),
    )


def running_stats(w: Context, doc: Doc) -> None:
    doc.para(w.t("running_intro"))
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
    for layer, (mean, var) in sorted(w.trace.running_after.items(), reverse=True):
        neurons = w.shown(mean.size)
        header: list[Inline] = [
            w.t("layer_word"),
            w.t("neuron_word"),
            Sym("runmean"),
            Sym("runvar"),
        ]
        rows: list[list[Inline]] = [[str(layer), str(j + 1), Num(mean[j]), Num(var[j])] for j in neurons]
        doc.table(header, rows)
