"""Intensive-mediation use cases: they load models, ask `rules`, and save in one transaction.

Every refusal is a ValidationError naming the rule ("… (MED-03)") and changes nothing. Views, the API,
jobs and commands call these; none writes mediation models directly.
"""

from koers.mediation.services.categories_and_trainings import (
    MonthEndData,
    TrainingData,
    checklist_update,
    file_checklist,
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
    closing_facts,
    closing_refresh,
)
from koers.mediation.services.common import (
    ruleset_of,
)
from koers.mediation.services.first_appointment import (
    ABSENCE_SIGNAL,
    DEFAULT_COVERING_TEXT,
    AppointmentData,
    absence_stop_sweep_one,
    covering_text_default,
    first_appointment_plan,
    first_appointment_record,
    first_appointment_reschedule,
    pending_appointment,
    red_bar,
    replan_deadline,
)
from koers.mediation.services.referral import (
    ReferralData,
    mediation_refer,
    open_for_programme,
    referral_update,
)
from koers.mediation.services.sheets_and_contacts import (
    SheetAssignment,
    first_sheet_status,
    mediation_contact_check,
    mediation_contact_log,
    mediation_start,
    next_contacts,
    sheet_create,
    sheet_sign,
    start_refusals,
)

__all__ = [
    "ABSENCE_SIGNAL",
    "AppointmentData",
    "DEFAULT_COVERING_TEXT",
    "MonthEndData",
    "ReferralData",
    "SheetAssignment",
    "TrainingData",
    "absence_stop_sweep_one",
    "advice_give",
    "auto_close_one",
    "checklist_update",
    "close_by_vdab",
    "closing_facts",
    "closing_refresh",
    "covering_text_default",
    "file_checklist",
    "first_appointment_plan",
    "first_appointment_record",
    "first_appointment_reschedule",
    "first_sheet_status",
    "followup_contact_record",
    "ibo_note",
    "mediation_contact_check",
    "mediation_contact_log",
    "mediation_refer",
    "mediation_start",
    "month_end_record",
    "month_ends_record",
    "next_contacts",
    "open_for_programme",
    "pending_appointment",
    "red_bar",
    "referral_update",
    "replan_deadline",
    "ruleset_of",
    "sheet_create",
    "sheet_sign",
    "start_refusals",
    "training_cancel",
    "training_progress",
    "training_register",
]
