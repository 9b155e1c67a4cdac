"""Lead-intake use cases: they load models, ask `rules`, and save in one transaction. E-mails and
SMS go out in `transaction.on_commit`, never inside the transaction."""

import hashlib
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import filetype
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.core.languages import in_language_of
from koers.core.models import Location, Membership, Organisation, Role, User
from koers.core.services import ClientData, client_create
from koers.core.states import record_state, set_state
from koers.core.validators import normalize_phone, validate_postal_code
from koers.intake import rules
from koers.intake.messages import (
    PLACEHOLDERS,
    REQUIRED_PLACEHOLDERS,
    centre_address,
    send_branded,
)
from koers.intake.models import (
    AckChannel,
    Acknowledgement,
    CalendarFeed,
    CallKind,
    CallOutcome,
    CentreBranding,
    CoachUnavailability,
    CommunicationCheck,
    EmailTemplate,
    FeedbackField,
    FieldKind,
    Handover,
    Introduction,
    Lead,
    LeadChannel,
    LeadFeedback,
    LeadState,
    ReachableWindow,
    Routing,
    TemplateKind,
)
from koers.intake.rules.clock import format_moment
from koers.intake.sms import send_sms
from koers.lib.rules import reason_to_json
from koers.trajectories.models import ContactForm, ContactOutcome, Programme

MAX_NAME = 100
MAX_QUESTION = 4000
MAX_WINDOWS = 10
WINDOW_HORIZON_DAYS = 60
LOGO_MAX_BYTES = 1024 * 1024


def ruleset(now: datetime) -> rules.Ruleset:
    return rules.ruleset_for(timezone.localdate(now))


def _refuse(field_name: str, reason: rules.Reason) -> ValidationError:
    return ValidationError({field_name: [f"{reason.message} ({reason.rule})"]})


def _local(moment: datetime) -> datetime:
    return timezone.localtime(moment)


def _require_centre_address(organisation: Organisation, field_name: str) -> None:
    """INT-04: an e-mail the coach chooses to send needs the centre's own address."""
    if not centre_address(organisation):
        raise _refuse(
            field_name,
            rules.Reason(
                "INT-04",
                _(
                    "Het centrum heeft nog geen e-mailadres: een centrummedewerker vult het in "
                    "bij Huisstijl. Stuur intussen een sms."
                ),
            ),
        )


def lead_state_move(
    lead: Lead,
    target: str,
    *,
    acting_user: User | None = None,
    refusal: rules.Reason | None = None,
    why: str = "",
    at: datetime | None = None,
) -> None:
    """The single door for a lead's state: the move must be in the lead state table
    (`rules.states.LEAD_TRANSITIONS`), or it is refused (with `refusal` when the caller knows a
    better reason). The state is written and saved at once, and the move recorded (from, to,
    when, who, why) for the lead's page; staying in a state the table allows is no move. The
    caller saves its other changes in the same transaction. No other code assigns `Lead.state`."""
    if not rules.can_transition(lead.state, target):
        raise _refuse(
            "__all__",
            refusal
            or rules.Reason(
                "INT-06",
                _("Een aanvraag met status “%(current)s” kan niet naar “%(target)s”.")
                % {"current": lead.get_state_display(), "target": LeadState(target).label},
            ),
        )
    set_state(
        lead,
        "state",
        target,
        table=rules.LEAD_TRANSITIONS,
        rule="INT-06",
        acting_user=acting_user,
        why=why,
        at=at,
    )


# ---- intake -------------------------------------------------------------------------------------


@dataclass
class LeadData:
    """The registration form as typed; `lead_validate` normalises or rejects it (INT-01)."""

    first_name: str
    last_name: str
    email: str
    phone: str
    career_question: str
    channel: str
    consent: bool
    windows: list[tuple[datetime, datetime]] = field(default_factory=list)
    postal_code: str = ""
    preferred_location_id: int | None = None
    channel_other: str = ""


