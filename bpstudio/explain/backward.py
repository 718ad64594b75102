"""Phase 2 written out, from the output back to the first layer: the output δ (from the loss's
notation table), each hidden layer's δ by the chain rule, batch normalisation's backward pass,
and the gradients of W and b."""

from __future__ import annotations

from bpstudio.engine.network import BN_EPSILON
from bpstudio.explain.context import Context
from bpstudio.explain.doc import Doc, Inline
from bpstudio.notation import backprop, losses, names
from bpstudio.notation.activations import G_PRIME
from bpstudio.notation.formula import (
    EQ,
    MINUS,
    ODOT,
    PLUS,
    SUM_I,
    SUM_K,
    TIMES,
    TRANSPOSE,
    Grad,
    Line,
    Num,
    Setting,
    Sqrt,
    Sym,
    call,
    frac,
    number,
    paren,
    power,
    product,
    seq,
)


def backward(w: Context, doc: Doc) -> None:
    doc.heading(3, w.t("bw_title"))
    doc.para(w.t("bw_intro"))
    if w.m > 1:
        key = "bw_batch_many" if w.detail.layer_tables else "bw_batch_many_compact"
        doc.para(w.t(key, sample=w.first_no))
    for layer in range(w.depth, 0, -1):
        lt = w.trace.layers[layer]
        if lt.delta is None:
            break
        if layer == w.depth:
            output_delta(w, doc)
        else:
            hidden_delta(w, doc, layer)
        if w.detail.layer_tables:
            delta_table(w, doc, layer)
        gradients(w, doc, layer)


def output_delta(w: Context, doc: Doc) -> None:
    """δ of the output layer: the loss's formula from its notation table, with the activation's
    slope g′ from the activation's table where the loss goes through it."""
    L = w.depth
    lt = w.trace.layers[L]
    assert lt.delta is not None and lt.a is not None and lt.u is not None
    n = w.net.sizes[L]
    loss, act = losses.get(w.loss), w.activation(L)
    doc.heading(4, w.t("delta_out_title", layer=L))
    k_sub: tuple[int | str, ...] = () if n == 1 else ("k",)
    d = Sym("delta", L, k_sub)
    yh, y, z = Sym("yhat", None, k_sub), Sym("y", None, k_sub), Sym("z", L, k_sub)
    gp = act.prime_factor(yh) if act.prime_by_output else seq(call(G_PRIME, z))
    y_sum = w.trace.y.sum(axis=1)
    general = [Line(seq(d, EQ, Grad("L", z)), loss.delta(n, yh, y, gp, losses.one_hot(y_sum)))]
    doc.para(w.t("delta_out_" + w.loss, n=n))
    if loss.through_g_prime and not act.prime_by_output:
        general.append(w.g_prime_line(L))
    doc.display(general)
    f = w.first
    lines = []
    for k in w.shown(n):
        yv, pv, zv = float(w.trace.y[f, k]), float(lt.a[f, k]), float(lt.u[f, k])
        slope = w.g_prime_values(L, zv, pv) if loss.through_g_prime else []
        rhs = loss.delta_values(n, pv, yv, slope, float(y_sum[f]), number)
        lines.append(Line(Sym("delta", L, w.sub(L, k)), seq(rhs, EQ, Num(lt.delta[f, k]))))
    doc.display(lines)
    w.note_cut(doc, (len(lines), n, "what_neurons"))


def hidden_delta(w: Context, doc: Doc, layer: int) -> None:
    spec = w.net.specs[layer]
    lt = w.trace.layers[layer]
    upper = w.trace.layers[layer + 1]
    assert lt.delta is not None and lt.a is not None and lt.u is not None and upper.delta is not None
    n, n_up = w.net.sizes[layer], w.net.sizes[layer + 1]
    doc.heading(4, w.t("delta_hidden_title", layer=layer))
    doc.para(w.t("delta_hidden_intro", up=layer + 1))
    target = "deltatilde" if spec.batch_norm else "delta"
    pre = "ztilde" if spec.batch_norm else "z"
    general = [
        Line(
            Sym(target, layer),
            seq(
                paren(Sym("W", layer + 1, transposed=True), Sym("delta", layer + 1)),
                ODOT,
                call(G_PRIME, Sym(pre, layer)),
            ),
        ),
        Line(
            Sym(target, layer, ("j",)),
            backprop.chain_rule(
                seq(SUM_K, Sym("W", layer + 1, ("k", "j")), Sym("delta", layer + 1, ("k",))),
                [call(G_PRIME, Sym(pre, layer, ("j",)))],
            ),
        ),
        w.g_prime_line(layer),
    ]
    doc.display(general)
    W_up = w.param(layer + 1, "W")
    f = w.first
    values = lt.delta_u if spec.batch_norm else lt.delta
    assert values is not None
    lines = []
    for j in w.shown(n):
        terms = [product(W_up[k, j], upper.delta[f, k]) for k in range(n_up)]
        slope = w.g_prime_values(layer, float(lt.u[f, j]), float(lt.a[f, j]))
        rhs = seq(backprop.chain_rule(w.capped(terms), slope), EQ, Num(values[f, j]))
        lines.append(Line(Sym(target, layer, w.sub(layer, j)), rhs))
    doc.display(lines)
    w.note_cut(doc, (len(lines), n, "what_neurons"))
    if spec.batch_norm:
        bn_backward(w, doc, layer)


