"""The coach's work on a lead: the acknowledgement where INT-03 asks for one, and the call's
outcome (INT-02, INT-06): a match with the introduction planned (INT-08), no match, or a
hand-over to a colleague."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.core.models import User
from koers.intake import rules
from koers.intake.messages import centre_name, send_branded
from koers.intake.models import (
    AckChannel,
    Acknowledgement,
    CallKind,
    CallOutcome,
    Handover,
    Introduction,
    Lead,
    LeadState,
    TemplateKind,
)
from koers.intake.rules.clock import format_moment, sms_signature
from koers.intake.selectors import (
    centre_coaches,
    lead_windows,
    local,
    proposed_acknowledgement,
    ruleset,
)
from koers.intake.services.common import (
    lock_lead,
    mail_values,
    must_be_coach,
    notify_coach_new_lead,
    plan_call,
    require_centre_address,
)
from koers.intake.services.states import lead_state_move
from koers.lib.refusals import refusal
from koers.outbox.services import sms_queue
from koers.trajectories.models import ContactForm


@transaction.atomic
def lead_acknowledge(
    *,
    lead: Lead,
    channel: str,
    text: str,
    now: datetime,
    acting_user: User,
    call_at: datetime | None = None,
) -> Acknowledgement:
    """INT-03: send "received, I will call on <date> at <time>" by e-mail or SMS. Only where the
    rule calls for one (the first reachable window starts after the 24 hours); the call lies in
    the future, in a window the person gave, and the message names its date and time. Sent
    within the 24 hours, it meets INT-02."""
    lead = lock_lead(lead)
    must_be_coach(lead, acting_user)
    params = ruleset(now)
    windows = lead_windows(lead)
    plan = rules.call_plan(lead.clock_started_at, windows, params)
    errors: dict[str, list[str]] = {}
    if channel not in AckChannel.values:
        errors["channel"] = [_("Kies e-mail of sms.")]
    call_at = call_at or plan.call_at
    text = text.strip()
    if len(text) > 1000:
        errors["text"] = [_("Het bericht is te lang (hoogstens 1000 tekens).")]
    if call_at is None and plan.acknowledgement_due:
        errors["call_at"] = [_("Kies wanneer je belt. (INT-03)")]
    else:
        text = text or proposed_acknowledgement(lead, call_at)
        refusals = rules.acknowledgement_refusals(
            plan=plan,
            windows=[rules.Window(local(w.starts_at), local(w.ends_at)) for w in windows],
            call_at=local(call_at) if call_at else local(now),
            text=text,
            now=local(now),
        )
        if "__all__" in refusals:
            raise refusal("__all__", refusals["__all__"])
        for key, reason in refusals.items():
            errors.setdefault(key, []).append(str(reason))
    if errors:
        raise ValidationError(errors)
    if channel == AckChannel.EMAIL:
        require_centre_address(lead.organisation, "channel")
    lead_state_move(lead, LeadState.ACKNOWLEDGED, acting_user=acting_user, at=now)
    ack = Acknowledgement.objects.create(
        lead=lead, channel=channel, text=text, call_at=call_at, sent_at=now, sent_by=acting_user
    )
    lead.call_at = call_at
    lead.contacted_at = lead.contacted_at or now
    lead.clock_met_at = lead.clock_met_at or now
    save_with_user(lead, acting_user)
    if channel == AckChannel.SMS:
        signed = sms_signature(
            text,
            coach=acting_user.get_full_name() if acting_user.pk == lead.coach_id else "",
            centre=centre_name(lead.organisation),
        )
        ack.text = signed
        ack.save(update_fields=["text"])
        sms_queue(
            kind="intake.acknowledgement",
            to=lead.phone,
            text=signed,
            organisation=lead.organisation,
        )
    else:
        day, hour = format_moment(local(call_at))
        send_branded(
            lead.organisation,
            TemplateKind.ACKNOWLEDGEMENT,
            lead.email,
            mail_values(lead, datum=day, uur=hour, bericht=text),
            coach=lead.coach,
        )
    return ack


@dataclass
class IntroductionData:
    """INT-08: the free introductory conversation planned after a match."""

    starts_at: datetime
    duration_minutes: int | None = None
    form: str = ContactForm.INDIVIDUAL
    place: str = ""


INTRODUCTION_FORMS = (
    ContactForm.INDIVIDUAL,
    ContactForm.GROUP,
    ContactForm.PHONE,
    ContactForm.VIDEO,
)


@transaction.atomic
def lead_record_call(
    *,
    lead: Lead,
    kind: str,
    now: datetime,
    acting_user: User,
    note: str = "",
    called_at: datetime | None = None,
    introduction: IntroductionData | None = None,
    to_coach: User | None = None,
) -> CallOutcome:
    """INT-02 / INT-06: the call's outcome: a match (the introduction is planned), no match, or
    a hand-over to a colleague who fits the question better."""
    lead = lock_lead(lead)
    must_be_coach(lead, acting_user)
    called_at = called_at or now
    if called_at > now + timedelta(minutes=5):
        raise ValidationError(
            {"called_at": [_("Een gesprek in de toekomst kan je nog niet registreren.")]}
        )
    if called_at < lead.arrived_at.replace(second=0, microsecond=0):
        raise ValidationError({"called_at": [_("Het gesprek ligt vóór de aanvraag.")]})
    if kind not in CallKind.values:
        raise ValidationError({"kind": [_("Kies een uitkomst.")]})
    params = ruleset(now)
    if kind == CallKind.MATCH:
        if introduction is None:
            raise ValidationError({"starts_at": [_("Plan het kennismakingsgesprek. (INT-06)")]})
        minutes = introduction.duration_minutes or params.introduction_minutes
        errors: dict[str, list[str]] = {}
        if introduction.form not in INTRODUCTION_FORMS:
            errors["form"] = [_("Kies een vorm: individueel, groep, telefoon of video. (INT-08)")]
        if not 0 < minutes <= 240:
            errors["duration_minutes"] = [_("De duur ligt tussen 1 en 240 minuten.")]
        if introduction.starts_at < called_at - timedelta(days=1):
            errors["starts_at"] = [_("Het kennismakingsgesprek ligt vóór het telefoongesprek.")]
        if errors:
            raise ValidationError(errors)
        lead_state_move(lead, LeadState.MATCHED, acting_user=acting_user, at=now)
        Introduction.objects.update_or_create(
            lead=lead,
            defaults={
                "coach": acting_user if lead.coach_id == acting_user.pk else lead.coach,
                "starts_at": introduction.starts_at,
                "duration_minutes": minutes,
                "form": introduction.form,
                "place": introduction.place.strip()[:200],
            },
        )
    elif kind == CallKind.NO_MATCH:
        lead_state_move(lead, LeadState.NO_MATCH, acting_user=acting_user, at=now)
    else:
        _handover(
            lead, to_coach=to_coach, note=note, now=now, acting_user=acting_user, params=params
        )
    outcome = save_with_user(
        CallOutcome(
            lead=lead, kind=kind, called_at=called_at, note=note.strip(), recorded_by=acting_user
        ),
        acting_user,
    )
    if kind != CallKind.HANDOVER:
        lead.contacted_at = lead.contacted_at or called_at
        lead.clock_met_at = lead.clock_met_at or called_at
    save_with_user(lead, acting_user)
    if kind == CallKind.MATCH:
        intro = lead.introduction
        day, hour = format_moment(local(intro.starts_at))
        send_branded(
            lead.organisation,
            TemplateKind.INTRODUCTION,
            lead.email,
            mail_values(lead, datum=day, uur=hour, plaats=intro.place or intro.get_form_display()),
            coach=lead.coach,
        )
    return outcome


def _handover(
    lead: Lead, *, to_coach: User | None, note: str, now: datetime, acting_user: User, params
) -> None:
    """INT-06: the other coach gets the lead with the original form and a fresh 24-hour clock;
    the first deadline is kept in the hand-over so both see the history."""
    if to_coach is None or not centre_coaches(lead.organisation).filter(pk=to_coach.pk).exists():
        raise ValidationError({"to_coach": [_("Kies een coach van het centrum. (INT-06)")]})
    if to_coach.pk == lead.coach_id:
        raise ValidationError({"to_coach": [_("Kies een andere coach dan de huidige. (INT-06)")]})
    if not note.strip():
        raise ValidationError(
            {"note": [_("Schrijf voor je collega waarom hij of zij beter past. (INT-06)")]}
        )
    lead_state_move(lead, LeadState.NEW, acting_user=acting_user, why=note.strip(), at=now)
    first_contact = lead.contacted_at or now
    save_with_user(
        Handover(
            lead=lead,
            from_coach=lead.coach or acting_user,
            to_coach=to_coach,
            note=note.strip(),
            at=now,
            original_deadline=rules.deadline(lead.clock_started_at, params),
        ),
        acting_user,
    )
    lead.contacted_at = first_contact  # the call that ended in the hand-over was a contact
    lead.coach = to_coach
    lead.clock_started_at = now
    lead.clock_met_at = None
    lead.nearing_flagged_at = lead.late_flagged_at = lead.coach_notified_at = None
    plan_call(lead, params)
    send_branded(
        lead.organisation,
        TemplateKind.HANDOVER,
        lead.email,
        mail_values(lead),
        coach=lead.coach,
    )
    notify_coach_new_lead(lead)
