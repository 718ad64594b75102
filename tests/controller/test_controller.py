"""Controller intents on the document: stepping, step back, edits and their undo, refusals."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bpstudio.controller import Controller
from bpstudio.document.document import NetworkDocument
from bpstudio.engine import InitConfig, OptimizerConfig, Phase
from tests.support.ui_state import file_text, full_state


@pytest.fixture
def errors(document: NetworkDocument) -> list[str]:
    found: list[str] = []
    document.error_occurred.connect(found.append)
    return found


def test_three_phases_reproduce_the_article(document: NetworkDocument, controller: Controller) -> None:
    events = []
    document.step_changed.connect(events.append)
    net = document.network
    assert controller.next_phase()
    assert document.phase is Phase.BACKWARD
    trace = document.trace
    assert trace is not None and trace.cost is not None
    assert round(float(trace.layers[2].a[0, 0]), 6) == 0.725409
    assert round(trace.cost, 6) == 0.0377
    assert controller.next_phase()
    assert np.round(trace.layers[2].grad_w, 6).tolist() == [[-0.026665, -0.029259]]
    assert controller.next_phase()
    assert np.round(net.W(2), 6).tolist() == [[0.802666, 0.902926]]
    assert np.round(net.W(1), 6).tolist() == [[0.100219, -0.199563], [0.300245, 0.25049]]
    assert np.round(net.b(1), 6).tolist() == [0.011093, -0.018775]
    assert [e.phase for e in events] == [Phase.FEEDFORWARD, Phase.BACKWARD, Phase.UPDATE]
    assert events[-1].step_completed
    assert document.history.count() == 3 and document.modified


def test_step_back_restores_everything_bit_for_bit(document: NetworkDocument, controller: Controller) -> None:
    controller.set_options(optimizer=OptimizerConfig(name="adam", learning_rate=0.05))
    controller.step()
    controller.next_layer()  # mid-phase, with optimizer moments
    states = [full_state(document)]
    for _ in range(3):
        assert controller.next_phase()
        states.append(full_state(document))
    forward = states[-1]
    for expected in reversed(states[:-1]):
        assert controller.step_back()
        assert full_state(document) == expected
    for _ in range(3):
        controller.next_phase()
    assert full_state(document) == forward


def test_run_session_is_one_undo_entry(document: NetworkDocument, controller: Controller) -> None:
    before = full_state(document)
    controller.begin_run()
    for _ in range(4):
        assert controller.run_steps(25)
    controller.end_run()
    assert document.stepper.steps_done == 100 and len(document.stepper.cost_history) == 100
    assert document.history.count() == 1
    controller.undo()  # Undo takes the whole run back (Step back goes back one phase)
    assert full_state(document) == before
    controller.redo()
    assert document.stepper.steps_done == 100


def test_edit_weight_undo_redo(document: NetworkDocument, controller: Controller) -> None:
    controller.next_phase()  # the edit restarts the step; undo brings the half-done step back
    before = full_state(document)
    assert controller.set_parameter(1, "W", 0, 1, 0.5)
    assert document.network.W(1)[0, 1] == 0.5
    assert document.trace is None and document.phase is Phase.FEEDFORWARD
    assert "W" in document.history.undo_text()
    after = full_state(document)
    controller.undo()
    assert full_state(document) == before
    controller.redo()
    assert full_state(document) == after


def test_structure_edits_undo_back_to_the_original(document: NetworkDocument, controller: Controller) -> None:
    original_state, original_file = full_state(document), file_text(document)
    assert controller.add_layer(2, 3, "tanh")
    assert document.network.sizes == [2, 2, 3, 1]
    assert controller.add_neuron(1)
    assert document.network.sizes == [2, 3, 3, 1]
    assert controller.remove_neuron(2, 0)
    assert document.network.sizes == [2, 3, 2, 1]
    assert controller.set_activation(2, "relu")
    assert controller.remove_layer(1)
    assert document.network.sizes == [2, 2, 1]
    assert controller.add_neuron(0)  # a new input column in the dataset
    assert document.dataset.inputs.shape == (1, 3)
    while document.history.can_undo():
        controller.undo()
    assert full_state(document) == original_state
    assert file_text(document) == original_file
    assert not document.modified


def test_refused_edits_leave_the_document_alone(
    document: NetworkDocument, controller: Controller, errors: list[str]
) -> None:
    before = full_state(document)
    assert not controller.remove_layer(2)  # the output layer
    assert not controller.remove_neuron(2, 0)  # the only output neuron
    assert not controller.set_activation(1, "softmax")
    assert not controller.set_options(loss="cross_entropy")
    assert not controller.set_parameter(1, "W", 5, 0, 1.0)
    assert not controller.set_optimizer_option(learning_rate=-1.0)
    assert len(errors) == 6 and all(errors)
    assert "learning_rate" in errors[-1]
    assert full_state(document) == before
    assert document.history.count() == 0


def test_non_finite_training_is_reported_and_undone(
    document: NetworkDocument, controller: Controller, errors: list[str]
) -> None:
    controller.set_activation(2, "linear")
    controller.set_parameter(2, "W", 0, 0, 1e308)
    controller.set_parameter(2, "W", 0, 1, 1e308)
    controller.set_parameter(2, "b", 0, None, 1e308)
    before = full_state(document)
    count = document.history.count()
    assert not controller.step()
    assert errors and "not a finite number" in errors[-1]
    assert full_state(document) == before and document.history.count() == count


def test_reset_and_reinitialise_are_undoable(document: NetworkDocument, controller: Controller) -> None:
    original = full_state(document)
    controller.run_steps(5)
    trained = full_state(document)
    assert controller.reinitialise(InitConfig(scheme="he_normal", seed=3))
    assert document.stepper.steps_done == 0 and document.stepper.cost_history == []
    assert document.init.scheme == "he_normal"
    controller.undo()
    assert full_state(document) == trained
    assert controller.reset()
    assert full_state(document) == original
    controller.undo()
    assert full_state(document) == trained


def test_dataset_edits_and_csv_import(
    document: NetworkDocument, controller: Controller, errors: list[str], tmp_path: Path
) -> None:
    assert controller.add_sample()
    assert controller.set_sample_value(1, 2, 0.0)
    assert document.dataset.targets.tolist() == [[1.0], [0.0]]
    assert controller.set_training_option(batch_size=2)
    assert not controller.remove_samples([0])  # batch size now larger than the dataset: refused
    assert document.dataset.size == 2 and "batch_size" in errors[-1]
    assert controller.set_training_option(batch_size=1)
    good = tmp_path / "good.csv"
    good.write_text("x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n", encoding="utf-8")
    assert controller.import_csv(good)
    assert document.dataset.size == 4 and document.dataset.targets[:, 0].tolist() == [0, 1, 1, 0]
    bad = tmp_path / "bad.csv"
    bad.write_text("0,0,0\n0,one,1\n1,0\n", encoding="utf-8")
    assert not controller.import_csv(bad)
    assert "row 2, column 2: 'one' is not a number" in errors[-1]
    assert "row 3: expected 3 values" in errors[-1]
    assert document.dataset.size == 4


def test_move_neurons_is_one_entry(document: NetworkDocument, controller: Controller) -> None:
    layout = [[(0.0, 0.0), (0.0, 100.0)], [(200.0, 0.0), (200.0, 100.0)], [(400.0, 50.0)]]
    moves = {(layer, j): xy for layer, column in enumerate(layout) for j, xy in enumerate(column)}
    assert controller.move_neurons(moves)
    assert controller.move_neurons({(2, 0): (420.0, 60.0)})
    assert document.positions is not None and document.positions[2][0] == (420.0, 60.0)
    controller.undo()
    assert document.positions == layout
    assert controller.add_neuron(1)
    assert document.positions[1][2] == (200.0, 200.0)


def test_saved_states_report_their_memory(document: NetworkDocument, controller: Controller) -> None:
    controller.next_phase()
    controller.run_steps(3)
    controller.add_neuron(1)
    sizes = [document.history.command(i).nbytes() for i in range(document.history.count())]
    theta_bytes = document.network.theta.nbytes
    assert all(size > theta_bytes for size in sizes)
    assert document.history.nbytes() == sum(sizes)
