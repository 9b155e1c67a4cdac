"""/clients: the people being guided."""

from dataclasses import replace

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Header, Router
from ninja.errors import HttpError

from koers.api.errors import ERRORS, Conflict, ErrorOut, renamed_fields
from koers.api.lookups import (
    PageQuery,
    acting_organisation,
    auth_user,
    keyset_page,
    patch_changes,
    staff_member,
)
from koers.api.schemas import Id
from koers.core.models import Client, Role, User
from koers.core.selectors import client_data_from, client_get, client_search
from koers.core.services import (
    ClientData,
    client_create,
    client_update,
    client_validate,
)
from koers.core.versions import StaleVersion, etag, version_from_etag
from koers.idempotency.services import fingerprint, run_once
from koers.privacy.reveals import record_reveals
from koers.trajectories.schemas import ClientIn
from koers.trajectories.services import programme_open
from koers.workplace.duplicates import possible_duplicates
from koers.workplace.schemas import (
    ClientCreatedOut,
    ClientOut,
    ClientPage,
    ClientPatch,
    DuplicateOut,
)
from koers.workplace.selectors import CLIENT_ORDER

# Operation ids are public: these kept the prefix of their first home, koers/api/clients.py.
OPERATION_ID_PREFIX = "koers_api_clients"
router = Router(tags=["clients"])


def client_out(client: Client, *, full_national_number: bool) -> dict:
    if not client.has_national_number:
        national_number = None
    elif full_national_number:
        national_number = client.national_number_formatted()
    else:
        national_number = client.national_number_masked()
    return {
        "id": client.pk,
        "organisation_id": client.organisation_id,
        "organisation_name": client.organisation.name,
        "first_name": client.first_name,
        "last_name": client.last_name,
        "birth_date": client.birth_date,
        "email": client.email,
        "phone": client.phone,
        "street": client.street,
        "postal_code": client.postal_code,
        "city": client.city,
        "preferred_language": client.preferred_language,
        "consent_processing": client.consent_processing,
        "consent_contact": client.consent_contact,
        "national_number": national_number,
        "national_number_masked": bool(national_number) and not full_national_number,
        "created_at": client.created_at,
        "updated_at": client.updated_at,
        "version": client.version,
    }


def _full_numbers(user: User, clients: list[Client], where: str) -> bool:
    """Whether the user sees full national numbers; each one shown is recorded (a reveal)."""
    full = user.has_perm("core.view_national_number")
    if full:
        shown = [c.pk for c in clients if c.has_national_number]
        record_reveals(user=user, client_ids=shown, where=where)
    return full


@router.get("/clients", response={200: ClientPage, **ERRORS}, summary="Cliënten zoeken")
def list_clients(request: HttpRequest, params: PageQuery, q: str = "", after: Id | None = None):
    """Clients you may see, by name; `q` searches name, e-mail, phone or an exact national
    number. For the next page give `after` the `next` of this one (any depth costs the same),
    or `offset`."""
    user = auth_user(request)
    clients = client_search(user=user, query=q)
    result = keyset_page(clients, params, ordering=CLIENT_ORDER, after=after)
    full = _full_numbers(user, result["items"], "api:list")
    result["items"] = [client_out(c, full_national_number=full) for c in result["items"]]
    return result


@router.get("/clients/{client_id}", response={200: ClientOut, **ERRORS}, summary="Eén cliënt")
def get_client(request: HttpRequest, client_id: Id, response: HttpResponse):
    """One client. The `ETag` header names this version: send it back as `If-Match` with a
    PATCH so that a change someone else saved in between is not overwritten."""
    user = auth_user(request)
    client = client_get(user=user, pk=client_id)
    response["ETag"] = etag(client)
    return client_out(client, full_national_number=_full_numbers(user, [client], "api:detail"))


def _guides_only(user: User, organisation_id: int) -> bool:
    """True if the user would not see a new client of this organisation without a trajectory."""
    return not user.is_administrator and organisation_id not in user.organisation_ids(
        Role.CENTRE_STAFF
    )


def _responsible(user: User, organisation, payload: ClientIn, guides_only: bool) -> User:
    """Who is responsible for the first trajectory: the user, or a colleague centre staff name."""
    if guides_only and payload.programme is None:
        raise ValidationError(
            {
                "programme": [
                    _("Kies het programma van het traject: zonder traject ziet u de cliënt niet.")
                ]
            }
        )
    if payload.responsible_id is None or payload.responsible_id == user.pk:
        return user
    if guides_only:
        raise ValidationError(
            {"responsible_id": [_("U kunt alleen uzelf verantwoordelijk maken.")]}
        )
    return staff_member(organisation, payload.responsible_id)


@transaction.atomic
def _register(user: User, organisation, data: ClientData, programme, responsible: User):
    """The client and, with a programme, its first trajectory, in one transaction."""
    client = client_create(organisation=organisation, data=data, acting_user=user)
    trajectory = None
    if programme is not None:
        with renamed_fields(responsible="responsible_id"):
            trajectory = programme_open(
                client=client,
                programme=programme,
                responsible=responsible,
                organisation=organisation,
                start_date=timezone.localdate(),
                acting_user=user,
            )
    return client, trajectory


