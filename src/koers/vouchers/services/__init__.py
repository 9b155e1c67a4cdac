"""Career-voucher use cases: they load models, ask `rules`, and save in one transaction.

Views, the API, the portal, jobs and commands call these; none writes voucher models directly.
"""

from koers.vouchers.services.contacts import (
    GroupMember,
    group_feedback_record,
    group_session_create,
    video_consent_record,
    voucher_contact_check,
    voucher_contact_log,
)
from koers.vouchers.services.followup import (
    aftercare_informed,
    aftercare_register,
    certificate_issue,
    code_of_conduct_handed_over,
    evaluation_received,
    evaluation_submit,
    interim_evaluation_add,
)
from koers.vouchers.services.opening import (
    voucher_close,
    voucher_intake_update,
    voucher_open,
    voucher_scope_resolve,
    voucher_set_phase,
)
from koers.vouchers.services.pop import (
    pop_finalise,
    pop_save,
    voucher_combine_pop,
    voucher_plan_check,
)

__all__ = [
    "GroupMember",
    "aftercare_informed",
    "aftercare_register",
    "certificate_issue",
    "code_of_conduct_handed_over",
    "evaluation_received",
    "evaluation_submit",
    "group_feedback_record",
    "group_session_create",
    "interim_evaluation_add",
    "pop_finalise",
    "pop_save",
    "video_consent_record",
    "voucher_close",
    "voucher_combine_pop",
    "voucher_contact_check",
    "voucher_contact_log",
    "voucher_intake_update",
    "voucher_open",
    "voucher_plan_check",
    "voucher_scope_resolve",
    "voucher_set_phase",
]
