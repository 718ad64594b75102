"""The languages BP Studio speaks: one table of codes and native names.

The UI's catalogues, the guides, the explanations, the command line's `--lang` and the example
files' translated fields (`name_vi`) all take their list from here, so adding a language starts
with one line in LANGUAGES.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """A language by its code (ISO 639-1) and its name in itself, as a language menu lists it."""

    code: str
    native_name: str


# English first: it is the source language of every text and the fallback of every lookup.
LANGUAGES: tuple[Language, ...] = (
    Language("en", "English"),
    Language("vi", "Tiếng Việt"),
)
SOURCE = LANGUAGES[0].code
CODES: tuple[str, ...] = tuple(language.code for language in LANGUAGES)
NATIVE_NAMES: dict[str, str] = {language.code: language.native_name for language in LANGUAGES}


def native_name(code: str) -> str:
    """A language's name in itself ("Tiếng Việt"); an unknown code is written as the code."""
    return NATIVE_NAMES.get(code, code)


def field_keys(key: str, code: str) -> tuple[str, ...]:
    """The keys a file's translated field is looked up by, in order: "name_vi" then "name" for
    Vietnamese, only "name" for the source language."""
    return (key,) if code == SOURCE else (f"{key}_{code}", key)
