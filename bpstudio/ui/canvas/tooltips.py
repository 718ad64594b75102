"""Hover text: each neuron's and weight's formula with the current numbers (6 decimals) and the
full-precision values. Built only when the learner hovers, never on a step.

The formulas of an activation, a loss's output δ and an update rule come from their tables in
bpstudio.notation, written in its compact "plain" Unicode with the canvas's numbers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bpstudio.controller.names import activation_name
from bpstudio.engine import activations
from bpstudio.notation import activations as activation_notation
from bpstudio.notation import backprop, losses, optimizers
from bpstudio.notation.formula import Grad, Lit, Node, Sym, call
from bpstudio.notation.names import gradient_name, parameter_name, unit_name
from bpstudio.notation.numbers import TABLE, factor, full, number
from bpstudio.notation.symbols import letter
from bpstudio.ui.canvas.state import DisplayState

MAX_TERMS = 4  # a sum with more terms shows the first ones and "…"


def _sum(terms: list[str], total: int) -> str:
    text = " + ".join(terms)
    if total > len(terms):
        text += " + … " + QCoreApplication.translate("NetworkCanvas", "({count} terms)").format(count=total)
    return text


def _table(value: float) -> str:
    return number(value, TABLE)


def _factor(value: float) -> str:
    return factor(value, TABLE)


def _number(value: float, parenthesised: bool = False) -> Node:
    """A number in a notation formula as the canvas writes it: six decimals, a real minus sign."""
    return Lit(_factor(value) if parenthesised else _table(value))


def _slope(state: DisplayState, layer: int, neuron: int) -> float:
    """g′ at this neuron's z for the sample shown, computed by the engine."""
    net, trace = state.network, state.trace
    assert net is not None and trace is not None
    spec, lt, p = net.specs[layer], trace.layers[layer], state.position
    assert lt.a is not None and lt.u is not None
    return float(
        activations.derivative(
            spec.activation,
            lt.u[p : p + 1, neuron : neuron + 1],
            lt.a[p : p + 1, neuron : neuron + 1],
            spec.leaky_slope,
        )[0, 0]
    )


def _output_delta(state: DisplayState, neuron: int, d_name: str, value: float) -> str:
    """δ of an output neuron: the loss's formula (notation.losses), in symbols and with numbers."""
    net, doc, trace = state.network, state.document, state.trace
    assert net is not None and doc is not None and trace is not None
    layer, p = net.depth, state.position
    lt = trace.layers[layer]
    assert lt.a is not None
    loss = losses.get(doc.loss)
    act = activation_notation.get(net.specs[layer].activation)
    n = net.sizes[-1]
    total = float(trace.y[p].sum())
    symbolic = loss.delta(
        n, Sym("yhat"), Sym("y"), call(act.prime_symbol, Sym("z")), losses.sums_to_one(total)
    )
    slope = [_number(_slope(state, layer, neuron))] if loss.through_g_prime else []
    a, y = float(lt.a[p, neuron]), float(trace.y[p, neuron])
    numbers = loss.delta_values(n, a, y, slope, total, _number)
    return f"{d_name} = {symbolic.render('plain')} = {numbers.render('plain')} = {_table(value)}"


