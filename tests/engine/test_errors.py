"""EngineError says where in structured fields, and the problem apart from the place, so the file
format attaches its JSON path without reading or cutting the English text."""

from __future__ import annotations

import json
import math

import pytest

from bpstudio.document import LoadError, dumps, loads
from bpstudio.document.fileformat import default_network
from bpstudio.engine import EngineError, LayerSpec
from bpstudio.engine.network import check_specs

LAYER_REFUSALS = [
    ([LayerSpec(2), LayerSpec(0, "relu"), LayerSpec(1)], 1, "size", "size must be a positive whole number"),
    ([LayerSpec(2), LayerSpec(2, "softmax"), LayerSpec(1)], 1, "activation", "softmax is only allowed"),
    ([LayerSpec(2), LayerSpec(2, "nope"), LayerSpec(1)], 1, "activation", "unknown activation 'nope'"),
    (
        [LayerSpec(2), LayerSpec(2, "leaky_relu", leaky_slope=math.inf), LayerSpec(1)],
        1,
        "leaky_slope",
        "finite",
    ),
    ([LayerSpec(2), LayerSpec(2), LayerSpec(1, batch_norm=True)], 2, "batch_norm", "hidden layers only"),
]


@pytest.mark.parametrize(("specs", "layer", "field", "words"), LAYER_REFUSALS)
def test_a_layer_refusal_keeps_the_problem_apart_from_the_place(
    specs: list[LayerSpec], layer: int, field: str, words: str
) -> None:
    with pytest.raises(EngineError) as caught:
        check_specs(specs)
    error = caught.value
    assert (error.layer, error.field) == (layer, field)
    assert words in error.problem and not error.problem.startswith("layer")
    assert str(error) == f"layer {layer}: {error.problem}"


def test_an_error_without_a_place_is_its_own_problem() -> None:
    error = EngineError("the dataset is empty", field="dataset")
    assert error.problem == str(error) == "the dataset is empty"


def test_the_file_format_names_the_layer_in_the_path_and_not_again_in_the_problem() -> None:
    data = json.loads(dumps(default_network()))
    data["layers"][1]["activation"] = "softmax"
    with pytest.raises(LoadError) as caught:
        loads(json.dumps(data))
    assert caught.value.json_path == "layers[1].activation"
    assert caught.value.problem == "softmax is only allowed on the output layer"
