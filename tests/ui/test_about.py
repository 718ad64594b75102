"""Help ▸ About: version, licence and the article's title, author and link, as shown to the user."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

import bpstudio
from bpstudio.ui.about import AboutDialog, about_html, show_about

ARTICLE_URL = "https://nguyentruonglong.net/giai-thich-chi-tiet-thuat-toan-backpropagation.html"


def test_about_text_names_version_licence_and_the_article(qtbot: QtBot) -> None:
    text = about_html()
    assert "<h2>BP Studio</h2>" in text
    assert f"Version {bpstudio.__version__}" in text
    assert "Licence: MIT." in text
    assert "<i>Giải thích chi tiết thuật toán Backpropagation</i>" in text
    assert "by Nguyễn Trường Long" in text
    assert f'<a href="{ARTICLE_URL}">{ARTICLE_URL}</a>' in text


def test_dialog_shows_the_text_and_the_icon(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "About BP Studio"
    assert dialog.text_label.text() == about_html()
    assert dialog.text_label.openExternalLinks()  # the link opens in the browser
    pixmap = dialog.icon_label.pixmap()
    assert not pixmap.isNull() and pixmap.width() >= 64
    closers = dialog.findChildren(QDialogButtonBox)
    assert len(closers) == 1 and closers[0].button(QDialogButtonBox.StandardButton.Close) is not None


def test_show_about_is_modal_and_closes_with_its_button(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[tuple[bool, str, bool]] = []  # (an AboutDialog?, its title, child of parent?)

    def press_close() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            seen.append((isinstance(dialog, AboutDialog), dialog.windowTitle(), dialog.parent() is parent))
        box = dialog.findChild(QDialogButtonBox) if dialog is not None else None
        if box is not None:
            box.button(QDialogButtonBox.StandardButton.Close).click()
        elif dialog is not None:  # never leave a modal dialog open: the test would hang
            dialog.close()

    QTimer.singleShot(0, press_close)
    show_about(parent)  # returns only once the dialog is closed
    assert seen == [(True, "About BP Studio", True)]


def test_about_follows_the_ui_language(qtbot: QtBot) -> None:
    from bpstudio.ui import i18n

    assert i18n.install("vi"), "the Vietnamese catalogue is missing"
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Giới thiệu BP Studio"
    text = about_html()
    assert f"Phiên bản {bpstudio.__version__}" in text and "Giấy phép: MIT." in text
    assert "của Nguyễn Trường Long" in text and ARTICLE_URL in text
