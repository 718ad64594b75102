"""Training options: loss, optimizer (only its fields shown), learning rate and friends.

Each field rejects invalid values as they are typed (validators, spin-box ranges); a value is
applied, as one undoable change, when the field is left or Enter is pressed.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QLocale, Signal
from PySide6.QtGui import QDoubleValidator, QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bpstudio.controller import Controller
from bpstudio.document.document import NetworkDocument
from bpstudio.engine import INITIALIZERS, LOSSES, OPTIMIZERS
from bpstudio.engine.losses import LOSS_TITLES
from bpstudio.engine.optimizers import OPTIONS

SEED_MAX = 2_147_483_647


class NumberField(QLineEdit):
    """A float field with a range; text outside it cannot be committed and shows red."""

    committed = Signal(float)

    def __init__(self, bottom: float, top: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        validator = QDoubleValidator(bottom, top, 12, self)
        validator.setLocale(QLocale.c())
        validator.setNotation(QDoubleValidator.Notation.ScientificNotation)
        self.setValidator(validator)
        self._value: float | None = None
        self.textEdited.connect(self._mark)
        self.editingFinished.connect(self._commit)

    def set_value(self, value: float) -> None:
        self._value = value
        self.setText(repr(float(value)))
        self._mark()

    def value(self) -> float | None:
        return self._value

    def is_acceptable(self) -> bool:
        validator = self.validator()
        state = validator.validate(self.text(), 0)
        state = state[0] if isinstance(state, tuple) else state
        return state == QValidator.State.Acceptable

    def _mark(self) -> None:
        self.setStyleSheet("" if self.is_acceptable() else "QLineEdit { background: #ffcdd2; }")

    def _commit(self) -> None:
        if not self.is_acceptable():
            return
        value = float(self.text())
        if value != self._value:
            self._value = value
            self.committed.emit(value)


class OptionsPanel(QWidget):
    def __init__(
        self, document: NetworkDocument, controller: Controller, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.controller = controller
        self._updating = False

        self.loss = QComboBox()
        for name in LOSSES:
            self.loss.addItem(f"{name} — {LOSS_TITLES.get(name, name)}", name)
        self.optimizer = QComboBox()
        for name in OPTIMIZERS:
            self.optimizer.addItem(name, name)
        self.fields: dict[str, NumberField] = {
            "learning_rate": NumberField(1e-12, 1e6),
            "momentum": NumberField(0.0, 0.999999999999),
            "beta1": NumberField(0.0, 0.999999999999),
            "beta2": NumberField(0.0, 0.999999999999),
            "epsilon": NumberField(1e-300, 1.0),
            "weight_decay": NumberField(0.0, 1e6),
        }
        self.clip_box = QCheckBox()
        self.clip_norm = NumberField(1e-12, 1e12)
        clip_row = QHBoxLayout()
        clip_row.addWidget(self.clip_box)
        clip_row.addWidget(self.clip_norm, 1)
        self.batch_size = QSpinBox()
        self.batch_size.setKeyboardTracking(False)
        self.shuffle = QCheckBox()
        self.seed = QSpinBox()
        self.seed.setRange(0, SEED_MAX)
        self.seed.setKeyboardTracking(False)
        self.init_scheme = QComboBox()
        for name in INITIALIZERS:
            self.init_scheme.addItem(name, name)
        self.init_seed = QSpinBox()
        self.init_seed.setRange(0, SEED_MAX)
        self.init_seed.setKeyboardTracking(False)

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

        document.settings_changed.connect(self.refresh)
        document.dataset_changed.connect(self.refresh)
        document.replaced.connect(self.refresh)
        self.retranslate()
        self.refresh()

    # -- document → fields ------------------------------------------------------------------
    def refresh(self) -> None:
        self._updating = True
        try:
            s = self.document.stepper
            opt = s.optimizer
            self.loss.setCurrentIndex(self.loss.findData(s.loss))
            self.optimizer.setCurrentIndex(self.optimizer.findData(opt.name))
            for key, field in self.fields.items():
                field.set_value(getattr(opt, key))
            self.clip_box.setChecked(opt.clip_norm is not None)
            self.clip_norm.setEnabled(opt.clip_norm is not None)
            self.clip_norm.set_value(opt.clip_norm if opt.clip_norm is not None else 1.0)
            self.batch_size.setRange(1, max(1, s.dataset.size))
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
        if not self.controller.set_optimizer_option(**changes):
            self.refresh()

    def _set_training(self, **changes: object) -> None:
        if self._updating:
            return
        if not self.controller.set_training_option(**changes):
            self.refresh()

    def _init_changed(self, *_: object) -> None:
        if self._updating:
            return
        init = replace(
            self.document.init, scheme=self.init_scheme.currentData(), seed=int(self.init_seed.value())
        )
        if not self.controller.set_options(init=init):
            self.refresh()

    # -- language -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        texts = {
            "loss": self.tr("Loss"),
            "optimizer": self.tr("Optimizer"),
            "learning_rate": self.tr("Learning rate α"),
            "momentum": self.tr("Momentum μ"),
            "beta1": self.tr("β₁ (first moment)"),
            "beta2": self.tr("β₂ (second moment)"),
            "epsilon": self.tr("ε"),
            "weight_decay": self.tr("Weight decay λ"),
            "clip_norm": self.tr("Clip gradient norm"),
            "batch_size": self.tr("Batch size m"),
            "shuffle": self.tr("Shuffle each epoch"),
            "seed": self.tr("Shuffle seed"),
        }
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.training_group.setTitle(self.tr("Training"))
        self.init_group.setTitle(self.tr("Initialiser (used by Re-initialise)"))
        self.init_labels[0].setText(self.tr("Scheme"))
        self.init_labels[1].setText(self.tr("Seed"))
        self.fields["learning_rate"].setToolTip(self.tr("A positive number, e.g. 0.1"))
        self.fields["momentum"].setToolTip(self.tr("From 0 up to (not including) 1"))
        self.fields["beta1"].setToolTip(self.tr("From 0 up to (not including) 1"))
        self.fields["beta2"].setToolTip(self.tr("From 0 up to (not including) 1"))
        self.fields["epsilon"].setToolTip(self.tr("A small positive number, e.g. 1e-8"))
        self.fields["weight_decay"].setToolTip(
            self.tr("Zero or positive; adds λW to the gradient of the weights")
        )
        self.clip_norm.setToolTip(self.tr("Largest allowed norm of the whole gradient"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