def lead_validate(data: LeadData, *, organisation: Organisation, now: datetime) -> LeadData:
    """Every problem at once, per field, in Dutch."""
    errors: dict[str, list[str]] = {}

    def add(key: str, message: str) -> None:
        errors.setdefault(key, []).append(message)

    first, last = data.first_name.strip(), data.last_name.strip()
    if not first:
        add("first_name", _("Vul je voornaam in."))
    if not last:
        add("last_name", _("Vul je achternaam in."))
    for key, value in (("first_name", first), ("last_name", last)):
        if len(value) > MAX_NAME:
            add(key, _("Hoogstens %(n)d tekens.") % {"n": MAX_NAME})
    email = data.email.strip().lower()
    if not email:
        add("email", _("Vul je e-mailadres in."))
    else:
        try:
            validate_email(email)
        except ValidationError:
            add("email", _("Dit is geen geldig e-mailadres (bv. naam@voorbeeld.be)."))
    phone = ""
    if not data.phone.strip():
        add("phone", _("Vul je telefoonnummer in: we bellen je op."))
    else:
        try:
            phone = normalize_phone(data.phone.strip())
        except ValidationError:
            add("phone", _("Dit is geen geldig telefoonnummer (bv. 0470 12 34 56)."))
    postal = data.postal_code.strip()
    if postal:
        try:
            validate_postal_code(postal)
        except ValidationError as exc:
            errors.setdefault("postal_code", []).extend(exc.messages)
    location_id = data.preferred_location_id
    if (
        location_id
        and not Location.objects.filter(pk=location_id, organisation=organisation).exists()
    ):
        add("preferred_location", _("Kies een locatie uit de lijst."))
    question = data.career_question.strip()
    if not question:
        add("career_question", _("Beschrijf kort je loopbaanvraag."))
    elif len(question) > MAX_QUESTION:
        add(
            "career_question",
            _("Je vraag is te lang: hoogstens %(n)d tekens (nu %(len)d).")
            % {"n": MAX_QUESTION, "len": len(question)},
        )
    if data.channel not in LeadChannel.values:
        add("channel", _("Kies hoe je ons leerde kennen."))
    if len(data.channel_other) > 200:
        add("channel_other", _("Hoogstens 200 tekens."))
    if not data.consent:
        add("consent", _("Zonder je toestemming kunnen we je aanvraag niet verwerken."))
    windows = sorted(data.windows)
    if not windows:
        add("windows", _("Geef minstens één moment waarop we je kunnen bellen."))
    if len(windows) > MAX_WINDOWS:
        add("windows", _("Geef hoogstens %(n)d momenten.") % {"n": MAX_WINDOWS})
    for start, end in windows:
        when = f"{_local(start):%d/%m/%Y %H:%M}"
        if end <= start:
            add("windows", _("%(when)s: het einduur ligt vóór het beginuur.") % {"when": when})
        elif end <= now:
            add("windows", _("%(when)s: dit moment ligt in het verleden.") % {"when": when})
        elif start > now + timedelta(days=WINDOW_HORIZON_DAYS):
            add(
                "windows",
                _("%(when)s: kies een moment in de komende twee maanden.") % {"when": when},
            )
    if errors:
        raise ValidationError(errors)
    return LeadData(
        first_name=first,
        last_name=last,
        email=email,
        phone=phone,
        career_question=question,
        channel=data.channel,
        consent=True,
        windows=windows,
        postal_code=postal,
        preferred_location_id=location_id or None,
        channel_other=data.channel_other.strip(),
    )


def _fingerprint(organisation: Organisation, data: LeadData) -> str:
    # Same person (e-mail and phone) at the same centre: a repeated submission, not a new lead.
    raw = f"{organisation.pk}|{data.email}|{data.phone}"
    return hashlib.sha256(raw.encode()).hexdigest()


def _windows_text(lead: Lead) -> str:
    return "\n".join(
        f"- {format_moment(_local(w.starts_at))[0]} {_local(w.starts_at):%H:%M}–{_local(w.ends_at):%H:%M}"
        for w in lead.windows.all()
    )


def _values(lead: Lead, **extra: str) -> dict[str, str]:
    coach = lead.coach.get_full_name() if lead.coach else ""
    return {"voornaam": lead.first_name, "achternaam": lead.last_name, "coach": coach, **extra}


