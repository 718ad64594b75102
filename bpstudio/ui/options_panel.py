"""Training options: loss, optimizer (only its fields shown), learning rate and friends.

A value is applied, as one undoable change, when Enter is pressed or the field is left. What
cannot be used is refused with a sentence (below the form, in the status bar and by the field)
and the field shows the value still in use: the value in use is always the value shown.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from bpstudio.controller import Controller
from bpstudio.controller.names import (
    initializer_names,
    loss_names,
    optimizer_names,
    option_name,
)
from bpstudio.document.document import NetworkDocument
from bpstudio.document.fileformat.ranges import option_range
from bpstudio.engine import INITIALIZERS, LOSSES, OPTIMIZERS
from bpstudio.engine.optimizers import OPTIONS
from bpstudio.ui.fields import NumberField, WholeSpinBox, click_only, describe, withdraw

# The ranges a file may hold (the file format's one table), so whatever is typed can be saved and
# opened again; the engine's own checks (OptimizerConfig.validate) are within them.
SEED_MAX = int(option_range("training.seed").high or 0)
RANGES = {
    key: option_range(f"optimizer.{key}")
    for key in ("learning_rate", "momentum", "beta1", "beta2", "epsilon", "weight_decay")
}
# The symbol the article uses, written after the option's name on its form label.
SYMBOLS = {"learning_rate": "α", "momentum": "μ", "weight_decay": "λ", "batch_size": "m"}


def fill_combo(combo: QComboBox, keys: tuple[str, ...], names: dict[str, str]) -> None:
    """Human names as item texts, the engine key as item data (kept when the language changes)."""
    if combo.count() == 0:
        for key in keys:
            combo.addItem(names.get(key, key), key)
    else:
        for index in range(combo.count()):
            key = combo.itemData(index)
            combo.setItemText(index, names.get(key, key))


class OptionsPanel(QWidget):
    def __init__(
        self, document: NetworkDocument, controller: Controller, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.controller = controller
        self._updating = False

        self.loss = QComboBox()
        fill_combo(self.loss, LOSSES, loss_names())
        self.optimizer = QComboBox()
        fill_combo(self.optimizer, OPTIMIZERS, optimizer_names())
        self.fields: dict[str, NumberField] = {key: NumberField(allowed) for key, allowed in RANGES.items()}
        self.clip_box = QCheckBox()
        self.clip_norm = NumberField(option_range("optimizer.clip_norm"))
        clip_row = QHBoxLayout()
        clip_row.addWidget(self.clip_box)
        clip_row.addWidget(self.clip_norm, 1)
        self.batch_size = WholeSpinBox()
        self.shuffle = QCheckBox()
        click_only(self.clip_box, self.shuffle)
        self.seed = WholeSpinBox()
        self.seed.setRange(0, SEED_MAX)
        self.init_scheme = QComboBox()
        fill_combo(self.init_scheme, INITIALIZERS, initializer_names())
        self.init_seed = WholeSpinBox()
        self.init_seed.setRange(0, SEED_MAX)
        # The last refusal, in words, under the form (cleared by the next accepted value).
        self.message = QLabel()
        self.message.setObjectName("options_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c;")
        self.message.hide()

        self.training_group = QGroupBox()
        self.form = QFormLayout(self.training_group)
        self.labels: dict[str, QLabel] = {}

        def row(key: str, widget: QWidget | QHBoxLayout) -> None:
            label = QLabel()
            self.labels[key] = label
            self.form.addRow(label, widget)

        row("loss", self.loss)
        row("optimizer", self.optimizer)
        for key, field in self.fields.items():
            row(key, field)
        row("clip_norm", clip_row)
        row("batch_size", self.batch_size)
        row("shuffle", self.shuffle)
        row("seed", self.seed)

        self.init_group = QGroupBox()
        init_form = QFormLayout(self.init_group)
        self.init_labels = (QLabel(), QLabel())
        init_form.addRow(self.init_labels[0], self.init_scheme)
        init_form.addRow(self.init_labels[1], self.init_seed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.training_group)
        layout.addWidget(self.message)
        layout.addWidget(self.init_group)
        layout.addStretch(1)

        self.loss.currentIndexChanged.connect(self._loss_chosen)
        self.optimizer.currentIndexChanged.connect(self._optimizer_chosen)
        for key, field in self.fields.items():
            field.committed.connect(lambda value, key=key: self._set_optimizer(**{key: value}))
        self.clip_box.toggled.connect(self._clip_toggled)
        self.clip_norm.committed.connect(lambda value: self._set_optimizer(clip_norm=value))
        self.batch_size.valueChanged.connect(lambda value: self._set_training(batch_size=int(value)))
        self.shuffle.toggled.connect(lambda on: self._set_training(shuffle=bool(on)))
        self.seed.valueChanged.connect(lambda value: self._set_training(seed=int(value)))
        self.init_scheme.currentIndexChanged.connect(self._init_changed)
        self.init_seed.valueChanged.connect(self._init_changed)
        fields: list[NumberField | WholeSpinBox] = [*self.fields.values(), self.clip_norm]
        for refusing in (*fields, self.batch_size, self.seed, self.init_seed):
            refusing.refused.connect(self._show_refusal)
            refusing.accepted.connect(self._clear_refusal)

        controller.before_training(self.apply_pending)
        document.settings_changed.connect(self.refresh)
        document.dataset_changed.connect(self.refresh)
        document.replaced.connect(self.refresh)
        self.retranslate()
        self.refresh()

    # -- document → fields ------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the options in use; an earlier refusal no longer applies to them."""
        self._clear_refusal()
        self._updating = True
        try:
            s = self.document
            opt = s.optimizer
            self.loss.setCurrentIndex(self.loss.findData(s.loss))
            self.optimizer.setCurrentIndex(self.optimizer.findData(opt.name))
            for key, field in self.fields.items():
                field.set_value(getattr(opt, key))
            self.clip_box.setChecked(opt.clip_norm is not None)
            self.clip_norm.setEnabled(opt.clip_norm is not None)
            self.clip_norm.set_value(opt.clip_norm if opt.clip_norm is not None else 1.0)
            self.batch_size.setRange(1, max(1, s.dataset.size))
            self.batch_size.note = self.tr("the number of samples is {0}").format(s.dataset.size)
            self.batch_size.setValue(s.training.batch_size)
            self.shuffle.setChecked(s.training.shuffle)
            self.seed.setValue(s.training.seed)
            self.init_scheme.setCurrentIndex(self.init_scheme.findData(self.document.init.scheme))
            self.init_seed.setValue(self.document.init.seed)
            applicable = OPTIONS.get(opt.name, ())
            for key in self.fields:
                self.form.setRowVisible(self.fields[key], key in applicable)
        finally:
            self._updating = False

    # -- fields → controller ------------------------------------------------------------------
    def apply_pending(self) -> None:
        """Apply (or refuse) the text of the field being edited, before a phase runs."""
        fields: list[NumberField | WholeSpinBox] = [*self.fields.values(), self.clip_norm]
        for field in (*fields, self.batch_size, self.seed, self.init_seed):
            if field.hasFocus():
                field.apply_typed()

    def _show_refusal(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()

    def _clear_refusal(self) -> None:
        """The options in use changed or a typed value was accepted: the refusal no longer holds,
        neither under the form nor in the status bar."""
        self.message.clear()
        self.message.hide()
        withdraw(self)

    def _loss_chosen(self) -> None:
        if not self._updating:
            if not self.controller.set_options(loss=self.loss.currentData()):
                self.refresh()

    def _optimizer_chosen(self) -> None:
        if not self._updating:
            self._set_optimizer(name=self.optimizer.currentData())

    def _clip_toggled(self, on: bool) -> None:
        self.clip_norm.setEnabled(on)
        if self._updating:
            return
        if on:
            value = self.clip_norm.value()
            self._set_optimizer(clip_norm=value if value is not None else 1.0)
        else:
            self._set_optimizer(clip_norm=None)

    def _set_optimizer(self, **changes: object) -> None:
        if self._updating:
            return
        self._clear_refusal()
        if not self.controller.set_optimizer_option(**changes):
            self.refresh()

    def _set_training(self, **changes: object) -> None:
        if self._updating:
            return
        self._clear_refusal()
        if not self.controller.set_training_option(**changes):
            self.refresh()

    def _init_changed(self, *_: object) -> None:
        if self._updating:
            return
        self._clear_refusal()
        init = replace(
            self.document.init, scheme=self.init_scheme.currentData(), seed=int(self.init_seed.value())
        )
        if not self.controller.set_options(init=init):
            self.refresh()

    # -- language -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        fill_combo(self.loss, LOSSES, loss_names())
        fill_combo(self.optimizer, OPTIMIZERS, optimizer_names())
        fill_combo(self.init_scheme, INITIALIZERS, initializer_names())
        for key, label in self.labels.items():
            symbol = SYMBOLS.get(key)
            label.setText(f"{option_name(key)} {symbol}" if symbol else option_name(key))
        for key, field in self.fields.items():
            field.name = option_name(key)
        self.clip_norm.name = option_name("clip_norm")
        self.batch_size.name = option_name("batch_size")
        self.seed.name = option_name("seed")
        self.init_seed.name = option_name("init_seed")
        self.batch_size.note = self.tr("the number of samples is {0}").format(self.document.dataset.size)
        self.training_group.setTitle(self.tr("Training"))
        self.init_group.setTitle(self.tr("Initialiser (used by Re-initialise)"))
        self.init_labels[0].setText(self.tr("Scheme"))
        self.init_labels[1].setText(self.tr("Seed"))
        allowed = self.tr("Allowed: {0}.")
        self.fields["learning_rate"].setToolTip(
            self.tr("A positive number, e.g. 0.1") + "\n" + allowed.format(describe(RANGES["learning_rate"]))
        )
        for key in ("momentum", "beta1", "beta2"):
            self.fields[key].setToolTip(allowed.format(describe(RANGES[key])))
        self.fields["epsilon"].setToolTip(self.tr("A small positive number, e.g. 1e-8"))
        self.fields["weight_decay"].setToolTip(
            self.tr("Zero or positive; adds λW to the gradient of the weights")
        )
        self.clip_norm.setToolTip(self.tr("Largest allowed norm of the whole gradient"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
