"""One client per national register number (issue 15): the check before a save, the message a
user hears (which says nothing of a client the user may not see), and the save that the unique
index `client_national_number_once` guards against two saves at once."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from koers.core.crypto import blind_index
from koers.core.data import ClientData
from koers.core.history import save_with_user
from koers.core.models import Client, User


def national_number_taken_message(*, visible: bool) -> str:
    """What a user hears when a national number already belongs to another client: only where the
    user may see that client; otherwise words that reveal nothing, for centre staff to resolve."""
    if visible:
        return _("Er bestaat al een cliënt met dit rijksregisternummer.")
    return _(
        "Dit rijksregisternummer kan niet bewaard worden. Vraag een centrummedewerker om het "
        "na te kijken."
    )


class NationalNumberTaken(ValidationError):
    """The national number belongs to another client (the page shows it next to the field; the
    API answers 409)."""

    def __init__(self, *, visible: bool):
        self.visible = visible
        super().__init__({"national_number": [national_number_taken_message(visible=visible)]})


def check_national_number_unique(
    digits: str, *, user: User | None, exclude_pk: int | None = None
) -> None:
    if not digits:
        return
    clash = Client.objects.filter(national_number_index=blind_index(digits))
    if exclude_pk:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise NationalNumberTaken(visible=user is None or clash.visible_to(user).exists())


def save_client(client: Client, data: ClientData, acting_user: User | None) -> None:
    """Save; when another save with the same national number committed after our check, the
    unique index refuses the row: answer as the check would have (inside a savepoint, so the
    caller's transaction stays usable)."""
    try:
        with transaction.atomic():
            save_with_user(client, acting_user)
    except IntegrityError:
        check_national_number_unique(data.national_number, user=acting_user, exclude_pk=client.pk)
        raise
