"""Space keeps stepping after the learner clicks a check box or a button in a dock.

A mouse click must not leave keyboard focus on a click-only control: the next Space would toggle the
check box (or press the button) again instead of running Next phase. Keyboard users still reach
them with Tab.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from bpstudio.ui.main_window import MainWindow


def click(widget: Any) -> None:
    QTest.mouseClick(
        widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, widget.rect().center()
    )


def test_space_steps_after_clicking_the_batch_norm_box(
    qtbot: QtBot, window: MainWindow, dialogs: dict[str, list[Any]]
) -> None:
    box = window.parameters.batch_norm_box
    window.canvas.setFocus()
    click(box)  # the article's batch of one: refused, with a reason
    assert window.focusWidget() is not box
    refusals = len(dialogs["critical"]) + len(dialogs["warning"])
    start = window.document.history.index()
    phases = []
    for _ in range(3):
        qtbot.keyClick(window, Qt.Key.Key_Space)
        phases.append(window.phase_indicator.text())
    assert len(set(phases)) == 3, phases  # feedforward, δ, update: a whole step
    assert window.document.history.index() == start + 3
    assert len(dialogs["critical"]) + len(dialogs["warning"]) == refusals, "Space clicked the box again"


@pytest.mark.parametrize(
    "name",
    ["loss_plot.log_box", "loss_plot.auto_button", "options_panel.shuffle", "dataset_panel.add_button"],
)
def test_space_steps_after_clicking_a_dock_control(qtbot: QtBot, window: MainWindow, name: str) -> None:
    owner, attribute = name.split(".")
    widget = getattr(getattr(window, owner), attribute)
    window.canvas.setFocus()
    click(widget)
    assert window.focusWidget() is not widget
    before = window.phase_indicator.text()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.phase_indicator.text() != before, f"Space did not step after clicking {name}"
    # keyboard users still reach the control with Tab
    assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_dataset_buttons_take_no_focus_from_the_mouse(window: MainWindow) -> None:
    panel = window.dataset_panel
    for button in (panel.add_button, panel.remove_button, panel.import_button):
        assert button.focusPolicy() == Qt.FocusPolicy.TabFocus
