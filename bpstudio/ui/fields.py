"""Number fields whose value in use is always the value shown.

Qt's own tools break that promise in quiet ways: a QDoubleValidator drops the keystrokes it
cannot place (typing `-1` where negatives are not allowed leaves `1`; a decimal comma in a C
locale vanishes, so `0,05` becomes `005`), an *intermediate* text such as `0` is never committed
while the field keeps showing it, and a QSpinBox silently falls back to its previous value. These
fields accept every keystroke, and when the learner presses Enter or leaves the field they either
use the typed value or refuse it with one sentence saying why and what is allowed, and show the
value still in use again.

Numbers are read with a point or the UI language's decimal separator (`0,05` in Vietnamese);
text that could mean two numbers (`1,000` where a comma separates thousands) is refused, never
guessed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QStatusTipEvent, QValidator
from PySide6.QtWidgets import QLineEdit, QMainWindow, QSpinBox, QToolTip, QWidget

from bpstudio.controller.numbers import RefusedError as RefusedError  # raised by read_number
from bpstudio.controller.numbers import parse_number
from bpstudio.document.fileformat.ranges import Range as Range  # the file format's ranges, one table
from bpstudio.notation.numbers import SHORT, full, number
from bpstudio.ui import i18n

INVALID_STYLE = "QLineEdit { background: #ffcdd2; }"


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def _ui_locale() -> QLocale:
    return QLocale(
        QLocale.Language.Vietnamese if i18n.current_language() == "vi" else QLocale.Language.English
    )


def read_number(text: str) -> float:
    """The finite number the learner typed, or RefusedError saying why.

    The rule is the app's one number rule (`controller.numbers.parse_number`, also used for CSV
    files); here a comma may separate thousands when the UI language writes numbers that way.
    """
    return parse_number(text, comma_groups_thousands=_ui_locale().groupSeparator() == ",")


# Groups thousands in Vietnamese: the locale's own "." would clash with the decimal point the window
# writes everywhere (0.298371), and "," is the Vietnamese decimal mark.
NARROW_NO_BREAK_SPACE = "\u202f"


def count_text(count: int) -> str:
    """A whole count as the UI language writes it: 9,724 in English, 9 724 in Vietnamese."""
    locale = _ui_locale()
    text = locale.toString(int(count))
    if i18n.current_language() == "vi":
        text = text.replace(locale.groupSeparator(), NARROW_NO_BREAK_SPACE)
    return text


def shown(value: float) -> str:
    """How a field shows a value: every digit of the float in use (no rounding hides a change)."""
    return full(value)


def bound(value: float) -> str:
    """A bound of an allowed range in a sentence, as History writes numbers (0.1, −1, 1e−8)."""
    return number(value, SHORT)


def describe(allowed: Range) -> str:
    """The values a Range allows, in the learner's words ("above 0 and at most 1000")."""
    low, high = allowed.low, allowed.high
    if low is None and high is None:
        return tr("any number")
    if high is None:
        assert low is not None
        return (tr("above {0}") if allowed.low_open else tr("{0} or more")).format(bound(low))
    if low is None:
        return (tr("below {0}") if allowed.high_open else tr("{0} or less")).format(bound(high))
    if allowed.low_open:
        return tr("above {0} and at most {1}").format(bound(low), bound(high))
    if allowed.high_open:
        return tr("from {0} up to (not including) {1}").format(bound(low), bound(high))
    return tr("from {0} to {1}").format(bound(low), bound(high))


def refusal(name: str, problem: str, in_use: str) -> str:
    """The sentence shown when a typed value is refused: what, why, and what stays in use."""
    return tr("{0}: {1} Still using {2}.").format(name, problem, in_use)


# The last refusal announced, while it may still be on screen (the status bar keeps a status tip
# until another one replaces it, and a long tooltip stays for seconds).
_announced = ""


# True from an announcement until the event loop next runs: a refusal made on the way to a change
# (a typed value refused just before the phase it preceded) explains that change and stays.
_fresh = False


def _settle() -> None:
    global _fresh
    _fresh = False


def announce(widget: QWidget, message: str) -> None:
    """Show a refusal without a modal box: in the window's status bar and as a tooltip by the field."""
    global _announced, _fresh
    _announced = message
    _fresh = True
    QTimer.singleShot(0, _settle)
    QCoreApplication.sendEvent(widget, QStatusTipEvent(message))
    if widget.isVisible():
        QToolTip.showText(widget.mapToGlobal(QPoint(0, widget.height())), message, widget)


def withdraw(widget: QWidget) -> None:
    """A value was accepted: the refusal announced before no longer holds ("Still using 0.1" after
    0.05 is in use), so take it off the status bar and the tooltip. Any other message stays."""
    global _announced
    if not _announced:
        return
    if QToolTip.isVisible() and QToolTip.text() == _announced:
        QToolTip.hideText()
    parent: QWidget | None = widget
    while parent is not None and not isinstance(parent, QMainWindow):
        parent = parent.parentWidget()
    if parent is not None and parent.statusBar().currentMessage() == _announced:
        parent.statusBar().clearMessage()
    _announced = ""


