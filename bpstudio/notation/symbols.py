"""The symbols of the mathematical objects the app shows, each written once.

Keys are the engine's (`gamma`, `velocity`) or the formula nodes' (`yhat`); values are what a
learner reads. An activation's name in formulas (σ, tanh, ReLU) is in its table,
`notation.activations`.
Words that need translating (the tables' tooltips, "Xavier (uniform)") are not symbols and stay
in the Qt layers.
"""

from __future__ import annotations

# Every letter a formula writes, by its key in the formula nodes (`Sym("gamma", 1)`): its LaTeX
# spelling and its Unicode one. The names of the views (W¹₁₂, γ¹₁, ŷ, m(W¹)) read their letters
# from this table too, so a symbol is spelt once.
MATH: dict[str, tuple[str, str]] = {
    "x": ("x", "x"),
    "y": ("y", "y"),
    "yhat": (r"\hat{y}", "ŷ"),
    "z": ("z", "z"),
    "zhat": (r"\hat{z}", "ẑ"),
    "ztilde": (r"\tilde{z}", "z̃"),
    "a": ("a", "a"),
    "W": ("W", "W"),
    "b": ("b", "b"),
    "delta": (r"\delta", "δ"),
    "deltatilde": (r"\tilde{\delta}", "δ̃"),
    "gamma": (r"\gamma", "γ"),
    "beta": (r"\beta", "β"),
    "mu": (r"\mu", "μ"),
    "mom": (r"\mu", "μ"),
    "sigma": (r"\sigma", "σ"),
    "L": ("L", "L"),
    "J": ("J", "J"),
    "g": ("g", "g"),
    "v": ("v", "v"),
    "m": ("m", "m"),
    "mhat": (r"\hat{m}", "m̂"),
    "vhat": (r"\hat{v}", "v̂"),
    "theta": (r"\theta", "θ"),
    "alpha": (r"\alpha", "α"),
    "lambda": (r"\lambda", "λ"),
    "epsilon": (r"\varepsilon", "ε"),
    "beta1": (r"\beta_1", "β₁"),
    "beta2": (r"\beta_2", "β₂"),
    "c": ("c", "c"),
    "t": ("t", "t"),
    "n": ("n", "n"),
    "runmean": (r"\hat{\mu}", "μ̂"),
    "runvar": (r"\hat{\sigma}^2", "σ̂²"),
}


def letter(key: str) -> str:
    """The Unicode letter of a formula key: γ for "gamma", ŷ for "yhat"."""
    return MATH[key][1]


# A layer's parameters: W and b of the article, γ and β of batch normalisation.
PARAMETER_SYMBOLS: dict[str, str] = {kind: letter(kind) for kind in ("W", "b", "gamma", "beta")}

# The optimizer's buffers by the symbols the explanation writes: v for momentum's velocity,
# m and v for Adam's first and second moments.
BUFFER_SYMBOLS: dict[str, str] = {"velocity": letter("v"), "m": letter("m"), "v": letter("v")}

# The cost the gradients are taken of (the article's J: the mean of the samples' losses L).
COST = letter("J")
LOSS = letter("L")
GRADIENT_PREFIX = f"∂{COST}/∂"

# The letters of a network's neurons and of the dataset's columns.
INPUT = letter("x")
HIDDEN = "h"
OUTPUT = letter("yhat")
TARGET = letter("y")


def parameter_symbol(kind: str) -> str:
    """W, b, γ or β for a parameter kind (an unknown kind is written as its key)."""
    return PARAMETER_SYMBOLS.get(kind, kind)


def buffer_symbol(buffer: str) -> str:
    """v, m … for an optimizer buffer (an unknown buffer is written as its key)."""
    return BUFFER_SYMBOLS.get(buffer, buffer)
