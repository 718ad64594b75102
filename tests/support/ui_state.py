"""Comparing documents bit for bit."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

import numpy as np

from bpstudio.document import fileformat as fmt
from bpstudio.document.document import NetworkDocument


def _freeze(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return ("array", value.dtype.str, value.shape, value.tobytes())
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    if hasattr(value, "__dataclass_fields__"):
        return (type(value).__name__, tuple((f.name, _freeze(getattr(value, f.name))) for f in fields(value)))
    if isinstance(value, float):
        return ("float", value.hex())
    return value


def full_state(doc: NetworkDocument) -> Any:
    """Everything training and editing can change, as a comparable value (floats by their bits)."""
    s = doc.stepper
    net = s.network
    return _freeze(
        {
            "specs": list(net.specs),
            "theta": net.theta,
            "running_mean": net.running_mean,
            "running_var": net.running_var,
            "loss": s.loss,
            "optimizer": s.optimizer,
            "training": s.training,
            "inputs": s.dataset.inputs,
            "targets": s.dataset.targets,
            "optimizer_state": s.optimizer_state,
            "phase": s.phase.value,
            "layer": s.layer,
            "steps_done": s.steps_done,
            "epoch": s.epoch,
            "batch_in_epoch": s.batch_in_epoch,
            "trace": s.trace,
            "cost_history": list(s.cost_history),
            "epoch_history": list(s.epoch_history),
            "positions": doc.positions,
            "init": doc.init,
        }
    )


def file_text(doc: NetworkDocument) -> str:
    """The document as its file would hold it."""
    nf = fmt.NetworkFile(
        name=doc.name,
        description=doc.description,
        stepper=doc.stepper,
        init=doc.init,
        positions=doc.positions,
    )
    return fmt.dumps(nf)
