"""Layer titles in the UI language ("Layer 1 (hidden, tanh)"): words, so they go through Qt's
`tr`. Names and numbers are written by `bpstudio.notation`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bpstudio.controller.names import activation_name
from bpstudio.engine import Network

__all__ = ["layer_title", "tr"]


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def layer_title(network: Network, layer: int) -> str:
    if layer == 0:
        return tr("Layer 0 (input)")
    if layer == network.depth:
        return tr("Layer {0} (output, {1})").format(layer, activation_name(network.specs[layer].activation))
    return tr("Layer {0} (hidden, {1})").format(layer, activation_name(network.specs[layer].activation))