def neuron_tooltip(state: DisplayState, layer: int, neuron: int) -> str:
    net, doc = state.network, state.document
    if net is None or doc is None:
        return ""
    depth = net.depth
    name = state.names[layer][neuron]
    lines: list[str] = []
    spec = net.specs[layer]
    symbol = activation_notation.activation_symbol(spec.activation)
    if layer == 0:
        lines.append(
            QCoreApplication.translate("NetworkCanvas", "{name} — input {index}").format(
                name=name, index=neuron + 1
            )
        )
    elif layer == depth:
        lines.append(
            QCoreApplication.translate(
                "NetworkCanvas", "{name} — output neuron {index} · {activation}"
            ).format(name=name, index=neuron + 1, activation=activation_name(spec.activation))
        )
    else:
        lines.append(
            QCoreApplication.translate(
                "NetworkCanvas", "{name} — hidden layer {layer}, neuron {index} · {activation}"
            ).format(name=name, layer=layer, index=neuron + 1, activation=activation_name(spec.activation))
        )
    if state.batch_size > 1:
        lines.append(
            QCoreApplication.translate(
                "NetworkCanvas",
                "Values of sample {k} of the {m} in this batch (dataset row {row}); "
                "gradients are means over the batch.",
            ).format(k=state.position + 1, m=state.batch_size, row=state.sample_row + 1)
        )
    exact: list[str] = []
    if layer == 0:
        value = state.value(0, neuron)
        if value is not None:
            lines.append(f"{name} = {_table(value)}")
            exact.append(f"{name} = {full(value)}")
        return _finish(lines, exact)

    trace = state.trace
    p = state.position
    z_name, a_name, d_name = (unit_name(letter(key), layer, neuron) for key in ("z", "a", "delta"))
    lt = trace.layers[layer] if trace is not None else None
    if trace is not None and lt is not None and lt.z is not None:
        w_used = state.before(layer, "W")
        b_used = state.before(layer, "b")
        a_prev = trace.layers[layer - 1].a
        assert w_used is not None and b_used is not None and a_prev is not None
        n_in = w_used.shape[1]
        shown = min(n_in, MAX_TERMS)
        sources = state.names[layer - 1]
        symbolic = [f"{parameter_name('W', layer, neuron, i)}·{sources[i]}" for i in range(shown)]
        numeric = [f"{_factor(w_used[neuron, i])}·{_factor(a_prev[p, i])}" for i in range(shown)]
        b_sym = parameter_name("b", layer, neuron)
        z_value = float(lt.z[p, neuron])
        lines.append(f"{z_name} = {_sum(symbolic, n_in)} + {b_sym}")
        lines.append(f"    = {_sum(numeric, n_in)} + {_factor(b_used[neuron])} = {_table(z_value)}")
        exact.append(f"z = {full(z_value)}")
        if spec.batch_norm and lt.z_hat is not None and lt.u is not None:
            lines.append(
                QCoreApplication.translate(
                    "NetworkCanvas", "batch norm: {normalise} = {z_hat}; {scale} = {z_tilde}"
                ).format(
                    normalise=backprop.normalise_rule().render("plain"),
                    z_hat=_table(lt.z_hat[p, neuron]),
                    scale=backprop.scale_rule(one_neuron=True).render("plain"),
                    z_tilde=_table(lt.u[p, neuron]),
                )
            )
        assert lt.a is not None
        a_value = float(lt.a[p, neuron])
        # z̃ = γ·ẑ + β, as the Explanation dock names it
        argument = letter("ztilde") if spec.batch_norm else letter("z")
        lines.append(f"{a_name} = {symbol}({argument}) = {_table(a_value)}")
        exact.append(f"a = {full(a_value)}")
        if layer == depth and trace.losses is not None:
            target = float(trace.y[p, neuron])
            lines.append(
                QCoreApplication.translate(
                    "NetworkCanvas", "target y = {y}; loss of this sample: L = {loss}"
                ).format(y=_table(target), loss=_table(trace.losses[p]))
            )
    else:
        lines.append(
            QCoreApplication.translate(
                "NetworkCanvas",
                "z and a are not computed yet in this step: the feedforward phase fills them in.",
            )
        )
    if trace is not None and lt is not None and lt.delta is not None:
        lines.append(_delta_formula(state, layer, neuron, d_name))
        exact.append(f"δ = {full(lt.delta[p, neuron])}")
    lines.extend(_bias_lines(state, layer, neuron, exact))
    return _finish(lines, exact)


def _delta_formula(state: DisplayState, layer: int, neuron: int, d_name: str) -> str:
    net, doc, trace = state.network, state.document, state.trace
    assert net is not None and doc is not None and trace is not None
    spec = net.specs[layer]
    lt = trace.layers[layer]
    p = state.position
    assert lt.delta is not None and lt.a is not None and lt.u is not None
    value = float(lt.delta[p, neuron])
    elementwise = spec.activation != "softmax" and not spec.batch_norm
    if layer == net.depth:
        return _output_delta(state, neuron, d_name, value)
    if not elementwise:
        return QCoreApplication.translate(
            "NetworkCanvas", "{delta} = ∂L/∂z (through batch normalisation) = {value}"
        ).format(delta=d_name, value=_table(value))
    upper = trace.layers[layer + 1].delta
    w_next = state.before(layer + 1, "W")
    assert upper is not None and w_next is not None
    n_next = w_next.shape[0]
    shown = min(n_next, MAX_TERMS)
    symbolic = [
        f"{parameter_name('W', layer + 1, k, neuron)}·{unit_name(letter('delta'), layer + 1, k)}"
        for k in range(shown)
    ]
    numeric = [f"{_factor(w_next[k, neuron])}·{_factor(upper[p, k])}" for k in range(shown)]
    slope = _slope(state, layer, neuron)
    g_prime = call(activation_notation.get(spec.activation).prime_symbol, Sym("z"))
    rule = backprop.chain_rule(Lit(_sum(symbolic, n_next)), [g_prime])
    numbers = backprop.chain_rule(Lit(_sum(numeric, n_next)), [_number(slope)])
    return f"{d_name} = {rule.render('plain')}\n    = {numbers.render('plain')} = {_table(value)}"


