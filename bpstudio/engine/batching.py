"""Batching: which samples each step uses, and how steps make epochs.

An epoch visits every sample once, in dataset order or (with `shuffle`) in a permutation drawn
from the seed and the epoch number, so the order is the same on every run and after every
restore. The epoch is cut into batches of `batch_size` samples; the last one may be shorter.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]


@dataclass(frozen=True)
class TrainingConfig:
    batch_size: int = 1
    shuffle: bool = False
    seed: int = 0


@dataclass
class Dataset:
    inputs: Array  # (m, n0)
    targets: Array  # (m, nL)

    @property
    def size(self) -> int:
        return int(self.inputs.shape[0])

    def copy(self) -> Dataset:
        return Dataset(self.inputs.copy(), self.targets.copy())


def batches_per_epoch(samples: int, batch_size: int) -> int:
    """⌈samples / batch_size⌉."""
    return -(-samples // batch_size)


class SampleOrder:
    """The order of the samples in the epoch in progress, drawn again when the epoch changes
    (or after `forget`, when the dataset or the configuration may have changed)."""

    def __init__(self) -> None:
        self._epoch = -1
        self._order: NDArray[np.int64] = np.arange(0)

    def forget(self) -> None:
        self._epoch = -1

    def batch(
        self, dataset: Dataset, training: TrainingConfig, epoch: int, batch_in_epoch: int
    ) -> NDArray[np.int64]:
        """Indices of the samples of batch `batch_in_epoch` of `epoch`."""
        if self._epoch != epoch:
            m = dataset.size
            if training.shuffle:
                self._order = np.random.default_rng([training.seed, epoch]).permutation(m)
            else:
                self._order = np.arange(m)
            self._epoch = epoch
        bs = training.batch_size
        return self._order[batch_in_epoch * bs : (batch_in_epoch + 1) * bs]


def batch_rows(
    dataset: Dataset, training: TrainingConfig, batch_in_epoch: int, batch: NDArray[np.int64]
) -> tuple[Array, Array]:
    """x and y of a batch: gathered rows when shuffled, else views of a contiguous run (no copy)."""
    if training.shuffle:
        return dataset.inputs[batch], dataset.targets[batch]
    bs = training.batch_size
    rows = slice(batch_in_epoch * bs, (batch_in_epoch + 1) * bs)
    return dataset.inputs[rows], dataset.targets[rows]


def next_batch(epoch: int, batch_in_epoch: int, samples: int, batch_size: int) -> tuple[int, int]:
    """(epoch, batch_in_epoch) after one more step: the epoch ends once its batches have covered
    every sample (batch_in_epoch · batch_size ≥ samples is batch_in_epoch ≥ batches_per_epoch)."""
    batch_in_epoch += 1
    if batch_in_epoch * batch_size >= samples:
        return epoch + 1, 0
    return epoch, batch_in_epoch
