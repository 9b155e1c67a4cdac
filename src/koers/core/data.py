"""What a user typed for a client, an organisation or a staff member, before the services
validate it. Plain data: forms, the API, imports and the demo build these."""

from dataclasses import dataclass, field
from datetime import date

from koers.core.models import Language, Organisation


@dataclass
class ClientData:
    """Client fields as a user typed them; `client_validate` normalises or rejects them."""

    first_name: str
    last_name: str
    birth_date: date | None = None
    email: str = ""
    phone: str = ""
    street: str = ""
    postal_code: str = ""
    city: str = ""
    preferred_language: str = Language.DUTCH
    consent_processing: bool = False
    consent_contact: bool = False
    national_number: str = ""


@dataclass
class OrganisationData:
    name: str
    kind: str
    working_name: str = ""
    enterprise_number: str = ""
    email: str = ""
    phone: str = ""


@dataclass
class StaffData:
    username: str
    first_name: str
    last_name: str
    email: str
    organisation: Organisation
    roles: list[str] = field(default_factory=list)
    company: Organisation | None = None
    password: str | None = None
