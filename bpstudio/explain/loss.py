"""The end of phase 1 written out: the loss L of one sample (its formula from the loss's notation
table) and the cost J, the mean over the batch."""

from __future__ import annotations

from bpstudio.explain.context import Context
from bpstudio.explain.doc import Doc, Inline
from bpstudio.notation import losses
from bpstudio.notation.formula import EQ, SUM_I, Line, Node, Num, Sym, frac, number, paren, seq


def loss_general(w: Context) -> Node:
    """L of one sample in symbols."""
    return losses.get(w.loss).general(w.net.sizes[-1], w.words)


def loss_values(w: Context, i: int) -> Node:
    """L of sample i with its numbers."""
    yhat = w.trace.layers[w.depth].a
    assert yhat is not None
    return losses.get(w.loss).values(w.trace.y[i], yhat[i], w.capped, number)


def loss_block(w: Context, doc: Doc) -> None:
    trace = w.trace
    assert trace.losses is not None and trace.cost is not None
    doc.heading(4, w.t("loss_title"))
    doc.para(w.t("loss_intro_" + w.loss))
    L_i = Sym("L", None, (), "i")
    general = [
        Line(Sym("L"), loss_general(w)),
        Line(Sym("J"), seq(frac("1", "m"), SUM_I, L_i)),
    ]
    doc.display(general)
    f = w.first
    lines = [Line(Sym("L"), seq(loss_values(w, f), EQ, Num(trace.losses[f])))]
    if w.m == 1:
        lines.append(Line(Sym("J"), seq(Sym("L"), EQ, Num(trace.cost))))
        doc.display(lines)
        doc.para(w.t("cost_one"))
        return
    doc.para(w.t("loss_first", sample=w.first_no))
    doc.display(lines)
    nl = w.net.sizes[-1]
    outs = w.shown(nl, min(3, w.detail.table_neurons))
    yhat = trace.layers[w.depth].a
    assert yhat is not None
    header: list[Inline] = [w.t("sample")]
    header += [w.y(k) for k in outs] + [w.a(w.depth, k) for k in outs] + [Sym("L", None, (), "i")]
    rows: list[list[Inline]] = []
    for i in w.sample_rows():
        row: list[Inline] = [w.sample_label(i)]
        row += [Num(trace.y[i, k]) for k in outs]
        row += [Num(yhat[i, k]) for k in outs]
        row.append(Num(trace.losses[i]))
        rows.append(row)
    w.more_rows(rows, len(header))
    doc.table(header, rows)
    cost_terms = [Num(v, paren=True) for v in trace.losses]
    doc.display(
        [
            Line(
                Sym("J"),
                seq(
                    frac("1", str(w.m)),
                    paren(w.capped(cost_terms, w.detail.cost_terms)),
                    EQ,
                    Num(trace.cost),
                ),
            )
        ]
    )
    doc.para(w.t("cost_many", m=w.m))
