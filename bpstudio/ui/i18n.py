"""The UI language: English (the source strings) or Vietnamese, from compiled .qm catalogues.

The language follows the system locale unless `--lang` or the Language menu chose one; the
choice is remembered in the settings. Switching installs other translators, and Qt sends every
widget a LanguageChange event on which it retranslates itself.

A language has two catalogues: `bpstudio_<lang>.qm` for BP Studio's own texts and `qt_<lang>.qm`
for the texts Qt's widgets draw themselves (dialog buttons, line-edit context menus, the file
dialog), which Qt looks up in contexts such as "QPlatformTheme", "QLineEdit" and "QFileDialog".
PySide6 ships no qtbase catalogue for Vietnamese, so resources/translations/qt_vi.ts holds those
texts, with the contexts and source strings of Qt's sources. Both are compiled from the .ts files
by `make` or, in a wheel, by the build hook (hatch_build.py). A catalogue that is missing is never
silent: `install` returns False and `missing_message` says which file and what to do.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from bpstudio.assets import resource
from bpstudio.notation import languages

if TYPE_CHECKING:
    from bpstudio.document.document import NetworkDocument

LANGUAGES = languages.CODES  # the UI's catalogues: one per language BP Studio speaks
# The catalogues of one language, in lookup order: BP Studio's texts first, then Qt's.
DOMAINS = ("bpstudio", "qt")

# Characters some file system refuses in a name (Windows' list includes Linux's "/" and NUL).
_UNSAFE_IN_FILE_NAMES = re.compile(r'[\x00-\x1f/\\:*?"<>|]+')

_translators: list[QTranslator] = []
_current = languages.SOURCE
_choice = languages.SOURCE  # what made _current: "system", or a language chosen by --lang or the menu
_missing: list[Path] = []
_missing_lang = ""


def system_language() -> str:
    name = QLocale.system().name().lower()
    return next((code for code in languages.CODES if name.startswith(code)), languages.SOURCE)


def catalogue(lang: str, domain: str = "bpstudio") -> Path:
    return resource("translations", f"{domain}_{lang}.qm")


def current_language() -> str:
    return _current


def current_choice() -> str:
    """The choice that made the current language: "system" or one of LANGUAGES.

    The Language menu ticks this, so that `--lang vi` ticks Tiếng Việt rather than whatever the
    settings remember.
    """
    return _choice


def choose(choice: str) -> bool:
    """Install the language `choice` names ("system": the system's); False as `install` says."""
    global _choice
    ok = install(system_language() if choice == "system" else choice)
    _choice = choice if choice == "system" else _current
    return ok


def network_name(document: NetworkDocument) -> str:
    """The name views show for a network: its file's name once it has one, else its title in the
    UI language (the examples carry a Vietnamese one, "name_vi"); "" when it has neither."""
    if document.path is not None:
        return document.path.name
    return network_title(document, _current)


def network_title(document: NetworkDocument, lang: str) -> str:
    """The network's title in `lang` ("name_vi" for Vietnamese), else its English one ("" if none)."""
    from bpstudio.document.fileformat import in_language

    return in_language({**document.extras, "name": document.name}, "name", lang)


def file_stem(document: NetworkDocument, lang: str, fallback: str) -> str:
    """The start of a file name to suggest for the network: its file's own name once it has one,
    else its title in `lang` with what a file system refuses replaced, else `fallback`."""
    if document.path is not None:
        return document.path.name.removesuffix(".json").removesuffix(".bpstudio")
    title = _UNSAFE_IN_FILE_NAMES.sub(" ", network_title(document, lang))
    title = " ".join(title.split()).strip(". ")  # no leading dot (hidden), no trailing one (Windows)
    return title or fallback


def install(lang: str) -> bool:
    """Make `lang` the UI language; False if one of its catalogues is missing.

    Without BP Studio's own catalogue the UI stays English; without Qt's one, BP Studio's texts
    are translated and Qt's buttons are not. Either way `missing_message()` explains it.
    """
    global _current, _choice, _missing_lang
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install a language after creating the application")
    lang = lang if lang in LANGUAGES else languages.SOURCE
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    _missing.clear()
    _missing_lang = lang
    if lang != "en":
        loaded = []
        for domain in DOMAINS:
            translator = QTranslator(app)
            path = catalogue(lang, domain)
            if path.is_file() and translator.load(str(path)):
                loaded.append(translator)
            else:
                _missing.append(path)
        if catalogue(lang) in _missing:
            loaded.clear()  # without our own texts, a few translated Qt buttons would only confuse
            lang = "en"
        # Installed last is asked first: BP Studio's catalogue wins over Qt's for the same text.
        for translator in reversed(loaded):
            app.installTranslator(translator)
            _translators.append(translator)
    _current = _choice = lang
    return not _missing


def missing_message() -> str:
    """Why the last `install` fell short, in the language now in use ("" when nothing is missing)."""
    if not _missing:
        return ""
    name = languages.native_name(_missing_lang)
    files = ", ".join(str(path) for path in _missing)
    if _current == "en":
        text = QCoreApplication.translate(
            "i18n",
            "{0} is not available: its translation file is missing ({1}), so BP Studio is shown in "
            "English. Reinstall BP Studio, or run `make translations` in a source checkout.",
        )
    else:
        text = QCoreApplication.translate(
            "i18n",
            "{0}: the translation of Qt's own buttons and dialogs is missing ({1}); they stay in "
            "English. Reinstall BP Studio, or run `make translations` in a source checkout.",
        )
    return text.format(name, files)
