"""/contacts: appointments and sessions within a trajectory."""

from django.http import HttpRequest
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import PageQuery, auth_user
from koers.api.schemas import Id
from koers.trajectories.api.common import trajectory_rows, visible_row
from koers.trajectories.api.lookups import visible_trajectory
from koers.trajectories.contact_fields import ContactData
from koers.trajectories.models import Contact
from koers.trajectories.schemas import ContactIn, ContactOut, ContactPage, ContactPatch
from koers.trajectories.services import contact_log, contact_update

# Operation ids are public: they keep the prefix of the module this router came from.
OPERATION_ID_PREFIX = "koers_api_contacts"

router = Router(tags=["contacts"])


@router.get("/contacts", response={200: ContactPage, **ERRORS}, summary="Contacten")
def list_contacts(request: HttpRequest, params: PageQuery, trajectory: Id | None = None):
    """Contacts you may see, newest first; `trajectory` limits them to one trajectory."""
    return trajectory_rows(Contact, request, params, trajectory, ("-starts_at", "-id"))


@router.get("/contacts/{contact_id}", response={200: ContactOut, **ERRORS}, summary="Eén contact")
def get_contact(request: HttpRequest, contact_id: Id):
    return visible_row(Contact, request, contact_id)


@router.post("/contacts", response={201: ContactOut, **ERRORS}, summary="Contact registreren")
def create_contact(request: HttpRequest, payload: ContactIn):
    """Log an appointment or a held session. Refused when it overlaps another contact of the
    client or of yourself, or when a contact in the future is marked as held."""
    user = auth_user(request)
    trajectory = visible_trajectory(user, payload.trajectory_id)
    return 201, contact_log(trajectory=trajectory, data=payload.contact_data(), acting_user=user)


@router.patch(
    "/contacts/{contact_id}", response={200: ContactOut, **ERRORS}, summary="Contact wijzigen"
)
def update_contact(request: HttpRequest, contact_id: Id, payload: ContactPatch):
    """Change only the fields you send (e.g. the outcome after the session)."""
    user = auth_user(request)
    contact = Contact.objects.visible_to(user).get(pk=contact_id)
    data = ContactData.of(contact).changed(**payload.changes())
    return contact_update(contact=contact, data=data, acting_user=user)
