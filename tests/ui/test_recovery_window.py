"""Autosave in the window (ui/recovery.py): written after a change, removed on save and on close;
restored documents are unsaved changes to their original file; the Restore / Discard dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from bpstudio.document import fileformat as fmt
from bpstudio.document import recovery
from bpstudio.document.document import NetworkDocument
from bpstudio.document.recovery import RecoverySession
from bpstudio.ui.main_window import MainWindow
from bpstudio.ui.recovery import Recovery, RecoveryPrompt
from tests.support.recovery import article_file, dead_session
from tests.support.windows import close_window, show_window


def wait_written(qtbot: Any, safety: Recovery, window: MainWindow, count: int = 1) -> Path:
    """The window's recovery file once it has been written `count` times in all."""
    saver = next(s for s in safety.savers if s.document is window.document)
    qtbot.waitUntil(lambda: saver.writes >= count and not saver.busy, timeout=10_000)
    return saver.path


def test_an_edit_is_autosaved_and_saving_removes_the_file(qtbot: Any, tmp_path: Path) -> None:
    window = show_window(qtbot, tmp_path)
    safety = Recovery(RecoverySession(tmp_path / "recovery"), delay_ms=50)
    saver = safety.attach(window)
    assert not saver.path.exists()  # nothing to keep while there is no change
    window.controller.set_parameter(1, "W", 0, 0, 0.25)
    window.controller.step()
    written = wait_written(qtbot, safety, window)
    assert written == saver.path
    assert written.read_text(encoding="utf-8") == fmt.dumps(window.document.network_file(""))
    assert window.document.modified
    assert window.controller.save_as(tmp_path / "saved.json")
    assert not written.exists()
    window.controller.step()
    wait_written(qtbot, safety, window, count=2)
    meta = saver.session.paths(saver.key)[1]
    assert str(tmp_path / "saved.json") in meta.read_text(encoding="utf-8")
    close_window(window)  # after Save or Discard the file goes
    assert not written.exists() and not meta.exists()
    safety.close()
    assert list((tmp_path / "recovery").iterdir()) == []


def test_two_windows_write_two_files(qtbot: Any, tmp_path: Path) -> None:
    windows = [show_window(qtbot, tmp_path / name) for name in ("a", "b")]
    safety = Recovery(RecoverySession(tmp_path / "recovery"), delay_ms=50)
    savers = [safety.attach(window) for window in windows]
    for count, window in enumerate(windows, start=1):
        for _ in range(count):
            window.controller.step()
    paths = [wait_written(qtbot, safety, windows[0]), wait_written(qtbot, safety, windows[1])]
    assert paths == [saver.path for saver in savers] and paths[0] != paths[1]
    steps = [fmt.load_file(path).stepper.steps_done for path in paths]
    assert steps == [1, 2]
    for window in windows:
        close_window(window)
    safety.close()


def test_a_restored_document_is_modified_keeps_its_path_and_saves_there(qtbot: Any, tmp_path: Path) -> None:
    original = tmp_path / "mine.bpstudio.json"
    dead_session(tmp_path / "recovery", steps=3, original=original)
    expected = fmt.dumps(NetworkDocument.from_file(article_file(3), None).network_file(""))
    window = show_window(qtbot, tmp_path)
    safety = Recovery(RecoverySession(tmp_path / "recovery"), delay_ms=50)
    safety.attach(window)
    asked: list[list[recovery.RecoveryEntry]] = []

    def answer(_parent: object, entries: list[recovery.RecoveryEntry]) -> bool:
        asked.append(entries)
        return True

    restored = safety.restore(window, lambda: window, answer)
    assert restored == [window] and [e.steps for e in asked[0]] == [3]
    document = window.document
    assert document.modified and document.path == original
    assert fmt.dumps(document.network_file("")) == expected
    wait_written(qtbot, safety, window)  # its own file replaces the crashed one's
    assert asked[0][0].network.exists() is False and recovery.recoverable(tmp_path / "recovery") == []
    dialogs_before = QApplication.topLevelWidgets()
    assert window.files.save()  # no file dialog: the original path is known
    assert [w for w in QApplication.topLevelWidgets() if w not in dialogs_before] == []
    assert original.read_text(encoding="utf-8") == expected
    assert not document.modified
    close_window(window)
    safety.close()


