"""A layer's band (the phase light, the dashed frame when next) and its titles."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from bpstudio.ui.canvas.items.style import (
    BACKGROUND,
    BAND_FILL,
    INK,
    MIN_LEGIBLE_PX,
    TEXT_COLOURS,
    Z_BAND,
    Z_TITLE,
    Fonts,
    Look,
    blend,
    lod_of,
)
from bpstudio.ui.canvas.layout import BAND_HEADER
from bpstudio.ui.canvas.state import DisplayState


class LayerBandItem(QGraphicsItem):
    """The column behind a layer: the phase light, a dashed frame when it is next, and its
    titles (written by a LayerTitleItem above the weights)."""

    def __init__(self, state: DisplayState, look: Look, layer: int) -> None:
        super().__init__()
        self.state = state
        self.look = look
        self.layer = layer
        self.title = ""
        self.subtitle = ""
        self.colour: QColor | None = None
        self.progress = 1.0
        self.is_next = False
        self.title_scale = 1.0  # big networks get bigger titles, legible when the whole net is in view
        self.title_item: LayerTitleItem | None = None
        self._rect = QRectF()
        self.setZValue(Z_BAND)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_rect(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        if self.title_item is not None:
            self.title_item.prepareGeometryChange()
        self._rect = rect

    def set_titles(self, title: str, subtitle: str) -> None:
        self.title, self.subtitle = title, subtitle
        self.refresh()

    def refresh(self) -> None:
        """Repaint the band and its titles (the phase light changed)."""
        self.update()
        if self.title_item is not None:
            self.title_item.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)

    def header_rect(self) -> QRectF:
        """Where the title, subtitle and mean |δ| are written (scene coordinates)."""
        rect = self._rect
        return QRectF(rect.left(), rect.top(), rect.width(), BAND_HEADER * self.title_scale)

    def fill(self) -> QColor:
        """The colour inside the band now (titles are written on a backdrop of it)."""
        if self.colour is not None and self.progress > 0:
            # opaque blends: much cheaper to fill than translucent colours
            return blend(self.colour, BAND_FILL, 0.16 * self.progress)
        return BACKGROUND if self.is_next else BAND_FILL

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        rect = self._rect
        if self.colour is not None and self.progress > 0:
            painter.setPen(QPen(blend(self.colour, BAND_FILL, 0.85 * self.progress), 2.0))
            painter.setBrush(self.fill())
            painter.drawRoundedRect(rect, 12, 12)
        elif self.is_next:
            painter.setPen(QPen(QColor("#8a8a8a"), 1.5, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 12, 12)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(BAND_FILL)
            painter.drawRoundedRect(rect, 12, 12)


class LayerTitleItem(QGraphicsItem):
    """A layer's title, subtitle and mean |δ|, drawn above the weights (on a backdrop of the
    band's colour) so that edges running past a layer never cross its title."""

    def __init__(self, band: LayerBandItem) -> None:
        super().__init__()
        self.band = band
        band.title_item = self
        self.setZValue(Z_TITLE)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        return self.band.header_rect()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        band = self.band
        s = band.title_scale
        if band.look.simplified and lod_of(painter) * s * 11 < MIN_LEGIBLE_PX:
            return
        Fonts.ensure()
        rect = band.header_rect()
        lines = [
            (band.title, Fonts.header, INK, 6.0, 18.0),
            (band.subtitle, Fonts.header_small, TEXT_COLOURS["muted"], 24.0, 16.0),
        ]
        summary = band.state.layer_summary(band.layer)
        if summary is not None:
            lines.append((summary.text, Fonts.detail, TEXT_COLOURS[summary.role], 40.0, 16.0))
        backdrop = QColor(band.fill())
        backdrop.setAlpha(225)
        painter.save()
        painter.translate(rect.center().x(), rect.top())
        painter.scale(s, s)
        width = rect.width() / s
        for text, font, colour, top, height in lines:
            painter.setFont(font)
            advance = min(painter.fontMetrics().horizontalAdvance(text) + 8, width - 4)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(backdrop)
            painter.drawRoundedRect(QRectF(-advance / 2, top, advance, height), 3, 3)
            painter.setPen(colour)
            painter.drawText(QRectF(-width / 2, top, width, height), Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
