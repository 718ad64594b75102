"""A new learner's trial of the canvas (issue 7 follow-up): what goes into the activation under
batch normalisation, Fit to view on a deep network, and legible layer captions."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bpstudio.assets import resource
from bpstudio.ui.canvas.items import LayerTitleItem
from bpstudio.ui.canvas.text import fmt
from tests.ui.conftest import close_window, show_window


def test_a_batch_norm_neuron_shows_what_goes_into_its_activation(qtbot: QtBot, tmp_path: Path) -> None:
    """XOR with batch normalisation on the hidden layer: h₁ showed z = 0.0000 beside a = 0.8810
    in a tanh layer; the activation's argument is z̃ = γ·ẑ + β."""
    window = show_window(qtbot, tmp_path, resource("examples", "xor.json"))
    try:
        assert window.controller.set_batch_norm(1, True)
        next_phase = window.findChild(QAction, "action_next_phase")
        assert next_phase is not None and next_phase.shortcut().toString() == "Space"
        next_phase.trigger()  # Space
        QApplication.processEvents()
        trace = window.document.stepper.trace
        assert trace is not None and trace.layers[1].a is not None
        layer = trace.layers[1]
        assert layer.u is not None and layer.z is not None and layer.a is not None
        p = window.canvas.state.position
        activation = window.document.network.specs[1].activation
        for j in range(window.document.network.sizes[1]):
            item = window.canvas.neuron_item(1, j)
            u, z, a = float(layer.u[p, j]), float(layer.z[p, j]), float(layer.a[p, j])
            assert activation == "tanh" and math.isclose(math.tanh(u), a, rel_tol=1e-9, abs_tol=1e-12)
            assert item.value_text() == fmt(a)
            shown = item.z_text()
            assert f"z̃ = {fmt(u)}" in shown, shown
            if "z " in shown.replace("z̃", ""):
                assert fmt(z) in shown.replace(fmt(u), "", 1)
            tip = window.canvas.neuron_tooltip(1, j)
            assert "tanh(z̃) = " in tip, tip
            assert "(u)" not in tip and "u =" not in tip
            assert "z̃ = γ·ẑ + β" in tip
        # a layer without batch normalisation keeps its plain z
        out = trace.layers[2]
        assert out.z is not None
        assert window.canvas.neuron_item(2, 0).z_text() == f"z = {fmt(out.z[p, 0])}"
    finally:
        close_window(window)
