"""Worked derivations for architectures beyond the article: the numbers come from the trace.

Each test runs the engine, then checks that the explanation shows the trace's values (formatted
to 6 decimals the way explain formats them) in the phase they belong to, and that the formats
and languages are what they claim to be.
"""

from __future__ import annotations

import json
import re
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpstudio.engine import (
    Dataset,
    InitConfig,
    LayerSpec,
    Network,
    OptimizerConfig,
    Phase,
    Stepper,
    TrainingConfig,
    initialize,
)
from bpstudio.explain import explain_phase, explain_steps
from bpstudio.notation.numbers import derivation

Array = np.ndarray
# every command the Markdown may use; anything else is a name glued to a symbol (\alphag)
LATEX_COMMANDS = set(
    "frac partial hat tilde delta sigma alpha beta gamma mu lambda varepsilon theta cdot cdots left right "
    "sum odot leftarrow top sqrt operatorname ln max min tanh lVert rVert nabla begin end times infty "
    "mathrm le qquad".split()
)


def make_stepper(
    specs: list[LayerSpec],
    loss: str,
    optimizer: OptimizerConfig,
    samples: int,
    batch_size: int,
    seed: int = 3,
) -> Stepper:
    rng = np.random.default_rng(seed)
    net = Network(specs)
    initialize(net, InitConfig("xavier_uniform", seed=seed, bias=0.05))
    x = rng.normal(size=(samples, specs[0].size))
    n_out = specs[-1].size
    if loss == "cross_entropy":
        y = np.eye(n_out)[rng.integers(0, n_out, samples)]
    elif loss == "binary_cross_entropy":
        y = rng.integers(0, 2, size=(samples, n_out)).astype(float)
    else:
        y = rng.normal(size=(samples, n_out))
    return Stepper(net, loss, optimizer, TrainingConfig(batch_size=batch_size), Dataset(x, y))


def explain(stepper: Stepper, phase: Phase, lang: str = "en", fmt: str = "text") -> str:
    assert stepper.trace is not None
    return explain_phase(
        stepper.trace, stepper.network, stepper.loss, stepper.optimizer, phase, lang=lang, fmt=fmt
    )


def shown(values: Any, text: str, fmt: str = "text") -> None:
    """Every value (6-decimal form, as the format writes it in formulas or tables) appears in the text."""
    for value in np.atleast_1d(np.asarray(values, dtype=float)).ravel():
        forms = {derivation(float(value)), derivation(float(value), fmt)}  # type: ignore[arg-type]
        assert any(form in text for form in forms), f"{forms} missing"


def phases(stepper: Stepper, lang: str = "en", fmt: str = "text") -> dict[Phase, str]:
    out = {}
    for phase in (Phase.FEEDFORWARD, Phase.BACKWARD, Phase.UPDATE):
        stepper.next_phase()
        out[phase] = explain(stepper, phase, lang, fmt)
    return out


def test_softmax_cross_entropy_with_a_batch() -> None:
    stepper = make_stepper(
        [LayerSpec(3), LayerSpec(4, "tanh"), LayerSpec(3, "softmax")],
        "cross_entropy",
        OptimizerConfig("sgd", 0.5),
        samples=6,
        batch_size=3,
    )
    text = phases(stepper)
    trace = stepper.trace
    assert trace is not None and trace.losses is not None and trace.cost is not None
    hidden, output = trace.layers[1], trace.layers[2]
    ff, bw, up = text[Phase.FEEDFORWARD], text[Phase.BACKWARD], text[Phase.UPDATE]
    shown(hidden.z, ff)  # the per-sample table lists all three samples
    shown(hidden.a, ff)
    shown(output.a, ff)
    shown(trace.losses, ff)
    shown(trace.cost, ff)
    assert "softmax" in ff and "exp(" in ff
    assert "1/3" in ff  # the 1/m averaging of the cost, m = 3
    assert "ŷₖ − yₖ" in bw  # the fused softmax + cross-entropy δ
    shown(output.delta, bw)
    shown(output.grad_w, bw)
    shown(output.grad_b, bw)
    shown(hidden.delta, bw)
    shown(hidden.grad_w, bw)
    shown(trace.params_after, up)
    assert "∂J/∂" in bw  # m > 1: the gradient of the cost, not of one sample's loss