def test_discard_removes_what_a_crashed_instance_left(qtbot: Any, tmp_path: Path) -> None:
    dead_session(tmp_path / "recovery", steps=1, original=None)
    window = show_window(qtbot, tmp_path)
    safety = Recovery(RecoverySession(tmp_path / "recovery"), delay_ms=50)
    safety.attach(window)
    assert safety.restore(window, lambda: window, lambda *_: False) == []
    assert not window.document.modified
    assert recovery.recoverable(tmp_path / "recovery") == []
    close_window(window)
    safety.close()
    assert list((tmp_path / "recovery").iterdir()) == []


def test_the_dialog_names_each_document_and_restores_on_restore(qtbot: Any, tmp_path: Path) -> None:
    entry = recovery.RecoveryEntry(
        network=tmp_path / "n.json",
        meta=tmp_path / "n.meta.json",
        session="1-ab",
        name="XOR",
        saved_at=1_700_000_000.0,
        steps=12345,
        original=tmp_path / "xor.bpstudio.json",
    )
    shown: list[str] = []

    def answer(button_text: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        shown.append(box.text() + "\n" + box.informativeText())
        next(b for b in box.buttons() if b.text() == button_text).click()

    for button, expected in (("Restore", True), ("Discard", False)):
        QTimer.singleShot(50, lambda button=button: answer(button))
        assert RecoveryPrompt().ask(None, [entry]) is expected
    assert "XOR (xor.bpstudio.json)" in shown[0] and "12,345 steps" in shown[0]


def test_the_folders_are_temporary_and_an_unusable_one_turns_autosave_off(
    tmp_path: Path, temporary_data_folders: Path
) -> None:
    from bpstudio.ui import crash
    from bpstudio.ui.recovery import recovery_folder

    assert recovery_folder().is_relative_to(temporary_data_folders)
    assert crash.log_folder().is_relative_to(temporary_data_folders)
    blocker = tmp_path / "a file"
    blocker.write_text("")
    safety, problem = Recovery.start(blocker / "recovery")
    assert safety is None and "Autosave is off" in problem and str(blocker) in problem


def test_a_file_opened_at_start_stays_and_the_restored_one_gets_its_own_window(
    qtbot: Any, tmp_path: Path
) -> None:
    dead_session(tmp_path / "recovery", steps=2, original=None)
    opened = tmp_path / "opened.json"
    fmt.save_file(opened, article_file(0, name="opened"))
    window = show_window(qtbot, tmp_path, path=opened)
    safety = Recovery(RecoverySession(tmp_path / "recovery"), delay_ms=50)
    safety.attach(window)
    extra: list[MainWindow] = []

    def new_window() -> MainWindow:
        other = show_window(qtbot, tmp_path / "other")
        safety.attach(other)
        extra.append(other)
        return other

    assert safety.restore(window, new_window, lambda *_: True) == extra and len(extra) == 1
    assert window.document.path == opened and not window.document.modified
    assert extra[0].document.modified and extra[0].document.steps_done == 2
    for shown in (window, *extra):
        close_window(shown)
    safety.close()
    assert list((tmp_path / "recovery").iterdir()) == []


def test_opening_another_network_over_a_restored_one_removes_what_was_restored(
    qtbot: Any, tmp_path: Path, dialogs: dict[str, list[Any]]
) -> None:
    dead_session(tmp_path / "recovery", steps=1, original=None)
    window = show_window(qtbot, tmp_path)
    safety = Recovery(RecoverySession(tmp_path / "recovery"), delay_ms=60_000)  # no autosave yet
    safety.attach(window)
    assert safety.restore(window, lambda: window, lambda *_: True) == [window]
    dialogs["answers"].append(QMessageBox.StandardButton.Discard)
    window.files.new_file()
    assert dialogs["warning"] and not window.document.modified
    assert recovery.recoverable(tmp_path / "recovery") == []
    close_window(window)
    safety.close()
    assert list((tmp_path / "recovery").iterdir()) == []
