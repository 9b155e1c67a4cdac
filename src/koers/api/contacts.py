"""/contacts: appointments and sessions within a trajectory."""

from dataclasses import replace

from django.http import HttpRequest
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import PageQuery, auth_user, page, visible_trajectory
from koers.api.schemas import ContactIn, ContactOut, ContactPage, ContactPatch, Id
from koers.trajectories.models import Contact
from koers.trajectories.services import ContactData, contact_log, contact_update

router = Router(tags=["contacts"])


def _data_from(contact: Contact) -> ContactData:
    return ContactData(
        starts_at=contact.starts_at,
        duration_minutes=contact.duration_minutes,
        form=contact.form,
        place=contact.place,
        outcome=contact.outcome,
        absence_reason=contact.absence_reason,
        notes=contact.notes,
    )


@router.get("/contacts", response={200: ContactPage, **ERRORS}, summary="Contacten")
def list_contacts(request: HttpRequest, params: PageQuery, trajectory: Id | None = None):
    """Contacts you may see, newest first; `trajectory` limits them to one trajectory."""
    contacts = Contact.objects.visible_to(auth_user(request)).order_by("-starts_at", "-id")
    if trajectory is not None:
        contacts = contacts.filter(trajectory_id=trajectory)
    return page(contacts, params)


@router.get("/contacts/{contact_id}", response={200: ContactOut, **ERRORS}, summary="Eén contact")
def get_contact(request: HttpRequest, contact_id: Id):
    return Contact.objects.visible_to(auth_user(request)).get(pk=contact_id)


@router.post("/contacts", response={201: ContactOut, **ERRORS}, summary="Contact registreren")
def create_contact(request: HttpRequest, payload: ContactIn):
    """Log an appointment or a held session. Refused when it overlaps another contact of the
    client or of yourself, or when a contact in the future is marked as held."""
    user = auth_user(request)
    trajectory = visible_trajectory(user, payload.trajectory_id)
    data = ContactData(**payload.dict(exclude={"trajectory_id"}))
    return 201, contact_log(trajectory=trajectory, data=data, acting_user=user)


@router.patch(
    "/contacts/{contact_id}", response={200: ContactOut, **ERRORS}, summary="Contact wijzigen"
)
def update_contact(request: HttpRequest, contact_id: Id, payload: ContactPatch):
    """Change only the fields you send (e.g. the outcome after the session)."""
    user = auth_user(request)
    contact = Contact.objects.visible_to(user).get(pk=contact_id)
    changes = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None}
    data = replace(_data_from(contact), **changes)
    return contact_update(contact=contact, data=data, acting_user=user)