def test_batch_norm_shows_its_statistics_and_gradients() -> None:
    stepper = make_stepper(
        [LayerSpec(2), LayerSpec(3, "relu", batch_norm=True), LayerSpec(1, "sigmoid")],
        "binary_cross_entropy",
        OptimizerConfig("sgd", 0.1),
        samples=4,
        batch_size=4,
    )
    text = phases(stepper)
    trace = stepper.trace
    assert trace is not None
    bn = trace.layers[1]
    ff, bw, up = text[Phase.FEEDFORWARD], text[Phase.BACKWARD], text[Phase.UPDATE]
    for name in ("μ¹₁", "(σ¹₁)²", "ẑ¹₁", "z̃¹₁", "γ", "β"):
        assert name in ff
    shown(bn.batch_mean, ff)
    shown(bn.batch_var, ff)
    shown(bn.z_hat, ff)
    shown(bn.u, ff)
    shown(bn.delta_u, bw)
    shown(bn.delta, bw)
    shown(bn.grad_gamma, bw)
    shown(bn.grad_beta, bw)
    assert "∂J/∂γ¹₁" in bw and "∂J/∂β¹₁" in bw
    net = stepper.network
    shown(net.gamma(1), up)  # new γ and β after the update
    shown(net.beta(1), up)
    mean, var = trace.running_after[1]
    shown(mean, up)
    shown(var, up)


@pytest.mark.parametrize("name", ["sgd", "momentum", "nesterov", "adam"])
def test_every_optimizer_writes_its_rule_with_the_numbers(name: str) -> None:
    stepper = make_stepper(
        [LayerSpec(2), LayerSpec(2, "sigmoid"), LayerSpec(1, "linear")],
        "mse",
        OptimizerConfig(name, 0.05, momentum=0.8),
        samples=2,
        batch_size=1,
    )
    stepper.step()  # a first step, so momentum and Adam start from non-zero state
    text = phases(stepper)[Phase.UPDATE]
    trace = stepper.trace
    assert trace is not None and trace.optimizer_after is not None and trace.params_after is not None
    shown(trace.params_before, text)
    shown(trace.params_after, text)
    if name in ("momentum", "nesterov"):
        shown(trace.optimizer_before.buffers["velocity"], text)
        shown(trace.optimizer_after.buffers["velocity"], text)
        assert "μ v + g" in text
        assert ("α(g + μ v)" in text) == (name == "nesterov")
    if name == "adam":
        shown(trace.optimizer_after.buffers["m"], text)
        shown(trace.optimizer_after.buffers["v"], text)
        assert "t = 2" in text
        assert "m̂" in text and "v̂" in text
    if name == "sgd":
        assert "θ ← θ − α g" in text


def test_weight_decay_and_clipping_are_spelled_out() -> None:
    stepper = make_stepper(
        [LayerSpec(2), LayerSpec(3, "leaky_relu"), LayerSpec(2, "sigmoid")],
        "half_sse",
        OptimizerConfig("momentum", 0.3, weight_decay=0.05, clip_norm=0.01),
        samples=3,
        batch_size=3,
    )
    text = phases(stepper)[Phase.UPDATE]
    trace = stepper.trace
    assert trace is not None and trace.update is not None
    assert trace.update.clip_coef < 1.0
    shown(trace.update.grad_norm, text)
    shown(trace.update.clip_coef, text)
    shown(trace.update.effective_grad, text)
    assert "λ = 0.05" in text and "λ W" in text
    assert "c < 1" in text


def test_leaky_relu_and_mse_show_their_derivative() -> None:
    stepper = make_stepper(
        [LayerSpec(2), LayerSpec(3, "leaky_relu"), LayerSpec(2, "tanh")],
        "mse",
        OptimizerConfig("sgd", 0.1),
        samples=1,
        batch_size=1,
    )
    stepper.next_phase()
    bw_step = stepper.next_phase()
    assert bw_step.phase is Phase.BACKWARD
    text = explain(stepper, Phase.BACKWARD)
    assert "2/2" in text  # ∂L/∂ŷ = (2/n)(ŷ − y) with n = 2 outputs
    assert "(1 − (ŷₖ)²)" in text  # tanh's slope at the output
    assert "0.01 otherwise" in text  # leaky ReLU's slope below zero
    trace = stepper.trace
    assert trace is not None
    shown(trace.layers[1].delta, text)
    shown(trace.layers[2].delta, text)