def click_only(*widgets: QWidget) -> None:
    """Check boxes and buttons in the docks take no keyboard focus from a mouse click.

    A clicked check box that kept the focus would take the next Space (Next phase) and toggle
    itself again; a button would press itself again. Keyboard users still reach them with Tab.
    """
    for widget in widgets:
        widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)


def withdraw_stale(widget: QWidget) -> None:
    """A later change went through (an edit, a phase): a refusal announced before it is moot.

    One announced while this change was being made (in the same turn of the event loop) stays.
    """
    if not _fresh:
        withdraw(widget)


class NumberField(QLineEdit):
    """A float field with an allowed range; Enter or leaving it uses the typed value or refuses it.

    `committed` carries a usable new value; `refused` carries the sentence to show; `accepted` says
    a typed text was usable (new or the value in use retyped), so an earlier refusal is void. Either
    way the field ends up showing the value in use (the owner refreshes it after a commit).
    """

    committed = Signal(float)
    refused = Signal(str)
    accepted = Signal()

    def __init__(self, allowed: Range, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.allowed = allowed
        self.name = ""  # set by the owner in the UI language, used in messages
        self._value = 0.0
        self.textEdited.connect(self._mark)
        self.editingFinished.connect(self.apply_typed)

    def set_value(self, value: float) -> None:
        self._value = float(value)
        self.setText(shown(value))
        self._mark()

    def setValue(self, value: float) -> None:
        self.set_value(value)

    def value(self) -> float:
        return self._value

    def problem(self) -> str | None:
        """Why the current text cannot be used, or None."""
        try:
            value = read_number(self.text())
        except RefusedError as exc:
            return str(exc)
        if not self.allowed.allows(value):
            return tr("“{0}” is not allowed: it must be {1}.").format(
                self.text().strip(), describe(self.allowed)
            )
        return None

    def is_acceptable(self) -> bool:
        return self.problem() is None

    def _mark(self) -> None:
        self.setStyleSheet("" if self.is_acceptable() else INVALID_STYLE)

    def apply_typed(self) -> None:
        """Use (or refuse) the typed text, as Enter or leaving the field does."""
        if self.text() == shown(self._value) and not self.isModified():
            return  # nothing typed since the value was shown (passing through the field)
        problem = self.problem()
        if problem is not None:
            self.set_value(self._value)
            message = refusal(self.name, problem, shown(self._value))
            self.refused.emit(message)
            announce(self, message)
            return
        value = read_number(self.text())
        self.setText(shown(value))  # also clears isModified
        withdraw(self)
        self.accepted.emit()
        if value != self._value:
            self._value = value
            self.committed.emit(value)


class WholeSpinBox(QSpinBox):
    """A whole-number spin box that refuses, with a message, what QSpinBox would silently drop.

    QSpinBox rejects keystrokes that leave its range (typing 5 where the maximum is 1 does
    nothing) and quietly returns to its previous value on an incomplete text. Here every keystroke
    is kept; on Enter or leaving the field, a text that is not a whole number in range is refused
    with `refused` and the previous value is shown again. `note` adds why the range is what it is.
    """

    refused = Signal(str)
    accepted = Signal()  # a typed text was usable: an earlier refusal is void

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setKeyboardTracking(False)
        self.name = ""
        self.note = ""

    def _read(self, text: str) -> int:
        try:
            value = read_number(text)
        except RefusedError:
            raise RefusedError(tr("“{0}” is not a whole number.").format(text.strip())) from None
        if not value.is_integer():
            raise RefusedError(tr("“{0}” is not a whole number.").format(text.strip()))
        return int(value)

    def validate(self, text: str, pos: int) -> QValidator.State:
        try:
            value = self._read(text)
        except RefusedError:
            return QValidator.State.Intermediate
        if self.minimum() <= value <= self.maximum():
            return QValidator.State.Acceptable
        return QValidator.State.Intermediate

    def valueFromText(self, text: str) -> int:
        try:
            return self._read(text)
        except RefusedError:
            return self.value()

    def fixup(self, text: str) -> str:
        return text  # never turn a typed text into another number

    def problem(self) -> str | None:
        text = self.cleanText()
        try:
            value = self._read(text)
        except RefusedError as exc:
            return str(exc)
        if not self.minimum() <= value <= self.maximum():
            allowed = tr("a whole number from {0} to {1}").format(self.minimum(), self.maximum())
            if self.note:
                allowed = f"{allowed} ({self.note})"
            return tr("“{0}” is not allowed: it must be {1}.").format(text.strip(), allowed)
        return None

    def _check(self) -> None:
        if self.cleanText() == str(self.value()) and not self.lineEdit().isModified():
            return  # nothing typed since the value was shown
        self.lineEdit().setModified(False)
        problem = self.problem()
        if problem is not None:
            message = refusal(self.name, problem, str(self.value()))
            self.refused.emit(message)
            announce(self, message)
        else:
            withdraw(self)
            self.accepted.emit()

    def apply_typed(self) -> None:
        """Use (or refuse) the typed text now, as Enter would."""
        self._check()
        self.interpretText()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._check()
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._check()
        super().focusOutEvent(event)
