"""File › Export explanation: the worked example of whole steps, as `bpstudio explain` writes it.

*Explanation as Markdown/HTML* writes the whole current step in the window's language; *of several
steps* asks for steps a…b (from the current one on), the language and the format. The text is
written by explain_range on a copy of the document's stepper, so the open network never moves;
steps not yet computed are computed on that copy, with a progress dialog and Cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressDialog,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bpstudio.controller.controller import non_finite_message
from bpstudio.document.document import NetworkDocument
from bpstudio.document.fileformat import in_language
from bpstudio.engine.errors import EngineError, NonFiniteError
from bpstudio.notation import languages
from bpstudio.ui import i18n
from bpstudio.ui.labels import tr

MAX_AHEAD = 100_000  # how far past the current step a range may begin
MAX_STEPS = 1000  # steps written in one export (a full step of a small network is ~10 kB)
PROGRESS_AFTER_MS = 400  # the progress dialog appears when computing takes longer than this
FORMATS = ("md", "html")


class ExportExplanationDialog(QDialog):
    """Which steps to write, and in which language."""

    def __init__(self, current: int, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export the explanation"))
        self.setMinimumWidth(440)  # the note reads as a paragraph, not a column
        self.current = current
        self.first = QSpinBox()
        self.first.setRange(current, current + MAX_AHEAD)
        self.first.setValue(current)
        self.last = QSpinBox()
        self.last.setRange(current, current + MAX_STEPS - 1)
        self.last.setValue(current)
        self.first.valueChanged.connect(self._first_changed)
        self.language = QComboBox()
        for language in languages.LANGUAGES:  # each in its own language
            self.language.addItem(language.native_name, language.code)
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.format = QComboBox()
        self.format.addItem(tr("Markdown (*.md)"), "md")
        self.format.addItem(tr("HTML (*.html)"), "html")
        note = QLabel(
            self.tr(
                "Step {0} is the current step: it is written in full, every formula with its numbers, "
                "with the network and its parameters at the start. Later steps are computed on a copy; "
                "the open network does not change."
            ).format(current)
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("From step"), self.first)
        form.addRow(self.tr("To step"), self.last)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Format"), self.format)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _first_changed(self, first: int) -> None:
        """The last step follows: never before the first, at most MAX_STEPS after it."""
        self.last.setRange(first, first + MAX_STEPS - 1)

    def choice(self) -> tuple[int, int, str, str]:
        """(first step, last step, language, format)."""
        return (
            self.first.value(),
            self.last.value(),
            str(self.language.currentData()),
            str(self.format.currentData()),
        )


def network_heading(document: NetworkDocument, lang: str) -> tuple[str, str]:
    """The network's name and the description in the export's language (when the file has one)."""
    fields = {**document.extras, "description": document.description}
    name = i18n.network_title(document, lang)
    return name or document.display_name, in_language(fields, "description", lang)


def write_explanation(
    document: NetworkDocument,
    first: int,
    last: int,
    lang: str,
    fmt: str,
    progress: Callable[[int, int], bool] | None = None,
) -> str:
    """Steps first…last as `bpstudio explain` writes them, computed on a copy of the document."""
    from bpstudio.explain import explain_range  # imported on first use: not needed at start-up

    name, description = network_heading(document, lang)
    return explain_range(
        document.copy_stepper(),
        first,
        last,
        lang=lang,
        fmt=fmt,
        name=name or None,
        description=description or None,
        progress=progress,
    )


def export_explanation(
    parent: QWidget,
    document: NetworkDocument,
    kind: str | None,
    ask_path: Callable[[str, str, str, str], Path | None],
    show_error: Callable[[str], None],
    write_failed: Callable[[Path, OSError], None],
) -> Path | None:
    """File › Export explanation: the current step as `kind` ("md" or "html") in the window's
    language, or (kind None) the steps, language and format chosen in the dialog; then the file
    name, the text and the file. Returns the path written, None when cancelled or failed.
    """
    from bpstudio.explain import CancelledError, current_step, texts  # not needed at start-up

    current = current_step(document.copy_stepper())
    first, last, lang = current, current, i18n.current_language()
    if kind is None:
        dialog = ExportExplanationDialog(current, lang, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        first, last, lang, kind = dialog.choice()
    if kind not in FORMATS:
        raise ValueError(f"unknown export format {kind!r}")
    suffix = ".md" if kind == "md" else ".html"
    filter_text = tr("Markdown (*.md)") if kind == "md" else tr("HTML (*.html)")
    # the name in the export's language: the network's title and "step" (its file's name if saved)
    words = texts.get(lang)
    steps = (
        words["file_step"].format(first=first)
        if first == last
        else words["file_steps"].format(first=first, last=last)
    )
    stem = i18n.file_stem(document, lang, words["file_network"])
    path = ask_path(tr("Export the explanation"), f"{stem}-{steps}{suffix}", filter_text, suffix)
    if path is None:
        return None
    total = last - current + 1
    progress = QProgressDialog(tr("Writing the explanation…"), tr("Cancel"), 0, total, parent)
    progress.setWindowTitle(tr("Export the explanation"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(PROGRESS_AFTER_MS)
    progress.setAutoClose(False)

    def advance(done: int, steps_to_run: int) -> bool:
        progress.setMaximum(steps_to_run)
        progress.setLabelText(tr("Computing the steps: {0} of {1} done…").format(done, steps_to_run))
        progress.setValue(done)
        return not progress.wasCanceled()

    try:
        text = write_explanation(document, first, last, lang, kind, advance)
    except CancelledError:
        return None
    except NonFiniteError as exc:
        show_error(
            tr("Cannot write the explanation: training diverged at {0}.").format(non_finite_message(exc))
        )
        return None
    except (EngineError, ValueError) as exc:
        show_error(tr("Cannot write the explanation: {0}").format(exc))
        return None
    finally:
        progress.close()
        progress.deleteLater()
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        write_failed(path, exc)
        return None
    return path