@transaction.atomic
def lead_submit(
    *,
    organisation: Organisation,
    data: LeadData,
    now: datetime,
    acting_user: User | None = None,
    self_brought: bool = False,
) -> tuple[Lead, bool]:
    """INT-01: a lead arrives (form, API or import), is routed and confirmed by e-mail.

    Returns (lead, created). A repeat within `duplicate_minutes` collapses into the first lead.
    A lead a coach brought in themselves is theirs (no routing, INT-07 feedback optional).
    """
    data = lead_validate(data, organisation=organisation, now=now)
    params = ruleset(now)
    fingerprint = _fingerprint(organisation, data)
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()  # serialise repeats
    existing = (
        Lead.objects.filter(
            organisation=organisation,
            fingerprint=fingerprint,
            arrived_at__gte=now - timedelta(minutes=params.duplicate_minutes),
        )
        .order_by("arrived_at")
        .first()
    )
    if existing is not None:
        Lead.objects.filter(pk=existing.pk).update(submissions=existing.submissions + 1)
        return existing, False
    lead = Lead(
        organisation=organisation,
        first_name=data.first_name,
        last_name=data.last_name,
        email=data.email,
        phone=data.phone,
        postal_code=data.postal_code,
        preferred_location_id=data.preferred_location_id,
        career_question=data.career_question,
        channel=data.channel,
        channel_other=data.channel_other,
        consent=data.consent,
        arrived_at=now,
        clock_started_at=now,
        fingerprint=fingerprint,
        self_brought=self_brought,
    )
    save_with_user(lead, acting_user)
    record_state(lead, "state", "", lead.state, acting_user=acting_user, at=now)
    ReachableWindow.objects.bulk_create(
        ReachableWindow(lead=lead, starts_at=s, ends_at=e) for s, e in data.windows
    )
    _plan_call(lead, params)
    if self_brought and acting_user is not None:
        lead.coach = acting_user
        lead_state_move(lead, LeadState.NEW, acting_user=acting_user, at=now)
        lead.routing_reasons = _reasons([rules.Reason("INT-07", "Zelf aangebracht door de coach.")])
        save_with_user(lead, acting_user)
    else:
        lead = _route(lead, now=now, params=params, acting_user=acting_user)
    transaction.on_commit(
        lambda: send_branded(
            organisation,
            TemplateKind.CONFIRMATION,
            lead.email,
            _values(lead, momenten=_windows_text(lead), vraag=lead.career_question),
            coach=lead.coach,
        )
    )
    if lead.coach_id:
        transaction.on_commit(lambda: _notify_coach_new_lead(lead))
    return lead, True


def _plan_call(lead: Lead, params: rules.Ruleset) -> None:
    """INT-03 from the clock's start: the call moment and whether an acknowledgement is due."""
    windows = [rules.Window(w.starts_at, w.ends_at) for w in lead.windows.all()]
    plan = rules.call_plan(lead.clock_started_at, windows, params)
    lead.call_at = plan.call_at
    lead.acknowledgement_due = plan.acknowledgement_due
    lead.save(update_fields=["call_at", "acknowledgement_due"])


def _notify_coach_new_lead(lead: Lead) -> None:
    if lead.coach and lead.coach.email:
        with in_language_of(lead.coach):  # the coach's language
            subject = _("Nieuwe aanvraag: bel binnen 24 uur")
            body = _(
                "Je kreeg een nieuwe aanvraag (nr. %(pk)d). Open Koers om de 24-uursklok en de bereikbare momenten te zien."
            ) % {"pk": lead.pk}
        send_mail(subject, body, None, [lead.coach.email])


# ---- routing ------------------------------------------------------------------------------------


def centre_coaches(organisation: Organisation):
    return (
        User.objects.filter(
            is_active=True,
            memberships__organisation=organisation,
            memberships__role=Role.COACH,
            memberships__is_active=True,
        )
        .distinct()
        .order_by("first_name", "last_name", "id")
    )


def coach_facts(
    organisation: Organisation, now: datetime, params: rules.Ruleset
) -> list[rules.CoachFacts]:
    """The routing facts of every coach of the centre, in four queries."""
    coaches = list(
        centre_coaches(organisation).annotate(
            recent=Count(
                "leads",
                filter=Q(
                    leads__organisation=organisation,
                    leads__arrived_at__gte=now - timedelta(days=params.recent_load_days),
                ),
                distinct=True,
            )
        )
    )
    ids = [c.pk for c in coaches]
    postal: dict[int, set[str]] = {}
    for user_id, code in Membership.objects.filter(
        user_id__in=ids, organisation=organisation, is_active=True, location__isnull=False
    ).values_list("user_id", "location__postal_code"):
        postal.setdefault(user_id, set()).add(code)
    off: dict[int, list[tuple[datetime, datetime]]] = {}
    horizon = now + timedelta(hours=params.availability_horizon_hours)
    for row in CoachUnavailability.objects.filter(
        coach_id__in=ids, starts_at__lt=horizon, ends_at__gt=now
    ).values_list("coach_id", "starts_at", "ends_at"):
        off.setdefault(row[0], []).append((row[1], row[2]))
    return [
        rules.CoachFacts(
            c.pk,
            c.get_full_name() or c.username,
            tuple(sorted(postal.get(c.pk, ()))),
            tuple(off.get(c.pk, ())),
            c.recent,
        )
        for c in coaches
    ]


