"""Starting the window: `run(file, lang, phases, screenshot, size)` is what `bpstudio [FILE]` calls."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from bpstudio.ui.main_window import MainWindow

ORGANIZATION = "BP Studio"
APPLICATION = "bpstudio"
SCREENSHOT_SIZE = (1440, 900)  # what --screenshot renders without --size


def _error(message: str) -> int:
    print(f"bpstudio: {message}", file=sys.stderr)
    return 2


def run(
    file: str | os.PathLike[str] | None = None,
    lang: str | None = None,
    phases: int = 0,
    screenshot: str | os.PathLike[str] | None = None,
    size: tuple[int, int] | None = None,
) -> int:
    """Open FILE (default: the article's network), advance `phases` phases, show the window.

    With `screenshot`, render the whole window to that PNG and return 0 instead of entering the
    event loop; the window is `size` (width, height) pixels, SCREENSHOT_SIZE without it, so that
    layouts can be checked at any screen size on a machine without one. Without a screenshot,
    `size` replaces the remembered or screen-fitted size. A file that cannot be opened prints
    one line on stderr and returns 2.
    """
    from PySide6.QtCore import QCoreApplication, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from bpstudio.assets import resource
    from bpstudio.controller import Controller
    from bpstudio.document import fileformat as fmt
    from bpstudio.document.document import NetworkDocument
    from bpstudio.notation import languages
    from bpstudio.ui import i18n
    from bpstudio.ui.main_window import MainWindow

    if lang is not None and lang not in languages.CODES:
        return _error(f"--lang must be one of {', '.join(languages.CODES)}, not {lang!r}")
    if phases < 0:
        return _error(f"--phases must be zero or more, got {phases}")
    if size is not None and min(size) < 1:
        return _error(f"--size must be positive, got {size[0]}x{size[1]}")
    try:
        network_file = fmt.load_file(Path(file)) if file is not None else fmt.default_network()
    except fmt.LoadError as exc:
        return _error(str(exc))

    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication([sys.argv[0] if sys.argv else "bpstudio"])
    )
    app.setApplicationDisplayName("BP Studio")
    app.setDesktopFileName("bpstudio")  # Wayland matches the window to bpstudio.desktop by this
    icon = resource("icons", "bpstudio.svg")
    if icon.is_file():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    settings = QSettings()
    chosen = lang or str(settings.value("language", "system"))  # --lang is not remembered
    language_problem = "" if i18n.choose(chosen) else i18n.missing_message()
    if language_problem:
        print(f"bpstudio: {language_problem}", file=sys.stderr)

    path = Path(file) if file is not None else None
    document = NetworkDocument.from_file(network_file, path)
    controller = Controller(document)
    window = MainWindow(document, controller, settings=settings, restore_layout=screenshot is None)
    window.quiet_errors = screenshot is not None
    window.persist_settings = screenshot is None
    if language_problem:
        window.statusBar().showMessage(language_problem)
        if screenshot is None:
            QTimer.singleShot(0, lambda: window.show_error(language_problem))
    if screenshot is not None or size is not None:
        window.resize(*(size or SCREENSHOT_SIZE))
    for _ in range(phases):
        if not controller.next_phase():
            break
    window.show()
    if screenshot is None:
        return _event_loop(app, window, settings)
    for _ in range(3):
        app.processEvents()
    window.canvas.fit_default()
    app.processEvents()
    image = window.grab()
    ok = image.save(str(screenshot), "PNG")
    window.document.history.set_clean()  # a screenshot never asks to save
    window.close()
    if not ok:
        return _error(f"{screenshot}: cannot write the PNG file")
    return 0


def _event_loop(app: QApplication, window: MainWindow, settings: QSettings) -> int:
    """Run the window with its safety nets: the exception hook, autosave, and the offer of what
    an instance that crashed left behind (see ui/crash.py and ui/recovery.py)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from bpstudio.controller import Controller
    from bpstudio.document import fileformat as fmt
    from bpstudio.document.document import NetworkDocument
    from bpstudio.ui import crash
    from bpstudio.ui.main_window import MainWindow
    from bpstudio.ui.recovery import DELAY_MS, Recovery

    drive = _test_drive()
    windows = [window]
    hook = crash.install(lambda: QApplication.activeWindow() or window)
    safety, problem = Recovery.start(delay_ms=int(drive.get("autosave_ms", DELAY_MS)))
    if problem:
        window.statusBar().showMessage(problem, 15000)

    def new_window() -> MainWindow:
        document = NetworkDocument.from_file(fmt.default_network(), None)
        other = MainWindow(document, Controller(document), settings=settings)
        if safety is not None:
            safety.attach(other)
        other.show()
        windows.append(other)
        return other

    try:
        if safety is not None:
            safety.attach(window)
            answer = drive.get("recovery")
            safety.restore(window, new_window, None if answer is None else lambda *_: answer == "restore")
        if drive:
            QTimer.singleShot(0, lambda: _play(drive, windows))
        return int(app.exec())
    finally:
        if safety is not None:
            safety.close()
        crash.uninstall(hook)


def _test_drive() -> dict[str, Any]:
    """For the crash-recovery test only: BPSTUDIO_TEST_DRIVE holds JSON
    `{"autosave_ms": 200, "recovery": "restore"|"discard", "actions": [["step"], ["save_as", "f.json"]],
    "quit": true}` (actions are Controller methods called on the first window, in order)."""
    text = os.environ.get("BPSTUDIO_TEST_DRIVE")
    if not text:
        return {}
    drive = json.loads(text)
    if not isinstance(drive, dict):
        raise ValueError("BPSTUDIO_TEST_DRIVE must hold a JSON object")
    return drive


def _play(drive: dict[str, Any], windows: list[MainWindow]) -> None:
    controller = windows[0].controller
    for name, *arguments in drive.get("actions", []):
        if name.startswith("_") or not getattr(controller, name)(*arguments):
            print(f"bpstudio: test drive: {name} refused", file=sys.stderr)
    if drive.get("quit"):
        for window in windows:
            window.close()
