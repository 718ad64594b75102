"""Documents for tests: a file, or the article's network, opened as the window opens it."""

from __future__ import annotations

from pathlib import Path

from bpstudio.document import fileformat as fmt
from bpstudio.document.document import NetworkDocument, file_fields


def make_document(path: Path | None = None) -> NetworkDocument:
    nf = fmt.load_file(path) if path is not None else fmt.default_network()
    return NetworkDocument(nf.stepper, **file_fields(nf, path))
