"""Reading the lines under a neuron on the canvas the way a learner reads them."""

from __future__ import annotations

from bpstudio.ui.canvas.items import NeuronItem


def _line(item: NeuronItem, start: str) -> str:
    return next((text for text in item.detail_texts() if text.startswith(start)), "")


def bias_text(item: NeuronItem) -> str:
    """The neuron's bias line ("b = …", or "b old → new" after an update), "" when not shown."""
    return _line(item, "b")


def z_text(item: NeuronItem) -> str:
    """The neuron's pre-activation line ("z = …", or z̃ under batch norm), "" when not shown."""
    return _line(item, "z")


def delta_text(item: NeuronItem) -> str:
    """The neuron's error line ("δ = …"), "" before the backward phase."""
    return _line(item, "δ")
