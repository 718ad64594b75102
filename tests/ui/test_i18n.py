"""Vietnamese everywhere: Qt's own buttons and menus, and a clear message when a catalogue is missing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
)

from bpstudio import assets
from bpstudio.document import fileformat as fmt
from bpstudio.ui import i18n
from bpstudio.ui.main_window import MainWindow


@pytest.fixture
def resources_without(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Point the resource lookup at a copy of resources/ lacking the given compiled catalogues."""

    def make(*names: str) -> Path:
        folder = tmp_path / "resources"
        shutil.copytree(assets.resources_dir(), folder, ignore=shutil.ignore_patterns(*names))
        monkeypatch.setattr(assets, "resources_dir", lambda: folder)
        return folder

    return make


def menu_texts(field: QLineEdit) -> list[str]:
    menu = field.createStandardContextMenu()
    try:
        return [action.text().split("\t")[0] for action in menu.actions() if not action.isSeparator()]
    finally:
        menu.deleteLater()


def test_the_unsaved_changes_prompt_has_vietnamese_buttons(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real Save/Discard/Cancel prompt, built as a QMessageBox with the buttons it asks for."""
    shown: list[dict[str, str]] = []

    def warning(parent: Any, title: str, text: str, buttons: Any, default: Any = None) -> Any:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, buttons, parent)
        shown.append({box.buttonRole(b).name: b.text() for b in box.buttons()})
        box.deleteLater()
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    window.set_language("vi")
    window.controller.next_phase()
    window.actions_by_key["new"].trigger()
    assert shown == [{"AcceptRole": "Lưu", "DestructiveRole": "Không lưu", "RejectRole": "Hủy"}]


def test_standard_buttons_and_the_about_box_close_in_vietnamese(window: MainWindow) -> None:
    window.set_language("vi")
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "",
        "",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Ok,
    )
    texts = sorted(button.text().replace("&", "") for button in box.buttons())
    assert texts == ["Có", "Không", "Đồng ý"]
    close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    assert close.button(QDialogButtonBox.StandardButton.Close).text() == "Đóng"
    window.set_language("en")
    english = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    assert english.button(QDialogButtonBox.StandardButton.Close).text() == "Close"


def test_line_edit_context_menu_is_vietnamese(window: MainWindow) -> None:
    field = window.findChildren(QLineEdit)[0]
    english = menu_texts(field)
    assert english[:5] == ["&Undo", "&Redo", "Cu&t", "&Copy", "&Paste"]
    window.set_language("vi")
    vietnamese = menu_texts(field)
    assert vietnamese[:7] == ["&Hoàn tác", "&Làm lại", "Cắ&t", "&Sao chép", "&Dán", "Xóa", "Chọn tất cả"]
    assert len(vietnamese) == len(english)


def test_qt_file_dialog_labels_are_vietnamese(window: MainWindow) -> None:
    """Where Qt's own (non-native) file dialog is used, its labels and buttons are Vietnamese."""
    window.set_language("vi")
    dialog = QFileDialog(window, "", str(Path.home()), "BP Studio (*.json)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"Tìm trong:", "&Tên tệp:", "Loại tệp:"} <= labels
    buttons = {button.text() for button in dialog.findChildren(QPushButton)}
    assert {"&Mở", "Hủy"} <= buttons
    dialog.deleteLater()


def test_missing_catalogue_at_start_up_says_so(
    resources_without: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bpstudio.ui.app import run

    resources_without("bpstudio_vi.qm")
    assert run(lang="vi", screenshot=str(tmp_path / "x.png")) == 0
    err = capsys.readouterr().err
    assert "Tiếng Việt is not available" in err and "bpstudio_vi.qm" in err and "English" in err
    assert i18n.current_language() == "en"


def test_vietnamese_system_locale_without_catalogue_says_so(
    resources_without: Any,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bpstudio.ui.app import run

    resources_without("*.qm")
    monkeypatch.setattr(i18n, "system_language", lambda: "vi")
    assert run(screenshot=str(tmp_path / "x.png")) == 0  # no --lang, no setting: the system's
    err = capsys.readouterr().err
    assert "bpstudio_vi.qm" in err and "qt_vi.qm" in err


def test_language_menu_without_catalogue_shows_a_message(
    window: MainWindow, resources_without: Any, dialogs: dict[str, list[Any]]
) -> None:
    resources_without("bpstudio_vi.qm")
    window.actions_by_key["lang_vi"].trigger()
    assert len(dialogs["critical"]) == 1
    message = dialogs["critical"][0]
    assert "Tiếng Việt is not available" in message and "bpstudio_vi.qm" in message
    assert window.statusBar().currentMessage() == message
    assert window.actions_by_key["next_phase"].text() == "Next phase"


def test_missing_qt_catalogue_keeps_our_texts_and_says_so(
    window: MainWindow, resources_without: Any, dialogs: dict[str, list[Any]]
) -> None:
    resources_without("qt_vi.qm")
    window.actions_by_key["lang_vi"].trigger()
    assert window.actions_by_key["next_phase"].text() == "Pha tiếp theo"
    assert len(dialogs["critical"]) == 1 and "qt_vi.qm" in dialogs["critical"][0]
    assert "Tiếng Việt" in dialogs["critical"][0] and "English" not in dialogs["critical"][0]


def test_examples_menu_shows_vietnamese_titles_and_descriptions(window: MainWindow, tmp_path: Path) -> None:
    english = [(action.text(), action.toolTip()) for action in window.example_actions()]
    assert english[0] == ("The article's network", fmt.examples("en")[0].description)
    window.set_language("vi")
    actions = window.example_actions()
    vietnamese = [(action.text(), action.toolTip()) for action in actions]
    assert [title for title, _ in vietnamese][:3] == ["Mạng trong bài viết", "Phép XOR", "AND và OR"]
    assert len(vietnamese) == len(english) == len(fmt.EXAMPLE_ORDER)
    for (title_en, text_en), (title_vi, text_vi) in zip(english, vietnamese, strict=True):
        assert title_vi != title_en and text_vi != text_en and text_vi, title_en
    for example in fmt.examples("vi"):
        raw = json.loads(example.path.read_text(encoding="utf-8"))
        assert (example.title, example.description) == (raw["name_vi"], raw["description_vi"])
    actions[1].trigger()  # open XOR
    assert window.windowTitle().startswith("Phép XOR")
    history = window.history_panel.view
    assert history.model().index(0, 0).data() == "Đã mở: Phép XOR"
    window.set_language("en")
    assert window.windowTitle().startswith("XOR")
    # Saving the opened example keeps both titles.
    target = tmp_path / "xor.bpstudio.json"
    assert window.controller.save_as(target)
    saved = json.loads(target.read_text(encoding="utf-8"))
    assert (saved["name"], saved["name_vi"]) == ("XOR", "Phép XOR")
    assert fmt.load_file(target).name_vi == "Phép XOR"


def test_canvas_layer_summary_and_counters_have_no_english_words(window: MainWindow) -> None:
    """ "epoch", "mean" and "Seed" were left in English."""
    window.set_language("vi")
    for _ in range(2):
        window.controller.next_phase()
    assert "lượt" in window.counters.text() and "epoch" not in window.counters.text().lower()
    line = window.canvas.state.layer_summary(2)  # the line under a layer's title once δ is known
    assert line is not None and line.text.startswith("trung bình |δ| = ")
    assert window.options_panel.findChildren(QLabel)  # the options dock exists
    seeds = [
        label.text() for label in window.options_panel.findChildren(QLabel) if "ạt giống" in label.text()
    ]
    assert seeds and not [
        label.text() for label in window.options_panel.findChildren(QLabel) if "Seed" in label.text()
    ]


def test_qt_catalogue_is_complete_and_keeps_placeholders() -> None:
    import re
    import xml.etree.ElementTree as ET

    root = ET.parse(assets.resource("translations", "qt_vi.ts")).getroot()
    contexts = {context.findtext("name") for context in root}
    assert {"QPlatformTheme", "QLineEdit", "QWidgetTextControl", "QFileDialog"} <= contexts
    for context in root:
        for message in context.findall("message"):
            source, translation = message.findtext("source") or "", message.find("translation")
            assert translation is not None and translation.get("type") is None, source
            text = translation.text or ""
            assert text.strip() and text != source, source
            assert re.findall(r"%\d", source) == re.findall(r"%\d", text), source
            assert text.replace("&&", "").count("&") == source.replace("&&", "").count("&"), source


def test_a_non_finite_report_is_translated_from_its_fields(window: MainWindow) -> None:
    """The controller names the quantity by the error's key, not by the engine's English words."""
    from bpstudio.controller.controller import non_finite_message
    from bpstudio.engine.errors import NonFiniteError

    window.set_language("vi")
    try:
        cost = non_finite_message(NonFiniteError("feedforward", 2, "cost", float("inf"), 4))
        assert "hàm chi phí" in cost and "the cost" not in cost and "inf" in cost
        gradient = non_finite_message(NonFiniteError("backward", 1, "gradient", float("nan"), 0))
        assert "một gradient" in gradient
        assert "∂J/∂W" in non_finite_message(NonFiniteError("backward", 1, "∂J/∂W", float("nan"), 0))
    finally:
        window.set_language("en")
    assert "the cost became inf" in non_finite_message(
        NonFiniteError("feedforward", 2, "cost", float("inf"), 4)
    )
