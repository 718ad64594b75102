"""The "state" block of a network file: where training stands (counters, cost history, the
optimizer's moments per layer and parameter). The engine keeps these as plain counters and flat
vectors (`engine.state.TrainingState`); this module gives them the file's JSON shape and reads
them back, so save → load → continue is bit-identical."""

from __future__ import annotations

from typing import Any

import numpy as np

from bpstudio.document.fileformat.common import LoadError, quote
from bpstudio.document.fileformat.validate import check_matrix, check_vector, plural
from bpstudio.engine.errors import EngineError
from bpstudio.engine.network import Network
from bpstudio.engine.optimizers import STATE_NAMES, OptimizerState
from bpstudio.engine.state import TrainingState
from bpstudio.engine.stepper import Stepper
from bpstudio.notation import numbers

# Where the engine's refusals of a training state point in the file (by EngineError.field).
_STATE_PATHS = {
    "batch_in_epoch": "state.batch_in_epoch",
    "epoch_history": "state.epoch_history",
    "cost_history": "state.cost_history",
    "moments": "state.moments",
}


# Moments that are means of squares: a negative value cannot come from training.
NON_NEGATIVE = {"v": "a second moment (a mean of squared gradients) cannot be negative"}


def _refuse_negative(values: list[Any], at: str, problem: str) -> None:
    """LoadError at the first negative number of a vector or matrix (already checked in shape)."""
    array = np.asarray(values, dtype=np.float64)
    if not (array < 0).any():
        return
    index = tuple(int(i) for i in np.argwhere(array < 0)[0])
    place = at + "".join(f"[{i}]" for i in index)
    raise LoadError(f"{problem}, got {numbers.number(float(array[index]), numbers.SHORT)}", place)


def state_to_json(stepper: Stepper) -> dict[str, Any]:
    """The "state" block: counters, histories and each moment as one entry per layer, holding
    that layer's parameters by kind (W, b, gamma, beta) in their own shapes."""
    state = stepper.training_state()
    network = stepper.network
    moments = {
        name: [
            {kind: network.view(buffer, layer, kind).tolist() for kind in network.layout[layer]}
            for layer in range(1, network.depth + 1)
        ]
        for name, buffer in state.optimizer.buffers.items()
    }
    return {
        "step": state.steps_done,
        "epoch": state.epoch,
        "batch_in_epoch": state.batch_in_epoch,
        "optimizer_steps": state.optimizer.t,
        "moments": moments,
        "cost_history": state.cost_history,
        "epoch_history": state.epoch_history,
    }


def _training_state(network: Network, state: dict[str, Any]) -> TrainingState:
    """The engine's plain form of a "state" block already checked against `network`."""
    buffers: dict[str, np.ndarray] = {}
    for name, per_layer in (state.get("moments") or {}).items():
        flat = np.zeros(network.parameter_count)
        for layer in range(1, network.depth + 1):
            for kind, (start, stop, _) in network.layout[layer].items():
                flat[start:stop] = np.asarray(per_layer[layer - 1][kind], dtype=np.float64).reshape(-1)
        buffers[name] = flat
    return TrainingState(
        steps_done=int(state.get("step", 0)),
        epoch=int(state.get("epoch", 0)),
        batch_in_epoch=int(state.get("batch_in_epoch", 0)),
        optimizer=OptimizerState(int(state.get("optimizer_steps", 0)), buffers),
        cost_history=[float(c) for c in state.get("cost_history", [])],
        epoch_history=[int(e) for e in state.get("epoch_history", [])],
    )


def restore_state(stepper: Stepper, state: dict[str, Any]) -> None:
    """Check the "state" block against the network (LoadError with its JSON path) and give it to
    the stepper: training goes on exactly where the saved file stopped."""
    network = stepper.network
    names = STATE_NAMES[stepper.optimizer.name]
    moments = state.get("moments")
    if moments is not None:
        given = set(moments)
        if given != set(names):
            wanted = ", ".join(names) if names else "no moments"
            got = ", ".join(quote(name, 40) for name in sorted(given)[:5]) if given else "none"
            got += f" and {len(given) - 5} more" if len(given) > 5 else ""
            raise LoadError(
                f"the optimizer {stepper.optimizer.name} keeps {wanted}; the file has {got}",
                "state.moments",
            )
        for name in names:
            per_layer = moments[name]
            where = f"state.moments.{name}"
            if len(per_layer) != network.depth:
                raise LoadError(
                    f"expected {plural(network.depth, 'layer')} (all but the input layer), "
                    f"got {len(per_layer)}",
                    where,
                )
            for index in range(1, network.depth + 1):
                entry = per_layer[index - 1]
                kinds = network.layout[index]
                for kind in entry:
                    if kind not in kinds:
                        raise LoadError(
                            f"layer {index} has no parameter {kind}", f"{where}[{index - 1}].{kind}"
                        )
                for kind, (_, _, shape) in kinds.items():
                    at = f"{where}[{index - 1}].{kind}"
                    if kind not in entry:
                        raise LoadError("missing; the moments of every parameter are needed", at)
                    if len(shape) == 2:
                        check_matrix(entry[kind], shape[0], shape[1], at)
                    else:
                        check_vector(entry[kind], shape[0], at)
                    if name in NON_NEGATIVE:
                        _refuse_negative(entry[kind], at, NON_NEGATIVE[name])
    elif names and int(state.get("optimizer_steps", 0)) > 0:
        raise LoadError(
            f"the optimizer {stepper.optimizer.name} has taken steps but its moments "
            f"({', '.join(names)}) are missing",
            "state.moments",
        )
    try:
        stepper.load_training_state(_training_state(stepper.network, state))
    except EngineError as error:
        raise LoadError(str(error), _STATE_PATHS.get(error.field or "", "state")) from None