def _refuse_possible_duplicates(user: User, data: ClientData) -> None:
    """The page's "mogelijk dubbel" step: 409 naming the clients the user may see with the same
    name and birth date. A match the user may not see is not named, nor refused for: that would
    tell the user the person is known elsewhere. (A national number that is taken is refused on
    saving, with its own 409: no confirmation makes a second client with it.)"""
    found = possible_duplicates(user=user, data=data, by_national_number=False)
    if ids := sorted(c.pk for c in found):
        raise Conflict(
            _(
                "Mogelijk dubbel: er bestaat al een cliënt met dezelfde naam en geboortedatum "
                "(zie duplicate_ids). Is het een andere persoon, stuur dan opnieuw met "
                "confirm_duplicate: true."
            ),
            duplicate_ids=ids,
        )


def _register_client(user: User, payload: ClientIn) -> dict:
    organisation = acting_organisation(user, payload.organisation_id)
    fields = payload.model_dump(
        exclude={"organisation_id", "programme", "responsible_id", "confirm_duplicate"}
    )
    data = ClientData(**fields)
    # Check the person first so all their field errors come at once, before the trajectory's.
    client_validate(data, today=timezone.localdate())
    if not payload.confirm_duplicate:
        _refuse_possible_duplicates(user, data)
    responsible = _responsible(user, organisation, payload, _guides_only(user, organisation.pk))
    client, trajectory = _register(user, organisation, data, payload.programme, responsible)
    body = client_out(client, full_national_number=_full_numbers(user, [client], "api:create"))
    body["trajectory_id"] = trajectory.pk if trajectory else None
    return body


def _replayed_client(user: User, client_id: int) -> dict:
    """The answer of the first request with this Idempotency-Key, from the client as it is."""
    client = client_get(user=user, pk=client_id)
    body = client_out(client, full_national_number=_full_numbers(user, [client], "api:create"))
    body["trajectory_id"] = client.trajectories.order_by("pk").values_list("pk", flat=True).first()
    return body


@router.post(
    "/clients",
    response={201: ClientCreatedOut, 409: DuplicateOut, **ERRORS},
    summary="Cliënt registreren",
)
def create_client(
    request: HttpRequest,
    payload: ClientIn,
    idempotency_key: str = Header("", alias="Idempotency-Key", max_length=100),
):
    """Register a client. A coach also gives `programme`: the first trajectory is opened in the
    same transaction, with the coach responsible, so the coach can see the new client.
    With an `Idempotency-Key` header the same request sent again (a retry after a time-out)
    answers the first client instead of making a second; the same key with another body
    answers 422. A client you can see with the same name and birth date answers 409 with their
    `duplicate_ids`, unless `confirm_duplicate` is true; a national number that already belongs
    to a client answers 409 whatever you send."""
    user = auth_user(request)
    key = idempotency_key.strip()
    if not key:
        return 201, _register_client(user, payload)
    first: dict = {}

    def register() -> tuple[int, int]:
        first.update(_register_client(user, payload))
        return first["id"], 201

    outcome = run_once(
        user=user,
        scope="api:clients.create",
        key=key,
        action=register,
        body_hash=fingerprint(payload.model_dump(mode="json")),
    )
    return outcome.status_code, first or _replayed_client(user, outcome.result_id)


# What `null` means for a field that can be emptied.
_CLEARABLE = {
    "birth_date": None,
    "email": "",
    "phone": "",
    "street": "",
    "postal_code": "",
    "city": "",
    "national_number": "",
    "first_name": "",
    "last_name": "",
}


@router.patch(
    "/clients/{client_id}",
    response={200: ClientOut, 409: ErrorOut, 412: ErrorOut, **ERRORS},
    summary="Cliënt wijzigen",
)
def update_client(
    request: HttpRequest,
    client_id: Id,
    payload: ClientPatch,
    response: HttpResponse,
    if_match: str = Header("", alias="If-Match"),
):
    """Change only the fields you send; the others keep their value. Setting or clearing the
    national number needs the right to see it (centre staff, administrators), as on the page.
    With `If-Match` (the `ETag` of a GET) a change saved by someone else since answers 412; a
    national number that belongs to another client answers 409."""
    user = auth_user(request)
    client = client_get(user=user, pk=client_id)
    expected = version_from_etag(client, if_match)
    changes = patch_changes(payload, _CLEARABLE)
    # `null` for a yes/no or the language means "leave as it is".
    if client.has_national_number and changes.get("national_number") == (
        client.national_number_masked()
    ):
        del changes["national_number"]  # the masked value read back: unchanged
    data = replace(client_data_from(client), **changes)
    try:
        client = client_update(
            client=client, data=data, acting_user=user, expected_version=expected
        )
    except StaleVersion as exc:
        raise HttpError(412, exc.messages[0]) from exc
    response["ETag"] = etag(client)
    return client_out(client, full_national_number=_full_numbers(user, [client], "api:update"))