def bn_backward(w: Context, doc: Doc, layer: int) -> None:
    lt = w.trace.layers[layer]
    assert lt.delta is not None and lt.delta_u is not None and lt.z_hat is not None
    assert lt.batch_var is not None and lt.grad_gamma is not None and lt.grad_beta is not None
    doc.para(w.t("bn_backward_intro"))
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
    gamma = w.param(layer, "gamma")
    f, m = w.first, w.m
    lines = []
    for j in w.shown(w.net.sizes[layer]):
        sub = w.sub(layer, j)
        prods = [product(lt.delta_u[i, j], lt.z_hat[i, j]) for i in range(m)]
        lines.append(
            Line(
                Grad("J", Sym("gamma", layer, sub)),
                seq(frac("1", str(m)), paren(w.capped(prods)), EQ, Num(lt.grad_gamma[j])),
            )
        )
        plain = [Num(lt.delta_u[i, j], paren=True) for i in range(m)]
        lines.append(
            Line(
                Grad("J", Sym("beta", layer, sub)),
                seq(frac("1", str(m)), paren(w.capped(plain)), EQ, Num(lt.grad_beta[j])),
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
                        product(lt.z_hat[f, j], lt.grad_gamma[j]),
                    ),
                    EQ,
                    Num(lt.delta[f, j]),
                ),
            )
        )
    doc.display(lines)


def delta_table(w: Context, doc: Doc, layer: int) -> None:
    if w.m == 1:
        return
    lt = w.trace.layers[layer]
    assert lt.delta is not None
    spec = w.net.specs[layer]
    neurons = w.shown(w.net.sizes[layer], w.detail.table_neurons * (1 if spec.batch_norm else 2))
    header: list[Inline] = [w.t("sample")]
    for j in neurons:
        if spec.batch_norm:
            header.append(Sym("deltatilde", layer, w.sub(layer, j)))
        header.append(Sym("delta", layer, w.sub(layer, j)))
    rows: list[list[Inline]] = []
    for i in w.sample_rows():
        row: list[Inline] = [w.sample_label(i)]
        for j in neurons:
            if spec.batch_norm:
                assert lt.delta_u is not None
                row.append(Num(lt.delta_u[i, j]))
            row.append(Num(lt.delta[i, j]))
        rows.append(row)
    w.more_rows(rows, len(header))
    doc.table(header, rows)


def gradients(w: Context, doc: Doc, layer: int) -> None:
    lt = w.trace.layers[layer]
    a_prev = w.trace.layers[layer - 1].a
    assert lt.delta is not None and lt.grad_w is not None and lt.grad_b is not None and a_prev is not None
    n, n_in = w.net.sizes[layer], w.net.sizes[layer - 1]
    doc.heading(4, w.t("grad_title", layer=layer, kind=w.kind(layer)))
    of, m = w.of, w.m
    if m == 1:
        general = [
            Line(
                Grad(of, Sym("W", layer)),
                seq(Sym("delta", layer), paren(w.a_vec(layer - 1)), TRANSPOSE),
            ),
            Line(Grad(of, Sym("b", layer)), Sym("delta", layer)),
        ]
        doc.para(w.t("grad_intro_one"))
    else:
        general = [
            Line(
                Grad(of, Sym("W", layer)),
                backprop.batch_mean(
                    seq(Sym("delta", layer, (), "i"), paren(w.a_vec(layer - 1, "i")), TRANSPOSE)
                ),
            ),
            Line(Grad(of, Sym("b", layer)), backprop.batch_mean(Sym("delta", layer, (), "i"))),
        ]
        doc.para(w.t("grad_intro_many", m=m))
    doc.display(general)
    lines = []
    rows, cols = w.shown(n), w.shown(n_in)
    for j in rows:
        for k in cols:
            target = Grad(of, Sym("W", layer, names.parameter_indices(j, k)))
            if m == 1:
                rhs = seq(
                    backprop.weight_gradient(Sym("delta", layer, w.sub(layer, j)), w.a(layer - 1, k), False),
                    EQ,
                    product(lt.delta[0, j], a_prev[0, k]),
                    EQ,
                    Num(lt.grad_w[j, k]),
                )
            else:
                prods = [product(lt.delta[i, j], a_prev[i, k]) for i in range(m)]
                rhs = seq(frac("1", str(m)), paren(w.capped(prods)), EQ, Num(lt.grad_w[j, k]))
            lines.append(Line(target, rhs))
    for j in rows:
        target = Grad(of, Sym("b", layer, w.sub(layer, j)))
        if m == 1:
            rhs = seq(Sym("delta", layer, w.sub(layer, j)), EQ, Num(lt.grad_b[j]))
        else:
            plain = [Num(lt.delta[i, j], paren=True) for i in range(m)]
            rhs = seq(frac("1", str(m)), paren(w.capped(plain)), EQ, Num(lt.grad_b[j]))
        lines.append(Line(target, rhs))
    doc.display(lines)
    w.note_cut(doc, (len(rows), n, "what_neurons"), (len(cols), n_in, "what_inputs"))
