"""The window's option fields allow exactly what a file may hold (issue 9, item 2): both read the
file format's one table of ranges, so a value typed in the window can be saved and opened again
and a value the file format refuses is refused as it is typed."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

from pytestqt.qtbot import QtBot

from bpstudio.document import dumps, loads
from bpstudio.document.fileformat.ranges import option_range
from bpstudio.engine import InitConfig
from bpstudio.ui.reinit_dialog import ReinitDialog
from tests.support.typing_keys import type_into
from tests.support.windows import close_window, show_window


def test_the_option_fields_use_the_file_formats_ranges(qtbot: QtBot, tmp_path: Path) -> None:
    window = show_window(qtbot, tmp_path)
    try:
        panel = window.options_panel
        for key, field in panel.fields.items():
            assert field.allowed == option_range(f"optimizer.{key}"), key
        assert panel.clip_norm.allowed == option_range("optimizer.clip_norm")
        assert panel.seed.maximum() == option_range("training.seed").high
        assert panel.init_seed.maximum() == option_range("init.seed").high
    finally:
        close_window(window)


def test_the_reinitialise_fields_use_the_file_formats_ranges(qtbot: QtBot) -> None:
    dialog = ReinitDialog(InitConfig())
    qtbot.addWidget(dialog)
    for key, field in (("a", dialog.low), ("b", dialog.high), ("std", dialog.std), ("bias", dialog.bias)):
        assert field.allowed == option_range(f"init.{key}"), key
    assert dialog.seed.maximum() == option_range("init.seed").high


def test_a_huge_learning_rate_is_refused_and_the_largest_allowed_saves(qtbot: QtBot, tmp_path: Path) -> None:
    window = show_window(qtbot, tmp_path)
    try:
        field = window.options_panel.fields["learning_rate"]
        type_into(field, "1e308")
        assert window.document.stepper.optimizer.learning_rate == 0.1
        assert "at most 1000" in window.options_panel.message.text()
        largest = option_range("optimizer.learning_rate").high
        assert largest is not None
        type_into(field, str(largest))
        assert window.document.stepper.optimizer.learning_rate == largest
        reopened = loads(dumps(window.document.network_file("test")))
        assert reopened.stepper.optimizer.learning_rate == largest
    finally:
        close_window(window)
