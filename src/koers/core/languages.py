"""Which language a person gets: their own preference, never the browser's.

Many Belgian office PCs run English Windows, and a client who chose Dutch must not get an English
portal because of it. Staff choose in the user menu (stored on the user), clients in the portal
(stored as their preferred language); e-mails follow the recipient.
"""

from contextlib import contextmanager

from django.conf import settings
from django.utils import translation

DEFAULT = settings.LANGUAGE_CODE
_UI_CODES = {code for code, _name in settings.LANGUAGES}


def ui_language(code: str | None) -> str:
    """The interface language for a stored preference: a client's French or German falls back to
    the default (Koers speaks Dutch and English)."""
    if code in _UI_CODES:
        return code
    if code and code.split("-")[0] == "en":
        return "en"
    return DEFAULT


def language_of(person) -> str:
    """A staff user's or a client's interface language (`None`: the default)."""
    if person is None:
        return DEFAULT
    code = getattr(person, "language", None) or getattr(person, "preferred_language", None)
    return ui_language(code)


@contextmanager
def in_language_of(person):
    """Render a message (subject, body, PDF) in the recipient's language."""
    with translation.override(language_of(person)):
        yield
