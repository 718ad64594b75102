"""A NaN/Inf report is written from the error's fields, in English and in Vietnamese, never by
reading the engine's English message."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from bpstudio.controller.controller import non_finite_message, quantity_words
from bpstudio.engine import NonFiniteError, Phase
from bpstudio.engine.errors import QUANTITY_WORDS
from bpstudio.ui import i18n

PHASES = {
    "en": {Phase.FEEDFORWARD: "feedforward", Phase.BACKWARD: "error terms δ", Phase.UPDATE: "update"},
    "vi": {Phase.FEEDFORWARD: "lan truyền tiến", Phase.BACKWARD: "độ lỗi δ", Phase.UPDATE: "cập nhật"},
}
WORDS = {
    "en": {
        "cost": "the cost",
        "gradient": "a gradient",
        "parameter": "a parameter",
        "velocity": "the momentum velocity",
        "m": "Adam's first moment m",
        "v": "Adam's second moment v",
        "running_mean": "the running mean",
        "running_var": "the running variance",
    },
    "vi": {
        "cost": "hàm chi phí",
        "gradient": "một gradient",
        "parameter": "một tham số",
        "velocity": "vận tốc momentum",
        "m": "mômen bậc nhất m của Adam",
        "v": "mômen bậc hai v của Adam",
        "running_mean": "trung bình trượt",
        "running_var": "phương sai trượt",
    },
}
SENTENCE = {
    "en": "step {0}, {1} phase, {2}: {3} became {4} (not a finite number)",
    "vi": "bước {0}, pha {1}, {2}: {3} thành {4} (không phải số hữu hạn)",
}
WHERE = {"en": ("the input", "layer {0}"), "vi": ("lớp đầu vào", "lớp {0}")}


def _garbled(exc: NonFiniteError) -> NonFiniteError:
    """The same error with another message text: the report must not change."""
    exc.args = ("nothing in here is English: feedforward cost gradient parameter layer",)
    return exc


def test_the_word_table_covers_exactly_the_engine_keys(qapp: QApplication) -> None:
    assert set(quantity_words()) == set(QUANTITY_WORDS) == set(WORDS["en"])


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("phase", list(Phase), ids=lambda phase: phase.value)
@pytest.mark.parametrize(
    "quantity",
    ["cost", "gradient", "parameter", "velocity", "m", "v", "running_mean", "running_var", "z", "∂J/∂W"],
)
@pytest.mark.parametrize("layer", [0, 2])
def test_every_phase_quantity_and_place_in_both_languages(
    qapp: QApplication, lang: str, phase: Phase, quantity: str, layer: int
) -> None:
    assert i18n.install(lang)
    value = float("nan") if quantity == "gradient" else float("inf")
    exc = _garbled(NonFiniteError(phase.value, layer, quantity, value, 6))
    where = WHERE[lang][0] if layer == 0 else WHERE[lang][1].format(layer)
    what = WORDS[lang].get(quantity, quantity)  # a symbol reads the same in every language
    expected = SENTENCE[lang].format(7, PHASES[lang][phase], where, what, repr(value))
    assert non_finite_message(exc) == expected


def test_the_english_report_says_what_the_engine_says_in_its_own_words(qapp: QApplication) -> None:
    """Apart from the phase's name (the toolbar's), the English report is the engine's sentence."""
    assert i18n.install("en")
    exc = NonFiniteError("feedforward", 2, "cost", float("inf"), 4)
    assert non_finite_message(exc) == str(exc)
