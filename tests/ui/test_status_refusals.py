"""A refusal in the status bar goes away once a later change goes through.

Refusals reach the status bar two ways: the controller's message (error_occurred, e.g. batch
normalisation with a batch of one) and a field's own announcement (a number it cannot read).
Either one is moot after a later successful change; a notice about the change itself stays.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from bpstudio.ui.main_window import MainWindow
from tests.support.typing_keys import edit_cell


def click(widget: Any) -> None:
    QTest.mouseClick(
        widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, widget.rect().center()
    )


def test_the_batch_norm_refusal_goes_after_a_valid_weight_edit(
    window: MainWindow, dialogs: dict[str, list[Any]]
) -> None:
    window.docks["parameters"].raise_()
    panel = window.parameters
    panel.select_layer(1)
    click(panel.batch_norm_box)  # the article trains with a batch of one: refused
    assert dialogs["critical"], "the refusal was not shown"
    assert window.statusBar().currentMessage() == dialogs["critical"][-1]
    edit_cell(panel.tables["W"], 0, 1, "0.05")
    assert window.document.network.W(1)[0, 1] == 0.05
    assert window.statusBar().currentMessage() == ""


def test_a_field_refusal_goes_after_a_later_change_elsewhere(window: MainWindow) -> None:
    window.docks["parameters"].raise_()
    panel = window.parameters
    panel.select_layer(1)
    table = panel.tables["W"]
    edit_cell(table, 0, 1, "abc")
    refusal = window.statusBar().currentMessage()
    assert refusal, "the field did not refuse"
    QTest.qWait(20)  # the learner reads it, then goes on
    window.canvas.setFocus()
    QTest.keyClick(window, Qt.Key.Key_Space)  # a phase: a change that went through
    assert window.statusBar().currentMessage() != refusal
