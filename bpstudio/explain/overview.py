"""The description of the network that heads a whole derivation: its layers, loss, optimizer,
batch, and the parameters at the start."""

from __future__ import annotations

from bpstudio.explain.context import Context
from bpstudio.explain.doc import Doc, Inline
from bpstudio.explain.loss import loss_general
from bpstudio.explain.update import settings_text
from bpstudio.notation.formula import EQ, Num, Sym, seq


def overview(
    w: Context,
    doc: Doc,
    dataset_size: int,
    batch_size: int,
    shuffle: bool,
    name: str | None = None,
    description: str | None = None,
) -> None:
    net = w.net
    doc.heading(2, w.t("network_title") + (f": {name}" if name else ""))
    if description:
        doc.para(description)
    items: list[list[Inline]] = [[w.t("sizes", sizes=" → ".join(str(s) for s in net.sizes))]]
    for layer in range(1, net.depth + 1):
        spec = net.specs[layer]
        items.append(
            [
                w.t(
                    "layer_line",
                    layer=layer,
                    kind=w.kind(layer),
                    neurons=w.count("neurons", spec.size),
                    act=w.act_label(layer),
                )
                + (w.t("with_bn") if spec.batch_norm else "")
            ]
        )
    items.append([w.t("loss_line"), w.t("loss_" + w.loss), " ", seq(Sym("L"), EQ, loss_general(w))])
    items.append([w.t("optimizer_line"), w.t("opt_" + w.opt.name), ", ", *settings_text(w)])
    items.append(
        [
            w.t("batch_line", m=batch_size, size=w.count("samples", dataset_size))
            + (w.t("shuffled") if shuffle else "")
        ]
    )
    doc.bullets(items)
    doc.para(w.t("start_params"))
    for layer in range(1, net.depth + 1):
        param_table(w, doc, layer, after=False)


def param_table(w: Context, doc: Doc, layer: int, after: bool) -> None:
    n, n_in = w.net.sizes[layer], w.net.sizes[layer - 1]
    cols, rows_shown = w.shown(n_in), w.shown(n)
    header: list[Inline] = [w.t("neuron_word")]
    header += [Sym("W", layer, ("j", k + 1)) for k in cols] + (["…"] if n_in > len(cols) else [])
    kinds = [kind for kind in ("b", "gamma", "beta") if w.net.has(layer, kind)]
    header += [Sym(kind, layer, ("j",)) for kind in kinds]
    W = w.param(layer, "W", after)
    rows: list[list[Inline]] = []
    for j in rows_shown:
        row: list[Inline] = [str(j + 1)]
        row += [Num(W[j, k]) for k in cols]
        row += ["…"] if n_in > len(cols) else []
        row += [Num(w.param(layer, kind, after)[j]) for kind in kinds]
        rows.append(row)
    if n > len(rows_shown):
        rows.append(["…"] * len(header))
    doc.para(w.t("layer_params", layer=layer, kind=w.kind(layer)))
    doc.table(header, rows)
