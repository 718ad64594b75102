"""Counts in the window follow the UI language's way of writing numbers.

"9,724 steps/s" in English; in Vietnamese the comma is the decimal mark, so "9,724" would read as
nine point seven: there thousands are grouped with a narrow no-break space (the window writes its
decimals with a point, so a point as group separator would be ambiguous too).
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bpstudio.ui.fields import count_text
from bpstudio.ui.main_window import MainWindow

NNBSP = "\u202f"


@pytest.mark.parametrize(("lang", "shown"), [("en", "9,724"), ("vi", f"9{NNBSP}724")])
def test_the_run_rate_in_the_status_bar(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, lang: str, shown: str
) -> None:
    window.set_language(lang)
    monkeypatch.setattr(window, "run_rate", lambda: 9724.4)
    window.actions_by_key["run"].trigger()
    try:
        qtbot.waitUntil(lambda: window.document.stepper.steps_done > 0, timeout=5000)
        QApplication.processEvents()
        text = window.status_label.text()
    finally:
        window.pause()
    assert shown in text
    assert ("steps/s" if lang == "en" else "bước/giây") in text
    if lang == "vi":
        assert "9,724" not in text and "9.724" not in text


@pytest.mark.parametrize(("lang", "shown"), [("en", "1,234"), ("vi", f"1{NNBSP}234")])
def test_the_step_counter_groups_thousands(window: MainWindow, lang: str, shown: str) -> None:
    window.set_language(lang)
    assert window.controller.run_steps(1234)
    assert window.document.stepper.steps_done == 1234
    assert f"<b>{shown}</b>" in window.counters.text()


def test_small_counts_and_the_english_and_vietnamese_forms() -> None:
    from bpstudio.ui import i18n

    i18n.install("en")
    assert (count_text(7), count_text(1234567)) == ("7", "1,234,567")
    i18n.install("vi")
    try:
        assert (count_text(7), count_text(1234567)) == ("7", f"1{NNBSP}234{NNBSP}567")
    finally:
        i18n.install("en")
