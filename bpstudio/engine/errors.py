"""Errors the engine raises; each message is meant to be shown to a learner as it is.

Besides the message, each error carries structured fields saying *where* the problem is, so
the layers above (the file format attaching a JSON path, the controller translating a report)
never search the English text.
"""

from __future__ import annotations


class EngineError(ValueError):
    """A configuration the engine refuses (bad names, shapes, options).

    The optional fields say where: `layer` (0 = input), `sample` (0-based dataset row),
    `field` (the setting at fault in the engine's own words: "size", "activation",
    "batch_norm", "leaky_slope", "loss", "dataset", "targets", "batch_size", "parameters",
    an optimizer option such as "learning_rate", "batch_in_epoch", "epoch_history"…) and
    `phase` ("feedforward", "backward", "update"). `problem` is the message without the place
    the fields already name ("size must be a positive whole number…" for "layer 2: size must…"),
    for a caller that shows the place its own way (the file format's JSON path).
    """

    def __init__(
        self,
        message: str,
        *,
        layer: int | None = None,
        sample: int | None = None,
        field: str | None = None,
        phase: str | None = None,
        problem: str | None = None,
    ) -> None:
        super().__init__(message)
        self.problem = message if problem is None else problem
        self.layer = layer
        self.sample = sample
        self.field = field
        self.phase = phase


# What a NonFiniteError names in words when it is not a symbol (z, a, δ, ∂J/∂W…).
# The optimizer's moments and batch norm's running statistics are checked with the parameters in
# UPDATE: they can overflow while θ stays finite (an infinite Adam v makes the step 0).
QUANTITY_WORDS = {
    "cost": "the cost",
    "gradient": "a gradient",
    "parameter": "a parameter",
    "velocity": "the momentum velocity",
    "m": "Adam's first moment m",
    "v": "Adam's second moment v",
    "running_mean": "the running mean",
    "running_var": "the running variance",
}


class NonFiniteError(ArithmeticError):
    """A phase produced NaN or Inf.

    `phase` is "feedforward", "backward" or "update"; `layer` is 1-based (0 = input);
    `quantity` is a symbol ("z", "a", "δ", "∂J/∂W", …) or one of the keys of QUANTITY_WORDS;
    `what` is the English text the message uses for it.
    """

    def __init__(self, phase: str, layer: int, quantity: str, value: float, step: int) -> None:
        self.phase = phase
        self.layer = layer
        self.quantity = quantity
        self.what = QUANTITY_WORDS.get(quantity, quantity)
        self.value = value
        self.step = step
        where = f"layer {layer}" if layer > 0 else "the input"
        super().__init__(
            f"step {step + 1}, {phase} phase, {where}: {self.what} became {value!r} (not a finite number)"
        )
