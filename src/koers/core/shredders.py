"""What the core holds of a person (see `koers.privacy.shredding`): the client itself.

Staff users, organisations and locations are not subjects of an erasure here (tests/privacy
lists them in the allow-list with the reason).
"""

from django.utils.translation import gettext_lazy as _

from koers.core.models import Client, FileAccess
from koers.privacy.shredding import ERASED, ModelShredder, SubjectKind


def _find_client(user, pk: int) -> Client | None:
    return Client.objects.visible_to(user).filter(pk=pk).first()


SUBJECT_KINDS = [
    SubjectKind(
        kind="client",
        label=_("cliënt"),
        find=_find_client,
        organisation_id=lambda client: client.organisation_id,
    )
]

SHREDDERS = [
    ModelShredder(
        FileAccess,
        paths={"client": "client_id"},
        keep="Wie het dossier inkeek blijft bewaard (verantwoording, art. 5.2 AVG): enkel ids.",
    ),
    ModelShredder(
        Client,
        paths={"client": "pk"},
        erase=("birth_date", "email", "phone", "street", "postal_code", "city")
        + ("national_number_encrypted", "national_number_index"),
        replace={"first_name": ERASED, "last_name": ERASED, "search_name": "gewist"},
        keep="De rij blijft (ids van trajecten, facturen en de VDAB-cheque), zonder persoonsgegevens.",
    ),
]
