"""What the stepper refuses to train: a dataset that does not fit the network, a loss that does
not fit the output layer, a batch size batch normalisation cannot use, a parameter that is not
finite. Each refusal is an EngineError whose fields say where (`field`, `sample`)."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from bpstudio.engine import losses
from bpstudio.engine.batching import Dataset, TrainingConfig
from bpstudio.engine.errors import EngineError
from bpstudio.engine.network import Network
from bpstudio.engine.optimizers import OptimizerConfig


def _first_row(rows: ArrayLike) -> int:
    """The first dataset row flagged True (an EngineError's `sample`)."""
    return int(np.flatnonzero(rows)[0])


def check_setup(
    network: Network, loss: str, optimizer: OptimizerConfig, training: TrainingConfig, dataset: Dataset
) -> None:
    """Refuse anything training would trip over, with a message naming the problem."""
    net, data = network, dataset
    losses.check_compatible(loss, net.specs[-1].activation)
    optimizer.validate()
    x, y = data.inputs, data.targets
    if x.ndim != 2 or y.ndim != 2:
        raise EngineError("dataset inputs and targets must be tables (one row per sample)", field="targets")
    if x.shape[0] == 0:
        raise EngineError("the dataset is empty: add at least one sample", field="dataset")
    if x.shape[0] != y.shape[0]:
        raise EngineError(
            f"the dataset has {x.shape[0]} input rows but {y.shape[0]} target rows", field="targets"
        )
    if x.shape[1] != net.sizes[0]:
        raise EngineError(
            f"each input has {x.shape[1]} values but the input layer has {net.sizes[0]} neurons",
            field="dataset",
        )
    if y.shape[1] != net.sizes[-1]:
        raise EngineError(
            f"each target has {y.shape[1]} values but the output layer has {net.sizes[-1]} neurons",
            field="targets",
        )
    if not (np.isfinite(x).all() and np.isfinite(y).all()):
        raise EngineError(
            "the dataset holds a value that is not a finite number",
            field="dataset",
            sample=_first_row(~(np.isfinite(x).all(axis=1) & np.isfinite(y).all(axis=1))),
        )
    if loss == "binary_cross_entropy" and ((y < 0).any() or (y > 1).any()):
        raise EngineError(
            "binary_cross_entropy needs targets between 0 and 1",
            field="targets",
            sample=_first_row(((y < 0) | (y > 1)).any(axis=1)),
        )
    if loss == "cross_entropy" and ((y < 0).any()):
        raise EngineError(
            "cross_entropy needs targets that are probabilities (not negative)",
            field="targets",
            sample=_first_row((y < 0).any(axis=1)),
        )
    bs = training.batch_size
    if not isinstance(bs, int) or not 1 <= bs <= data.size:
        raise EngineError(
            f"batch_size must be between 1 and the number of samples ({data.size}), got {bs}",
            field="batch_size",
        )
    if any(spec.batch_norm for spec in net.specs[1:]):
        if bs == 1:
            raise EngineError(
                "batch normalisation cannot train with batch_size 1: a batch of one sample has no "
                "variance; use a batch size of 2 or more",
                field="batch_size",
            )
        if data.size % bs == 1:
            raise EngineError(
                f"batch normalisation: with {data.size} samples and batch_size {bs} the last batch "
                "of each epoch holds 1 sample, which has no variance; change the batch size",
                field="batch_size",
            )
    if network.theta.size and not np.isfinite(network.theta).all():
        raise EngineError("a parameter of the network is not a finite number", field="parameters")
