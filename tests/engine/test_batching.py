"""Batching rules: batches per epoch, when an epoch ends, which rows a batch holds."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from bpstudio.engine.batching import (
    Dataset,
    SampleOrder,
    TrainingConfig,
    batch_rows,
    batches_per_epoch,
    next_batch,
)


@given(samples=st.integers(1, 200), batch_size=st.integers(1, 200))
def test_an_epoch_ends_after_batches_per_epoch_steps(samples: int, batch_size: int) -> None:
    per_epoch = batches_per_epoch(samples, batch_size)
    assert (per_epoch - 1) * batch_size < samples <= per_epoch * batch_size
    epoch, in_epoch = 0, 0
    for _ in range(per_epoch - 1):
        epoch, in_epoch = next_batch(epoch, in_epoch, samples, batch_size)
        assert epoch == 0
    assert next_batch(epoch, in_epoch, samples, batch_size) == (1, 0)


@given(
    samples=st.integers(1, 30), batch_size=st.integers(1, 30), shuffle=st.booleans(), seed=st.integers(0, 99)
)
def test_the_batches_of_an_epoch_visit_every_sample_once(
    samples: int, batch_size: int, shuffle: bool, seed: int
) -> None:
    batch_size = min(batch_size, samples)
    data = Dataset(np.arange(samples, dtype=float).reshape(-1, 1), np.zeros((samples, 1)))
    config = TrainingConfig(batch_size, shuffle, seed)
    order = SampleOrder()
    for epoch in range(2):
        seen: list[int] = []
        for index in range(batches_per_epoch(samples, batch_size)):
            batch = order.batch(data, config, epoch, index)
            x, _ = batch_rows(data, config, index, batch)
            assert x[:, 0].tolist() == batch.tolist()  # the rows are the batch's samples
            seen.extend(batch.tolist())
        assert sorted(seen) == list(range(samples))
        if not shuffle:
            assert seen == list(range(samples))
