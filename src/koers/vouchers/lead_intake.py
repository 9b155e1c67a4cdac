"""INT-08: a converted lead's voucher takes over its career question, and its introduction is
logged as a contact marked `IntroductionContact`, so it never counts as voucher hours.

Registered with the trajectory core on import (`VouchersConfig.ready()`): the intake programme
calls it through `koers.trajectories.conversions`, never importing vouchers."""

from koers.core.models import User
from koers.trajectories.conversions import LeadTakeover, register_programme_conversion
from koers.trajectories.models import Contact, Programme, Trajectory
from koers.vouchers.services import voucher_contact_log, voucher_intake_update


def voucher_take_over_lead(
    trajectory: Trajectory, takeover: LeadTakeover, acting_user: User
) -> Contact | None:
    voucher = trajectory.voucher
    if takeover.career_question and not voucher.career_question:
        voucher_intake_update(
            voucher=voucher,
            career_question=takeover.career_question,
            topics=list(voucher.intake_topics),
            acting_user=acting_user,
        )
    if takeover.introduction is None:
        return None
    judged = voucher_contact_log(
        voucher=voucher, data=takeover.introduction, acting_user=acting_user, is_introduction=True
    )
    return judged.contact


register_programme_conversion(Programme.VOUCHER, voucher_take_over_lead)
