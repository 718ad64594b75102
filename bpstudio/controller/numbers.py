"""Reading a number a person wrote: the one rule for fields, table cells, the canvas and CSV files.

A point is always a decimal point (the app writes numbers that way). A single comma is a decimal
comma, as Vietnamese and most European spreadsheets write it, unless commas may also separate
thousands where the text comes from and exactly three digits follow it: `1,000` could then be one
thousand or one, and is refused rather than guessed. Whether commas may group thousands is the
caller's knowledge (the UI language for a typed value, the column separator for a CSV file), so
this module depends on nothing above the controller and the UI imports it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

MINUS = "\u2212"
QUOTE_LIMIT = 80


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class RefusedError(ValueError):
    """A text that cannot be used as a number; the message is one translated sentence."""


class NotANumberError(RefusedError):
    """The text is not a number at all."""


class AmbiguousCommaError(RefusedError):
    """`1,000` where commas may separate thousands: one thousand or one."""


class NotFiniteError(RefusedError):
    """`inf` or `nan`: Python reads them, a weight or a sample cannot use them."""


def clip(text: str, limit: int = QUOTE_LIMIT) -> str:
    """A bad value as a message quotes it: at most `limit` characters (a pasted paragraph or a
    whole line of a file would bury the sentence)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_number(text: str, comma_groups_thousands: bool) -> float:
    """The finite number written in `text`, or a RefusedError saying why (see the module's rule).

    `−` (the typographic minus) and `–` read as a minus; spaces (thin, no-break) are ignored.
    """
    quoted = clip(text.strip())
    cleaned = text.strip().replace(MINUS, "-").replace("\u2013", "-")
    for space in (" ", "\u00a0", "\u2009", "\u202f"):
        cleaned = cleaned.replace(space, "")
    if cleaned.count(",") == 1 and "." not in cleaned:
        mantissa = cleaned.lower().split("e")[0]
        decimals = mantissa.partition(",")[2]  # empty when the comma is in the exponent (1e1,0)
        if comma_groups_thousands and len(decimals) == 3 and decimals.isdigit():
            raise AmbiguousCommaError(
                tr("“{0}” is ambiguous: the comma may separate thousands. Write {1} or {2}.").format(
                    quoted, clip(cleaned.replace(",", ".")), clip(cleaned.replace(",", ""))
                )
            )
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        raise NotANumberError(
            tr("“{0}” is not a number: type a value such as 0.25, 0,25 or {1}1.5.").format(quoted, MINUS)
        ) from None
    if not math.isfinite(value):
        raise NotFiniteError(tr("“{0}” is not a finite number.").format(quoted))
    return value
