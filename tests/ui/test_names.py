"""Human names in every combo and list (English and Vietnamese), and History entries that say
what changed, read from the real widgets after typing into the real fields."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox

from bpstudio.engine import ACTIVATIONS, INITIALIZERS, LOSSES, OPTIMIZERS, InitConfig
from bpstudio.ui.main_window import SPEEDS, MainWindow
from bpstudio.ui.reinit_dialog import ReinitDialog
from tests.support.typing_keys import type_into


def texts(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def keys(combo: QComboBox) -> list[str]:
    return [combo.itemData(i) for i in range(combo.count())]


NAMES = {
    "en": {
        "loss": [
            "½ sum of squares",
            "Mean squared error",
            "Huber loss",
            "Binary cross-entropy",
            "Cross-entropy",
        ],
        "optimizer": ["SGD", "SGD with momentum", "Nesterov momentum", "Adam"],
        "init": [
            "Xavier (uniform)",
            "Xavier (normal)",
            "He (uniform)",
            "He (normal)",
            "Uniform [a, b]",
            "Normal (0, σ)",
        ],
        "speed": [
            "1 step/s",
            "5 steps/s",
            "20 steps/s",
            "100 steps/s",
            "1000 steps/s",
            "10000 steps/s",
            "Maximum",
        ],
        "activation": ["Sigmoid", "tanh", "ReLU", "Leaky ReLU", "ELU", "Linear (identity)"],
        "layer": "Layer 1 (hidden, Sigmoid)",
    },
    "vi": {
        "loss": [
            "½ tổng bình phương",
            "Trung bình bình phương sai số",
            "Mất mát Huber",
            "Entropy chéo nhị phân",
            "Entropy chéo",
        ],
        "optimizer": ["SGD", "SGD có quán tính", "Quán tính Nesterov", "Adam"],
        "init": [
            "Xavier (đều)",
            "Xavier (chuẩn)",
            "He (đều)",
            "He (chuẩn)",
            "Phân phối đều [a, b]",
            "Phân phối chuẩn (0, σ)",
        ],
        "speed": [
            "1 bước/giây",
            "5 bước/giây",
            "20 bước/giây",
            "100 bước/giây",
            "1000 bước/giây",
            "10000 bước/giây",
            "Tối đa",
        ],
        "activation": ["Sigmoid", "tanh", "ReLU", "Leaky ReLU", "ELU", "Tuyến tính (đồng nhất)"],
        "layer": "Lớp 1 (ẩn, Sigmoid)",
    },
}


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_combos_show_human_names_and_keep_the_engine_keys(window: MainWindow, lang: str) -> None:
    window.set_language(lang)
    names = NAMES[lang]
    panel = window.options_panel
    assert texts(panel.loss) == names["loss"] and keys(panel.loss) == list(LOSSES)
    assert texts(panel.optimizer) == names["optimizer"] and keys(panel.optimizer) == list(OPTIMIZERS)
    assert texts(panel.init_scheme) == names["init"] and keys(panel.init_scheme) == list(INITIALIZERS)
    assert texts(window.speed) == names["speed"] and keys(window.speed) == list(SPEEDS)
    assert window.parameters.layer_combo.itemText(0) == names["layer"]
    dialog = ReinitDialog(InitConfig())
    try:
        assert texts(dialog.scheme) == names["init"] and keys(dialog.scheme) == list(INITIALIZERS)
    finally:
        dialog.deleteLater()


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_activation_menu_and_layer_band_use_human_names(window: MainWindow, lang: str) -> None:
    window.set_language(lang)
    canvas = window.canvas
    menu = canvas.context_menu(1, 0)
    hidden = [name for name in ACTIVATIONS if name != "softmax"]
    shown = [menu.findChild(QAction, f"activation_{name}").text() for name in hidden]
    assert shown == NAMES[lang]["activation"]
    assert canvas.layer_band(1).subtitle.startswith("Sigmoid ·")


def test_choosing_by_human_name_sets_the_engine_key(window: MainWindow) -> None:
    panel = window.options_panel
    panel.optimizer.setCurrentIndex(panel.optimizer.findText("Adam"))
    assert window.document.stepper.optimizer.name == "adam"
    panel.loss.setCurrentIndex(panel.loss.findText("Mean squared error"))
    assert window.document.stepper.loss == "mse"


# -- History entries say what changed ---------------------------------------------------------------------


def history_texts(window: MainWindow) -> list[str]:
    model = window.history_panel.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def undo_text(window: MainWindow) -> str:
    return window.actions_by_key["undo"].text().replace("&", "")


def test_history_names_the_typed_learning_rate(window: MainWindow) -> None:
    type_into(window.options_panel.fields["learning_rate"], "0.05")
    assert history_texts(window)[-1] == "Learning rate 0.1 → 0.05"
    assert undo_text(window) == "Undo Learning rate 0.1 → 0.05"


def test_history_names_optimizer_loss_batch_and_seed(window: MainWindow) -> None:
    panel = window.options_panel
    panel.optimizer.setCurrentIndex(panel.optimizer.findData("adam"))
    assert history_texts(window)[-1] == "Optimizer SGD → Adam"
    for _ in range(3):
        window.controller.add_sample()
    type_into(panel.batch_size, "4")
    assert history_texts(window)[-1] == "Batch size 1 → 4"
    type_into(panel.seed, "11", "tab")
    assert history_texts(window)[-1] == "Shuffle seed 0 → 11"
    panel.shuffle.click()
    assert history_texts(window)[-1] == "Shuffle each epoch off → on"
    panel.clip_box.click()
    assert history_texts(window)[-1] == "Clip gradient norm off → 1"
    panel.init_scheme.setCurrentIndex(panel.init_scheme.findData("he_normal"))
    assert history_texts(window)[-1] == "Initialiser Xavier (uniform) → He (normal)"
    assert undo_text(window) == "Undo Initialiser Xavier (uniform) → He (normal)"


def test_history_names_a_weight_typed_on_the_canvas(window: MainWindow) -> None:
    editor = window.canvas.edit_weight(1, 0, 1)
    editor.selectAll()
    QTest.keyClicks(editor, "0.2")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert history_texts(window)[-1] == "W¹₁₂ −0.2 → 0.2"
    assert undo_text(window) == "Undo W¹₁₂ −0.2 → 0.2"


def test_history_names_a_sample_value_typed_in_the_dataset(window: MainWindow) -> None:
    from tests.support.typing_keys import edit_cell

    window.docks["dataset"].raise_()
    edit_cell(window.dataset_panel.table, 0, 2, "0.5")
    assert history_texts(window)[-1] == "Sample 1: y 1 → 0.5"


def test_history_names_the_initialiser_of_a_reinitialise(window: MainWindow) -> None:
    window.controller.reinitialise(InitConfig("he_normal", 3))
    assert history_texts(window)[-1] == "Re-initialise: He (normal), seed 3"


def test_history_names_an_activation_change(window: MainWindow) -> None:
    window.canvas.context_menu(1, 0).findChild(QAction, "activation_relu").trigger()
    assert history_texts(window)[-1] == "Activation of layer 1: Sigmoid → ReLU"


def test_history_entries_in_vietnamese(window: MainWindow) -> None:
    window.set_language("vi")
    type_into(window.options_panel.fields["learning_rate"], "0,05")
    assert history_texts(window)[-1] == "Tốc độ học 0.1 → 0.05"
    panel = window.options_panel
    panel.optimizer.setCurrentIndex(panel.optimizer.findData("momentum"))
    assert history_texts(window)[-1] == "Bộ tối ưu SGD → SGD có quán tính"


def test_a_name_reads_the_same_in_every_view(window: MainWindow) -> None:
    """One rule (`bpstudio.notation.names`) for the canvas, the Parameters tables and their
    tooltips, the canvas's menus, editor and tooltips, the dataset's headers and the History."""
    from bpstudio.notation.names import input_name, neuron_name, parameter_name

    add = window.canvas.context_menu(1, 0).findChild(QAction, "add_layer_after")
    assert add is not None
    add.trigger()
    sizes = window.document.network.sizes
    assert sizes == [2, 2, 2, 1]
    panel = window.parameters
    for layer in range(1, len(sizes)):
        panel.select_layer(layer)
        model = panel.model("W")
        for j in range(sizes[layer]):
            name = window.canvas.neuron_item(layer, j).name
            assert name == neuron_name(sizes, layer, j) == model.headerData(j, Qt.Orientation.Vertical)
        for i in range(sizes[layer - 1]):
            name = window.canvas.neuron_item(layer - 1, i).name
            assert model.headerData(i, Qt.Orientation.Horizontal) == name
    assert window.canvas.neuron_item(2, 0).name == "h²₁"

    weight = parameter_name("W", 2, 0, 1)
    assert weight == "W²₁₂"
    panel.select_layer(2)
    model = panel.model("W")
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole).startswith(f"{weight} (h²₁ ← h¹₂) = ")
    assert window.canvas.edge_tooltip(2, 0, 1).startswith(f"{weight} — ")
    menu = window.canvas.context_menu(2, None, (0, 1))
    assert f"Edit weight {weight}…" in [action.text() for action in menu.actions()]
    editor = window.canvas.edit_weight(2, 0, 1)
    assert editor.accessibleName() == weight
    editor.selectAll()
    QTest.keyClicks(editor, "0.25")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert history_texts(window)[-1].startswith(f"{weight} ") and history_texts(window)[-1].endswith("→ 0.25")

    dataset = window.dataset_panel.table.model()
    assert str(dataset.headerData(0, Qt.Orientation.Horizontal)).startswith(input_name(0))