def _bias_lines(state: DisplayState, layer: int, neuron: int, exact: list[str]) -> list[str]:
    net = state.network
    assert net is not None
    name = parameter_name("b", layer, neuron)
    lines = []
    before, after = state.before(layer, "b"), state.after(layer, "b")
    grad = state.grad(layer, "b")
    if grad is not None:
        g = float(grad[neuron])
        lines.append(f"{gradient_name(name)} = {_table(g)}")
        exact.append(f"∂J/∂b = {full(g)}")
    if before is not None and after is not None:
        lines.append(
            QCoreApplication.translate("NetworkCanvas", "update: {name} {old} → {new}").format(
                name=name, old=_table(before[neuron]), new=_table(after[neuron])
            )
        )
        exact.append(f"b = {full(after[neuron])}")
    else:
        value = state.bias(layer, neuron)
        lines.append(f"{name} = {_table(value)}")
        exact.append(f"b = {full(value)}")
    lines.append(QCoreApplication.translate("NetworkCanvas", "Double-click to type a new bias."))
    return lines


def _finish(lines: list[str], exact: list[str]) -> str:
    if exact:
        lines.append(QCoreApplication.translate("NetworkCanvas", "full precision: ") + ", ".join(exact))
    return "\n".join(lines)


def edge_tooltip(state: DisplayState, layer: int, row: int, col: int) -> str:
    net, doc, trace = state.network, state.document, state.trace
    if net is None or doc is None:
        return ""
    name = parameter_name("W", layer, row, col)
    source, target = state.names[layer - 1][col], state.names[layer][row]
    lines = [
        QCoreApplication.translate("NetworkCanvas", "{weight} — weight from {source} to {target}").format(
            weight=name, source=source, target=target
        )
    ]
    if state.batch_size > 1:
        lines.append(
            QCoreApplication.translate(
                "NetworkCanvas", "Gradients are means over the {m} samples of this batch."
            ).format(m=state.batch_size)
        )
    exact: list[str] = []
    before, after = state.before(layer, "W"), state.after(layer, "W")
    old = float(before[row, col]) if before is not None else state.weight(layer, row, col)
    lines.append(f"{name} = {_table(old)}")
    exact.append(f"w = {full(old)}")
    grad = state.grad(layer, "W")
    if grad is not None and trace is not None:
        g = float(grad[row, col])
        delta = trace.layers[layer].delta
        a_prev = trace.layers[layer - 1].a
        d_sym = unit_name(letter("delta"), layer, row)
        one = state.batch_size == 1 and delta is not None and a_prev is not None
        gradient_rule = backprop.weight_gradient(Lit(d_sym), Lit(source), batch=not one).render("plain")
        if one:
            assert delta is not None and a_prev is not None
            lines.append(
                f"{gradient_name(name)} = {gradient_rule} = "
                f"{_factor(delta[0, row])}·{_factor(a_prev[0, col])} = {_table(g)}"
            )
        else:
            lines.append(f"{gradient_name(name)} = {gradient_rule} = {_table(g)}")
        exact.append(f"∂J/∂w = {full(g)}")
        if after is not None:
            new = float(after[row, col])
            config = doc.optimizer
            clip = trace.update.clip_coef if trace.update is not None else 1.0
            if config.name == "sgd" and config.weight_decay == 0 and clip >= 1.0:
                param = Lit(name)
                (rule,) = optimizers.sgd_rules(param, Grad("J", param))
                numbers = optimizers.step_values(
                    param, old, config.learning_rate, _number(g, True), new, _number
                )
                lines.append(f"{rule.render('plain')} = {numbers.rhs.render('plain')}")
            else:
                lines.append(
                    QCoreApplication.translate("NetworkCanvas", "update ({optimizer}): {old} → {new}").format(
                        optimizer=config.name, old=_table(old), new=_table(new)
                    )
                )
            exact.append(QCoreApplication.translate("NetworkCanvas", "new w = ") + full(new))
    lines.append(QCoreApplication.translate("NetworkCanvas", "Double-click the label to type a new weight."))
    return _finish(lines, exact)


def batched_tooltip(state: DisplayState, layer: int, drawn: int) -> str:
    sizes = state.sizes
    return QCoreApplication.translate(
        "NetworkCanvas",
        "{count} weights from layer {source} to layer {target}; the {drawn} largest are drawn. Hover a neuron for its formula, or read every weight in the parameter tables.",
    ).format(count=sizes[layer] * sizes[layer - 1], source=layer - 1, target=layer, drawn=drawn)
