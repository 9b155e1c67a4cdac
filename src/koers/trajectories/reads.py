"""What hangs under a trajectory, read on a page, in the API or as a download: logged in the
client's access log (`koers.core.access_log`)."""

from django.utils.translation import gettext_lazy as _

from koers.core.access_log import FileRead
from koers.trajectories.models import Assignment, Contact, Document, Plan, Trajectory

TRAJECTORY = FileRead("trajectory", _("traject"), Trajectory, "client")
CONTACT = FileRead("contact", _("contact"), Contact, "trajectory__client")
ASSIGNMENT = FileRead("assignment", _("opdracht"), Assignment, "trajectory__client")
PLAN = FileRead("plan", _("plan"), Plan, "trajectory__client")
DOCUMENT = FileRead("document", _("document"), Document, "trajectory__client")

PAGES = {
    "trajectory_detail": TRAJECTORY,
    "trajectory_status": TRAJECTORY,
    "contact_create": TRAJECTORY,
    "contact_update": CONTACT,
    "assignment_create": TRAJECTORY,
    "assignment_update": ASSIGNMENT,
    "plan_create": TRAJECTORY,
    "plan_detail": PLAN,
    "plan_edit": PLAN,
    "document_create": TRAJECTORY,
    "document_download": DOCUMENT,
    "document_status": DOCUMENT,
}
API = {
    "trajectories/{trajectory_id}": TRAJECTORY,
    "contacts/{contact_id}": CONTACT,
    "assignments/{assignment_id}": ASSIGNMENT,
    "plans/{plan_id}": PLAN,
    "documents/{document_id}": DOCUMENT,
}
