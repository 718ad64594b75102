"""Every number field uses the value it shows: typed values are used, or refused with a reason.

The learner types into the real fields (QTest.keyClicks) and presses Enter or moves the focus
away, in English and in Vietnamese (where the decimal separator is a comma).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from bpstudio.engine import InitConfig
from bpstudio.ui.main_window import MainWindow
from bpstudio.ui.reinit_dialog import ReinitDialog
from tests.support.typing_keys import edit_cell, type_into
from tests.support.windows import close_window, show_window


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    win = show_window(qtbot, tmp_path, size=(1024, 700))
    yield win
    close_window(win)


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


# -- bug 3: a typed value is never silently replaced --------------------------------------------------


def test_negative_learning_rate_is_refused_not_made_positive(window: MainWindow) -> None:
    field = window.options_panel.fields["learning_rate"]
    type_into(field, "-1")
    assert window.document.stepper.optimizer.learning_rate == 0.1
    assert field.text() == "0.1"
    assert "above 0" in status(window) and "Learning rate" in status(window)
    assert "above 0" in window.options_panel.message.text()
    assert not window.document.history.can_undo()


@pytest.mark.parametrize("finish", ["enter", "tab"])
def test_zero_learning_rate_is_refused_and_the_field_shows_the_rate_in_use(
    window: MainWindow, finish: str
) -> None:
    field = window.options_panel.fields["learning_rate"]
    type_into(field, "0", finish)
    rate = window.document.stepper.optimizer.learning_rate
    assert rate == 0.1 and float(field.text()) == rate
    assert "above 0" in status(window)
    assert window.controller.step()
    assert window.document.stepper.optimizer.learning_rate == float(field.text())


def test_a_valid_learning_rate_is_used_as_typed(window: MainWindow) -> None:
    field = window.options_panel.fields["learning_rate"]
    type_into(field, "0.05", "tab")
    assert window.document.stepper.optimizer.learning_rate == 0.05
    assert field.text() == "0.05" and window.options_panel.message.text() == ""


def test_momentum_of_one_is_refused_with_the_range(window: MainWindow) -> None:
    panel = window.options_panel
    panel.optimizer.setCurrentIndex(panel.optimizer.findData("momentum"))
    field = panel.fields["momentum"]
    type_into(field, "1")
    assert window.document.stepper.optimizer.momentum == 0.9 and field.text() == "0.9"
    assert "from 0 up to (not including) 1" in status(window)


def test_batch_size_above_the_number_of_samples_is_refused(window: MainWindow) -> None:
    spin = window.options_panel.batch_size
    assert window.document.dataset.size == 1
    type_into(spin, "5")
    assert window.document.stepper.training.batch_size == 1 and spin.text() == "1"
    message = status(window)
    assert "Batch size" in message and "from 1 to 1" in message
    assert message == window.options_panel.message.text()


def test_batch_size_in_range_is_used(window: MainWindow) -> None:
    for _ in range(3):
        window.controller.add_sample()
    spin = window.options_panel.batch_size
    type_into(spin, "4", "tab")
    assert window.document.stepper.training.batch_size == 4 and spin.value() == 4


def test_negative_seed_is_refused(window: MainWindow) -> None:
    spin = window.options_panel.seed
    type_into(spin, "-3")
    assert window.document.stepper.training.seed == 0 and spin.text() == "0"
    assert "whole number from 0 to 2147483647" in status(window)


def test_reinitialise_dialog_refuses_with_a_message_and_keeps_the_value(qtbot: QtBot) -> None:
    dialog = ReinitDialog(InitConfig(scheme="normal"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_into(dialog.std, "-0.5", "tab")
    assert dialog.std.text() == "0.1" and dialog.config().std == 0.1
    assert "above 0" in dialog.error.text()
    type_into(dialog.std, "0.25", "tab")
    assert dialog.config().std == 0.25


# -- bug 4: locale decimals ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_decimal_comma_in_the_learning_rate(window: MainWindow, lang: str) -> None:
    window.set_language(lang)
    field = window.options_panel.fields["learning_rate"]
    type_into(field, "0,05")
    assert window.document.stepper.optimizer.learning_rate == 0.05
    assert float(field.text()) == 0.05
    type_into(field, "0.2")
    assert window.document.stepper.optimizer.learning_rate == 0.2


def test_an_ambiguous_thousands_comma_is_refused_in_english(window: MainWindow) -> None:
    field = window.options_panel.fields["weight_decay"]
    type_into(field, "1,000")
    assert window.document.stepper.optimizer.weight_decay == 0.0 and field.text() == "0.0"
    assert "ambiguous" in status(window)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_decimal_comma_in_the_reinitialise_dialog(qtbot: QtBot, lang: str) -> None:
    from bpstudio.ui import i18n

    i18n.install(lang)
    dialog = ReinitDialog(InitConfig(scheme="uniform"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_into(dialog.low, "-0,3", "tab")
    type_into(dialog.high, "0.7", "tab")
    assert (dialog.config().a, dialog.config().b) == (-0.3, 0.7)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_decimal_comma_in_the_parameter_table(window: MainWindow, lang: str) -> None:
    window.set_language(lang)
    window.docks["parameters"].raise_()
    panel = window.parameters
    panel.select_layer(1)
    table = panel.tables["W"]
    edit_cell(table, 0, 1, "0,05")
    assert window.document.network.W(1)[0, 1] == 0.05
    edit_cell(table, 0, 0, "-0,5")
    assert window.document.network.W(1)[0, 0] == -0.5


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_decimal_comma_in_the_dataset_table(window: MainWindow, lang: str) -> None:
    window.set_language(lang)
    window.docks["dataset"].raise_()
    edit_cell(window.dataset_panel.table, 0, 0, "0,35")
    assert window.document.dataset.inputs[0, 0] == 0.35


def test_a_table_cell_refuses_text_that_is_not_a_number(window: MainWindow) -> None:
    window.docks["dataset"].raise_()
    before = window.document.dataset.inputs[0, 0]
    edit_cell(window.dataset_panel.table, 0, 0, "1,000")
    assert window.document.dataset.inputs[0, 0] == before
    assert "ambiguous" in status(window)
    model = window.dataset_panel.table.model()
    assert float(model.data(model.index(0, 0))) == before


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_decimal_comma_in_the_canvas_editor(window: MainWindow, lang: str) -> None:
    window.set_language(lang)
    editor = window.canvas.edit_weight(1, 0, 1)
    editor.selectAll()
    QTest.keyClicks(editor, "0,05")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert window.document.network.W(1)[0, 1] == 0.05


@pytest.mark.parametrize("action", ["step", "next_phase", "run"])
def test_a_typed_value_is_applied_before_a_phase_runs(window: MainWindow, action: str) -> None:
    """Clicking Step (which leaves the focus in the field) uses the value the field shows."""
    field = window.options_panel.fields["learning_rate"]
    field.setFocus(Qt.FocusReason.OtherFocusReason)
    QApplication.processEvents()
    field.selectAll()
    QTest.keyClicks(field, "0.05")
    assert field.hasFocus()
    window.actions_by_key[action].trigger()
    if window.running:
        window.pause()
    assert window.document.stepper.optimizer.learning_rate == 0.05 == float(field.text())
    model = window.history_panel.model
    assert "Learning rate 0.1 → 0.05" in [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def test_a_typed_value_that_cannot_be_used_is_refused_before_a_phase_runs(window: MainWindow) -> None:
    spin = window.options_panel.batch_size
    spin.setFocus(Qt.FocusReason.OtherFocusReason)
    QApplication.processEvents()
    spin.lineEdit().selectAll()
    QTest.keyClicks(spin.lineEdit(), "5")
    window.actions_by_key["step"].trigger()
    assert window.document.stepper.training.batch_size == 1 and spin.text() == "1"
    assert "from 1 to 1" in status(window)
    assert window.document.stepper.steps_done == 1


def test_the_refusal_message_goes_when_the_options_change(window: MainWindow) -> None:
    panel = window.options_panel
    type_into(panel.fields["weight_decay"], "-2")
    assert "from 0 to 1000" in panel.message.text() and not panel.message.isHidden()
    type_into(panel.fields["learning_rate"], "0.3")
    assert panel.message.text() == "" and panel.message.isHidden()
    type_into(panel.fields["learning_rate"], "abc")
    assert "not a number" in panel.message.text()
    window.controller.undo()
    assert (
        window.document.stepper.optimizer.learning_rate == 0.1 == float(panel.fields["learning_rate"].text())
    )
    assert panel.message.isHidden()


# -- a refusal goes once a value is accepted (new-user trial) -----------------------------------------


@pytest.mark.parametrize("typed", ["0,05", "0.05"])
def test_an_accepted_value_removes_every_trace_of_the_old_refusal(window: MainWindow, typed: str) -> None:
    field = window.options_panel.fields["learning_rate"]
    type_into(field, "0", "tab")
    assert "Still using 0.1" in status(window)
    type_into(field, typed, "tab")
    assert window.document.stepper.optimizer.learning_rate == 0.05 == float(field.text())
    assert "Still using" not in status(window)
    assert not (QToolTip.isVisible() and "Still using" in QToolTip.text())
    assert "Still using" not in field.toolTip()
    assert window.options_panel.message.isHidden()
    assert window.controller.step()
    assert window.document.stepper.optimizer.learning_rate == 0.05


def test_retyping_the_value_in_use_after_a_refusal_removes_the_refusal(window: MainWindow) -> None:
    field = window.options_panel.fields["momentum"]
    window.options_panel.optimizer.setCurrentIndex(window.options_panel.optimizer.findData("momentum"))
    type_into(field, "1", "tab")
    assert "Still using" in status(window) and not window.options_panel.message.isHidden()
    type_into(field, field.text(), "tab")  # the value in use, typed again: accepted
    assert "Still using" not in status(window)
    assert window.options_panel.message.isHidden()


def test_an_accepted_whole_number_removes_the_refusal(window: MainWindow) -> None:
    spin = window.options_panel.seed
    type_into(spin, "-3", "tab")
    assert "Still using 0" in status(window)
    type_into(spin, "7", "tab")
    assert window.document.stepper.training.seed == 7
    assert "Still using" not in status(window)
    assert window.options_panel.message.isHidden()


def test_the_reinitialise_dialog_forgets_a_refusal_once_a_value_is_accepted(qtbot: QtBot) -> None:
    dialog = ReinitDialog(InitConfig(scheme="normal"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_into(dialog.seed, "-1", "tab")
    assert "Still using" in dialog.error.text()
    type_into(dialog.seed, "5", "tab")
    assert dialog.error.text() == "" and dialog.config().seed == 5
    type_into(dialog.std, "0", "tab")
    assert "Still using" in dialog.error.text()
    type_into(dialog.std, dialog.std.text(), "tab")
    assert dialog.error.text() == ""


def test_a_table_cell_forgets_its_refusal_once_a_value_is_accepted(window: MainWindow) -> None:
    window.docks["dataset"].raise_()
    edit_cell(window.dataset_panel.table, 0, 0, "abc")
    assert "not a number" in status(window)
    edit_cell(window.dataset_panel.table, 0, 0, "0,25")
    assert window.document.dataset.inputs[0, 0] == 0.25
    assert "not a number" not in status(window)