def test_large_layers_and_batches_are_capped() -> None:
    stepper = make_stepper(
        [LayerSpec(30), LayerSpec(20, "relu"), LayerSpec(10, "softmax")],
        "cross_entropy",
        OptimizerConfig("adam", 0.01),
        samples=40,
        batch_size=20,
    )
    text = explain_steps(stepper, 1, fmt="text")
    trace = stepper.trace
    assert trace is not None
    assert "⋯" in text and "…" in text
    assert "Only the first 8 of 20 neurons" in text
    rows = [line for line in text.splitlines() if re.match(r"^\s+\d+\s+-?\d", line)]
    sample_numbers = {int(line.split()[0]) for line in rows}
    assert 9 not in sample_numbers and 8 in sample_numbers  # first 8 samples, then "…"
    assert len(text.splitlines()) < 1200


def test_partial_phases_and_phases_not_run() -> None:
    stepper = make_stepper(
        [LayerSpec(2), LayerSpec(2, "sigmoid"), LayerSpec(2, "sigmoid"), LayerSpec(1, "sigmoid")],
        "half_sse",
        OptimizerConfig("sgd", 0.1),
        samples=1,
        batch_size=1,
    )
    stepper.next_layer()  # only layer 1 of FEEDFORWARD
    trace = stepper.trace
    assert trace is not None
    text = explain(stepper, Phase.FEEDFORWARD)
    shown(trace.layers[1].a, text)
    assert "Layer 2" not in text and "Loss" not in text
    with pytest.raises(ValueError, match="BACKWARD"):
        explain(stepper, Phase.BACKWARD)
    with pytest.raises(ValueError, match="UPDATE"):
        explain(stepper, Phase.UPDATE)
    stepper.next_phase()
    stepper.next_layer()  # only the output layer's δ
    text = explain(stepper, Phase.BACKWARD)
    shown(trace.layers[3].delta, text)
    assert "hidden layer 2" not in text


def test_parameters_come_from_the_trace_not_the_updated_network() -> None:
    stepper = make_stepper(
        [LayerSpec(2), LayerSpec(2, "sigmoid"), LayerSpec(1, "sigmoid")],
        "half_sse",
        OptimizerConfig("sgd", 1.0),
        samples=1,
        batch_size=1,
    )
    stepper.step()
    trace = stepper.trace
    assert trace is not None and trace.params_after is not None
    ff = explain(stepper, Phase.FEEDFORWARD)
    before_w = stepper.network.view(trace.params_before, 1, "W")
    shown(before_w, ff)
    assert derivation(float(stepper.network.W(1)[0, 0])) not in ff


def test_deep_network_names_every_layer_in_order() -> None:
    stepper = make_stepper(
        [LayerSpec(2)] + [LayerSpec(2, "sigmoid") for _ in range(4)] + [LayerSpec(1, "sigmoid")],
        "half_sse",
        OptimizerConfig("sgd", 0.1),
        samples=1,
        batch_size=1,
    )
    bw = phases(stepper)[Phase.BACKWARD]
    order = [bw.index(f"hidden layer {layer}") for layer in (4, 3, 2, 1)]
    assert order == sorted(order)
    assert bw.index("output layer") < order[0]


@pytest.mark.parametrize("fmt", ["md", "html", "text"])
def test_formats_are_what_they_claim(fmt: str) -> None:
    stepper = make_stepper(
        [LayerSpec(2), LayerSpec(3, "relu", batch_norm=True), LayerSpec(2, "softmax")],
        "cross_entropy",
        OptimizerConfig("adam", 0.01, weight_decay=0.01, clip_norm=1.0),
        samples=4,
        batch_size=2,
    )
    text = explain_steps(stepper, 2, fmt=fmt)
    if fmt == "md":
        assert "$$" in text and r"\frac" in text and "<sub>" not in text
        for span in re.findall(r"\$\$(.*?)\$\$", text, re.S) + re.findall(
            r"(?<!\$)\$([^$\n]+)\$(?!\$)", text
        ):
            assert span.count("{") == span.count("}"), span
            assert span.count(r"\left(") == span.count(r"\right)"), span
            assert not re.search(r"\^\{[^{}]*\}\^", span), f"double superscript in {span}"
            for command in re.findall(r"\\([a-zA-Z]+)", span):
                assert command in LATEX_COMMANDS, f"unknown LaTeX command \\{command} in {span}"
        assert r"\alphag" not in text
    elif fmt == "html":
        assert text.startswith("<!DOCTYPE html>") and "</html>" in text
        assert "<sub>" in text and "<sup>" in text and "<table" in text
        assert "$" not in text and "\\frac" not in text
    else:
        assert "<" not in text.replace("c < 1", "") and "\\" not in text and "$" not in text