def _lead_postal(lead: Lead) -> str:
    if lead.preferred_location_id:
        return lead.preferred_location.postal_code
    return lead.postal_code


def _reasons(reasons) -> list[dict]:
    return [reason_to_json(r) for r in reasons]


def _route(lead: Lead, *, now: datetime, params: rules.Ruleset, acting_user: User | None) -> Lead:
    decision = rules.route(
        coaches=coach_facts(lead.organisation, now, params),
        postal_code=_lead_postal(lead),
        now=now,
        ruleset=params,
    )
    lead_state_move(
        lead,
        LeadState.NEW if decision.coach_id else LeadState.UNASSIGNED,
        refusal=rules.Reason(
            "INT-05",
            _(
                "Geen enkele coach is beschikbaar: de aanvraag blijft bij %(coach)s. "
                "Wijs ze met de hand toe als dat nodig is."
            )
            % {"coach": lead.coach.get_full_name() if lead.coach else "—"},
        ),
        acting_user=acting_user,
        why="; ".join(str(r) for r in decision.reasons),
        at=now,
    )
    Routing.objects.create(
        lead=lead,
        coach_id=decision.coach_id,
        reasons=_reasons(decision.reasons),
        candidates=[
            {
                "coach_id": c.coach_id,
                "name": c.name,
                "available": c.available,
                "distance": c.distance,
                "recent_leads": c.recent_leads,
            }
            for c in decision.candidates
        ],
        at=now,
    )
    lead.coach_id = decision.coach_id
    lead.routing_reasons = _reasons(decision.reasons)
    save_with_user(lead, acting_user, update_fields=["coach", "routing_reasons"])
    return lead


def _lock(lead: Lead) -> Lead:
    return (
        Lead.objects.select_for_update(of=("self",))
        .select_related("organisation", "coach", "preferred_location")
        .get(pk=lead.pk)
    )


def _is_centre_staff(user: User, organisation_id: int) -> bool:
    return user.is_administrator or organisation_id in user.organisation_ids(Role.CENTRE_STAFF)


@transaction.atomic
def lead_route(*, lead: Lead, now: datetime, acting_user: User) -> Lead:
    """Route (again) automatically, e.g. an unassigned lead once a coach is back."""
    lead = _lock(lead)
    if not _is_centre_staff(acting_user, lead.organisation_id):
        raise ValidationError({"__all__": [_("Alleen centrummedewerkers wijzen aanvragen toe.")]})
    if lead.state not in rules.states.OPEN_STATES:
        raise ValidationError({"__all__": [_("Deze aanvraag is al afgehandeld.")]})
    lead = _route(lead, now=now, params=ruleset(now), acting_user=acting_user)
    if lead.coach_id:
        transaction.on_commit(lambda: _notify_coach_new_lead(lead))
    return lead


@transaction.atomic
def lead_assign(
    *, lead: Lead, coach: User, now: datetime, acting_user: User, allow_unavailable: bool = False
) -> Lead:
    """Centre staff override the routing (INT-01). An unavailable coach (INT-05) only when they
    say so explicitly."""
    lead = _lock(lead)
    if not _is_centre_staff(acting_user, lead.organisation_id):
        raise ValidationError({"__all__": [_("Alleen centrummedewerkers wijzen aanvragen toe.")]})
    if lead.state not in rules.states.OPEN_STATES:
        raise ValidationError({"__all__": [_("Deze aanvraag is al afgehandeld.")]})
    if not centre_coaches(lead.organisation).filter(pk=coach.pk).exists():
        raise ValidationError({"coach": [_("Deze coach werkt niet voor dit centrum.")]})
    params = ruleset(now)
    facts = next(f for f in coach_facts(lead.organisation, now, params) if f.coach_id == coach.pk)
    busy = rules.routing.unavailable_during(
        facts, now, now + timedelta(hours=params.availability_horizon_hours)
    )
    if busy and not allow_unavailable:
        raise _refuse(
            "coach",
            rules.Reason(
                "INT-05",
                _(
                    "Deze coach is afwezig in de komende 24 uur. Bevestig dat je toch wil toewijzen."
                ),
            ),
        )
    reasons = [
        rules.Reason(
            "INT-01",
            _("Toegewezen door %(who)s.")
            % {"who": acting_user.get_full_name() or acting_user.username},
        )
    ]
    if busy:
        reasons.append(rules.Reason("INT-05", _("Toegewezen ondanks afwezigheid (uitzondering).")))
    Routing.objects.create(
        lead=lead, coach=coach, reasons=_reasons(reasons), overridden_by=acting_user, at=now
    )
    lead.coach = coach
    lead_state_move(
        lead, LeadState.NEW, acting_user=acting_user, why="; ".join(map(str, reasons)), at=now
    )
    lead.routing_reasons = _reasons(reasons)
    lead.routing_overridden_by = acting_user
    save_with_user(lead, acting_user)
    transaction.on_commit(lambda: _notify_coach_new_lead(lead))
    return lead


