"""The document is the only door to the engine, checked on the sources.

Views (bpstudio/ui) read the document through DocumentReader and change it only through the
controller; the controller changes it only through commands and document methods; neither
touches the engine's Stepper, and nobody outside the document emits the document's signals.
"""

from __future__ import annotations

import ast
import inspect
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Signal

from bpstudio.document.document import NetworkDocument
from bpstudio.document.reader import DocumentReader

ROOT = Path(__file__).resolve().parents[2] / "bpstudio"
DOCUMENT_NAMES = {"document", "doc"}  # how the ui and the controller name the document they hold


def _modules(*packages: str) -> Iterator[tuple[str, ast.Module]]:
    for package in packages:
        for path in sorted((ROOT / package).rglob("*.py")):
            yield str(path.relative_to(ROOT.parent)), ast.parse(path.read_text(encoding="utf-8"))


def _is_document(node: ast.expr) -> bool:
    """`document`, `doc`, `self.document`, `window.document`, `self.scene.document`…"""
    if isinstance(node, ast.Name):
        return node.id in DOCUMENT_NAMES
    return isinstance(node, ast.Attribute) and node.attr == "document"


def _signal_names() -> set[str]:
    return {name for name, value in vars(DocumentReader).items() if isinstance(value, Signal)}


def _changing_methods() -> set[str]:
    """What NetworkDocument adds to its read-only face: every way to change the document."""
    return {
        name
        for name, value in vars(NetworkDocument).items()
        if not name.startswith("__") and (callable(value) or isinstance(value, property | classmethod))
    } - set(vars(DocumentReader))


def test_the_reader_has_no_way_to_change_the_document() -> None:
    """DocumentReader's methods only compute from the state; its properties have no setters."""
    for name, value in vars(DocumentReader).items():
        if isinstance(value, property):
            assert value.fset is None and value.fdel is None, name
    changing = _changing_methods()
    for expected in ("apply", "notify", "replace", "open_file", "run_steps", "set_options", "stepper"):
        assert expected in changing
    assert not changing & set(vars(DocumentReader))


@pytest.mark.parametrize("package", ["ui", "controller"])
def test_no_module_reaches_the_stepper(package: str) -> None:
    offenders = [
        f"{path}:{node.lineno}: .{node.attr}"
        for path, tree in _modules(package)
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in ("stepper", "_stepper")
    ]
    offenders += [
        f"{path}:{node.lineno}: imports Stepper"
        for path, tree in _modules(package)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and any(alias.name == "Stepper" for alias in node.names)
    ]
    assert not offenders, offenders


def test_the_ui_only_reads_the_document() -> None:
    """No view calls a document method that changes it: views ask the controller."""
    changing = _changing_methods()
    offenders = [
        f"{path}:{node.lineno}: document.{node.attr}"
        for path, tree in _modules("ui")
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in changing and _is_document(node.value)
    ]
    assert not offenders, offenders


@pytest.mark.parametrize("package", ["ui", "controller"])
def test_nobody_outside_the_document_emits_its_signals(package: str) -> None:
    signals = _signal_names()
    assert {"step_changed", "file_state_changed", "error_occurred"} <= signals
    offenders = [
        f"{path}:{node.lineno}: {node.value.attr}.emit"
        for path, tree in _modules(package)
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr == "emit"
        and isinstance(node.value, ast.Attribute)
        and node.value.attr in signals
        and _is_document(node.value.value)
    ]
    assert not offenders, offenders


def test_the_controller_emits_nothing_at_all() -> None:
    """Stricter for the controller: it has no signals of its own, so no `.emit` may appear in it
    (a document held under another name cannot slip through)."""
    offenders = [
        f"{path}:{node.lineno}"
        for path, tree in _modules("controller")
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == "emit"
    ]
    assert not offenders, offenders


def test_commands_change_the_engine_only_through_the_document() -> None:
    """document/commands.py calls document methods; only document.py holds the Stepper."""
    source = (ROOT / "document" / "commands.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    reached = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in ("stepper", "_stepper")
    ]
    assert not reached
    assert "Stepper" not in source


def test_the_document_signals_are_emitted_by_name_not_by_string() -> None:
    """notify dispatches on Change members to signal attributes: no getattr on a built name."""
    source = inspect.getsource(NetworkDocument)
    assert "getattr(" not in source
