"""File › New, Open, Save, Save as, Export, recent files, examples and dropped files.

Each intent asks what it must (a file name, Save / Discard / Cancel) and then calls one controller
method; the document reports the outcome. Recent files and the last folder live in the window's
QSettings.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from bpstudio.document import fileformat as fmt
from bpstudio.ui import i18n
from bpstudio.ui.disk_watch import DiskState, DiskWatch
from bpstudio.ui.export_explanation import export_explanation

if TYPE_CHECKING:
    from bpstudio.ui.main_window import MainWindow

MAX_RECENT = 8
NETWORK_SUFFIX = ".bpstudio.json"  # what the installed desktop entry opens on a double-click


def dropped_json(urls: list[QUrl]) -> Path | None:
    """The first local .json file among dropped URLs."""
    for url in urls:
        if url.isLocalFile() and url.toLocalFile().lower().endswith(".json"):
            return Path(url.toLocalFile())
    return None


class FileActions(QObject):
    """The window's file intents; dialogs are parented to the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.document = window.document
        self.controller = window.controller
        self.settings = window.settings
        self.disk = DiskWatch(window)

    # -- asking ---------------------------------------------------------------------------------------
    def _start_dir(self) -> str:
        if self.document.path is not None:
            return str(self.document.path.parent)
        return str(self.settings.value("last_dir", str(Path.home())))

    def _busy(self) -> bool:
        """True when the intent must not go on: a run is going, or the user cancelled saving."""
        return self.window_.running or not self.maybe_save()

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved changes; False means cancel."""
        if not self.document.modified:
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.warning(
            self.window_,
            self.tr("Unsaved changes"),
            self.tr("“{0}” has changes that are not saved. Save them first?").format(
                self.window_.shown_name()
            ),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    # -- new, open, save ----------------------------------------------------------------------------------
    def new_file(self) -> None:
        if self._busy():
            return
        self.controller.new()

    def open_file(self, path: str | Path | None = None) -> bool:
        if self._busy():
            return False
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.window_,
                self.tr("Open a network"),
                self._start_dir(),
                self.tr("BP Studio networks (*.json);;All files (*)"),
            )
            if not chosen:
                return False
            path = chosen
        path = Path(path)
        if not self.controller.open(path):
            if not path.exists():  # a recent file that has gone away leaves the list
                text = str(path.resolve())
                self.settings.setValue("recent_files", [p for p in self.recent_files() if p != text])
            return False
        self.add_recent(path)
        return True

    def open_example(self, path: Path) -> None:
        if self._busy():
            return
        self.controller.open_example(path)

    def save(self) -> bool:
        """Save to the document's file; if another program changed or removed it since it was opened
        or saved, ask first (Save As… / Overwrite / Cancel) so that nobody's version is lost unasked."""
        if self.document.path is None:
            return self.save_as()
        state = self.disk.state()
        if state is not DiskState.UNCHANGED:
            answer = self._ask_about_disk(state)
            if answer is None:
                return False
            if answer == "save_as":
                return self.save_as()
        if not self.controller.save():
            return False
        self.disk.remember()
        return True

    def _ask_about_disk(self, state: DiskState) -> str | None:
        """ "save_as", "overwrite", or None (cancel) for a file changed or gone on disk."""
        name = self.window_.shown_name()
        if state is DiskState.GONE:
            text = self.tr(
                "“{0}” was deleted or moved by another program since it was opened. "
                "Save the network under a new name, or write it again where it was?"
            ).format(name)
            here = self.tr("Save Here")
        else:
            text = self.tr(
                "“{0}” was changed on disk by another program since it was opened or saved. "
                "Overwrite that version with this one, or save this one under a new name?"
            ).format(name)
            here = self.tr("Overwrite")
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("The file changed on disk"), text, parent=self.window_
        )
        save_as = box.addButton(self.tr("Save As…"), QMessageBox.ButtonRole.AcceptRole)
        overwrite = box.addButton(here, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)
        box.exec()
        clicked = box.clickedButton()
        if clicked == save_as:
            return "save_as"
        if clicked == overwrite:
            return "overwrite"
        return None

    def save_as(self) -> bool:
        suggested = self.document.path or Path(self._start_dir()) / f"{self._export_stem()}{NETWORK_SUFFIX}"
        chosen, _ = QFileDialog.getSaveFileName(
            self.window_,
            self.tr("Save the network as"),
            str(suggested),
            self.tr("BP Studio networks (*.bpstudio.json *.json)"),
        )
        if not chosen:
            return False
        path = Path(chosen)
        if path.suffix.lower() != ".json":
            path = path.with_name(path.name + NETWORK_SUFFIX)
        if not self.controller.save_as(path):
            return False
        self.disk.remember()
        self.add_recent(path)
        return True

    # -- exports ------------------------------------------------------------------------------------------
    def _ask_export_path(self, title: str, suggested: str, filter_text: str, suffix: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self.window_, title, str(Path(self._start_dir()) / suggested), filter_text
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        try:  # an export onto a FIFO would hang the window, onto a device replace it: refused
            fmt.output_target(path)
        except OSError as exc:
            self._write_failed(path, exc)
            return None
        return path

    def _export_stem(self) -> str:
        """The network's file name or title in the window's language (the examples carry a
        Vietnamese one), file-safe, to start a file's name."""
        return i18n.file_stem(self.document, i18n.current_language(), self.tr("network"))

    def _write_failed(self, path: Path, exc: OSError) -> None:
        if exc.strerror:
            self.window_.show_error(self.tr("Cannot write {0}: {1}").format(str(path), exc.strerror))
        else:  # the message already names the file
            self.window_.show_error(str(exc))

    def export_explanation(self, kind: str | None) -> Path | None:
        """The whole current step as "md" or "html"; None: steps a…b and format chosen in a dialog."""
        return export_explanation(
            self.window_,
            self.document,
            kind,
            self._ask_export_path,
            self.window_.show_error,
            self._write_failed,
        )

    def export_loss_csv(self) -> None:
        path = self._ask_export_path(
            self.tr("Export the loss history"),
            self.tr("{0}-loss").format(self._export_stem()) + ".csv",
            self.tr("CSV (*.csv)"),
            ".csv",
        )
        if path is None:
            return
        try:
            self.window_.loss_plot.export_csv(str(path))
        except OSError as exc:
            self._write_failed(path, exc)

    def export_loss_png(self) -> None:
        path = self._ask_export_path(
            self.tr("Export the loss plot"),
            self.tr("{0}-loss").format(self._export_stem()) + ".png",
            self.tr("PNG image (*.png)"),
            ".png",
        )
        if path is not None and not self.window_.loss_plot.export_png(str(path)):
            self.window_.show_error(self.tr("Cannot write {0}").format(str(path)))

    def export_canvas(self, kind: str) -> None:
        suffix = f".{kind}"
        filter_text = self.tr("PNG image (*.png)") if kind == "png" else self.tr("SVG image (*.svg)")
        path = self._ask_export_path(
            self.tr("Export the network picture"), f"{self._export_stem()}{suffix}", filter_text, suffix
        )
        if path is None:
            return
        canvas = self.window_.canvas
        try:
            if kind == "png":
                canvas.export_png(path)
            else:
                canvas.export_svg(path)
        except OSError as exc:
            self._write_failed(path, exc)

    # -- recent files and examples --------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = self.settings.value("recent_files", [])
        if isinstance(value, str):
            return [value]
        if isinstance(value, list | tuple):
            return [str(v) for v in value]
        return []

    def add_recent(self, path: Path) -> None:
        text = str(path.resolve())
        recent = [p for p in self.recent_files() if p != text]
        recent.insert(0, text)
        self.settings.setValue("recent_files", recent[:MAX_RECENT])
        self.settings.setValue("last_dir", str(path.resolve().parent))

    def fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        recent = self.recent_files()
        if not recent:
            empty = menu.addAction(self.tr("(no recent files)"))
            empty.setEnabled(False)
            return
        for text in recent:
            action = menu.addAction(Path(text).name)
            action.setToolTip(text)
            action.triggered.connect(lambda _checked=False, text=text: self.open_file(text))
        menu.addSeparator()
        clear = menu.addAction(self.tr("Clear the list"))
        clear.triggered.connect(lambda: self.settings.setValue("recent_files", []))

    def fill_examples(self, menu: QMenu) -> list[QAction]:
        menu.clear()
        menu.setToolTipsVisible(True)
        for example in fmt.examples(i18n.current_language()):
            action = menu.addAction(example.title)
            action.setToolTip(example.description)
            action.setStatusTip(example.description)
            action.triggered.connect(lambda _checked=False, path=example.path: self.open_example(path))
        return list(menu.actions())
