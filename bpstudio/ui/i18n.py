"""The UI language: English (the source strings) or Vietnamese, from a compiled .qm catalogue.

The language follows the system locale unless `--lang` or the Language menu chose one; the
choice is remembered in the settings. Switching installs another translator, and Qt sends every
widget a LanguageChange event on which it retranslates itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from bpstudio.assets import resource

LANGUAGES = ("en", "vi")
LANGUAGE_NAMES = {"en": "English", "vi": "Tiếng Việt"}

_translators: list[QTranslator] = []
_current = "en"


def system_language() -> str:
    name = QLocale.system().name().lower()
    return "vi" if name.startswith("vi") else "en"


def catalogue(lang: str) -> Path:
    return resource("translations", f"bpstudio_{lang}.qm")


def current_language() -> str:
    return _current


def install(lang: str) -> bool:
    """Make `lang` the UI language; False if its catalogue is missing (English stays)."""
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install a language after creating the application")
    lang = lang if lang in LANGUAGES else "en"
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    ok = True
    if lang != "en":
        translator = QTranslator(app)
        path = catalogue(lang)
        if path.is_file() and translator.load(str(path)):
            app.installTranslator(translator)
            _translators.append(translator)
        else:
            ok = False
            lang = "en"
    _current = lang
    return ok
