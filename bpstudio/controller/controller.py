"""One method per user intent. Views call only these; each turns into a command on the history.

Nothing here raises to a view: a refused intent returns False and the document emits
`error_occurred` with one clear sentence naming what is wrong (the engine's or the loader's
message), and the document stays exactly as it was.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication

from bpstudio.controller import names
from bpstudio.controller.dataset_csv import CsvError, read_dataset_csv
from bpstudio.document import fileformat as fmt
from bpstudio.document import recovery
from bpstudio.document.commands import (
    MoveNeurons,
    Progress,
    RunSteps,
    SetParameter,
    StateCommand,
    StepPhase,
    TrainingSpan,
)
from bpstudio.document.document import Change, NetworkDocument, Positions
from bpstudio.document.history import Command
from bpstudio.engine import (
    Dataset,
    EngineError,
    InitConfig,
    Network,
    NonFiniteError,
    OptimizerConfig,
    Phase,
    TrainingConfig,
)
from bpstudio.engine import edit as structure

STRUCTURE_CHANGES = Change.STRUCTURE | Change.DATASET | Change.PARAMETERS | Change.STEP | Change.POSITIONS


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def phase_name(phase: Phase) -> str:
    """The phase as the toolbar and the undo texts name it, in the UI language."""
    if phase is Phase.FEEDFORWARD:
        return tr("Feedforward")
    if phase is Phase.BACKWARD:
        return tr("Error terms δ")
    return tr("Update")


def quantity_words() -> dict[str, str]:
    """What a NonFiniteError's `quantity` key names in words, in the UI language; the keys are the
    engine's (errors.QUANTITY_WORDS). Any other quantity is a symbol (z, a, δ, ∂J/∂W…), the same
    in every language."""
    return {
        "cost": tr("the cost"),
        "gradient": tr("a gradient"),
        "parameter": tr("a parameter"),
        "velocity": tr("the momentum velocity"),
        "m": tr("Adam's first moment m"),
        "v": tr("Adam's second moment v"),
        "running_mean": tr("the running mean"),
        "running_var": tr("the running variance"),
    }


def non_finite_message(exc: NonFiniteError) -> str:
    """The engine's NaN/Inf report in the UI language, built from the error's fields (step, phase,
    layer, quantity, value), never from its English message."""
    phase = phase_name(Phase(exc.phase))
    phase = phase[:1].lower() + phase[1:]  # it sits mid-sentence
    where = tr("layer {0}").format(exc.layer) if exc.layer > 0 else tr("the input")
    what = quantity_words().get(exc.quantity, exc.quantity)
    return tr("step {0}, {1} phase, {2}: {3} became {4} (not a finite number)").format(
        exc.step + 1, phase, where, what, repr(exc.value)
    )


def options_text(
    loss: str,
    optimizer: OptimizerConfig,
    training: TrainingConfig,
    init: InitConfig,
    new_loss: str | None,
    new_optimizer: OptimizerConfig | None,
    new_training: TrainingConfig | None,
    new_init: InitConfig | None,
) -> str:
    """What an options change does, for History and Edit › Undo: *Learning rate 0.1 → 0.05*."""
    changes: list[str] = []

    def named(key: str, before: str, after: str) -> None:
        if before != after:
            changes.append(names.change_text(names.option_name(key), before, after))

    if new_loss is not None:
        named("loss", names.loss_name(loss), names.loss_name(new_loss))
    if new_optimizer is not None:
        named("optimizer", names.optimizer_name(optimizer.name), names.optimizer_name(new_optimizer.name))
        for key in ("learning_rate", "momentum", "beta1", "beta2", "epsilon", "weight_decay", "clip_norm"):
            named(key, names.number(getattr(optimizer, key)), names.number(getattr(new_optimizer, key)))
    if new_training is not None:
        named("batch_size", str(training.batch_size), str(new_training.batch_size))
        named("shuffle", names.on_off(training.shuffle), names.on_off(new_training.shuffle))
        named("seed", str(training.seed), str(new_training.seed))
    if new_init is not None:
        named("scheme", names.initializer_name(init.scheme), names.initializer_name(new_init.scheme))
        named("init_seed", str(init.seed), str(new_init.seed))
        for key in ("a", "b", "std", "bias"):
            named(key, names.number(getattr(init, key)), names.number(getattr(new_init, key)))
    return "; ".join(changes) if changes else tr("Change the training options")


class Controller:
    def __init__(self, document: NetworkDocument) -> None:
        self.document = document
        self._sessions = itertools.count(1)
        self._session: int | None = None
        self._pending_edits: list[Callable[[], None]] = []

    # -- plumbing ------------------------------------------------------------------------------
    def before_training(self, apply_pending: Callable[[], None]) -> None:
        """Register a view's way to apply a value typed but not yet confirmed (no Enter yet).

        A toolbar click or a shortcut does not take the focus from the field being edited, so
        without this a phase would run with the old value while the field shows the new one.
        Every phase and every Run first lets the views apply (or refuse) what they show.
        """
        self._pending_edits.append(apply_pending)

    def _apply_pending_edits(self) -> None:
        for apply_pending in list(self._pending_edits):
            apply_pending()

    def _push(self, command: Command, failure: str) -> bool:
        """Push; turn engine refusals into one message. `failure` says what could not be done."""
        try:
            self.document.history.push(command)
        except (EngineError, NonFiniteError) as exc:
            self._refused(exc, failure)
            return False
        return True

    def _refused(self, exc: EngineError | NonFiniteError, failure: str) -> None:
        if isinstance(exc, NonFiniteError):
            self.document.report_error(tr("Training stopped: {0}").format(non_finite_message(exc)))
        else:
            self.document.report_error(f"{failure}: {exc}")

    def _state_command(
        self,
        text: str,
        change: Callable[[], None],
        changes: Change,
        failure: str,
        *,
        full_history: bool = False,
    ) -> bool:
        return self._push(
            StateCommand(self.document, text, change, changes, full_history=full_history), failure
        )

    # -- stepping --------------------------------------------------------------------------------
    def _advance(self, action: str, text: str) -> bool:
        if self._session is not None:
            return False
        return self._push(StepPhase(self.document, action, text), tr("Cannot advance"))

    def next_phase(self) -> bool:
        self._apply_pending_edits()
        doc = self.document
        return self._advance("phase", tr("Next phase: {0}").format(phase_name(doc.phase)))

    def next_layer(self) -> bool:
        self._apply_pending_edits()
        doc = self.document
        if doc.phase is Phase.UPDATE:
            text = tr("Next layer: {0}").format(phase_name(doc.phase))
        else:
            text = tr("Next layer: {0}, layer {1}").format(phase_name(doc.phase), doc.layer)
        return self._advance("layer", text)

    def step(self) -> bool:
        self._apply_pending_edits()
        return self._advance("step", tr("Step"))

    def run_epoch(self) -> bool:
        self._apply_pending_edits()
        return self._advance("epoch", tr("Epoch"))

    def begin_run(self) -> None:
        """Start a Run session: its ticks merge into one undo entry."""
        self._apply_pending_edits()
        self._session = next(self._sessions)

    def end_run(self) -> None:
        self._session = None

    @property
    def running(self) -> bool:
        return self._session is not None

    def run_steps(self, k: int) -> bool:
        """k whole training steps (Run mode calls this per timer tick)."""
        if k < 1:
            return True
        doc = self.document
        session = self._session if self._session is not None else next(self._sessions)
        start = doc.steps_done
        try:
            doc.history.push(RunSteps(doc, k, session, tr("Run")))
        except (EngineError, NonFiniteError) as exc:
            # A refused step undoes the whole tick; the steps before it are done again (training
            # is deterministic), so a run stops right before the refused step at every speed.
            good = exc.step - start if isinstance(exc, NonFiniteError) else 0
            if good > 0:
                self._push(RunSteps(doc, good, session, tr("Run")), tr("Cannot train"))
            self._refused(exc, tr("Cannot train"))
            return False
        return True

    def can_step_back(self) -> bool:
        history = self.document.history
        if not history.can_undo():
            return False
        return isinstance(history.command(history.index() - 1), TrainingSpan)

    def step_back(self, progress: Progress | None = None) -> bool:
        """Go back exactly one phase, restoring every number bit for bit.

        The last entry is undone when it is one phase (or less). A Step, Epoch or Run entry is
        split instead: its last phase becomes an entry of its own, undone at once, and the rest
        ends one phase earlier, computed again from the entry's start or a checkpoint of the
        run (training is deterministic). Undo still takes back a whole Run as one entry.
        `progress(done, total)` follows a long replay and may cancel it (returns False).
        """
        if self._session is not None or not self.can_step_back():
            return False
        history = self.document.history
        command = history.command(history.index() - 1)
        target = command.phase_back() if isinstance(command, TrainingSpan) else None
        if target is None:
            history.undo()
            return True
        assert isinstance(command, TrainingSpan)
        phase = (Phase.FEEDFORWARD, Phase.BACKWARD, Phase.UPDATE)[target[1]]
        text = tr("Next phase: {0}").format(phase_name(phase))
        try:
            tail = command.shorten(target, text, progress)
        except (EngineError, NonFiniteError) as exc:
            self._refused(exc, tr("Cannot step back"))
            return False
        if tail is None:
            return False
        history.insert_undone(tail)
        return True

    def go_to(self, index: int) -> bool:
        """Undo or redo until `index` changes are applied (0 = the network as opened)."""
        if self._session is not None:
            return False
        self.document.history.set_index(index)
        return True

    def undo(self) -> None:
        if self._session is None:
            self.document.history.undo()

    def redo(self) -> None:
        if self._session is None:
            self.document.history.redo()

    def reset(self) -> bool:
        """Back to the network as it was opened (undoable)."""
        doc = self.document
        original = doc.original_state()
        return self._state_command(
            tr("Reset"),
            lambda: doc.apply(original, quiet=True),
            Change.EVERYTHING,
            tr("Cannot reset"),
            full_history=True,
        )

    def reinitialise(self, init: InitConfig) -> bool:
        """New weights from `init` and a fresh start of training (counters, history, moments)."""
        doc = self.document
        return self._state_command(
            tr("Re-initialise: {0}, seed {1}").format(names.initializer_name(init.scheme), init.seed),
            lambda: doc.reinitialise(init),
            Change.SETTINGS | Change.PARAMETERS | Change.STEP | Change.LOSS_HISTORY,
            tr("Cannot re-initialise"),
            full_history=True,
        )

    # -- parameters ------------------------------------------------------------------------------
    def set_parameter(self, layer: int, kind: str, row: int, col: int | None, value: float) -> bool:
        doc = self.document
        try:
            index = doc.network.param_index(layer, kind, row, col)
        except EngineError as exc:
            doc.report_error(tr("Cannot set the parameter: {0}").format(exc))
            return False
        old = float(doc.network.theta[index])
        text = names.change_text(names.parameter_name(kind, layer, row, col), old, float(value))
        return self._push(
            SetParameter(doc, layer, kind, row, col, float(value), text), tr("Cannot set the parameter")
        )

    # -- structure -------------------------------------------------------------------------------
    def _replace_structure(
        self, text: str, failure: str, build: Callable[[], tuple[Network, Dataset, Positions | None]]
    ) -> bool:
        doc = self.document

        def change() -> None:
            doc.set_structure(*build())

        return self._state_command(text, change, STRUCTURE_CHANGES, failure)

    def add_layer(self, index: int, size: int = 2, activation: str = "sigmoid") -> bool:
        """Insert a hidden layer before layer `index` (1 … L)."""
        doc = self.document
        return self._replace_structure(
            tr("Add a layer at position {0}").format(index),
            tr("Cannot add the layer"),
            lambda: (*structure.insert_layer(doc.network, doc.dataset, index, size, activation), None),
        )

    def remove_layer(self, index: int) -> bool:
        doc = self.document
        return self._replace_structure(
            tr("Remove layer {0}").format(index),
            tr("Cannot remove the layer"),
            lambda: (*structure.remove_layer(doc.network, doc.dataset, index), None),
        )

    def add_neuron(self, layer: int) -> bool:
        doc = self.document

        def build() -> tuple[Network, Dataset, Positions | None]:
            network, dataset = structure.add_neuron(doc.network, doc.dataset, layer)
            positions = copy.deepcopy(doc.positions)
            if positions is not None:
                column = positions[layer]
                x, y = column[-1] if column else (0.0, 0.0)
                gap = column[-1][1] - column[-2][1] if len(column) > 1 else 80.0
                column.append((x, y + (gap or 80.0)))
            return network, dataset, positions

        return self._replace_structure(
            tr("Add a neuron to layer {0}").format(layer), tr("Cannot add the neuron"), build
        )

    def remove_neuron(self, layer: int, neuron: int) -> bool:
        doc = self.document

        def build() -> tuple[Network, Dataset, Positions | None]:
            network, dataset = structure.remove_neuron(doc.network, doc.dataset, layer, neuron)
            positions = copy.deepcopy(doc.positions)
            if positions is not None:
                del positions[layer][neuron]
            return network, dataset, positions

        return self._replace_structure(
            tr("Remove neuron {0} of layer {1}").format(neuron + 1, layer),
            tr("Cannot remove the neuron"),
            build,
        )

    def set_activation(self, layer: int, activation: str) -> bool:
        doc = self.document
        if 1 <= layer <= doc.network.depth and doc.network.specs[layer].activation == activation:
            return True
        return self._replace_structure(
            tr("Activation of layer {0}: {1} → {2}").format(
                layer,
                names.activation_name(doc.network.specs[layer].activation)
                if 1 <= layer <= doc.network.depth
                else "",
                names.activation_name(activation),
            ),
            tr("Cannot change the activation"),
            lambda: (structure.set_activation(doc.network, layer, activation), doc.dataset, doc.positions),
        )

    def set_batch_norm(self, layer: int, on: bool) -> bool:
        """Switch batch normalisation on or off on a hidden layer, keeping every W and b (undoable).

        Switching on adds γ = 1 and β = 0; switching off drops γ, β and the running statistics.
        """
        doc = self.document
        net = doc.network
        on = bool(on)
        if 1 <= layer <= net.depth and net.specs[layer].batch_norm == on:
            return True
        if on:
            failure = tr("Cannot switch on batch normalisation in layer {0}").format(layer)
        else:
            failure = tr("Cannot switch off batch normalisation in layer {0}").format(layer)
        if not 1 <= layer < net.depth:
            doc.report_error(
                tr("{0}: batch normalisation is for hidden layers only").format(failure)
                if net.depth > 1
                else tr("{0}: this network has no hidden layer").format(failure)
            )
            return False
        if on and doc.training.batch_size == 1:
            doc.report_error(
                tr(
                    "{0}: the batch size is 1, and a batch of one sample has no variance to normalise. "
                    "Set the batch size to 2 or more first."
                ).format(failure)
            )
            return False
        text = (
            tr("Switch on batch normalisation in layer {0}")
            if on
            else tr("Switch off batch normalisation in layer {0}")
        ).format(layer)
        return self._replace_structure(
            text,
            failure,
            lambda: (structure.set_batch_norm(doc.network, layer, on), doc.dataset, doc.positions),
        )

    def show_sample(self, row: int | None) -> bool:
        """Choose the dataset row whose values the canvas and its tooltips show (view state, not undoable).

        None goes back to the first sample of the batch. A row outside the dataset is refused.
        """
        doc = self.document
        if row is not None and not 0 <= row < doc.dataset.size:
            doc.report_error(
                tr("Cannot show sample {0}: the dataset has {1} samples").format(row + 1, doc.dataset.size)
            )
            return False
        doc.set_shown_sample(row)
        return True

    def move_neurons(
        self,
        moves: dict[tuple[int, int], tuple[float, float]],
        layout: list[list[tuple[float, float]]] | None = None,
    ) -> bool:
        """Neurons dropped at new places (one undo entry per drag, named after the neurons moved).

        `layout` is where every neuron is drawn now: a document without stored positions takes
        it for the neurons that did not move, so the entry still counts only those dragged.
        """
        doc = self.document
        if not moves:
            return True
        sizes = doc.network.sizes
        for layer, neuron in moves:
            if not (0 <= layer < len(sizes) and 0 <= neuron < sizes[layer]):
                doc.report_error(
                    tr("Cannot move neuron {0} of layer {1}: there is no such neuron").format(
                        neuron + 1, layer
                    )
                )
                return False
        old = copy.deepcopy(doc.positions)
        if old is not None and [len(column) for column in old] == sizes:
            base: Positions = [list(column) for column in old]
        elif layout is not None and [len(column) for column in layout] == sizes:
            base = [[(float(x), float(y)) for x, y in column] for column in layout]
        else:
            base = [[(float("nan"), float("nan"))] * size for size in sizes]
        for (layer, neuron), (x, y) in moves.items():
            base[layer][neuron] = (float(x), float(y))
        if any(x != x for column in base for x, _ in column):
            # No stored positions and no layout given: the places of the other neurons are unknown.
            doc.report_error(tr("Cannot move the neurons: the layout of every neuron is needed"))
            return False
        count = len(moves)
        text = tr("Move a neuron") if count == 1 else tr("Move {0} neurons").format(count)
        return self._push(MoveNeurons(doc, old, base, text), tr("Cannot move the neurons"))

    # -- dataset -----------------------------------------------------------------------------------
    def set_dataset(
        self,
        dataset: Dataset,
        text: str | None = None,
        *,
        fit_batch: bool = False,
        column_names: dict[str, list[str] | None] | None = None,
    ) -> bool:
        """Use `dataset`. With `fit_batch` (an imported file replaces the data), a batch larger than
        the new dataset shrinks to it in the same undoable change (a CSV of 3 rows for a network
        trained in batches of 4), and the status bar says so; an edit that removes samples is refused
        instead, so the batch size never changes behind the learner's back. `column_names`
        (extras key → names, None for none) replace the columns' names in the same change."""
        doc = self.document
        new = dataset.copy()
        training = doc.training
        lowered = fit_batch and 1 <= new.size < training.batch_size
        smaller = replace(training, batch_size=new.size) if lowered else None
        changes = Change.DATASET | Change.STEP
        done = self._state_command(
            text or tr("Edit the dataset"),
            lambda: doc.set_data(new, smaller, column_names),
            changes | Change.SETTINGS if lowered else changes,
            tr("Cannot change the dataset"),
        )
        if done and lowered:
            doc.report_notice(
                tr("The batch size is now {0}: the dataset has only {0} samples (it was {1}).").format(
                    new.size, training.batch_size
                )
            )
        return done

    def set_sample_value(self, row: int, column: int, value: float) -> bool:
        """Column counts inputs first, then targets."""
        doc = self.document
        data = doc.dataset.copy()
        n_in = data.inputs.shape[1]
        if not (0 <= row < data.size and 0 <= column < n_in + data.targets.shape[1]):
            doc.report_error(
                tr("Cannot edit the sample: there is no cell ({0}, {1})").format(row + 1, column + 1)
            )
            return False
        if not np.isfinite(value):
            doc.report_error(tr("Cannot edit the sample: the value must be a finite number"))
            return False
        n_out = data.targets.shape[1]
        if column < n_in:
            old = float(data.inputs[row, column])
            data.inputs[row, column] = value
            name = names.input_name(column)
        else:
            old = float(data.targets[row, column - n_in])
            data.targets[row, column - n_in] = value
            name = names.target_name(n_out, column - n_in)
        text = tr("Sample {0}: {1}").format(row + 1, names.change_text(name, old, float(value)))
        return self.set_dataset(data, text)

    def add_sample(self) -> bool:
        """A new sample at the end, a copy of the last one (so it is valid for every loss)."""
        data = self.document.dataset
        new = Dataset(
            np.vstack([data.inputs, data.inputs[-1:]]), np.vstack([data.targets, data.targets[-1:]])
        )
        return self.set_dataset(new, tr("Add a sample"))

    def remove_samples(self, rows: Iterable[int]) -> bool:
        doc = self.document
        data = doc.dataset
        keep = np.setdiff1d(np.arange(data.size), np.asarray(sorted(set(rows)), dtype=np.int64))
        if keep.size == data.size:
            return True
        if keep.size == 0:
            doc.report_error(tr("Cannot remove every sample: the dataset needs at least one"))
            return False
        removed = data.size - keep.size
        text = tr("Remove a sample") if removed == 1 else tr("Remove {0} samples").format(removed)
        return self.set_dataset(Dataset(data.inputs[keep], data.targets[keep]), text)

    def import_csv(self, path: Path) -> bool:
        doc = self.document
        try:
            data, header = read_dataset_csv(Path(path), doc.network.sizes[0], doc.network.sizes[-1])
        except CsvError as exc:
            doc.report_error(tr("Cannot import the CSV file: {0}").format(exc))
            return False
        # the file's header names the columns from now on; without one, the old names go too
        n_in = data.inputs.shape[1]
        names = {
            "input_names": header[:n_in] if header else None,
            "output_names": header[n_in:] if header else None,
        }
        return self.set_dataset(
            data, tr("Import {0}").format(Path(path).name), fit_batch=True, column_names=names
        )

    # -- options -----------------------------------------------------------------------------------
    def set_options(
        self,
        *,
        loss: str | None = None,
        optimizer: OptimizerConfig | None = None,
        training: TrainingConfig | None = None,
        init: InitConfig | None = None,
    ) -> bool:
        doc = self.document
        if (
            (loss is None or loss == doc.loss)
            and (optimizer is None or optimizer == doc.optimizer)
            and (training is None or training == doc.training)
            and (init is None or init == doc.init)
        ):
            return True
        return self._state_command(
            options_text(doc.loss, doc.optimizer, doc.training, doc.init, loss, optimizer, training, init),
            lambda: doc.set_options(loss, optimizer, training, init),
            Change.SETTINGS | Change.PARAMETERS | Change.STEP,
            tr("Cannot change the training options"),
        )

    def set_optimizer_option(self, **changes: object) -> bool:
        """Change some fields of the optimizer configuration (learning_rate=…, name=…)."""
        try:
            optimizer = replace(self.document.optimizer, **changes)  # type: ignore[arg-type]
        except TypeError as exc:
            self.document.report_error(str(exc))
            return False
        return self.set_options(optimizer=optimizer)

    def set_training_option(self, **changes: object) -> bool:
        try:
            training = replace(self.document.training, **changes)  # type: ignore[arg-type]
        except TypeError as exc:
            self.document.report_error(str(exc))
            return False
        return self.set_options(training=training)

    # -- files ---------------------------------------------------------------------------------------
    def new(self) -> bool:
        """The default network, unsaved (Save asks where to write it)."""
        self.document.open_file(fmt.default_network(), None)
        return True

    def open(self, path: Path) -> bool:
        """Open a network file; a bad file leaves the open network untouched."""
        try:
            nf = fmt.load_file(Path(path))
        except fmt.LoadError as exc:
            self.document.report_error(str(exc))
            return False
        self.document.open_file(nf, Path(path))
        return True

    def open_example(self, path: Path) -> bool:
        """Open a built-in example as a new, unsaved network (Save asks where to write it)."""
        try:
            nf = fmt.load_file(Path(path))
        except fmt.LoadError as exc:
            self.document.report_error(str(exc))
            return False
        self.document.open_file(nf, None)
        return True

    def recovery_snapshot(self) -> fmt.NetworkFile:
        """The document as its recovery file holds it, copied, so that autosave can write it on
        another thread while training goes on."""
        return recovery.snapshot(self.document.network_file(fallback_name=""))

    def restore_recovered(self, entry: recovery.RecoveryEntry) -> bool:
        """Open a document recovered after a crash, with its training state, as unsaved changes to
        the file it came from; a recovery file that cannot be read leaves the open network as it is."""
        try:
            nf = recovery.load(entry)
        except fmt.LoadError as exc:
            self.document.report_error(tr("Cannot restore the recovered network: {0}").format(exc))
            return False
        self.document.open_recovered(nf, entry.original)
        return True

    def save(self) -> bool:
        """Save to the current path; False if there is none (ask for one with save_as)."""
        if self.document.path is None:
            return False
        return self.save_as(self.document.path)

    def save_as(self, path: Path) -> bool:
        doc = self.document
        path = Path(path)
        try:
            fmt.save_file(path, doc.network_file(fallback_name=path.stem))
        except fmt.SaveError as exc:  # the document keeps its changes and stays marked modified
            doc.report_error(
                tr("Cannot save {0}: {1}. Nothing is lost: the network stays open with its changes.").format(
                    exc.path, exc.problem
                )
            )
            return False
        doc.mark_saved(path, doc.name or path.stem)
        return True
