"""The studio window driven like a learner would: buttons, tables, dialogs, files, language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from bpstudio.controller import Controller
from bpstudio.ui.main_window import MainWindow
from tests.support.documents import make_document
from tests.support.ui_state import file_text, full_state


def cells(window: MainWindow, layer: int, quantity: str) -> list[list[str]]:
    window.parameters.select_layer(layer)
    model = window.parameters.model(quantity)
    return [
        [model.data(model.index(r, c)).replace("−", "-") for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def explanation(window: MainWindow) -> str:
    return window.explanation.text().replace("−", "-")


def press_next_phase(qtbot: QtBot, window: MainWindow) -> None:
    window.canvas.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Space)


def test_three_phases_show_the_article_figures(qtbot: QtBot, window: MainWindow) -> None:
    assert cells(window, 1, "W") == [["0.100000", "-0.200000"], ["0.300000", "0.250000"]]
    assert cells(window, 2, "grad_w") == [["—", "—"]]

    press_next_phase(qtbot, window)  # feedforward
    text = explanation(window)
    for figure in ("0.487503", "0.534943", "0.971451", "0.725409", "0.037700"):
        assert figure in text
    assert "0.037700" in window.counters.text()
    assert cells(window, 2, "grad_w") == [["—", "—"]]
    assert "Error terms" in window.phase_indicator.text()

    press_next_phase(qtbot, window)  # error terms and gradients
    text = explanation(window)
    for figure in ("-0.054696", "-0.010932", "-0.012247", "-0.026665", "-0.029259"):
        assert figure in text
    assert cells(window, 2, "grad_w") == [["-0.026665", "-0.029259"]]
    assert cells(window, 2, "grad_b") == [["-0.054696"]]
    assert cells(window, 1, "grad_w") == [["-0.002186", "-0.004373"], ["-0.002449", "-0.004899"]]
    assert cells(window, 1, "grad_b") == [["-0.010932"], ["-0.012247"]]
    model = window.parameters.model("grad_w")
    assert model.is_highlighted(0, 0)

    press_next_phase(qtbot, window)  # update
    text = explanation(window)
    for figure in ("0.802666", "0.902926", "0.105470", "0.100219", "-0.199563", "0.011093", "-0.018775"):
        assert figure in text
    assert cells(window, 2, "W") == [["0.802666", "0.902926"]]
    assert cells(window, 2, "b") == [["0.105470"]]
    assert cells(window, 1, "W") == [["0.100219", "-0.199563"], ["0.300245", "0.250490"]]
    assert cells(window, 1, "b") == [["0.011093"], ["-0.018775"]]
    model = window.parameters.model("W")
    assert model.is_highlighted(0, 0) and model.is_highlighted(1, 1)
    assert "0.10021864" in model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert window.document.stepper.steps_done == 1
    assert window.windowTitle().endswith("— BP Studio") and window.isWindowModified()


def test_edit_a_weight_in_the_table_then_undo_redo(window: MainWindow) -> None:
    window.parameters.select_layer(1)
    model = window.parameters.model("W")
    assert model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, 1), "not a number")
    assert model.setData(model.index(0, 1), "-0.5")
    assert window.document.network.W(1)[0, 1] == -0.5
    undo = window.actions_by_key["undo"]
    assert "W" in undo.text() and undo.isEnabled()
    undo.trigger()
    assert window.document.network.W(1)[0, 1] == -0.2
    assert model.data(model.index(0, 1)) == "−0.200000"
    assert "W" in window.actions_by_key["redo"].text()
    window.actions_by_key["redo"].trigger()
    assert model.data(model.index(0, 1)) == "−0.500000"


def test_step_back_restores_tables_plot_and_counters(qtbot: QtBot, window: MainWindow) -> None:
    window.controller.step()
    states = [full_state(window.document)]
    plots = [window.loss_plot.step_data()[1].copy()]
    for _ in range(3):
        press_next_phase(qtbot, window)
        states.append(full_state(window.document))
        plots.append(window.loss_plot.step_data()[1].copy())
    counters = window.counters.text()
    step_back = window.actions_by_key["step_back"]
    for expected, plot in zip(reversed(states[:-1]), reversed(plots[:-1]), strict=True):
        assert step_back.isEnabled()
        step_back.trigger()
        assert full_state(window.document) == expected
        assert np.array_equal(window.loss_plot.step_data()[1], plot)
    assert "Steps done <b>1</b>" in window.counters.text()
    for _ in range(3):
        press_next_phase(qtbot, window)
    assert full_state(window.document) == states[-1]
    assert window.counters.text() == counters


def test_save_as_and_reopen_through_the_dialogs(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialogs: dict[str, list[Any]]
) -> None:
    window.controller.step()
    window.controller.set_parameter(2, "b", 0, None, 0.25)
    saved_text = file_text(window.document)
    target = tmp_path / "my network"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.actions_by_key["save_as"].trigger()
    path = tmp_path / "my network.bpstudio.json"  # the suffix the installed desktop entry opens
    assert path.exists() and window.document.path == path
    assert not window.isWindowModified() and "my network.bpstudio.json" in window.windowTitle()

    window.controller.step()  # unsaved work, then open the file again: Discard it
    dialogs["answers"].append(QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    window.actions_by_key["open"].trigger()
    assert len(dialogs["warning"]) == 1
    assert file_text(window.document) == saved_text
    assert window.document.path == path and not window.document.modified
    assert window.recent_files()[0] == str(path.resolve())


def test_a_bad_file_shows_the_loader_message_and_keeps_the_document(
    window: MainWindow, tmp_path: Path, dialogs: dict[str, list[Any]]
) -> None:
    window.controller.next_phase()
    window.document.history.set_clean()
    before = full_state(window.document)
    stepper = window.document.stepper
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "bpstudio-network", "version": 1, "layers": [', encoding="utf-8")
    assert not window.open_file(bad)
    assert len(dialogs["critical"]) == 1 and "broken.json" in dialogs["critical"][0]
    assert window.document.stepper is stepper and full_state(window.document) == before


def test_unsaved_changes_prompt_cancel_keeps_the_window_open(
    window: MainWindow, dialogs: dict[str, list[Any]]
) -> None:
    window.controller.next_phase()
    assert window.isWindowModified()
    dialogs["answers"].append(QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible() and len(dialogs["warning"]) == 1
    dialogs["answers"].append(QMessageBox.StandardButton.Cancel)
    window.actions_by_key["new"].trigger()  # New asks too, and Cancel keeps the network
    assert len(dialogs["warning"]) == 2 and window.document.history.count() == 1


def test_run_and_pause(qtbot: QtBot, window: MainWindow) -> None:
    run = window.actions_by_key["run"]
    run.trigger()
    assert window.running and run.text() == "Pause"
    assert not window.actions_by_key["next_phase"].isEnabled()
    qtbot.waitUntil(lambda: window.document.stepper.steps_done >= 200, timeout=5000)
    run.trigger()
    assert not window.running and run.text() == "Run"
    steps = window.document.stepper.steps_done
    qtbot.wait(80)
    assert window.document.stepper.steps_done == steps
    _x, y = window.loss_plot.step_data()
    assert len(y) == steps == len(window.document.stepper.cost_history)
    assert y[-1] < y[0]  # it learns
    assert window.document.history.count() == 1 and window.controller.can_step_back()
    window.actions_by_key["step_back"].trigger()  # one phase back: into the last step
    assert (
        window.document.stepper.steps_done == steps - 1 and len(window.loss_plot.step_data()[1]) == steps - 1
    )
    window.actions_by_key["undo"].trigger()  # the whole run
    assert window.document.stepper.steps_done == 0 and len(window.loss_plot.step_data()[1]) == 0


def test_non_finite_training_shows_a_message(window: MainWindow, dialogs: dict[str, list[Any]]) -> None:
    c = window.controller
    c.set_activation(2, "linear")
    for col in (0, 1):
        c.set_parameter(2, "W", 0, col, 1e308)
    c.set_parameter(2, "b", 0, None, 1e308)
    before = full_state(window.document)
    window.actions_by_key["next_phase"].trigger()
    assert len(dialogs["critical"]) == 1 and "not a finite number" in dialogs["critical"][0]
    assert full_state(window.document) == before


def test_language_switch_retranslates(window: MainWindow) -> None:
    next_phase = window.actions_by_key["next_phase"]
    assert next_phase.text() == "Next phase"
    window.set_language("vi")
    assert next_phase.text() == "Pha tiếp theo"
    assert window.docks["parameters"].windowTitle() == "Tham số"
    assert "bước" in window.counters.text()
    assert "Lan truyền tiến" in window.phase_indicator.text()
    assert window.loss_plot.log_box.text() == "Thang logarit"
    assert window.options_panel.labels["learning_rate"].text() == "Tốc độ học α"
    assert "Nhấn" in window.explanation.text()
    window.set_language("en")
    assert next_phase.text() == "Next phase"
    assert window.settings.value("language") == "en"


def test_options_panel_rejects_invalid_values(window: MainWindow) -> None:
    field = window.options_panel.fields["learning_rate"]
    field.setText("-3")
    assert not field.is_acceptable()
    field.setText("0.5")
    assert field.is_acceptable()
    field.editingFinished.emit()
    assert window.document.stepper.optimizer.learning_rate == 0.5
    window.options_panel.optimizer.setCurrentIndex(window.options_panel.optimizer.findData("adam"))
    assert window.document.stepper.optimizer.name == "adam"
    form = window.options_panel.form
    assert form.isRowVisible(window.options_panel.fields["beta1"])
    assert not form.isRowVisible(window.options_panel.fields["momentum"])
    window.controller.undo()
    assert window.document.stepper.optimizer.name == "sgd"
    assert not form.isRowVisible(window.options_panel.fields["beta1"])


def test_dataset_panel_edits_and_batch_highlight(window: MainWindow) -> None:
    model = window.dataset_panel.model
    assert model.rowCount() == 1 and model.data_columns == 3
    assert model.columnCount() == 5  # then ŷ and L, filled by feedforward
    window.dataset_panel.add_button.click()
    assert model.rowCount() == 2
    assert model.setData(model.index(1, 2), "0")
    assert window.document.dataset.targets[1, 0] == 0.0
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is None
    window.controller.step()
    # the finished step's batch stays highlighted while the canvas shows its values (issue 7)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is None
    window.controller.next_phase()  # the next step begins with the next batch
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is not None


def test_examples_menu_lists_every_example(window: MainWindow) -> None:
    from bpstudio.document import fileformat as fmt

    titles = [action.text() for action in window.example_actions()]
    assert titles == [title for title, _ in fmt.example_files()]
    assert len(titles) >= 2


def test_screenshot_writes_a_non_blank_png(tmp_path: Path) -> None:
    from bpstudio.ui.app import run

    shot = tmp_path / "shot.png"
    assert run(file=None, lang="en", phases=3, screenshot=str(shot)) == 0
    image = QImage(str(shot))
    assert image.width() >= 800 and image.height() >= 600
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 50


def test_run_with_a_bad_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from bpstudio.ui.app import run

    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", encoding="utf-8")
    assert run(file=str(bad), screenshot=str(tmp_path / "x.png")) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "bad.json" in err[0]
    assert not (tmp_path / "x.png").exists()


def test_exports_write_their_files(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    targets: list[Path] = []

    def ask(*args: Any, **kwargs: Any) -> tuple[str, str]:
        return str(targets[-1]), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    window.controller.step()
    window.controller.next_phase()
    for key, name in (
        ("export_explanation_md", "explanation.md"),
        ("export_explanation_html", "explanation.html"),
        ("export_loss_csv", "loss.csv"),
        ("export_loss_png", "loss.png"),
        ("export_canvas_png", "network.png"),
        ("export_canvas_svg", "network.svg"),
    ):
        targets.append(tmp_path / name)
        window.actions_by_key[key].trigger()
        assert targets[-1].exists() and targets[-1].stat().st_size > 0, name
    cost = window.document.trace.cost  # type: ignore[union-attr]
    markdown = (tmp_path / "explanation.md").read_text(encoding="utf-8")
    assert "feedforward" in markdown and f"{cost:.6f}" in markdown
    assert (
        (tmp_path / "explanation.html")
        .read_text(encoding="utf-8")
        .lstrip()
        .lower()
        .startswith("<!doctype html")
    )
    lines = (tmp_path / "loss.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "step,epoch,cost" and lines[1].startswith("1,1,0.0377002")
    assert "<svg" in (tmp_path / "network.svg").read_text(encoding="utf-8")[:2000]
    assert not QImage(str(tmp_path / "loss.png")).isNull()


def test_export_failure_is_one_message(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialogs: dict[str, list[Any]]
) -> None:
    target = tmp_path / "missing folder" / "loss.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.actions_by_key["export_loss_csv"].trigger()
    assert len(dialogs["critical"]) == 1 and "loss.csv" in dialogs["critical"][0]


def test_dropping_a_json_file_opens_it(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from bpstudio.document import fileformat as fmt

    _, xor = next((title, path) for title, path in fmt.example_files() if "xor" in path.name.lower())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(xor))])
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    qtbot.waitUntil(lambda: window.document.path == xor, timeout=2000)
    assert window.document.dataset.size == 4
    assert cells(window, 1, "W")  # the tables follow the new network


def test_layout_language_and_recent_files_are_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    settings_file = tmp_path / "remember.ini"

    def open_window() -> MainWindow:
        document = make_document()
        win = MainWindow(
            document, Controller(document), settings=QSettings(str(settings_file), QSettings.Format.IniFormat)
        )
        win.show()
        qtbot.waitExposed(win)
        return win

    first = open_window()
    first.docks["dataset"].hide()
    first.set_language("vi")  # before measuring: the window's minimum width depends on the language
    qtbot.wait(10)  # let the retranslated layout settle
    first.resize(760, 640)  # within the offscreen screen (800 px): a larger one is shrunk to fit it
    width = first.width()
    saved = tmp_path / "kept.json"
    first.controller.save_as(saved)
    first.files.add_recent(saved)
    assert first.close()
    second = open_window()
    try:
        assert not second.docks["dataset"].isVisible() and second.docks["loss"].isVisible()
        assert abs(second.width() - width) < 60  # the offscreen platform has no window frame
        assert second.recent_files() == [str(saved.resolve())]
        assert second.settings.value("language") == "vi"
        second.files.fill_recent(second.recent_menu)
        assert second.recent_menu.actions()[0].text() == "kept.json"
    finally:
        second.set_language("en")
        second.close()


def test_reinitialise_dialog_and_open_example(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, dialogs: dict[str, list[Any]]
) -> None:
    from bpstudio.engine import InitConfig
    from bpstudio.ui.reinit_dialog import ReinitDialog

    monkeypatch.setattr(
        ReinitDialog, "get_config", staticmethod(lambda init, parent=None: InitConfig("he_uniform", 7))
    )
    window.controller.step()
    window.actions_by_key["reinitialise"].trigger()
    assert window.document.init == InitConfig("he_uniform", 7)
    assert window.document.stepper.steps_done == 0
    assert "Re-initialise" in window.actions_by_key["undo"].text()
    actions = window.example_actions()
    dialogs["answers"].append(QMessageBox.StandardButton.Discard)
    actions[-1].trigger()
    assert window.document.path is None and window.document.history.count() == 0
    assert window.document.name == actions[-1].text()


def test_reinit_dialog_builds_the_config(qtbot: QtBot) -> None:
    from bpstudio.engine import InitConfig
    from bpstudio.ui.reinit_dialog import ReinitDialog

    dialog = ReinitDialog(InitConfig())
    qtbot.addWidget(dialog)
    dialog.scheme.setCurrentIndex(dialog.scheme.findData("uniform"))
    dialog.seed.setValue(42)
    dialog.low.setValue(0.3)
    dialog.high.setValue(0.1)
    dialog._accept()
    assert dialog.error.text() and dialog.result() == 0
    dialog.high.setValue(0.9)
    assert dialog.config() == InitConfig("uniform", 42, a=0.3, b=0.9, std=0.1, bias=0.0)


def test_run_that_diverges_pauses_with_one_message(
    qtbot: QtBot, window: MainWindow, dialogs: dict[str, list[Any]]
) -> None:
    c = window.controller
    c.set_activation(2, "linear")
    c.set_parameter(2, "W", 0, 0, 1e307)
    c.set_optimizer_option(learning_rate=1e6)
    window.actions_by_key["run"].trigger()
    qtbot.waitUntil(lambda: not window.running, timeout=5000)
    qtbot.waitUntil(lambda: len(dialogs["critical"]) == 1, timeout=2000)
    assert "not a finite number" in dialogs["critical"][0]
    assert np.isfinite(window.document.network.theta).all()
    assert window.actions_by_key["next_phase"].isEnabled() and window.actions_by_key["run"].text() == "Run"


def test_a_recent_file_that_is_gone_leaves_the_list(
    window: MainWindow, tmp_path: Path, dialogs: dict[str, list[Any]]
) -> None:
    gone = tmp_path / "gone.json"
    window.controller.save_as(gone)
    window.files.add_recent(gone)
    gone.unlink()
    window.files.fill_recent(window.recent_menu)
    window.recent_menu.actions()[0].trigger()
    assert len(dialogs["critical"]) == 1 and "gone.json" in dialogs["critical"][0]
    assert window.recent_files() == []


def test_loss_plot_follows_undo_reset_and_reinitialise(window: MainWindow) -> None:
    from bpstudio.engine import InitConfig

    c = window.controller
    plot = window.loss_plot

    def same() -> bool:
        return plot.step_data()[1].tolist() == window.document.stepper.cost_history

    c.run_steps(10)
    assert same() and len(plot.step_data()[1]) == 10
    c.undo()
    c.set_parameter(1, "W", 0, 0, 0.7)  # a different future of the same length
    c.run_steps(10)
    assert same()
    c.reinitialise(InitConfig("he_normal", 1))
    assert same() and len(plot.step_data()[1]) == 0
    c.run_steps(3)
    c.reset()
    assert same() and len(plot.step_data()[1]) == 0
    c.undo()
    assert same() and len(plot.step_data()[1]) == 3
    ex, ey = plot.epoch_data()
    assert ex.tolist() == [1.0, 2.0, 3.0] and ey.tolist() == window.document.stepper.cost_history


def test_batch_norm_and_momentum_tables(qtbot: QtBot, tmp_path: Path) -> None:
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

    network = Network([LayerSpec(2), LayerSpec(3, "relu", batch_norm=True), LayerSpec(1, "sigmoid")])
    initialize(network, InitConfig("he_uniform", seed=4))
    data = Dataset(
        np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]), np.array([[0.0], [1.0], [1.0], [0.0]])
    )
    stepper = Stepper(
        network, "half_sse", OptimizerConfig("momentum", 0.1), TrainingConfig(batch_size=4), data
    )
    document = NetworkDocument(stepper, name="bn")
    win = MainWindow(
        document,
        Controller(document),
        settings=QSettings(str(tmp_path / "bn.ini"), QSettings.Format.IniFormat),
    )
    win.show()
    try:
        win.controller.step()
        panel = win.parameters
        panel.select_layer(1)
        assert {"W", "b", "gamma", "beta", "grad_gamma", "grad_beta", "velocity:W", "velocity:b"} <= set(
            panel.models
        )
        gamma = panel.model("gamma")
        assert gamma.rowCount() == 3 and gamma.columnCount() == 1
        assert gamma.setData(gamma.index(1, 0), "2.5")
        assert document.network.gamma(1)[1] == 2.5
        velocity = panel.model("velocity:W")
        assert velocity.data(velocity.index(0, 0)) != "—"
        win.controller.undo()
        assert document.network.gamma(1)[1] != 2.5
    finally:
        document.history.set_clean()
        win.close()


def test_explanation_follows_the_language(window: MainWindow) -> None:
    window.controller.next_phase()
    assert "Phase 1" in window.explanation.text()
    window.set_language("vi")
    assert "Pha 1" in window.explanation.text() and "0.725409" in window.explanation.text()
    window.set_language("en")
    assert "Phase 1" in window.explanation.text()


def test_options_clip_batch_shuffle_and_initialiser(window: MainWindow) -> None:
    panel = window.options_panel
    stepper = window.document.stepper
    panel.clip_box.setChecked(True)
    assert stepper.optimizer.clip_norm == 1.0 and panel.clip_norm.isEnabled()
    panel.clip_norm.setText("0.5")
    panel.clip_norm.editingFinished.emit()
    assert stepper.optimizer.clip_norm == 0.5
    panel.clip_box.setChecked(False)
    assert stepper.optimizer.clip_norm is None
    window.controller.add_sample()
    panel.batch_size.setValue(2)
    assert stepper.training.batch_size == 2 and panel.batch_size.maximum() == 2
    panel.shuffle.setChecked(True)
    panel.seed.setValue(11)
    assert stepper.training.shuffle and stepper.training.seed == 11
    panel.init_scheme.setCurrentIndex(panel.init_scheme.findData("he_normal"))
    assert window.document.init.scheme == "he_normal"
    field = panel.fields["momentum"]
    field.setText("1.5")
    assert not field.is_acceptable()
    assert window.document.history.count() == 8  # each change one entry
    while window.document.history.can_undo():
        window.controller.undo()
    assert stepper.optimizer.clip_norm is None and stepper.training.batch_size == 1
    assert panel.batch_size.value() == 1 and not panel.shuffle.isChecked()


def test_history_dock_lists_changes_and_jumps(window: MainWindow) -> None:
    c = window.controller
    opened = full_state(window.document)
    for _ in range(3):
        c.next_phase()
    panel = window.history_panel
    model = panel.model
    texts = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    assert texts[0].startswith("Opened:") and texts[1:] == [
        "Next phase: Feedforward",
        "Next phase: Error terms δ",
        "Next phase: Update",
    ]
    panel.view.clicked.emit(model.index(2, 0))
    after_two = full_state(window.document)
    assert window.document.history.index() == 2 and window.document.phase.value == "update"
    assert model.data(model.index(3, 0), Qt.ItemDataRole.ForegroundRole) is not None  # undone: greyed
    panel.view.clicked.emit(model.index(0, 0))
    assert full_state(window.document) == opened
    panel.view.clicked.emit(model.index(2, 0))
    assert full_state(window.document) == after_two
    assert window.docks["history"].windowTitle() == "History"
