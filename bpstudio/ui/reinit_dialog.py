"""Re-initialise: choose a weight scheme and a seed."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bpstudio.engine import INITIALIZERS, InitConfig


class ReinitDialog(QDialog):
    def __init__(self, init: InitConfig, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Re-initialise the weights"))
        self._init = init
        self.scheme = QComboBox()
        for name in INITIALIZERS:
            self.scheme.addItem(name, name)
        self.scheme.setCurrentIndex(max(0, self.scheme.findData(init.scheme)))
        self.seed = QSpinBox()
        self.seed.setRange(0, 2_147_483_647)
        self.seed.setValue(init.seed)
        self.low = self._number(init.a, -100, 100)
        self.high = self._number(init.b, -100, 100)
        self.std = self._number(init.std, 1e-6, 100)
        self.bias = self._number(init.bias, -100, 100)
        form = QFormLayout()
        form.addRow(self.tr("Scheme"), self.scheme)
        form.addRow(self.tr("Seed"), self.seed)
        form.addRow(self.tr("Lower bound a (uniform)"), self.low)
        form.addRow(self.tr("Upper bound b (uniform)"), self.high)
        form.addRow(self.tr("Standard deviation (normal)"), self.std)
        form.addRow(self.tr("Bias value"), self.bias)
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
        self.error.setStyleSheet("color: #b71c1c;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.scheme.currentIndexChanged.connect(self._show_fields)
        self._show_fields()

    @staticmethod
    def _number(value: float, low: float, high: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setDecimals(6)
        box.setRange(low, high)
        box.setSingleStep(0.01)
        box.setValue(value)
        return box

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
        config = self.config()
        if config.scheme == "uniform" and not config.a < config.b:
            self.error.setText(self.tr("The lower bound must be below the upper bound."))
            return
        self.accept()

    @staticmethod
    def get_config(init: InitConfig, parent: QWidget | None = None) -> InitConfig | None:
        dialog = ReinitDialog(init, parent)
        return dialog.config() if dialog.exec() == QDialog.DialogCode.Accepted else None
