"""The graphics items of the network canvas. They hold indices, not numbers: they paint from
the scene's DisplayState and Look (passed in when they are made), so a phase changes text
without rebuilding anything. An item never calls the view or the scene: a dragged neuron
says so by its `moved` signal.

Every layer is drawn at its own scale k (see layout.py): items scale the painter by k and
then draw as if the layer were full size, so text stays in proportion with its neuron.

The package follows orange-canvas-core's canvas/items: style.py (colours, pens, fonts, Look),
neuron.py, edges.py (weights, labels, batched weights) and layer.py (bands and titles).
"""

from bpstudio.ui.canvas.items.edges import BatchedEdgesItem, EdgeItem, EdgeLabelItem
from bpstudio.ui.canvas.items.layer import LayerBandItem, LayerTitleItem
from bpstudio.ui.canvas.items.neuron import NeuronItem
from bpstudio.ui.canvas.items.style import (
    BACKGROUND,
    INK,
    MIN_LEGIBLE_PX,
    NEGATIVE,
    PHASE_COLOURS,
    POSITIVE,
    SMALL_NEURON_K,
    TEXT_COLOURS,
    Fonts,
    Look,
    blend,
    ring_pen,
    weight_pen,
)

__all__ = [
    "BACKGROUND",
    "INK",
    "MIN_LEGIBLE_PX",
    "NEGATIVE",
    "PHASE_COLOURS",
    "POSITIVE",
    "SMALL_NEURON_K",
    "TEXT_COLOURS",
    "BatchedEdgesItem",
    "EdgeItem",
    "EdgeLabelItem",
    "Fonts",
    "LayerBandItem",
    "LayerTitleItem",
    "Look",
    "NeuronItem",
    "blend",
    "ring_pen",
    "weight_pen",
]
