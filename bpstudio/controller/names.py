"""The one table of human names for the engine's keys, in the UI language.

The engine names things with keys (`xavier_uniform`, `half_sse`, `leaky_relu`); a learner reads
*Xavier (uniform)*, *½ sum of squares*, *Leaky ReLU*. Every combo box, menu, layer title and
History entry takes its name from here, so a name is written (and translated) once. The tables
live in the controller layer because both the views (combos) and the controller (undo texts)
need them; the views keep the engine key as item data.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# W¹₁₂, x₁ and y₁ in History texts: the names every view writes
from bpstudio.notation.names import input_name as input_name
from bpstudio.notation.names import parameter_name as parameter_name
from bpstudio.notation.names import target_name as target_name
from bpstudio.notation.numbers import SHORT
from bpstudio.notation.numbers import number as _number


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def activation_names() -> dict[str, str]:
    return {
        "sigmoid": tr("Sigmoid"),
        "tanh": tr("tanh"),
        "relu": tr("ReLU"),
        "leaky_relu": tr("Leaky ReLU"),
        "elu": tr("ELU"),
        "linear": tr("Linear (identity)"),
        "softmax": tr("Softmax"),
    }


def loss_names() -> dict[str, str]:
    return {
        "half_sse": tr("½ sum of squares"),
        "mse": tr("Mean squared error"),
        "huber": tr("Huber loss"),
        "binary_cross_entropy": tr("Binary cross-entropy"),
        "cross_entropy": tr("Cross-entropy"),
    }


def optimizer_names() -> dict[str, str]:
    return {
        "sgd": tr("SGD"),
        "momentum": tr("SGD with momentum"),
        "nesterov": tr("Nesterov momentum"),
        "adam": tr("Adam"),
    }


def initializer_names() -> dict[str, str]:
    return {
        "xavier_uniform": tr("Xavier (uniform)"),
        "xavier_normal": tr("Xavier (normal)"),
        "he_uniform": tr("He (uniform)"),
        "he_normal": tr("He (normal)"),
        "uniform": tr("Uniform [a, b]"),
        "normal": tr("Normal (0, σ)"),
    }


def option_names() -> dict[str, str]:
    """The training options and the initialiser's fields, as the form labels and History name them."""
    return {
        "loss": tr("Loss"),
        "optimizer": tr("Optimizer"),
        "learning_rate": tr("Learning rate"),
        "momentum": tr("Momentum"),
        "beta1": tr("β₁ (first moment)"),
        "beta2": tr("β₂ (second moment)"),
        "epsilon": tr("ε"),
        "weight_decay": tr("Weight decay"),
        "clip_norm": tr("Clip gradient norm"),
        "batch_size": tr("Batch size"),
        "shuffle": tr("Shuffle each epoch"),
        "seed": tr("Shuffle seed"),
        "scheme": tr("Initialiser"),
        "init_seed": tr("Initialiser seed"),
        "a": tr("Lower bound a"),
        "b": tr("Upper bound b"),
        "std": tr("Standard deviation σ"),
        "bias": tr("Bias value"),
    }


def _name(table: dict[str, str], key: str) -> str:
    return table.get(key, key)


def activation_name(key: str) -> str:
    return _name(activation_names(), key)


def loss_name(key: str) -> str:
    return _name(loss_names(), key)


def optimizer_name(key: str) -> str:
    return _name(optimizer_names(), key)


def initializer_name(key: str) -> str:
    return _name(initializer_names(), key)


def option_name(key: str) -> str:
    return _name(option_names(), key)


def speed_name(steps_per_second: int) -> str:
    """The Run speed: *1 step/s*, *20 steps/s*, *Maximum* (0 means as fast as possible)."""
    if steps_per_second == 0:
        return tr("Maximum")
    if steps_per_second == 1:
        return tr("1 step/s")
    return tr("{0} steps/s").format(steps_per_second)


def number(value: float | None) -> str:
    """A value in an undo text (`notation.numbers.SHORT`: six significant digits, a real minus
    sign); None is an option switched off."""
    if value is None:
        return tr("off")
    return _number(value, SHORT)


def on_off(flag: bool) -> str:
    return tr("on") if flag else tr("off")


def change_text(name: str, before: str | float, after: str | float) -> str:
    """One History entry: *Learning rate 0.1 → 0.05*, *W¹₁₂ 0.1 → 0.2*."""
    old = before if isinstance(before, str) else number(before)
    new = after if isinstance(after, str) else number(after)
    return tr("{0} {1} → {2}").format(name, old, new)