# ---- the coach's work ---------------------------------------------------------------------------


def _must_be_coach(lead: Lead, user: User) -> None:
    if lead.coach_id != user.pk and not _is_centre_staff(user, lead.organisation_id):
        raise ValidationError({"__all__": [_("Deze aanvraag is aan een andere coach toegewezen.")]})


def proposed_acknowledgement(lead: Lead, call_at: datetime | None = None) -> str:
    """INT-03: the message with the call's date and time filled in (the coach may edit it, as
    long as it still names them)."""
    call_at = call_at or lead.call_at
    if call_at is None:
        return ""
    return rules.acknowledgement_text(first_name=lead.first_name, call_at=_local(call_at))


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
    lead = _lock(lead)
    _must_be_coach(lead, acting_user)
    params = ruleset(now)
    windows = [rules.Window(w.starts_at, w.ends_at) for w in lead.windows.all()]
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
            windows=[rules.Window(_local(w.starts_at), _local(w.ends_at)) for w in windows],
            call_at=_local(call_at) if call_at else _local(now),
            text=text,
            now=_local(now),
        )
        if "__all__" in refusals:
            raise _refuse("__all__", refusals["__all__"])
        for key, reason in refusals.items():
            errors.setdefault(key, []).append(f"{reason.message} ({reason.rule})")
    if errors:
        raise ValidationError(errors)
    if channel == AckChannel.EMAIL:
        _require_centre_address(lead.organisation, "channel")
    lead_state_move(lead, LeadState.ACKNOWLEDGED, acting_user=acting_user, at=now)
    ack = Acknowledgement.objects.create(
        lead=lead, channel=channel, text=text, call_at=call_at, sent_at=now, sent_by=acting_user
    )
    lead.call_at = call_at
    lead.contacted_at = lead.contacted_at or now
    lead.clock_met_at = lead.clock_met_at or now
    save_with_user(lead, acting_user)
    if channel == AckChannel.SMS:
        from koers.intake.messages import centre_name
        from koers.intake.rules.clock import sms_signature

        signed = sms_signature(
            text,
            coach=acting_user.get_full_name() if acting_user.pk == lead.coach_id else "",
            centre=centre_name(lead.organisation),
        )
        ack.text = signed
        ack.save(update_fields=["text"])
        transaction.on_commit(lambda: send_sms(lead.phone, signed))
    else:
        day, hour = format_moment(_local(call_at))
        transaction.on_commit(
            lambda: send_branded(
                lead.organisation,
                TemplateKind.ACKNOWLEDGEMENT,
                lead.email,
                _values(lead, datum=day, uur=hour, bericht=text),
                coach=lead.coach,
            )
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
    lead = _lock(lead)
    _must_be_coach(lead, acting_user)
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
    outcome = CallOutcome.objects.create(
        lead=lead, kind=kind, called_at=called_at, note=note.strip(), recorded_by=acting_user
    )
    if kind != CallKind.HANDOVER:
        lead.contacted_at = lead.contacted_at or called_at
        lead.clock_met_at = lead.clock_met_at or called_at
    save_with_user(lead, acting_user)
    if kind == CallKind.MATCH:
        intro = lead.introduction
        day, hour = format_moment(_local(intro.starts_at))
        transaction.on_commit(
            lambda: send_branded(
                lead.organisation,
                TemplateKind.INTRODUCTION,
                lead.email,
                _values(lead, datum=day, uur=hour, plaats=intro.place or intro.get_form_display()),
                coach=lead.coach,
            )
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
    Handover.objects.create(
        lead=lead,
        from_coach=lead.coach or acting_user,
        to_coach=to_coach,
        note=note.strip(),
        at=now,
        original_deadline=rules.deadline(lead.clock_started_at, params),
    )
    lead.contacted_at = first_contact  # the call that ended in the hand-over was a contact
    lead.coach = to_coach
    lead.clock_started_at = now
    lead.clock_met_at = None
    lead.nearing_flagged_at = lead.late_flagged_at = lead.coach_notified_at = None
    _plan_call(lead, params)
    transaction.on_commit(
        lambda: send_branded(
            lead.organisation, TemplateKind.HANDOVER, lead.email, _values(lead), coach=lead.coach
        )
    )
    transaction.on_commit(lambda: _notify_coach_new_lead(lead))


@transaction.atomic
def lead_convert(*, lead: Lead, acting_user: User, open_voucher: bool, now: datetime) -> Lead:
    """A matched lead becomes a client; with a voucher, the introduction is logged on it as a
    contact marked by the vouchers app's `IntroductionContact`, so it never counts (INT-08)."""
    from koers.trajectories.conversions import LeadTakeover, programme_take_over
    from koers.trajectories.services import ContactData, programme_open

    lead = _lock(lead)
    _must_be_coach(lead, acting_user)
    lead_state_move(lead, LeadState.CLIENT, acting_user=acting_user, at=now)
    client = client_create(
        organisation=lead.organisation,
        data=ClientData(
            first_name=lead.first_name,
            last_name=lead.last_name,
            email=lead.email,
            phone=lead.phone,
            postal_code=lead.postal_code,
            consent_processing=lead.consent,
        ),
        acting_user=acting_user,
    )
    lead.client = client
    intro = Introduction.objects.filter(lead=lead).first()
    if open_voucher:
        start = timezone.localdate(now)
        if intro:
            start = min(start, timezone.localdate(intro.starts_at))
        trajectory = programme_open(
            client=client,
            programme=Programme.VOUCHER,
            responsible=lead.coach or acting_user,
            organisation=lead.organisation,
            start_date=start,
            acting_user=acting_user,
        )
        introduction = None
        if intro:
            introduction = ContactData(
                starts_at=intro.starts_at,
                duration_minutes=intro.duration_minutes,
                form=intro.form,
                place=intro.place,
                outcome=ContactOutcome.HELD if intro.starts_at <= now else ContactOutcome.PLANNED,
            )
        contact = programme_take_over(
            trajectory,
            LeadTakeover(career_question=lead.career_question, introduction=introduction),
            acting_user=acting_user,
        )
        if intro and contact is not None:
            intro.contact = contact
            intro.save(update_fields=["contact"])
        lead.trajectory = trajectory
    save_with_user(lead, acting_user)
    return lead


# ---- lead feedback (INT-07) ---------------------------------------------------------------------

DEFAULT_FEEDBACK_FIELDS = (
    (
        "channel",
        "Kanaal (hoe leerde de persoon ons kennen?)",
        FieldKind.CHOICE,
        "\n".join(str(label) for label in LeadChannel.labels),
        True,
    ),
    ("reached", "Bereikt?", FieldKind.YES_NO, "", True),
    ("outcome", "Uitkomst", FieldKind.CHOICE, "Match\nGeen match\nDoorgegeven\nNiet bereikt", True),
    ("remarks", "Opmerkingen", FieldKind.TEXT, "", False),
)


def feedback_fields(organisation: Organisation) -> list[FeedbackField]:
    """The centre's active questions; the sensible default set the first time (INT-07)."""
    fields = list(FeedbackField.objects.filter(organisation=organisation, is_active=True))
    if fields or FeedbackField.objects.filter(organisation=organisation).exists():
        return fields
    FeedbackField.objects.bulk_create(
        [
            FeedbackField(
                organisation=organisation,
                key=key,
                label=label,
                kind=kind,
                choices=choices,
                required=required,
                position=position,
            )
            for position, (key, label, kind, choices, required) in enumerate(
                DEFAULT_FEEDBACK_FIELDS
            )
        ],
        ignore_conflicts=True,  # two first visits at once
    )
    return list(FeedbackField.objects.filter(organisation=organisation, is_active=True))


def feedback_required(lead: Lead) -> bool:
    """INT-07: for every lead the centre routed; not for clients the coach brought in."""
    return not lead.self_brought


@transaction.atomic
def feedback_submit(*, lead: Lead, answers: dict, now: datetime, acting_user: User) -> LeadFeedback:
    lead = _lock(lead)
    _must_be_coach(lead, acting_user)
    clean: dict[str, object] = {}
    errors: dict[str, list[str]] = {}
    for f in feedback_fields(lead.organisation):
        value = answers.get(f.key)
        if f.kind == FieldKind.YES_NO:
            if value in (None, ""):
                value = None
            elif isinstance(value, bool):
                pass
            elif str(value).lower() in ("1", "true", "ja", "yes", "on"):
                value = True
            elif str(value).lower() in ("0", "false", "nee", "no"):
                value = False
            else:
                errors[f.key] = [_("Kies ja of nee.")]
                continue
        else:
            value = str(value or "").strip()
            if f.kind == FieldKind.CHOICE and value and value not in f.choice_list():
                errors[f.key] = [_("Kies een waarde uit de lijst.")]
                continue
            if len(value) > 2000:
                errors[f.key] = [_("Hoogstens 2000 tekens.")]
                continue
        if f.required and value in (None, ""):
            errors[f.key] = [_("Dit veld is verplicht.")]
            continue
        clean[f.key] = value
    if errors:
        raise ValidationError(errors)
    return LeadFeedback.objects.create(
        lead=lead, coach=acting_user, answers=clean, submitted_at=now
    )


# ---- coach unavailability (INT-05) --------------------------------------------------------------


@transaction.atomic
def unavailability_add(
    *,
    coach: User,
    organisation: Organisation,
    starts_at: datetime,
    ends_at: datetime,
    reason: str,
    acting_user: User,
) -> CoachUnavailability:
    if acting_user.pk != coach.pk and not _is_centre_staff(acting_user, organisation.pk):
        raise ValidationError({"coach": [_("Je kan alleen je eigen afwezigheid doorgeven.")]})
    if not centre_coaches(organisation).filter(pk=coach.pk).exists():
        raise ValidationError({"coach": [_("Deze coach werkt niet voor dit centrum.")]})
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": [_("Het einde ligt vóór het begin.")]})
    if len(reason) > 200:
        raise ValidationError({"reason": [_("Hoogstens 200 tekens.")]})
    return CoachUnavailability.objects.create(
        organisation=organisation,
        coach=coach,
        starts_at=starts_at,
        ends_at=ends_at,
        reason=reason.strip(),
        created_by=acting_user,
    )


@transaction.atomic
def unavailability_delete(*, item: CoachUnavailability, acting_user: User) -> None:
    if acting_user.pk != item.coach_id and not _is_centre_staff(acting_user, item.organisation_id):
        raise ValidationError({"__all__": [_("Je kan alleen je eigen afwezigheid schrappen.")]})
    item.delete()


# ---- branding, templates, communication checks ---------------------------------------------------

LOGO_TYPES = {"image/png": "png", "image/svg+xml": "svg"}
_SVG_HANDLER = re.compile(r"\son\w+\s*=")


def _logo_type(upload: UploadedFile) -> str:
    """PNG by its signature; SVG as XML with an <svg> root and nothing active in it (it is shown
    in e-mails and pages)."""
    head = upload.read(2048)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind and kind.mime == "image/png":
        return "image/png"
    if b"<svg" in head.lower():
        whole = upload.read().decode("utf-8", errors="ignore").lower()
        upload.seek(0)
        if "<script" in whole or "javascript:" in whole or _SVG_HANDLER.search(whole):
            raise ValidationError({"logo": [_("Een SVG-logo mag geen scripts bevatten.")]})
        return "image/svg+xml"
    raise ValidationError({"logo": [_("Kies een logo in PNG of SVG.")]})


@transaction.atomic
def branding_update(
    *,
    organisation: Organisation,
    sender_name: str,
    sender_email: str,
    address: str,
    signature: str,
    logo: UploadedFile | None,
    acting_user: User,
    voucher_logo: UploadedFile | None = None,
) -> CentreBranding:
    """INT-04 / COM-01: what every e-mail to (potential) clients carries."""
    if not _is_centre_staff(acting_user, organisation.pk):
        raise ValidationError({"__all__": [_("Alleen centrummedewerkers beheren de huisstijl.")]})
    errors: dict[str, list[str]] = {}
    email = sender_email.strip().lower()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["sender_email"] = [_("Dit is geen geldig e-mailadres.")]
    types: dict[str, str] = {}
    for key, upload in (("logo", logo), ("voucher_logo", voucher_logo)):
        if upload is None:
            continue
        if upload.size > LOGO_MAX_BYTES:
            errors[key] = [_("Het logo is te groot (hoogstens 1 MB).")]
        else:
            try:
                types[key] = _logo_type(upload)
            except ValidationError as exc:
                errors[key] = exc.message_dict["logo"]
    if errors:
        raise ValidationError(errors)
    branding, _created = CentreBranding.objects.select_for_update().get_or_create(
        organisation=organisation
    )
    branding.sender_name = sender_name.strip()[:200]
    branding.sender_email = email
    branding.address = address.strip()
    branding.signature = signature.strip()
    if logo is not None:
        logo.name = "logo." + LOGO_TYPES[types["logo"]]
        branding.logo = logo
        branding.logo_content_type = types["logo"]
    if voucher_logo is not None:
        voucher_logo.name = "loopbaancheque." + LOGO_TYPES[types["voucher_logo"]]
        branding.voucher_logo = voucher_logo
        branding.voucher_logo_content_type = types["voucher_logo"]
    save_with_user(branding, acting_user)
    return branding


@transaction.atomic
def template_save(
    *, organisation: Organisation, kind: str, subject: str, body: str, acting_user: User
) -> EmailTemplate:
    if not _is_centre_staff(acting_user, organisation.pk):
        raise ValidationError({"__all__": [_("Alleen centrummedewerkers passen e-mails aan.")]})
    if kind not in TemplateKind.values:
        raise ValidationError({"kind": [_("Onbekende soort e-mail.")]})
    errors: dict[str, list[str]] = {}
    if not subject.strip():
        errors["subject"] = [_("Vul een onderwerp in.")]
    if not body.strip():
        errors["body"] = [_("Vul een tekst in.")]
    for name in re.findall(r"\{(\w+)\}", subject + body):
        if name not in PLACEHOLDERS:
            errors.setdefault("body", []).append(_("Onbekend veld {%(name)s}.") % {"name": name})
    for name in REQUIRED_PLACEHOLDERS.get(kind, ()):
        if "{" + name + "}" not in body:
            errors.setdefault("body", []).append(
                _("Deze e-mail moet {%(name)s} bevatten: het moment waarop de coach belt. (INT-03)")
                % {"name": name}
            )
    if errors:
        raise ValidationError(errors)
    template, _created = EmailTemplate.objects.update_or_create(
        organisation=organisation,
        kind=kind,
        defaults={"subject": subject.strip(), "body": body.strip()},
    )
    return template


@transaction.atomic
def communication_check_record(
    *,
    organisation: Organisation,
    source: str,
    text: str,
    subject: User | None,
    note: str,
    now: datetime,
    acting_user: User,
) -> CommunicationCheck:
    """COM-02: the centre records a check it did on a coach's communication (COM-01 applied)."""
    if not _is_centre_staff(acting_user, organisation.pk):
        raise ValidationError({"__all__": [_("Alleen centrummedewerkers registreren controles.")]})
    errors: dict[str, list[str]] = {}
    if not source.strip():
        errors["source"] = [_("Waar stond de tekst? (website, post, mailing …)")]
    if not text.strip():
        errors["text"] = [_("Plak de tekst die je controleerde.")]
    if len(text) > 20000:
        errors["text"] = [_("De tekst is te lang (hoogstens 20 000 tekens).")]
    if errors:
        raise ValidationError(errors)
    ok, findings = rules.communication_check(
        text, organisation.working_name or organisation.name, ruleset(now)
    )
    return CommunicationCheck.objects.create(
        organisation=organisation,
        subject=subject,
        source=source.strip()[:300],
        text=text,
        ok=ok,
        findings=[
            {"ok": f.ok, "mention": f.mention, "rule": f.reason.rule, "message": f.reason.message}
            for f in findings
        ],
        note=note.strip(),
        checked_by=acting_user,
        checked_at=now,
    )


def calendar_feed_token(*, user: User, renew: bool = False) -> str:
    """The secret of the coach's calendar address; renewing invalidates the old address."""
    feed = CalendarFeed.objects.filter(user=user).first()
    if feed is None:
        feed = CalendarFeed.objects.create(user=user, token=secrets.token_urlsafe(32))
    elif renew:
        feed.token = secrets.token_urlsafe(32)
        feed.save(update_fields=["token"])
    return feed.token
