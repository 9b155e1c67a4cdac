"""Optimistic locking of a client's details: refuse a save made from a version that is no longer
the current one, and say which fields the other person changed in between.

Two people editing one client in two tabs: without this the later save silently overwrote the
earlier one. The edit form and the API carry the version they started from; `client_update`
compares it with the locked row and raises `StaleVersion` when someone saved in between.
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _

from koers.core.models import Client

# The fields a person edits, as they appear in the history. The national number is compared
# by its blind index (the encrypted text differs on every save) and never shown in clear.
COMPARED_FIELDS = (
    "first_name",
    "last_name",
    "birth_date",
    "email",
    "phone",
    "street",
    "postal_code",
    "city",
    "preferred_language",
    "consent_processing",
    "consent_contact",
    "national_number_index",
)


class StaleVersion(ValidationError):
    """The save started from `expected`; the client is at `current` since. `changed` names the
    fields (their labels) the other save(s) changed."""

    def __init__(self, *, expected: int, current: int, changed: list[str]):
        self.expected, self.current, self.changed = expected, current, changed
        super().__init__({NON_FIELD_ERRORS: [stale_message(changed)]})


def stale_message(changed: list[str]) -> str:
    if not changed:
        return _(
            "Iemand anders heeft deze cliënt intussen bewaard. Kijk de gegevens na en bewaar "
            "opnieuw om uw versie te houden."
        )
    return _(
        "Iemand anders heeft deze cliënt intussen gewijzigd: %(fields)s. Uw invoer staat nog "
        "in het formulier; kijk die velden na en bewaar opnieuw om uw versie te houden."
    ) % {"fields": ", ".join(changed)}


def _label(name: str) -> str:
    if name == "national_number_index":
        return _("rijksregisternummer")
    return str(Client._meta.get_field(name).verbose_name)


def changed_since(client: Client, version: int) -> list[str]:
    """Labels of the fields whose value now differs from the one saved as `version` (none named
    when that version is not in the history)."""
    then = client.history.filter(version=version).order_by("-history_id").first()
    if then is None:
        return []
    return [
        _label(name) for name in COMPARED_FIELDS if getattr(then, name) != getattr(client, name)
    ]


def check_version(client: Client, expected: int | None) -> None:
    """Raise `StaleVersion` when `expected` (None: the caller did not say) is not `client`'s
    version. `client` is the locked, current row."""
    if expected is None or expected == client.version:
        return
    raise StaleVersion(
        expected=expected, current=client.version, changed=changed_since(client, expected)
    )


def etag(client: Client) -> str:
    """The API's entity tag of a client's details: changes with every save."""
    return f'"client-{client.pk}-v{client.version}"'


def version_from_etag(client: Client, value: str) -> int | None:
    """The version an `If-Match` header names; -1 (never current) for a tag of anything else,
    None for `*` or no header."""
    value = value.strip()
    if not value or value == "*":
        return None
    tag = value.removeprefix("W/")
    prefix = f'"client-{client.pk}-v'
    if not (tag.startswith(prefix) and tag.endswith('"')) or not tag[len(prefix) : -1].isdigit():
        return -1
    return int(tag[len(prefix) : -1])
