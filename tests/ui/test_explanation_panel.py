"""The Explanation dock: the article's network in full, large networks compact and quick."""

from __future__ import annotations

import re

import numpy as np
from pytestqt.qtbot import QtBot

from bpstudio.controller import Controller
from bpstudio.document.document import NetworkDocument
from bpstudio.engine import (
    Dataset,
    InitConfig,
    LayerSpec,
    Network,
    OptimizerConfig,
    Stepper,
    TrainingConfig,
    initialize,
)
from bpstudio.notation.numbers import derivation
from bpstudio.ui.explanation_panel import ExplanationPanel, explanation

ARTICLE_FIGURES = [
    ("0.487503", "0.534943", "0.971451", "0.725409", "0.037700"),
    ("-0.054696", "-0.010932", "-0.012247", "-0.026665", "-0.029259", "-0.002186", "-0.004899"),
    ("0.802666", "0.902926", "0.105470", "0.100219", "-0.199563", "0.300245", "0.011093", "-0.018775"),
]


def wide_document(layers: int = 7, width: int = 64, batch: int = 8) -> NetworkDocument:
    specs = [LayerSpec(width), *[LayerSpec(width, "tanh") for _ in range(layers - 2)]]
    network = Network([*specs, LayerSpec(width, "sigmoid")])
    initialize(network, InitConfig("xavier_uniform", seed=1))
    rng = np.random.default_rng(2)
    data = Dataset(rng.normal(size=(32, width)), rng.uniform(size=(32, width)))
    stepper = Stepper(network, "mse", OptimizerConfig("adam", 0.01), TrainingConfig(batch_size=batch), data)
    return NetworkDocument(stepper, name="6 x 64")


def as_shown(value: float) -> str:
    """A value as the dock's plain text reads: 6 decimals, 1.5 × 10−5 for small ones (the plain
    text has ordinary spaces where the HTML keeps the number on one line with no-break spaces)."""
    return re.sub(r"</?sup>", "", derivation(value, "html")).replace("\u00a0", " ")


def make_panel(qtbot: QtBot, document: NetworkDocument) -> tuple[ExplanationPanel, Controller]:
    controller = Controller(document)
    panel = ExplanationPanel(document, controller)
    qtbot.addWidget(panel)
    panel.resize(500, 600)
    panel.show()
    return panel, controller


def test_the_article_network_shows_every_figure_in_full(qtbot: QtBot, document: NetworkDocument) -> None:
    panel, controller = make_panel(qtbot, document)
    assert panel.detail() == "full"
    assert "Nothing computed yet" in panel.text()
    for figures in ARTICLE_FIGURES:
        assert controller.next_phase()
        assert not panel.pending  # a small network is explained with the press itself
        text = panel.text().replace("−", "-")
        for figure in figures:
            assert figure in text
        assert "more neurons" not in text
    document.history.set_clean()


def test_a_6_x_64_network_is_explained_compactly_just_after_the_press(qtbot: QtBot) -> None:
    document = wide_document()
    panel, controller = make_panel(qtbot, document)
    assert panel.detail() == "compact"
    for _ in range(2):  # feedforward, then the error terms and gradients
        assert controller.next_phase()
        assert panel.pending
        qtbot.waitUntil(lambda: not panel.pending, timeout=2000)
    trace = document.trace
    assert trace is not None
    text = panel.text()
    assert "… and 62 more neurons and 62 more inputs." in text
    assert "Every value can be read in the Parameters dock" in text
    for layer in range(1, document.network.depth + 1):
        lt = trace.layers[layer]
        assert lt.delta is not None and lt.grad_w is not None
        for value in [*lt.delta[0, :2], *lt.grad_w[:2, :2].ravel()]:
            assert as_shown(float(value)) in text
    html = explanation(document, "en", detail=panel.detail())
    assert html is not None and len(html) < 20_000
    # Export ▸ Explanation writes the full derivation
    full = explanation(document, "en", fmt="md")
    assert full is not None and "Only the first 8 of 64 neurons" in full and len(full) > 5 * len(html)
    document.history.set_clean()


def test_a_hidden_dock_writes_nothing_until_it_is_shown(qtbot: QtBot) -> None:
    document = wide_document(layers=3, width=16)
    panel, controller = make_panel(qtbot, document)
    panel.hide()
    assert controller.next_phase()
    assert not panel.pending and "Nothing computed yet" in panel.text()
    panel.show()
    trace = document.trace
    assert trace is not None and trace.layers[1].z is not None
    assert as_shown(float(trace.layers[1].z[0, 0])) in panel.text()
    document.history.set_clean()


def test_the_compact_note_follows_the_language(qtbot: QtBot) -> None:
    from bpstudio.ui import i18n

    document = wide_document()
    panel, controller = make_panel(qtbot, document)
    i18n.install("vi")
    assert controller.next_phase()
    panel.refresh()
    assert "… và 62 nơ-ron nữa." in panel.text()
    document.history.set_clean()


def test_adam_with_batch_norm_shows_no_combining_accent_in_the_dock(qtbot: QtBot) -> None:
    """Bug: m̂ and v̂ drew their hats over other letters; 10⁻⁷ next to ² read as 10⁻⁷²."""
    import unicodedata

    from tests.support.rendering import problems

    specs = [LayerSpec(2), LayerSpec(3, "relu", batch_norm=True), LayerSpec(1, "sigmoid")]
    network = Network(specs)
    initialize(network, InitConfig("xavier_uniform", seed=1))
    data = Dataset(np.array([[1e-3, 2e-3], [-1e-3, 5e-4]]), np.array([[1.0], [0.0]]))
    stepper = Stepper(network, "half_sse", OptimizerConfig("adam", 0.1), TrainingConfig(batch_size=2), data)
    document = NetworkDocument(stepper, name="Adam")
    panel, controller = make_panel(qtbot, document)
    for lang in ("en", "vi"):
        from bpstudio.ui import i18n

        i18n.install(lang)
        for _ in range(3):
            assert controller.next_phase()
            panel.refresh()
            shown = panel.text()
            assert [ch for ch in shown if unicodedata.combining(ch)] == []
            html = explanation(document, lang, detail=panel.detail())
            assert html is not None and problems(html) == []
        # v is a square of a small gradient: a bracketed power of ten, then the square
        assert re.search(r"\(\d\.\d{6}\s×\s10−\d+\)/\(1 − 0\.999", shown), shown
        assert "mˆ" in shown and "vˆ" in shown and "μˆ" in shown  # the hats are drawn, as spacing accents
    document.history.set_clean()
