"""Re-initialise: choose a weight scheme and a seed.

The number fields use what they show: a typed value is used, or refused with a sentence in the
dialog (and the field shows the value still in use); OK after a refusal keeps the dialog open so
the learner reads why.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from bpstudio.controller.names import initializer_names, option_name
from bpstudio.document.fileformat.ranges import option_range
from bpstudio.engine import INITIALIZERS, InitConfig
from bpstudio.ui.fields import NumberField, Range, WholeSpinBox, describe
from bpstudio.ui.options_panel import SEED_MAX, fill_combo


class ReinitDialog(QDialog):
    def __init__(self, init: InitConfig, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Re-initialise the weights"))
        self._init = init
        self.scheme = QComboBox()
        fill_combo(self.scheme, INITIALIZERS, initializer_names())
        self.scheme.setCurrentIndex(max(0, self.scheme.findData(init.scheme)))
        self.seed = WholeSpinBox()
        self.seed.name = option_name("init_seed")
        self.seed.setRange(0, SEED_MAX)
        self.seed.setValue(init.seed)
        self.low = self._number("a", init.a, option_range("init.a"))
        self.high = self._number("b", init.b, option_range("init.b"))
        self.std = self._number("std", init.std, option_range("init.std"))
        self.bias = self._number("bias", init.bias, option_range("init.bias"))
        self._refused = False
        form = QFormLayout()
        form.addRow(self.tr("Scheme"), self.scheme)
        form.addRow(self.tr("Seed"), self.seed)
        form.addRow(self.tr("Lower bound a (uniform)"), self.low)
        form.addRow(self.tr("Upper bound b (uniform)"), self.high)
        form.addRow(self.tr("Standard deviation (normal)"), self.std)
        form.addRow(self.tr("Bias value"), self.bias)
        for field in (self.seed, self.low, self.high, self.std, self.bias):
            field.refused.connect(self._show_refusal)
            field.accepted.connect(self._clear_refusal)
        self.form = form
        note = QLabel(
            self.tr(
                "New weights are drawn from the scheme with this seed; biases get the bias value. "
                "Training starts again from step 0 (undo brings the old weights back)."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.scheme.currentIndexChanged.connect(self._show_fields)
        self._show_fields()

    def _number(self, key: str, value: float, allowed: Range) -> NumberField:
        field = NumberField(allowed)
        field.name = option_name(key)
        field.set_value(value)
        field.setToolTip(self.tr("Allowed: {0}.").format(describe(allowed)))
        return field

    def _clear_refusal(self) -> None:
        self._refused = False
        self.error.clear()

    def _show_refusal(self, message: str) -> None:
        self._refused = True
        self.error.setText(message)

    def _show_fields(self) -> None:
        scheme = self.scheme.currentData()
        self.form.setRowVisible(self.low, scheme == "uniform")
        self.form.setRowVisible(self.high, scheme == "uniform")
        self.form.setRowVisible(self.std, scheme == "normal")

    def config(self) -> InitConfig:
        return replace(
            self._init,
            scheme=self.scheme.currentData(),
            seed=int(self.seed.value()),
            a=self.low.value(),
            b=self.high.value(),
            std=self.std.value(),
            bias=self.bias.value(),
        )

    def _accept(self) -> None:
        if self._refused:  # Enter in a field refused its text: let the learner read why first
            self._refused = False
            return
        config = self.config()
        if config.scheme == "uniform" and not config.a < config.b:
            self.error.setText(self.tr("The lower bound must be below the upper bound."))
            return
        self.accept()

    @staticmethod
    def get_config(init: InitConfig, parent: QWidget | None = None) -> InitConfig | None:
        dialog = ReinitDialog(init, parent)
        return dialog.config() if dialog.exec() == QDialog.DialogCode.Accepted else None
