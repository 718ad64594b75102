"""Phase 1 written out: the batch, then per layer z = W a + b (batch normalisation when the layer
has it) and a = g(z), with the first sample's numbers and a table per sample; then the loss."""

from __future__ import annotations

from bpstudio.engine.network import BN_EPSILON
from bpstudio.explain.context import Context
from bpstudio.explain.doc import Doc, Inline
from bpstudio.explain.loss import loss_block
from bpstudio.notation import backprop
from bpstudio.notation.formula import (
    CDOTS,
    EQ,
    PLUS,
    Exp,
    Line,
    Node,
    Num,
    Setting,
    Sqrt,
    Sym,
    add_value,
    difference,
    frac,
    join,
    paren,
    power,
    product,
    seq,
)


def batch_table(w: Context, doc: Doc) -> None:
    n0, nl = w.net.sizes[0], w.net.sizes[-1]
    ins, outs = w.shown(n0, w.detail.batch_inputs), w.shown(nl, w.detail.table_neurons)
    header: list[Inline] = [w.t("sample")]
    header += [w.a(0, k) for k in ins] + (["…"] if n0 > len(ins) else [])
    header += [w.y(k) for k in outs] + (["…"] if nl > len(outs) else [])
    rows: list[list[Inline]] = []
    for i in w.sample_rows():
        row: list[Inline] = [w.sample_label(i)]
        row += [Num(w.trace.x[i, k]) for k in ins] + (["…"] if n0 > len(ins) else [])
        row += [Num(w.trace.y[i, k]) for k in outs] + (["…"] if nl > len(outs) else [])
        rows.append(row)
    w.more_rows(rows, len(header))
    doc.table(header, rows)


def feedforward(w: Context, doc: Doc) -> None:
    trace = w.trace
    doc.heading(3, w.t("ff_title"))
    doc.para(w.t("ff_intro"))
    if w.m == 1:
        doc.para(w.t("ff_batch_one", sample=w.first_no))
    else:
        key = "ff_batch_many" if w.detail.layer_tables else "ff_batch_many_compact"
        doc.para(w.t(key, m=w.m, sample=w.first_no))
    batch_table(w, doc)
    for layer in range(1, w.depth + 1):
        if trace.layers[layer].a is None:
            break
        ff_layer(w, doc, layer)
    if trace.losses is not None and trace.cost is not None:
        loss_block(w, doc)


def ff_layer(w: Context, doc: Doc, layer: int) -> None:
    spec = w.net.specs[layer]
    lt = w.trace.layers[layer]
    assert lt.z is not None and lt.a is not None and lt.u is not None
    a_prev_all = w.trace.layers[layer - 1].a
    assert a_prev_all is not None
    n, n_in = w.net.sizes[layer], w.net.sizes[layer - 1]
    f = w.first
    doc.heading(
        4,
        w.t(
            "layer_title",
            layer=layer,
            kind=w.kind(layer),
            neurons=w.count("neurons", n),
            act=w.act_label(layer),
        )
        + (w.t("with_bn") if spec.batch_norm else ""),
    )
    # the general form
    general = [Line(Sym("z", layer), seq(Sym("W", layer), w.a_vec(layer - 1), PLUS, Sym("b", layer)))]
    out_lhs: Node = Sym("a", layer)
    if layer == w.depth:
        out_lhs = seq(Sym("yhat"), EQ, Sym("a", layer))
    if spec.batch_norm:
        general += [
            backprop.normalise_rule(layer),
            backprop.scale_rule(layer),
            Line(out_lhs, w.g_of(layer, Sym("ztilde", layer))),
        ]
    else:
        general.append(Line(out_lhs, w.g_of(layer, Sym("z", layer))))
    general.append(w.g_definition(layer))
    doc.display(general)
    if layer == 1:
        doc.para(w.t("ff_input_is_x"))
    # the numbers, for the first sample of the batch
    W, b = w.param(layer, "W"), w.param(layer, "b")
    a_prev = a_prev_all[f]
    lines: list[Line] = []
    neurons = w.shown(n)
    for j in neurons:
        max_terms = w.detail.terms
        terms = [product(W[j, k], a_prev[k]) for k in range(min(n_in, max_terms + 1))]
        if n_in > max_terms:
            terms = [*terms[: max_terms - 2], product(W[j, n_in - 1], a_prev[n_in - 1])]
            body = seq(join(terms[:-1], PLUS), PLUS, CDOTS, PLUS, terms[-1])
        else:
            body = join(terms, PLUS)
        lines.append(Line(w.z(layer, j), seq(body, add_value(b[j]), EQ, Num(lt.z[f, j]))))
    if spec.batch_norm:
        bn_forward_lines(w, layer, lines, neurons)
    for j in neurons:
        lhs: Node = w.a(layer, j)
        if layer == w.depth:
            lhs = seq(w.a(layer, j), EQ, Sym("a", layer, w.sub(layer, j)))
        if spec.activation == "softmax":
            exps = [Exp(Num(lt.u[f, k])) for k in range(n)]
            rhs = seq(frac(Exp(Num(lt.u[f, j])), w.capped(exps)), EQ, Num(lt.a[f, j]))
        else:
            rhs = seq(w.g_of(layer, Num(lt.u[f, j])), EQ, Num(lt.a[f, j]))
        lines.append(Line(lhs, rhs))
    doc.display(lines)
    w.note_cut(doc, (len(neurons), n, "what_neurons"))
    if n_in > w.detail.terms and not (w.detail.compact and n_in in w.terms_said):
        doc.para(w.t("terms_cut", n=n_in))
        w.terms_said.add(n_in)  # said once per size in a compact derivation
    if w.m > 1 and w.detail.layer_tables:
        ff_table(w, doc, layer)


