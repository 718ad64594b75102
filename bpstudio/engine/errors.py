"""Errors the engine raises; each message is meant to be shown to a learner as it is."""

from __future__ import annotations


class EngineError(ValueError):
    """A configuration the engine refuses (bad names, shapes, options)."""


class NonFiniteError(ArithmeticError):
    """A phase produced NaN or Inf.

    `phase` is "feedforward", "backward" or "update"; `layer` is 1-based (0 = input).
    """

    def __init__(self, phase: str, layer: int, what: str, value: float, step: int) -> None:
        self.phase = phase
        self.layer = layer
        self.what = what
        self.value = value
        self.step = step
        where = f"layer {layer}" if layer > 0 else "the input"
        super().__init__(
            f"step {step + 1}, {phase} phase, {where}: {what} became {value!r} (not a finite number)"
        )
