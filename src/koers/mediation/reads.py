"""The mediation pages and API paths whose reads are logged (`koers.core.access_log`)."""

from django.utils.translation import gettext_lazy as _

from koers.core.access_log import FileRead
from koers.mediation.models import (
    AgreementSheet,
    FirstAppointment,
    MediationService,
    TrainingRegistration,
)

SERVICE = FileRead("mediation", _("bemiddeling"), MediationService, "client")
APPOINTMENT = FileRead(
    "first_appointment", _("eerste afspraak"), FirstAppointment, "service__client"
)
SHEET = FileRead("agreement_sheet", _("afsprakenblad"), AgreementSheet, "service__client")
TRAINING = FileRead("training", _("opleiding"), TrainingRegistration, "service__client")

_SERVICE_PAGES = (
    "detail",
    "referral_edit",
    "vdab_close",
    "appointment_new",
    "sheet_new",
    "start",
    "contact_new",
    "month_end",
    "training_new",
    "checklist",
    "ibo",
    "followup",
    "advice",
)
PAGES = {
    **{f"mediation_{name}": SERVICE for name in _SERVICE_PAGES},
    "mediation_appointment_outcome": APPOINTMENT,
    "mediation_appointment_reschedule": APPOINTMENT,
    "mediation_appointment_invite": APPOINTMENT,
    "mediation_sheet_sign": SHEET,
    "mediation_sheet_pdf": SHEET,
    "mediation_training_cancel": TRAINING,
    "mediation_training_progress": TRAINING,
}
API = {"mediation/services/{service_id}": SERVICE}
