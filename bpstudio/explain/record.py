"""The machine-readable form of a worked derivation: full-precision numbers, no prose.

Shapes follow the engine: per-sample arrays are (m, n) lists (one row per sample of the batch),
W is (n_l, n_(l−1)) with row j holding the weights into neuron j. `batch` holds 0-based row
numbers of the dataset; `step` and `epoch` count from 1 as the text explanations do.
"""

from __future__ import annotations

import math
from dataclasses import asdict
from typing import Any

import numpy as np

from bpstudio import jsontext
from bpstudio.engine.network import Network
from bpstudio.engine.optimizers import OptimizerConfig, OptimizerState
from bpstudio.engine.stepper import Trace, TrainingConfig

FORMAT = "bpstudio-explanation"
VERSION = 1


def plain(value: Any) -> Any:
    """NumPy values as JSON values; a non-finite number becomes null (JSON has no NaN)."""
    if value is None:
        return None
    if isinstance(value, np.ndarray):
        return plain(value.tolist())
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, float | np.floating):
        number = float(value)
        return number if math.isfinite(number) else None
    if isinstance(value, np.integer):
        return int(value)
    return value


def parameters(network: Network, theta: np.ndarray) -> list[dict[str, Any]]:
    """Parameters in theta's layout, one entry per layer with parameters."""
    return [
        {"layer": layer, **{kind: plain(network.view(theta, layer, kind)) for kind in network.layout[layer]}}
        for layer in range(1, network.depth + 1)
    ]


def optimizer_state(network: Network, state: OptimizerState) -> dict[str, Any]:
    return {
        "t": state.t,
        "moments": {name: parameters(network, buffer) for name, buffer in state.buffers.items()},
    }


def network_record(
    network: Network, loss: str, optimizer: OptimizerConfig, training: TrainingConfig | None = None
) -> dict[str, Any]:
    record: dict[str, Any] = {
        "sizes": network.sizes,
        "layers": [
            {
                "layer": layer,
                "size": spec.size,
                "activation": spec.activation,
                "batch_norm": spec.batch_norm,
                **({"leaky_slope": spec.leaky_slope} if spec.activation == "leaky_relu" else {}),
            }
            for layer, spec in enumerate(network.specs)
            if layer > 0
        ],
        "loss": loss,
        "optimizer": asdict(optimizer),
    }
    if training is not None:
        record["training"] = asdict(training)
    return record


def step_record(trace: Trace, network: Network) -> dict[str, Any]:
    """Everything one (possibly partial) step computed."""
    layers = []
    for layer in range(1, network.depth + 1):
        lt = trace.layers[layer]
        entry: dict[str, Any] = {"layer": layer, "z": plain(lt.z)}
        if network.specs[layer].batch_norm:
            entry.update(
                batch_mean=plain(lt.batch_mean),
                batch_var=plain(lt.batch_var),
                z_hat=plain(lt.z_hat),
                z_tilde=plain(lt.u),
            )
        entry["a"] = plain(lt.a)
        if network.specs[layer].batch_norm:
            entry.update(
                delta_tilde=plain(lt.delta_u), grad_gamma=plain(lt.grad_gamma), grad_beta=plain(lt.grad_beta)
            )
        entry.update(delta=plain(lt.delta), grad_w=plain(lt.grad_w), grad_b=plain(lt.grad_b))
        layers.append(entry)
    record: dict[str, Any] = {
        "step": trace.step + 1,
        "epoch": trace.epoch + 1,
        "batch": plain(trace.batch),
        "m": int(trace.x.shape[0]),
        "x": plain(trace.x),
        "y": plain(trace.y),
        "layers": layers,
        "losses": plain(trace.losses),
        "cost": plain(trace.cost),
        "params_before": parameters(network, trace.params_before),
    }
    if trace.update is not None:
        record["update"] = {
            "grad_norm": plain(trace.update.grad_norm),
            "clip_coef": plain(trace.update.clip_coef),
            "effective_grad": parameters(network, trace.update.effective_grad),
        }
    record["params_after"] = None if trace.params_after is None else parameters(network, trace.params_after)
    record["running_after"] = [
        {"layer": layer, "running_mean": plain(mean), "running_var": plain(var)}
        for layer, (mean, var) in sorted(trace.running_after.items())
    ]
    record["optimizer_state"] = (
        None if trace.optimizer_after is None else optimizer_state(network, trace.optimizer_after)
    )
    return record


def dumps(value: Any) -> str:
    """JSON with objects spread out and every list of numbers on one line (readable, compact);
    the same printer as the network files (`bpstudio.jsontext`)."""
    return jsontext.dumps(value)
