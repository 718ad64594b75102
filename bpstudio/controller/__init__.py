"""User intents turned into undoable commands on the document."""

from bpstudio.controller.controller import Controller, phase_name

__all__ = ["Controller", "phase_name"]
