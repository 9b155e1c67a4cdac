"""Lead-intake use cases: they load models, ask `rules` (and the selectors for the facts), and
save in one transaction. E-mails and SMS go out in `transaction.on_commit`, never inside it.

By responsibility: `leads` (a lead arrives), `routing`, `calls` (acknowledgement, call,
hand-over), `conversion` (a lead becomes a client), `feedback`, `unavailability`, `branding`
(house style, e-mail wording, communication checks, calendar address); `states` holds the one
door for a lead's state.
"""

from koers.intake.services.branding import (
    branding_update,
    calendar_feed_token,
    communication_check_record,
    template_save,
)
from koers.intake.services.calls import IntroductionData, lead_acknowledge, lead_record_call
from koers.intake.services.conversion import lead_convert
from koers.intake.services.feedback import (
    feedback_field_add,
    feedback_field_toggle,
    feedback_fields,
    feedback_submit,
)
from koers.intake.services.leads import LeadData, lead_submit, lead_validate
from koers.intake.services.routing import lead_assign, lead_route
from koers.intake.services.states import lead_state_move
from koers.intake.services.unavailability import unavailability_add, unavailability_delete

__all__ = [
    "IntroductionData",
    "LeadData",
    "branding_update",
    "calendar_feed_token",
    "communication_check_record",
    "feedback_field_add",
    "feedback_field_toggle",
    "feedback_fields",
    "feedback_submit",
    "lead_acknowledge",
    "lead_assign",
    "lead_convert",
    "lead_record_call",
    "lead_route",
    "lead_state_move",
    "lead_submit",
    "lead_validate",
    "template_save",
    "unavailability_add",
    "unavailability_delete",
]