def test_explain_phase_html_is_a_fragment_for_qt() -> None:
    stepper = make_stepper(
        [LayerSpec(2), LayerSpec(2, "sigmoid"), LayerSpec(1, "sigmoid")],
        "half_sse",
        OptimizerConfig("sgd", 0.1),
        samples=1,
        batch_size=1,
    )
    stepper.next_phase()
    html = explain(stepper, Phase.FEEDFORWARD, fmt="html")
    assert not html.startswith("<!DOCTYPE") and "<p" in html and "\\" not in html
    trace = stepper.trace
    assert trace is not None
    shown(trace.layers[2].a, html)


def test_vietnamese_is_written_in_vietnamese() -> None:
    stepper = make_stepper(
        [LayerSpec(2), LayerSpec(3, "relu", batch_norm=True), LayerSpec(2, "sigmoid")],
        "half_sse",
        OptimizerConfig("momentum", 0.1, weight_decay=0.01, clip_norm=0.5),
        samples=4,
        batch_size=2,
    )
    text = explain_steps(stepper, 1, lang="vi", fmt="text")
    lower = text.lower()
    for phrase in ("lan truyền tiến", "độ lỗi δ", "cập nhật tham số", "hàm mất mát", "tốc độ học", "lớp ẩn"):
        assert phrase in lower, phrase
    english = re.findall(r"\b(the|of|and|layer|neuron|sample|step|with)\b", text)
    assert english == []


def test_json_is_full_precision_and_complete() -> None:
    stepper = make_stepper(
        [LayerSpec(2), LayerSpec(3, "tanh", batch_norm=True), LayerSpec(1, "sigmoid")],
        "binary_cross_entropy",
        OptimizerConfig("adam", 0.01),
        samples=4,
        batch_size=2,
    )
    reference = make_stepper(
        [LayerSpec(2), LayerSpec(3, "tanh", batch_norm=True), LayerSpec(1, "sigmoid")],
        "binary_cross_entropy",
        OptimizerConfig("adam", 0.01),
        samples=4,
        batch_size=2,
    )
    document = json.loads(explain_steps(stepper, 3, fmt="json"))
    assert [s["step"] for s in document["steps"]] == [1, 2, 3]
    for record in document["steps"]:
        reference.step()
        trace = reference.trace
        assert trace is not None
        assert record["batch"] == trace.batch.tolist()
        assert record["cost"] == trace.cost
        assert record["losses"] == trace.losses.tolist()  # type: ignore[union-attr]
        for entry, lt in zip(record["layers"], trace.layers[1:], strict=True):
            for key, value in (("z", lt.z), ("a", lt.a), ("delta", lt.delta), ("grad_w", lt.grad_w)):
                assert entry[key] == value.tolist(), key  # type: ignore[union-attr]
        assert record["layers"][0]["z_hat"] == trace.layers[1].z_hat.tolist()  # type: ignore[union-attr]
        flat = np.concatenate(
            [
                np.ravel(layer[kind])
                for layer in record["params_after"]
                for kind in ("W", "b", "gamma", "beta")
                if kind in layer
            ]
        )
        assert np.array_equal(flat, trace.params_after)
        assert record["optimizer_state"]["t"] == trace.optimizer_after.t  # type: ignore[union-attr]
        assert set(record["optimizer_state"]["moments"]) == {"m", "v"}


def test_unknown_language_or_format_is_refused() -> None:
    stepper = make_stepper(
        [LayerSpec(1), LayerSpec(1, "sigmoid")], "half_sse", OptimizerConfig(), samples=1, batch_size=1
    )
    with pytest.raises(ValueError, match="language"):
        explain_steps(stepper, 1, lang="fr")
    with pytest.raises(ValueError, match="format"):
        explain_steps(stepper, 1, fmt="pdf")
    with pytest.raises(ValueError, match="steps"):
        explain_steps(stepper, 0)


