"""What the intake use cases share: the lead locked for a change, who may act, the call plan,
the values a centre's e-mail is filled with, and the coach's notification."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from koers.core.languages import in_language_of
from koers.core.models import Organisation, User
from koers.intake import rules
from koers.intake.messages import centre_address
from koers.intake.models import Lead
from koers.intake.selectors import is_centre_staff, lead_windows
from koers.lib.links import absolute
from koers.lib.refusals import refusal
from koers.lib.rules import reason_to_json
from koers.outbox.services import mail_queue
from koers.trajectories.centre_mail import centre_sender


def lock_lead(lead: Lead) -> Lead:
    # Two coaches (or a coach and the nightly sweep) acting on one lead at once: the second waits
    # and judges the lead as the first left it, so no move is checked against a stale state.
    return (
        Lead.objects.select_for_update(of=("self",))
        .select_related("organisation", "coach", "preferred_location")
        .get(pk=lead.pk)
    )


def must_be_coach(lead: Lead, user: User) -> None:
    if lead.coach_id != user.pk and not is_centre_staff(user, lead.organisation_id):
        raise ValidationError({"__all__": [_("Deze aanvraag is aan een andere coach toegewezen.")]})


def must_be_centre_staff(user: User, organisation_id: int, message: str) -> None:
    if not is_centre_staff(user, organisation_id):
        raise ValidationError({"__all__": [message]})


def require_centre_address(organisation: Organisation, field_name: str) -> None:
    """INT-04: an e-mail the coach chooses to send needs the centre's own address."""
    if not centre_address(organisation):
        raise refusal(
            field_name,
            rules.Reason(
                "INT-04",
                _(
                    "Het centrum heeft nog geen e-mailadres: een centrummedewerker vult het in "
                    "bij Huisstijl. Stuur intussen een sms."
                ),
            ),
        )


def reasons_json(reasons) -> list[dict]:
    return [reason_to_json(r) for r in reasons]


def plan_call(lead: Lead, params: rules.Ruleset) -> None:
    """INT-03 from the clock's start: the call moment and whether an acknowledgement is due."""
    plan = rules.call_plan(lead.clock_started_at, lead_windows(lead), params)
    lead.call_at = plan.call_at
    lead.acknowledgement_due = plan.acknowledgement_due
    lead.save(update_fields=["call_at", "acknowledgement_due"])


def mail_values(lead: Lead, **extra: str) -> dict[str, str]:
    coach = lead.coach.get_full_name() if lead.coach else ""
    return {"voornaam": lead.first_name, "achternaam": lead.last_name, "coach": coach, **extra}


def notify_coach_new_lead(lead: Lead) -> None:
    if lead.coach and lead.coach.email:
        with in_language_of(lead.coach):  # the coach's language
            subject = _("Nieuwe aanvraag: bel binnen 24 uur")
            body = _(
                "%(name)s vroeg loopbaanbegeleiding aan en werd aan jou toegewezen. Bel binnen "
                "24 uur, op een van de momenten die %(first)s opgaf.\n\n"
                "De aanvraag, de klok en de bereikbare momenten: %(link)s"
            ) % {
                "name": lead.full_name,
                "first": lead.first_name,
                "link": absolute("intake_lead_detail", lead.pk),
            }
        mail_queue(
            kind="intake.new_lead",
            organisation=lead.organisation,
            sender=centre_sender(lead.organisation),
            to=[lead.coach.email],
            subject=subject,
            body=body,
        )
