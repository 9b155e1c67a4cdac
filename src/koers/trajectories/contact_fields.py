"""The fields of a contact, declared once: the data the services take (`ContactData`), which the
page's form (`forms.ContactEntryForm`) and the API's schemas (`schemas.ContactFieldsIn`, and the
programmes' contact schemas built on it) fill in."""

from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime

from koers.trajectories.models import Contact, ContactForm, ContactOutcome


@dataclass
class ContactData:
    starts_at: datetime
    duration_minutes: int
    form: str = ContactForm.INDIVIDUAL
    place: str = ""
    outcome: str = ContactOutcome.PLANNED
    absence_reason: str = ""
    notes: str = ""

    @classmethod
    def of(cls, contact: Contact) -> "ContactData":
        """What a saved contact holds, e.g. to change some fields of it (`changed`)."""
        return cls(**{name: getattr(contact, name) for name in CONTACT_FIELDS})

    def values(self) -> dict:
        """The fields by name, as the model takes them."""
        return asdict(self)

    def changed(self, **changes) -> "ContactData":
        return replace(self, **changes)


CONTACT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(ContactData))


def max_length(name: str) -> int:
    """The longest text a contact's field holds (the model's column decides)."""
    return Contact._meta.get_field(name).max_length
