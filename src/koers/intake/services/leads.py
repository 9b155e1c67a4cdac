"""INT-01: a lead arrives (the public form, the API or an import), is checked, routed and
confirmed by e-mail. E-mails go out in `transaction.on_commit`, never inside the transaction."""

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.core.models import Location, Organisation, User
from koers.core.states import record_state
from koers.core.validators import normalize_phone, validate_postal_code
from koers.intake import rules
from koers.intake.messages import send_branded
from koers.intake.models import Lead, LeadChannel, LeadState, ReachableWindow, TemplateKind
from koers.intake.rules.clock import format_moment
from koers.intake.selectors import local, ruleset
from koers.intake.services.common import (
    mail_values,
    notify_coach_new_lead,
    plan_call,
    reasons_json,
)
from koers.intake.services.routing import route
from koers.intake.services.states import lead_state_move

MAX_NAME = 100
MAX_QUESTION = 4000
MAX_WINDOWS = 10
WINDOW_HORIZON_DAYS = 60


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
        when = f"{local(start):%d/%m/%Y %H:%M}"
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
        f"- {format_moment(local(w.starts_at))[0]} {local(w.starts_at):%H:%M}–{local(w.ends_at):%H:%M}"
        for w in lead.windows.all()
    )


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
    # The same form sent twice at once (a double click, a retry): the second waits for the
    # first's lead and collapses into it instead of creating a duplicate.
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
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
    plan_call(lead, params)
    if self_brought and acting_user is not None:
        lead.coach = acting_user
        lead_state_move(lead, LeadState.NEW, acting_user=acting_user, at=now)
        lead.routing_reasons = reasons_json(
            [rules.Reason("INT-07", "Zelf aangebracht door de coach.")]
        )
        save_with_user(lead, acting_user)
    else:
        lead = route(lead, now=now, params=params, acting_user=acting_user)
    send_branded(
        organisation,
        TemplateKind.CONFIRMATION,
        lead.email,
        mail_values(lead, momenten=_windows_text(lead), vraag=lead.career_question),
        coach=lead.coach,
    )
    if lead.coach_id:
        notify_coach_new_lead(lead)
    return lead, True
