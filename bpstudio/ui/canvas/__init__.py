"""The network canvas (QGraphicsView) of the studio window."""

from bpstudio.ui.canvas.canvas import NetworkCanvas

__all__ = ["NetworkCanvas"]