def test_a_step_in_progress_is_explained_from_its_start() -> None:
    stepper = make_stepper(
        [LayerSpec(2), LayerSpec(2, "sigmoid"), LayerSpec(1, "sigmoid")],
        "half_sse",
        OptimizerConfig("sgd", 0.1),
        samples=2,
        batch_size=1,
    )
    stepper.next_phase()
    stepper.next_phase()
    text = explain_steps(stepper, 1, fmt="text")
    assert stepper.steps_done == 1 and "Phase 1" in text and "Phase 3" in text


def test_derivation_format() -> None:
    assert derivation(-0.0546961) == "-0.054696"
    assert derivation(0.0) == "0.000000"
    assert derivation(-1e-12) == "-1.000000e-12"
    assert derivation(2.5e9) == "2.500000e+09"
    assert derivation(float("nan")) == "NaN"
    assert derivation(-0.0000001) == "-1.000000e-07"
    assert derivation(-0.0) == "0.000000"


@settings(max_examples=40, deadline=None)
@given(
    hidden=st.lists(
        st.tuples(
            st.integers(1, 4),
            st.sampled_from(["sigmoid", "tanh", "relu", "leaky_relu", "linear"]),
            st.booleans(),
        ),
        min_size=0,
        max_size=3,
    ),
    head=st.sampled_from(
        [
            ("sigmoid", "half_sse"),
            ("tanh", "mse"),
            ("linear", "mse"),
            ("sigmoid", "binary_cross_entropy"),
            ("softmax", "cross_entropy"),
            ("relu", "half_sse"),
        ]
    ),
    n_out=st.integers(1, 3),
    optimizer=st.sampled_from(["sgd", "momentum", "nesterov", "adam"]),
    decay=st.sampled_from([0.0, 0.01]),
    clip=st.sampled_from([None, 0.1]),
    samples=st.integers(2, 10),
    batch=st.integers(2, 10),
    lang=st.sampled_from(["en", "vi"]),
    seed=st.integers(0, 1000),
)
def test_any_architecture_explains_every_phase(
    hidden: list[tuple[int, str, bool]],
    head: tuple[str, str],
    n_out: int,
    optimizer: str,
    decay: float,
    clip: float | None,
    samples: int,
    batch: int,
    lang: str,
    seed: int,
) -> None:
    activation, loss = head
    batch = min(batch, samples)
    if samples % batch == 1:
        batch = samples
    specs = [LayerSpec(2)] + [LayerSpec(n, act, batch_norm=bn) for n, act, bn in hidden]
    specs.append(LayerSpec(max(n_out, 2) if activation == "softmax" else n_out, activation))
    stepper = make_stepper(
        specs,
        loss,
        OptimizerConfig(optimizer, 0.05, weight_decay=decay, clip_norm=clip),
        samples,
        batch,
        seed,
    )
    texts = {
        fmt: explain_steps(
            make_stepper(
                specs,
                loss,
                OptimizerConfig(optimizer, 0.05, weight_decay=decay, clip_norm=clip),
                samples,
                batch,
                seed,
            ),
            1,
            lang=lang,
            fmt=fmt,
        )
        for fmt in ("md", "html", "text")
    }
    stepper.step()
    trace = stepper.trace
    assert trace is not None and trace.cost is not None and trace.params_after is not None
    for fmt, text in texts.items():
        shown(trace.cost, text, fmt)
        shown(trace.params_after[:3], text, fmt)  # the first parameters of layer 1 after the update
        shown(trace.layers[-1].delta[0, 0], text, fmt)  # type: ignore[index]
    document = json.loads(
        explain_steps(
            make_stepper(
                specs,
                loss,
                OptimizerConfig(optimizer, 0.05, weight_decay=decay, clip_norm=clip),
                samples,
                batch,
                seed,
            ),
            1,
            fmt="json",
        )
    )
    assert document["steps"][0]["cost"] == trace.cost


