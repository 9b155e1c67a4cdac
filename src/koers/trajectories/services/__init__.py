"""Use cases of the trajectory core. Each locks what it changes and saves in one transaction.

One module per thing written (opening, status, contacts, assignments, plans, documents); the
names are importable from here, as the programmes and the pages import them.
"""

from koers.trajectories.contact_fields import ContactData
from koers.trajectories.services.assignments import (
    AssignmentData,
    assignment_create,
    assignment_update,
)
from koers.trajectories.services.contacts import (
    MAX_CONTACT_MINUTES,
    ContactCheck,
    contact_log,
    contact_update,
    contact_validate,
    register_programme_contact_check,
)
from koers.trajectories.services.documents import (
    document_add,
    document_set_status,
    document_store_generated,
    document_validate_upload,
)
from koers.trajectories.services.opening import (
    client_register_with_trajectory,
    programme_open,
    programme_open_check,
    register_programme_opener,
    trajectory_open,
)
from koers.trajectories.services.plans import (
    PlanCheck,
    plan_create,
    plan_save_version,
    register_programme_plan_check,
)
from koers.trajectories.services.status import (
    ClosingDoor,
    register_programme_closing,
    trajectory_set_status,
)

__all__ = [
    "MAX_CONTACT_MINUTES",
    "AssignmentData",
    "ClosingDoor",
    "ContactCheck",
    "ContactData",
    "PlanCheck",
    "assignment_create",
    "assignment_update",
    "client_register_with_trajectory",
    "contact_log",
    "contact_update",
    "contact_validate",
    "document_add",
    "document_set_status",
    "document_store_generated",
    "document_validate_upload",
    "plan_create",
    "plan_save_version",
    "programme_open",
    "programme_open_check",
    "register_programme_closing",
    "register_programme_contact_check",
    "register_programme_opener",
    "register_programme_plan_check",
    "trajectory_open",
    "trajectory_set_status",
]
