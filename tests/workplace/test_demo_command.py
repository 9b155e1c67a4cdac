"""`manage.py demo` only orchestrates: it lives in the workplace and builds the registered parts."""

from importlib.util import find_spec


def test_the_command_lives_in_the_workplace_only():
    assert find_spec("koers.workplace.management.commands.demo") is not None
    assert find_spec("koers.core.management.commands.demo") is None