def bn_forward_lines(w: Context, layer: int, lines: list[Line], neurons: range) -> None:
    lt = w.trace.layers[layer]
    assert lt.z is not None and lt.z_hat is not None and lt.u is not None
    assert lt.batch_mean is not None and lt.batch_var is not None
    gamma, beta = w.param(layer, "gamma"), w.param(layer, "beta")
    f, m = w.first, w.m
    for j in neurons:
        sub = w.sub(layer, j)
        mu, var = lt.batch_mean[j], lt.batch_var[j]
        zs = [Num(lt.z[i, j], paren=True) for i in range(m)]
        lines.append(Line(Sym("mu", layer, sub), seq(frac("1", str(m)), paren(w.capped(zs)), EQ, Num(mu))))
        squares = [power(difference(lt.z[i, j], mu), "2") for i in range(m)]
        lines.append(
            Line(
                power(Sym("sigma", layer, sub), "2"),
                seq(frac("1", str(m)), paren(w.capped(squares)), EQ, Num(var)),
            )
        )
        lines.append(
            Line(
                Sym("zhat", layer, sub),
                seq(
                    frac(difference(lt.z[f, j], mu), Sqrt(seq(Num(var), PLUS, Setting(BN_EPSILON)))),
                    EQ,
                    Num(lt.z_hat[f, j]),
                ),
            )
        )
        lines.append(
            Line(
                Sym("ztilde", layer, sub),
                seq(product(gamma[j], lt.z_hat[f, j]), add_value(beta[j]), EQ, Num(lt.u[f, j])),
            )
        )


def ff_table(w: Context, doc: Doc, layer: int) -> None:
    spec = w.net.specs[layer]
    lt = w.trace.layers[layer]
    n = w.net.sizes[layer]
    neurons = w.shown(n, w.detail.table_neurons)
    header: list[Inline] = [w.t("sample")]
    for j in neurons:
        header.append(w.z(layer, j))
        if spec.batch_norm:
            header += [w.z(layer, j, "zhat"), w.z(layer, j, "ztilde")]
        header.append(w.a(layer, j))
    if n > len(neurons):
        header.append("…")
    rows: list[list[Inline]] = []
    assert lt.z is not None and lt.a is not None
    for i in w.sample_rows():
        row: list[Inline] = [w.sample_label(i)]
        for j in neurons:
            row.append(Num(lt.z[i, j]))
            if spec.batch_norm:
                assert lt.z_hat is not None and lt.u is not None
                row += [Num(lt.z_hat[i, j]), Num(lt.u[i, j])]
            row.append(Num(lt.a[i, j]))
        if n > len(neurons):
            row.append("…")
        rows.append(row)
    w.more_rows(rows, len(header))
    doc.para(w.t("table_per_sample"))
    doc.table(header, rows)
