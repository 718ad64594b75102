"""The maths of BP Studio: pure NumPy, float64, no Qt, no I/O."""

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