# -- the compact detail of the explanation dock ------------------------------------------------
def wide_stepper(layers: int = 7, width: int = 64, batch: int = 8) -> Stepper:
    specs = [LayerSpec(width), *[LayerSpec(width, "tanh") for _ in range(layers - 2)]]
    return make_stepper(
        [*specs, LayerSpec(width, "sigmoid")], "mse", OptimizerConfig("adam", 0.01), 32, batch
    )


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_compact_detail_of_a_6_x_64_network_is_short_and_shows_the_trace(lang: str) -> None:
    stepper = wide_stepper()
    net = stepper.network
    texts = {}
    for phase in (Phase.FEEDFORWARD, Phase.BACKWARD, Phase.UPDATE):
        stepper.next_phase()
        trace = stepper.trace
        assert trace is not None
        html = explain_phase(
            trace, net, stepper.loss, stepper.optimizer, phase, lang=lang, fmt="html", detail="compact"
        )
        full = explain_phase(trace, net, stepper.loss, stepper.optimizer, phase, lang=lang, fmt="html")
        assert len(html) < 20_000 < len(full)
        assert "<i>z</i><sup>[1]</sup><sub>3</sub>" not in html  # two neurons per layer
        assert ("… and 62 more neurons" if lang == "en" else "… và 62 nơ-ron") in html
        texts[phase] = html
    trace = stepper.trace
    assert trace is not None and trace.params_after is not None and trace.cost is not None
    for layer in range(1, net.depth + 1):
        lt = trace.layers[layer]
        shown(lt.z[0, :2], texts[Phase.FEEDFORWARD], "html")  # type: ignore[index]
        shown(lt.a[0, :2], texts[Phase.FEEDFORWARD], "html")  # type: ignore[index]
        shown(lt.delta[0, :2], texts[Phase.BACKWARD], "html")  # type: ignore[index]
        shown(lt.grad_w[:2, :2], texts[Phase.BACKWARD], "html")  # type: ignore[index]
        shown(lt.grad_b[:2], texts[Phase.BACKWARD], "html")  # type: ignore[index]
        shown(net.view(trace.params_after, layer, "W")[:2, :2], texts[Phase.UPDATE], "html")
        shown(net.view(trace.params_after, layer, "b")[:2], texts[Phase.UPDATE], "html")
    shown(trace.cost, texts[Phase.FEEDFORWARD], "html")
    assert "<i>z</i><sup>[1]</sup><sub>2</sub>" in texts[Phase.FEEDFORWARD]


def test_full_detail_is_the_default_and_an_unknown_detail_is_refused() -> None:
    stepper = wide_stepper(layers=3, width=12, batch=4)
    stepper.next_phase()
    trace = stepper.trace
    assert trace is not None
    args = (trace, stepper.network, stepper.loss, stepper.optimizer, Phase.FEEDFORWARD)
    assert explain_phase(*args) == explain_phase(*args, detail="full")
    assert "Only the first 8 of 12 neurons" in explain_phase(*args, fmt="text")
    assert "Only the first" not in explain_phase(*args, fmt="text", detail="compact")
    with pytest.raises(ValueError, match="unknown detail 'short'; expected one of full, compact"):
        explain_phase(*args, detail="short")


def test_the_article_network_reads_the_same_in_either_detail() -> None:
    from bpstudio.document import fileformat as document_format
    from bpstudio.explain import suggested_detail

    stepper = document_format.default_network().stepper
    assert suggested_detail(stepper.network) == "full"
    for phase in (Phase.FEEDFORWARD, Phase.BACKWARD, Phase.UPDATE):
        stepper.next_phase()
        trace = stepper.trace
        assert trace is not None
        for fmt in ("md", "html", "text"):
            for lang in ("en", "vi"):
                args = (trace, stepper.network, stepper.loss, stepper.optimizer, phase)
                full = explain_phase(*args, lang=lang, fmt=fmt)
                assert explain_phase(*args, lang=lang, fmt=fmt, detail="compact") == full


@pytest.mark.parametrize(
    ("sizes", "detail"),
    [
        ([2, 2, 1], "full"),
        ([2, 8, 1], "full"),
        ([1, 10, 1], "full"),
        ([2, 16, 16, 1], "compact"),
        ([2, 8, 8, 8, 8, 8, 8, 8, 8, 1], "compact"),
        ([64] * 7, "compact"),
    ],
)
def test_suggested_detail_follows_the_length_of_the_full_derivation(sizes: list[int], detail: str) -> None:
    from bpstudio.explain import suggested_detail

    network = Network([LayerSpec(sizes[0]), *[LayerSpec(n, "tanh") for n in sizes[1:]]])
    assert suggested_detail(network) == detail
