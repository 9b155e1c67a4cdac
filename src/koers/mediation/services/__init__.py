"""Intensive-mediation use cases: they load models, ask `rules`, and save in one transaction.

Every refusal is a ValidationError naming the rule ("… (MED-03)") and changes nothing. Views, the API,
jobs and commands call these; none writes mediation models directly. The reads they use live in
`koers.mediation.selectors`; the two status fields move only through `states`.
"""

from koers.mediation.services.categories_and_trainings import (
    MonthEndData,
    TrainingData,
    checklist_update,
    followup_contact_record,
    ibo_note,
    month_end_record,
    month_ends_record,
    training_cancel,
    training_progress,
    training_register,
)
from koers.mediation.services.closing import (
    advice_give,
    auto_close_one,
    close_by_vdab,
    closing_refresh,
)
from koers.mediation.services.first_appointment import (
    ABSENCE_SIGNAL,
    AppointmentData,
    absence_stop_sweep_one,
    first_appointment_plan,
    first_appointment_record,
    first_appointment_reschedule,
)
from koers.mediation.services.referral import (
    ReferralData,
    mediation_refer,
    open_for_programme,
    referral_update,
)
from koers.mediation.services.referral_import import referral_with_client, referrals_import
from koers.mediation.services.settings import tender_setting_confirm
from koers.mediation.services.sheets_and_contacts import (
    SheetAssignment,
    mediation_contact_check,
    mediation_contact_log,
    mediation_start,
    sheet_create,
    sheet_sign,
)
from koers.mediation.services.states import ladder_set_state, service_set_state

__all__ = [
    "ABSENCE_SIGNAL",
    "AppointmentData",
    "MonthEndData",
    "ReferralData",
    "SheetAssignment",
    "TrainingData",
    "absence_stop_sweep_one",
    "advice_give",
    "auto_close_one",
    "checklist_update",
    "close_by_vdab",
    "closing_refresh",
    "first_appointment_plan",
    "first_appointment_record",
    "first_appointment_reschedule",
    "followup_contact_record",
    "ibo_note",
    "ladder_set_state",
    "mediation_contact_check",
    "mediation_contact_log",
    "mediation_refer",
    "mediation_start",
    "month_end_record",
    "month_ends_record",
    "open_for_programme",
    "referral_update",
    "referral_with_client",
    "referrals_import",
    "service_set_state",
    "sheet_create",
    "sheet_sign",
    "tender_setting_confirm",
    "training_cancel",
    "training_progress",
    "training_register",
]
