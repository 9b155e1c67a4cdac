"""Contacts on a voucher (LBC-02..08) and group sessions (LBC-04, LBC-05)."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.core.models import Organisation, User
from koers.lib.refusals import refusal
from koers.trajectories.models import (
    Contact,
    ContactForm,
    ContactOutcome,
    Trajectory,
)
from koers.trajectories.services import (
    ContactData,
    contact_log,
)
from koers.vouchers import rules
from koers.vouchers.models import (
    GroupParticipant,
    GroupSession,
    IntroductionContact,
    VideoConsent,
    Voucher,
)
from koers.vouchers.selectors import (
    JudgedContact,
    group_feedback_candidates,
    ruleset_of,
    voucher_summary,
)
from koers.vouchers.services.common import lock_voucher


def voucher_contact_check(
    trajectory: Trajectory, data: ContactData, existing: Contact | None
) -> None:
    """LBC-02 for contacts entered outside the voucher page (the generic contact form, the API)."""
    voucher = Voucher.objects.filter(trajectory=trajectory).first()
    if voucher is None:
        return
    is_intro = (
        existing is not None and IntroductionContact.objects.filter(contact=existing).exists()
    )
    _check_guidance_contact(data, ruleset_of(voucher), is_introduction=is_intro)


def _check_guidance_contact(
    data: ContactData, ruleset: rules.Ruleset, *, is_introduction: bool
) -> None:
    """LBC-02/03: countable forms are registered in whole 30-minute blocks of 30 to 120 minutes."""
    facts = rules.ContactFacts(
        form=data.form, duration_minutes=data.duration_minutes, is_introduction=is_introduction
    )
    reason = rules.check_duration(facts, ruleset)
    if reason:
        raise refusal("duration_minutes", reason)


@transaction.atomic
def voucher_contact_log(
    *, voucher: Voucher, data: ContactData, acting_user: User, is_introduction: bool = False
) -> JudgedContact:
    """Log a contact on the voucher and answer with it as the voucher now judges it: LBC-02 is
    checked once, here (the core's contact check is told so), and the voucher replayed once."""
    voucher = lock_voucher(voucher)
    _check_guidance_contact(data, ruleset_of(voucher), is_introduction=is_introduction)
    contact = contact_log(
        trajectory=voucher.trajectory, data=data, acting_user=acting_user, programme_checked=True
    )
    if is_introduction:
        IntroductionContact.objects.create(contact=contact)
    return voucher_summary(voucher).judged(contact.pk)


@dataclass
class GroupMember:
    voucher: Voucher
    employer: str
    free_choice: bool
    linked_to_question: bool
    # LBC-05: the client may stop at any time and switch to individual sessions, and chooses the
    # degree of participation ("vrije keuze tot de graad van deelname").
    may_stop_and_switch: bool = False


def _same_employer(members: list[GroupMember]) -> str | None:
    seen: dict[str, str] = {}
    for member in members:
        key = " ".join(member.employer.lower().split())
        if not key:
            continue
        if key in seen:
            return member.employer
        seen[key] = member.employer
    return None


@transaction.atomic
def group_session_create(
    *,
    organisation: Organisation,
    coach: User,
    theme: str,
    starts_at,
    duration_minutes: int,
    members: list[GroupMember],
    aims_at_reflection: bool,
    part_of_other_service: bool = False,
    method: str = "",
    place: str = "",
    outcome: str = ContactOutcome.PLANNED,
    acting_user: User,
) -> GroupSession:
    """LBC-05: one session, one group contact on each participant's voucher."""
    errors: dict[str, list[str]] = {}
    if not theme.strip():
        errors["theme"] = [_("Geef het thema van de groepssessie.")]
    if len(members) < 2:
        errors["members"] = [_("Een groepssessie heeft minstens twee deelnemers.")]
    if len({m.voucher.pk for m in members}) != len(members):
        errors["members"] = [_("Elke deelnemer komt één keer voor.")]
    clash = _same_employer(members)
    if clash:
        errors["members"] = [
            _(
                "Twee deelnemers werken bij dezelfde organisatie (%(employer)s); dat mag niet in één groep. (LBC-05)"
            )
            % {"employer": clash}
        ]
    if not aims_at_reflection:
        errors["aims_at_reflection"] = [
            _(
                "Een groepssessie richt zich uitsluitend op reflectie en zelfinzicht over loopbaancompetenties "
                "(geen infosessie over solliciteren, opleidingsadvies, time- of stressmanagement). (LBC-05)"
            )
        ]
    if part_of_other_service:
        errors["part_of_other_service"] = [
            _(
                "Een groepssessie mag geen onderdeel zijn van een andere dienstverlening (outplacement, training). (LBC-05)"
            )
        ]
    for member in members:
        if not (member.free_choice and member.linked_to_question):
            errors.setdefault("members", []).append(
                _(
                    "%(client)s: de keuze moet vrij zijn en het thema besproken en gekoppeld aan de loopbaanvraag. (LBC-05)"
                )
                % {"client": member.voucher.client}
            )
        if not member.may_stop_and_switch:
            errors.setdefault("members", []).append(
                _(
                    "%(client)s: de cliënt moet weten dat hij altijd kan stoppen en voor individuele "
                    "gesprekken kan kiezen, en zelf bepaalt hoe ver hij deelneemt. (LBC-05)"
                )
                % {"client": member.voucher.client}
            )
    if errors:
        raise ValidationError(errors)
    session = GroupSession.objects.create(
        organisation=organisation,
        coach=coach,
        theme=theme.strip(),
        method=method,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        place=place,
        aims_at_reflection=aims_at_reflection,
        part_of_other_service=part_of_other_service,
    )
    data = ContactData(
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        form=ContactForm.GROUP,
        place=place,
        outcome=outcome,
    )
    for index, member in enumerate(members):
        _check_guidance_contact(data, ruleset_of(member.voucher), is_introduction=False)
        try:
            # The coach's agenda is checked once, for the first participant; the others share the slot.
            contact = contact_log(
                trajectory=member.voucher.trajectory,
                data=data,
                acting_user=acting_user,
                staff=coach,
                allow_staff_overlap=index > 0,
                programme_checked=True,
            )
        except ValidationError as exc:
            if "starts_at" in exc.message_dict:
                raise ValidationError(
                    {
                        "members": [
                            f"{member.voucher.client}: {' '.join(exc.message_dict['starts_at'])}"
                        ]
                    }
                ) from exc
            raise
        GroupParticipant.objects.create(
            session=session,
            voucher=member.voucher,
            contact=contact,
            employer=member.employer.strip(),
            free_choice=member.free_choice,
            linked_to_question=member.linked_to_question,
            may_stop_and_switch=member.may_stop_and_switch,
        )
    return session


@transaction.atomic
def group_feedback_record(
    *, voucher: Voucher, group_contact_id: int, feedback_contact_id: int, acting_user: User
) -> JudgedContact:
    """LBC-05: the insights of the group session were fed back in this individual session. The
    answer is the group contact as the voucher now judges it (it may count from now on)."""
    voucher = lock_voucher(voucher)
    # Two feedback choices for one group session at once: the second would silently replace the
    # first; locked, the second one reads the first's choice.
    participation = (
        GroupParticipant.objects.select_for_update()
        .select_related("session", "voucher")
        .filter(voucher=voucher, contact_id=group_contact_id)
        .first()
    )
    if participation is None:
        raise ValidationError(
            {"group_contact_id": [_("Dit is geen groepssessie op deze cheque. (LBC-05)")]}
        )
    feedback = next(
        (c for c in group_feedback_candidates(participation) if c.pk == feedback_contact_id), None
    )
    if feedback is None:
        raise ValidationError(
            {
                "feedback_contact_id": [
                    _(
                        "Kies een gehouden individueel gesprek op deze cheque, op of na de "
                        "groepssessie. (LBC-05)"
                    )
                ]
            }
        )
    participation.feedback_contact = feedback
    participation.save(update_fields=["feedback_contact"])
    return voucher_summary(voucher).judged(group_contact_id)


@transaction.atomic
def video_consent_record(*, voucher: Voucher, consent: str, on: date, acting_user: User) -> Voucher:
    """LBC-06: e-coaching only with the client's consent or at their request; "" withdraws it."""
    voucher = lock_voucher(voucher)
    if consent and consent not in VideoConsent.values:
        raise ValidationError({"video_consent": [_("Kies een mogelijkheid uit de lijst.")]})
    if consent and on > timezone.localdate():
        raise ValidationError({"video_consent_on": [_("Dit akkoord ligt niet in de toekomst.")]})
    voucher.video_consent = consent
    voucher.video_consent_on = on if consent else None
    return save_with_user(voucher, acting_user)
