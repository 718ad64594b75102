"""Plain helpers shared by tests, imported as `from tests.support.<module> import name`.

Fixtures are not here: they live in the conftest.py files (tests/conftest.py for all tests,
tests/ui/conftest.py for the window tests)."""
