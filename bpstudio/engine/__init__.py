"""The maths of BP Studio: pure NumPy, float64, no Qt, no I/O.

Read `backprop` for the article's algorithm (feedforward, backward and the update of one
mini-batch, in the article's notation). Around it: `stepper` (the phases, one layer at a time,
and the public API the rest of the program uses), `network` (layers and the flat parameter
vector θ), `activations` (g, g′), `losses` (L, δ_out), `optimizers` (the update rules),
`batchnorm`, `batching` (sample order, batches, epochs), `trace` (what a step computed),
`state` (snapshots and the saved training state as plain arrays), `validation` (what training
refuses), `checks` (where a NaN came from), `plan` (per-layer look-ups for speed),
`initializers`, `edit` (structure edits) and `gradcheck`.
"""

from bpstudio.engine.activations import ACTIVATIONS
from bpstudio.engine.batching import Dataset, TrainingConfig
from bpstudio.engine.errors import EngineError, NonFiniteError
from bpstudio.engine.initializers import INITIALIZERS, InitConfig, initialize
from bpstudio.engine.losses import LOSSES
from bpstudio.engine.network import LayerSpec, Network
from bpstudio.engine.optimizers import OPTIMIZERS, OptimizerConfig, OptimizerState
from bpstudio.engine.state import Snapshot, TrainingState
from bpstudio.engine.stepper import Stepper, TrainSummary
from bpstudio.engine.trace import LayerTrace, Phase, PhaseEvent, Trace

__all__ = [
    "ACTIVATIONS",
    "INITIALIZERS",
    "LOSSES",
    "OPTIMIZERS",
    "Dataset",
    "EngineError",
    "InitConfig",
    "LayerSpec",
    "LayerTrace",
    "Network",
    "NonFiniteError",
    "OptimizerConfig",
    "OptimizerState",
    "Phase",
    "PhaseEvent",
    "Snapshot",
    "Stepper",
    "Trace",
    "TrainSummary",
    "TrainingConfig",
    "TrainingState",
    "initialize",
]
