"""The one table of BP Studio's limits: what a file may hold, what a network may be, how far
training may count. Loading, training, `check` and saving all read these numbers, so whatever
loads can be trained, checked and saved (docs/file-format.md, "Limits", says the same in words).

The sizes are chosen together. A saved file writes every number at full precision (at most
BYTES_PER_NUMBER characters with its separator and, for a one-number row, its indentation and
brackets), so MAX_NUMBERS numbers plus MAX_TEXT_CHARS characters of names and descriptions stay
under MAX_FILE_BYTES, the largest file the loader reads. The numbers of a file are the
parameters, each moment the optimizer keeps (one more copy of the parameters for momentum, two
for Adam), the batch-norm running statistics, the dataset and the cost and epoch histories (two
per step trained): `saved_numbers` counts them, and training refuses the step that would pass
MAX_NUMBERS or MAX_COUNT.
"""

from __future__ import annotations

MAX_FILE_BYTES = 64 * 1024 * 1024  # the largest network file read (and written)
MAX_LAYERS = 64  # input and output included
MAX_NEURONS_PER_LAYER = 100_000
BYTES_PER_NUMBER = 42  # "-2.2250738585072014e-308" (24) + ", " or, alone on a row, indent and "[],\n"
MAX_TEXT_CHARS = 4 * 1024 * 1024  # names, descriptions and neuron names together, in UTF-8 bytes
MAX_NUMBERS = (MAX_FILE_BYTES - MAX_TEXT_CHARS - 1024 * 1024) // BYTES_PER_NUMBER  # 1,472,999
# θ with Adam's two moments and batch norm's running statistics must fit among MAX_NUMBERS.
MAX_PARAMETERS = 450_000
MAX_COUNT = 2**63 - 1  # steps, epochs and optimizer steps (a signed 64-bit integer in the file)
# `check` compares every parameter while the work fits CHECK_WORK (parameters × samples, per
# evaluation of J, over all its evaluations: 16 per parameter compared); beyond, as many as fit,
# evenly spread, but at least CHECK_MIN_PARAMETERS. About 20 s on a 2-100000-1 network.
CHECK_WORK = 1_000_000_000
CHECK_MIN_PARAMETERS = 24
NUMBERS_PER_STEP = 2  # a step adds one cost and one epoch to the histories


def saved_numbers(parameters: int, moments: int, running: int, dataset: int, history: int) -> int:
    """How many numbers a saved file holds: θ and each moment, the running statistics (mean and
    variance per batch-norm neuron: `running` counts both), the dataset's values and the two
    histories of `history` steps."""
    return parameters * (1 + moments) + running + dataset + NUMBERS_PER_STEP * history
