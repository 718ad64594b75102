"""The symbols of the mathematical objects the app shows, each written once.

Keys are the engine's (`gamma`, `velocity`, `leaky_relu`); values are what a learner reads.
Words that need translating (the tables' tooltips, "Xavier (uniform)") are not symbols and stay
in the Qt layers.
"""

from __future__ import annotations

# A layer's parameters: W and b of the article, γ and β of batch normalisation.
PARAMETER_SYMBOLS: dict[str, str] = {"W": "W", "b": "b", "gamma": "γ", "beta": "β"}

# The optimizer's buffers by the symbols the explanation writes: v for momentum's velocity,
# m and v for Adam's first and second moments.
BUFFER_SYMBOLS: dict[str, str] = {"velocity": "v", "m": "m", "v": "v"}

# How each activation is written in a formula.
ACTIVATION_SYMBOLS: dict[str, str] = {
    "sigmoid": "σ",
    "tanh": "tanh",
    "relu": "ReLU",
    "leaky_relu": "LeakyReLU",
    "linear": "id",
    "softmax": "softmax",
}

# The cost the gradients are taken of (the article's J: the mean of the samples' losses L).
COST = "J"
LOSS = "L"
GRADIENT_PREFIX = "∂J/∂"

# The letters of a network's neurons and of the dataset's columns.
INPUT = "x"
HIDDEN = "h"
OUTPUT = "ŷ"
TARGET = "y"


def parameter_symbol(kind: str) -> str:
    """W, b, γ or β for a parameter kind (an unknown kind is written as its key)."""
    return PARAMETER_SYMBOLS.get(kind, kind)


def buffer_symbol(buffer: str) -> str:
    """v, m … for an optimizer buffer (an unknown buffer is written as its key)."""
    return BUFFER_SYMBOLS.get(buffer, buffer)


def activation_symbol(key: str) -> str:
    """σ, tanh, ReLU … for an activation key (an unknown one is written as its key)."""
    return ACTIVATION_SYMBOLS.get(key, key)
