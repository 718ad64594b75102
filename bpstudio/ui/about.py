"""Help ▸ About: the program's name, version and licence, and where its default example comes from."""

from __future__ import annotations

import html
import platform

import numpy
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from bpstudio import __version__
from bpstudio.assets import resource

LICENCE = "MIT"
# The article the default network and its figures come from, as its metadata prints it.
ARTICLE_TITLE = "Giải thích chi tiết thuật toán Backpropagation"
ARTICLE_AUTHOR = "Nguyễn Trường Long"
ARTICLE_URL = "https://nguyentruonglong.net/giai-thich-chi-tiet-thuat-toan-backpropagation.html"
ICON_SIZE = 96


def about_html() -> str:
    """The About text as Qt rich text, in the current UI language; needs no window or dialog."""
    link = f'<a href="{html.escape(ARTICLE_URL)}">{html.escape(ARTICLE_URL)}</a>'
    version = QCoreApplication.translate("AboutDialog", "Version {version}").format(version=__version__)
    summary = QCoreApplication.translate(
        "AboutDialog",
        "Build a small neural network and watch backpropagation train it, one phase at a time: "
        "feedforward, the error terms δ, then the update.",
    )
    article = QCoreApplication.translate(
        "AboutDialog",
        "The default network and its figures come from the article {title} by {author}:",
    ).format(title=f"<i>{html.escape(ARTICLE_TITLE)}</i>", author=html.escape(ARTICLE_AUTHOR))
    licence = QCoreApplication.translate("AboutDialog", "Licence: {licence}.").format(licence=LICENCE)
    built_with = QCoreApplication.translate(
        "AboutDialog", "Built with Python {python}, Qt for Python {pyside} and NumPy {numpy}."
    ).format(python=platform.python_version(), pyside=pyside_version, numpy=numpy.__version__)
    return (
        f"<h2>BP Studio</h2>"
        f"<p>{html.escape(version)}</p>"
        f"<p>{html.escape(summary)}</p>"
        f"<p>{article}<br/>{link}</p>"
        f"<p>{html.escape(licence)}<br/><small>{html.escape(built_with)}</small></p>"
    )


class AboutDialog(QDialog):
    """A small modal dialog: the application icon beside `about_html()`, and a Close button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About BP Studio"))
        self.setModal(True)

        self.icon_label = QLabel()
        self.icon_label.setPixmap(QIcon(str(resource("icons", "bpstudio.svg"))).pixmap(ICON_SIZE, ICON_SIZE))
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.text_label = QLabel(about_html())
        self.text_label.setTextFormat(Qt.TextFormat.RichText)
        self.text_label.setWordWrap(True)
        self.text_label.setOpenExternalLinks(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.text_label.setMinimumWidth(420)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.icon_label)
        row.addWidget(self.text_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)


def show_about(parent: QWidget | None) -> None:
    """Show the About dialog and wait until the user closes it."""
    dialog = AboutDialog(parent)
    dialog.exec()
    dialog.deleteLater()
