"""What would render wrongly in Qt's rich text: the check shared by the explanation tests."""

from __future__ import annotations

import re
import unicodedata

SUP_AFTER_SUP = re.compile(r"</sup>\s*(?:<[^>]*>\s*)*<sup>")


def problems(html: str) -> list[str]:
    """What would render wrongly in Qt: combining characters and stacked superscripts."""
    found = [
        f"combining {unicodedata.name(ch)} after {html[max(0, i - 20) : i]!r}"
        for i, ch in enumerate(html)
        if unicodedata.combining(ch)
    ]
    for match in SUP_AFTER_SUP.finditer(html):
        # a superscript right after another one, with only tags (no visible text) between
        found.append(
            f"superscript after superscript: {html[max(0, match.start() - 40) : match.end() + 20]!r}"
        )
    depth = 0
    for tag in re.finditer(r"<(/?)sup>", html):
        depth += -1 if tag.group(1) else 1
        if depth > 1:
            found.append(
                f"superscript inside a superscript: {html[max(0, tag.start() - 40) : tag.end() + 20]!r}"
            )
    for match in re.finditer(r"[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]\s*<sup>|</sup>\s*[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]", html):
        found.append(f"Unicode superscript next to a superscript: {match.group(0)!r}")
    return found
