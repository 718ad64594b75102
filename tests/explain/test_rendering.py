"""The HTML the explanation dock shows: no combining accents, powers of ten that read one way.

Qt's rich-text engine places a combining accent (m + U+0302) on the wrong glyph, even on another
word of the line, whenever the font has no anchor for that pair; and `10<sup>-7</sup>` right
before another superscript reads as 10⁻⁷². So the dock's HTML must never hold a combining
character, and never put a superscript directly after (or inside) another one. Checked over
random networks with every optimizer, weight decay, clipping, batch normalisation, every
activation and every loss, in both languages and both details.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from bpstudio.engine import (
    ACTIVATIONS,
    LOSSES,
    OPTIMIZERS,
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
from bpstudio.engine.errors import EngineError
from bpstudio.explain import explain_phase, explain_steps
from bpstudio.notation.numbers import derivation
from tests.support.rendering import problems

PHASES = (Phase.FEEDFORWARD, Phase.BACKWARD, Phase.UPDATE)
SUP_AFTER_SUP = re.compile(r"</sup>\s*(?:<[^>]*>\s*)*<sup>")


def build(
    sizes: list[int],
    activations: list[str],
    batch_norm: list[bool],
    loss: str,
    optimizer: OptimizerConfig,
    batch: int,
    scale: float,
    seed: int,
) -> Stepper:
    specs = [LayerSpec(sizes[0])]
    specs += [
        LayerSpec(n, act, batch_norm=bn)
        for n, act, bn in zip(sizes[1:], activations, batch_norm, strict=True)
    ]
    net = Network(specs)
    initialize(net, InitConfig("xavier_uniform", seed=seed, bias=0.05))
    rng = np.random.default_rng(seed)
    samples = max(batch, 2)
    x = rng.normal(size=(samples, sizes[0])) * scale
    n_out = sizes[-1]
    if loss == "cross_entropy":
        y = np.eye(n_out)[rng.integers(0, n_out, samples)]
    elif loss == "binary_cross_entropy":
        y = rng.integers(0, 2, size=(samples, n_out)).astype(float)
    else:
        y = rng.normal(size=(samples, n_out))
    return Stepper(net, loss, optimizer, TrainingConfig(batch_size=batch), Dataset(x, y))


@st.composite
def steppers(draw: st.DrawFn) -> Stepper:
    depth = draw(st.integers(1, 3))
    sizes = draw(st.lists(st.integers(1, 4), min_size=depth + 1, max_size=depth + 1))
    activations = draw(st.lists(st.sampled_from(ACTIVATIONS), min_size=depth, max_size=depth))
    batch_norm = [draw(st.booleans()) if layer < depth - 1 else False for layer in range(depth)]
    optimizer = OptimizerConfig(
        draw(st.sampled_from(OPTIMIZERS)),
        draw(st.sampled_from([0.1, 0.01, 1e-5])),
        momentum=0.9,
        weight_decay=draw(st.sampled_from([0.0, 1e-4, 0.05])),
        clip_norm=draw(st.sampled_from([None, 1e-6, 1.0])),
    )
    try:
        return build(
            sizes,
            activations,
            batch_norm,
            draw(st.sampled_from(LOSSES)),
            optimizer,
            draw(st.integers(1, 3)),
            draw(st.sampled_from([1.0, 1e-3, 1e-6])),  # tiny inputs give values in scientific notation
            draw(st.integers(0, 1000)),
        )
    except EngineError:
        reject()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)
@given(stepper=steppers(), lang=st.sampled_from(["en", "vi"]), detail=st.sampled_from(["full", "compact"]))
def test_the_dock_html_has_no_combining_accent_and_no_stacked_superscript(
    stepper: Stepper, lang: str, detail: str
) -> None:
    for step in range(2):  # the second step: momentum and Adam start from a non-zero state
        for phase in PHASES:
            stepper.next_phase()
            if step == 0:
                continue
            trace = stepper.trace
            assert trace is not None
            html = explain_phase(
                trace,
                stepper.network,
                stepper.loss,
                stepper.optimizer,
                phase,
                lang=lang,
                fmt="html",
                detail=detail,
            )
            assert problems(html) == []


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_adam_with_batch_norm_reads_right_in_html(lang: str) -> None:
    """The reported case: Adam's m̂ and v̂, batch norm's z̃, δ̃ and running μ̂, σ̂², tiny squares."""
    optimizer = OptimizerConfig("adam", 0.1, weight_decay=0.01, clip_norm=1.0)
    stepper = build([2, 3, 1], ["relu", "sigmoid"], [True, False], "half_sse", optimizer, 2, 1e-3, 4)
    page = explain_steps(stepper, 2, lang=lang, fmt="html")
    assert problems(page) == []
    # the hatted and tilded symbols are still there, drawn with a spacing accent over the letter
    for letter, accent in (("m", "ˆ"), ("v", "ˆ"), ("z", "˜"), ("δ", "˜"), ("μ", "ˆ"), ("σ", "ˆ")):
        assert re.search(rf">{letter}(</i>)?</span><span[^>]*>{accent}<", page), letter
    assert "ẑ" in page and "ŷ" in page  # precomposed letters stay as they are


def test_powers_of_ten_are_unambiguous() -> None:
    nbsp = "\u00a0"  # a number never wraps between its mantissa and its power of ten
    assert derivation(5.787016e-7, "html") == f"5.787016{nbsp}×{nbsp}10<sup>−7</sup>"
    assert derivation(-2.5e9, "html") == f"-2.500000{nbsp}×{nbsp}10<sup>9</sup>"
    assert derivation(5.787016e-7) == "5.787016e-07"  # plain text: no superscript at all
    optimizer = OptimizerConfig("adam", 0.1)
    stepper = build([1, 1], ["linear"], [False], "half_sse", optimizer, 1, 1e-4, 1)
    for _ in PHASES:
        stepper.next_phase()
    trace = stepper.trace
    assert trace is not None
    html = explain_phase(trace, stepper.network, stepper.loss, optimizer, Phase.UPDATE, fmt="html")
    # the gradient is about 1e-4 and its square, v, about 1e-9: the square is of a bracketed number
    assert re.search(r"\(-?\d\.\d{6}\s×\s10<sup>−\d+</sup>\)<sup>2</sup>", html)
    assert re.search(r"√\(\d\.\d{6}\s×\s10<sup>−\d+</sup>\)", html)
    assert problems(html) == []
