"""Career-voucher use cases: they load models, ask `rules`, and save in one transaction."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.models import Client, Organisation, User
from koers.trajectories.models import (
    Contact,
    ContactForm,
    ContactOutcome,
    Plan,
    PlanKind,
    Programme,
    Trajectory,
    TrajectoryStatus,
)
from koers.trajectories.services import (
    ContactData,
    contact_log,
    plan_create,
    plan_save_version,
    trajectory_open,
)
from koers.vouchers import rules
from koers.vouchers.models import (
    AftercareEntry,
    GroupParticipant,
    GroupSession,
    InterimEvaluation,
    IntroductionContact,
    Voucher,
    VoucherSettings,
)
from koers.vouchers.rules.aftercare import aftercare_refusal
from koers.vouchers.rules.certificate import certificate_refusal
from koers.vouchers.rules.entitlement import voucher_entitlement
from koers.vouchers.rules.intake import INTAKE_TOPICS
from koers.vouchers.rules.phases import Phase, can_move
from koers.vouchers.rules.pop import pop_blocks_finalising, pop_problems, pop_title
from koers.vouchers.rules.scope import scope_warnings


def _refuse(field: str, reason: rules.Reason) -> ValidationError:
    return ValidationError({field: [f"{reason.message} ({reason.rule})"]})


def ruleset_of(voucher: Voucher) -> rules.Ruleset:
    return next(r for r in rules.RULESETS if r.version == voucher.ruleset_version)


def _scope_payload(question: str, ruleset: rules.Ruleset) -> list[dict]:
    return [
        {
            "exclusion": w.exclusion,
            "matched": w.matched,
            "rule": w.reason.rule,
            "message": w.reason.message,
        }
        for w in scope_warnings(question, ruleset)
    ]


@transaction.atomic
def voucher_open(
    *,
    client: Client,
    responsible: User,
    organisation: Organisation,
    start_date: date,
    career_question: str = "",
    acting_user: User,
) -> Voucher:
    """LBC-01: open voucher 1 or 2 for a client, judged by the rule set in force on `start_date`."""
    client = Client.objects.select_for_update().get(pk=client.pk)
    started = list(
        Voucher.objects.filter(client=client).values_list("trajectory__start_date", flat=True)
    )
    try:
        ruleset = rules.ruleset_for(start_date)
    except LookupError as exc:
        raise ValidationError(
            {"start_date": [_("Voor deze datum is er geen regelset voor loopbaancheques.")]}
        ) from exc
    entitlement = voucher_entitlement(started_on=started, today=start_date)
    if not entitlement.allowed:
        raise _refuse("__all__", entitlement.reason)
    trajectory = trajectory_open(
        client=client,
        programme=Programme.VOUCHER,
        responsible=responsible,
        organisation=organisation,
        start_date=start_date,
        title=f"Loopbaancheque {entitlement.next_number}",
        acting_user=acting_user,
    )
    trajectory.phase = Phase.INTAKE
    trajectory.save(update_fields=["phase"])
    voucher = Voucher(
        trajectory=trajectory,
        client=client,
        number=entitlement.next_number,
        ruleset_version=ruleset.version,
        career_question=career_question.strip(),
        scope_warnings=_scope_payload(career_question, ruleset),
    )
    voucher._history_user = acting_user
    voucher.save()
    return voucher


def _lock(voucher: Voucher) -> Voucher:
    return (
        Voucher.objects.select_for_update()
        .select_related("trajectory", "client")
        .get(pk=voucher.pk)
    )


def _save(voucher: Voucher, acting_user: User | None) -> Voucher:
    voucher._history_user = acting_user
    voucher.save()
    return voucher


@transaction.atomic
def voucher_intake_update(
    *, voucher: Voucher, career_question: str, topics: list[str], acting_user: User
) -> Voucher:
    """LBC-10 checklist and the career question; LBC-19 warnings are recomputed when it changes."""
    voucher = _lock(voucher)
    unknown = set(topics) - set(INTAKE_TOPICS)
    if unknown:
        raise ValidationError({"topics": [_("Onbekend onderwerp van de intake.")]})
    question = career_question.strip()
    if question != voucher.career_question:
        voucher.scope_warnings = _scope_payload(question, ruleset_of(voucher))
        voucher.scope_resolution, voucher.scope_resolved_at, voucher.scope_resolved_by = (
            "",
            None,
            None,
        )
    voucher.career_question = question
    voucher.intake_topics = [key for key in INTAKE_TOPICS if key in topics]
    return _save(voucher, acting_user)


@transaction.atomic
def voucher_scope_resolve(*, voucher: Voucher, resolution: str, acting_user: User) -> Voucher:
    """LBC-19: the coach explicitly confirms (with a reason) that the question is career guidance."""
    voucher = _lock(voucher)
    if not voucher.scope_warnings:
        raise ValidationError({"resolution": [_("Er is geen waarschuwing om op te lossen.")]})
    if len(resolution.strip()) < 10:
        raise ValidationError(
            {
                "resolution": [
                    _(
                        "Leg in een zin uit waarom dit loopbaanbegeleiding is (of wat het centrum zei)."
                    )
                ]
            }
        )
    voucher.scope_resolution = resolution.strip()
    voucher.scope_resolved_at = timezone.now()
    voucher.scope_resolved_by = acting_user
    return _save(voucher, acting_user)


@transaction.atomic
def voucher_set_phase(*, voucher: Voucher, phase: str, acting_user: User) -> Voucher:
    """LBC-21: phases move forward (deepening and assignments may alternate)."""
    trajectory = Trajectory.objects.select_for_update().get(pk=voucher.trajectory_id)
    if not can_move(trajectory.phase, phase):
        raise ValidationError(
            {"phase": [_("Deze fase kan niet volgen op de huidige fase. (LBC-21)")]}
        )
    trajectory.phase = phase
    trajectory._history_user = acting_user
    trajectory.save()
    voucher.trajectory = trajectory
    return voucher


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
        raise _refuse("duration_minutes", reason)


@transaction.atomic
def voucher_contact_log(
    *, voucher: Voucher, data: ContactData, acting_user: User, is_introduction: bool = False
) -> Contact:
    voucher = _lock(voucher)
    _check_guidance_contact(data, ruleset_of(voucher), is_introduction=is_introduction)
    contact = contact_log(
        trajectory=voucher.trajectory, data=data, acting_user=acting_user, programme_checked=True
    )
    if is_introduction:
        IntroductionContact.objects.create(contact=contact)
    return contact


@dataclass
class GroupMember:
    voucher: Voucher
    employer: str
    free_choice: bool
    linked_to_question: bool


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
        )
    return session


@transaction.atomic
def interim_evaluation_add(
    *, voucher: Voucher, held_on: date, going_as_wished: str, would_change: str, acting_user: User
) -> InterimEvaluation:
    """LBC-16."""
    if not going_as_wished.strip():
        raise ValidationError({"going_as_wished": [_("Noteer het antwoord van de cliënt.")]})
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": [_("Een evaluatie ligt niet in de toekomst.")]})
    return InterimEvaluation.objects.create(
        voucher=voucher,
        held_on=held_on,
        going_as_wished=going_as_wished.strip(),
        would_change=would_change.strip(),
        recorded_by=acting_user,
    )


@transaction.atomic
def aftercare_register(
    *, voucher: Voucher, on: date, minutes: int, form: str, note: str, acting_user: User
) -> AftercareEntry:
    """LBC-18: at most 30 minutes per voucher, in half hours, within a year of the synthesis."""
    voucher = _lock(voucher)
    if form not in AftercareEntry.Form.values:
        raise ValidationError({"form": [_("Kies een vorm uit de lijst.")]})
    if on > timezone.localdate():
        raise ValidationError({"on": [_("Nazorg registreer je nadat ze gebeurd is.")]})
    used = sum(voucher.aftercare.values_list("minutes", flat=True))
    reason = aftercare_refusal(
        used_minutes=used,
        minutes=minutes,
        on=on,
        synthesis_date=voucher.synthesis_date,
        ruleset=ruleset_of(voucher),
    )
    if reason:
        raise _refuse("minutes", reason)
    entry = AftercareEntry(
        voucher=voucher,
        on=on,
        minutes=minutes,
        form=form,
        note=note.strip(),
        recorded_by=acting_user,
    )
    entry._history_user = acting_user
    entry.save()
    return entry


@transaction.atomic
def aftercare_informed(*, voucher: Voucher, acting_user: User) -> Voucher:
    """LBC-18: the coach told the client about aftercare when the voucher ended."""
    voucher = _lock(voucher)
    if voucher.aftercare_informed_at is None:
        voucher.aftercare_informed_at = timezone.now()
    return _save(voucher, acting_user)


def pop_plan(voucher: Voucher) -> Plan | None:
    """The POP of this voucher; for a combined POP, the one on voucher 2 (LBC-13)."""
    plan = Plan.objects.filter(trajectory=voucher.trajectory, kind=PlanKind.DEVELOPMENT).first()
    if plan is None and voucher.number == 1 and voucher.combined_pop:
        partner = (
            Voucher.objects.filter(client=voucher.client, number=2)
            .select_related("trajectory")
            .first()
        )
        if partner:
            plan = Plan.objects.filter(
                trajectory=partner.trajectory, kind=PlanKind.DEVELOPMENT
            ).first()
    return plan


def _pop_vouchers(voucher: Voucher) -> tuple[int, ...]:
    return (1, 2) if voucher.combined_pop and voucher.number == 2 else (voucher.number,)


@transaction.atomic
def pop_save(*, voucher: Voucher, content: dict, acting_user: User | None, by_client: bool = False):
    """Save a new version of the POP (the client owns it: they may write it through the portal)."""
    voucher = _lock(voucher)
    plan = pop_plan(voucher)
    if plan is None:
        if voucher.number == 1 and voucher.combined_pop:
            raise ValidationError(
                {"__all__": [_("Dit gecombineerde POP wordt bij cheque 2 opgemaakt. (LBC-13)")]}
            )
        plan = plan_create(
            trajectory=voucher.trajectory,
            kind=PlanKind.DEVELOPMENT,
            title=pop_title(_pop_vouchers(voucher)),
            content=content,
            acting_user=acting_user,
        )
        version = plan.versions.get()
        if by_client:
            version.author_is_client = True
            version.save(update_fields=["author_is_client"])
        return version
    return plan_save_version(
        plan=plan, content=content, acting_user=acting_user, by_client=by_client
    )


def pop_facts(voucher: Voucher, content: dict) -> rules.pop.PopFacts:
    from koers.vouchers.rules.pop import Action, PopFacts

    actions = []
    for raw in content.get("actions", []):
        by_when = raw.get("by_when") or None
        if isinstance(by_when, str):
            try:
                by_when = date.fromisoformat(by_when)
            except ValueError:
                by_when = None
        actions.append(
            Action(
                what=raw.get("what", ""),
                by_when=by_when,
                by_whom=raw.get("by_whom", ""),
                voucher=int(raw["voucher"]) if str(raw.get("voucher", "")).isdigit() else None,
            )
        )
    covered = {int(k): v for k, v in (content.get("covered") or {}).items() if str(k).isdigit()}
    return PopFacts(
        sections=content.get("sections", {}),
        actions=tuple(actions),
        style=content.get("style", "action"),
        vouchers=_pop_vouchers(voucher),
        covered=covered,
    )


def pop_requires_actions(voucher: Voucher) -> bool:
    settings_row = VoucherSettings.objects.filter(
        organisation_id=voucher.trajectory.organisation_id
    ).first()
    return bool(settings_row and settings_row.pop_requires_actions)


@transaction.atomic
def pop_finalise(
    *, voucher: Voucher, acting_user: User, synthesis_date: date | None = None
) -> Plan:
    """Finalise the POP in the synthesis conversation (LBC-12) and fix the synthesis date (LBC-18)."""
    voucher = _lock(voucher)
    plan = pop_plan(voucher)
    if plan is None:
        raise ValidationError({"__all__": [_("Er is nog geen POP om te finaliseren. (LBC-12)")]})
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    latest = plan.versions.order_by("-number").first()
    required = pop_requires_actions(voucher)
    reasons = pop_problems(
        pop_facts(voucher, latest.content if latest else {}), actions_required=required
    )
    if pop_blocks_finalising(reasons, actions_required=required):
        raise ValidationError({"__all__": [f"{r.message} ({r.rule})" for r in reasons]})
    plan.finalised_at = timezone.now()
    plan._history_user = acting_user
    plan.save()
    synthesis = synthesis_date or _last_guidance_day(voucher) or timezone.localdate()
    for target in [voucher, *_combined_partners(voucher)]:
        if target.synthesis_date is None:
            target.synthesis_date = synthesis
            _save(target, acting_user)
    return plan


def _combined_partners(voucher: Voucher) -> list[Voucher]:
    """LBC-18: with a combined POP each voucher keeps its own synthesis date (its last contact)."""
    if not (voucher.combined_pop and voucher.number == 2):
        return []
    first = Voucher.objects.filter(client=voucher.client, number=1).first()
    if first and first.synthesis_date is None:
        first.synthesis_date = _last_guidance_day(first)
        return [first] if first.synthesis_date else []
    return []


def _last_guidance_day(voucher: Voucher) -> date | None:
    last = (
        Contact.objects.filter(trajectory=voucher.trajectory, outcome=ContactOutcome.HELD)
        .exclude(form__in=[ContactForm.PHONE, ContactForm.WRITTEN, ContactForm.ONLINE_TOOL])
        .order_by("-starts_at")
        .values_list("starts_at", flat=True)
        .first()
    )
    return timezone.localtime(last).date() if last else None


@transaction.atomic
def voucher_close(*, voucher: Voucher, acting_user: User) -> Voucher:
    """End the voucher: the evaluation invitation follows from the sweep (LBC-15)."""
    from koers.trajectories.services import trajectory_set_status

    trajectory_set_status(
        trajectory=voucher.trajectory, status=TrajectoryStatus.CLOSED, acting_user=acting_user
    )
    voucher = _lock(voucher)
    if voucher.trajectory.phase in (
        "",
        Phase.INTAKE,
        Phase.DEEPENING,
        Phase.ASSIGNMENTS,
        Phase.SYNTHESIS,
    ):
        Trajectory.objects.filter(pk=voucher.trajectory_id).update(phase=Phase.EVALUATION)
    return voucher


@transaction.atomic
def evaluation_received(*, voucher: Voucher, on: date, acting_user: User | None) -> Voucher:
    voucher = _lock(voucher)
    voucher.evaluation_received_on = voucher.evaluation_received_on or on
    return _save(voucher, acting_user)


@transaction.atomic
def certificate_issue(
    *,
    voucher: Voucher,
    training: str,
    benefit_academic_year_start: date,
    only_to_obtain_benefit: bool,
    acting_user: User,
) -> Voucher:
    """LBC-20: issue the training certificate once, or refuse with the reason."""
    voucher = _lock(voucher)
    plan = pop_plan(voucher)
    latest = plan.versions.order_by("-number").first() if plan else None
    text = " ".join(
        str(v) for v in (latest.content.get("sections", {}).values() if latest else [])
    ).lower()
    text += " ".join(
        a.get("what", "") for a in (latest.content.get("actions", []) if latest else [])
    ).lower()
    named = bool(training.strip()) and training.strip().lower() in text
    reason = certificate_refusal(
        already_issued=voucher.certificate_issued_at is not None,
        training_named_in_pop=named,
        guidance_started_on=voucher.trajectory.start_date,
        benefit_academic_year_start=benefit_academic_year_start,
        only_to_obtain_benefit=only_to_obtain_benefit,
    )
    if reason:
        raise _refuse("__all__", reason)
    voucher.certificate_issued_at = timezone.now()
    voucher.certificate_training = training.strip()
    return _save(voucher, acting_user)


@transaction.atomic
def evaluation_submit(*, voucher: Voucher, response) -> None:
    """LBC-15: the client's evaluation comes in; it is linked to the voucher and the coach gets a copy."""
    from django.core.mail import send_mail

    voucher = _lock(voucher)
    if hasattr(voucher, "evaluation"):
        raise ValidationError({"__all__": [_("Deze evaluatie werd al ingevuld. Bedankt!")]})
    response.voucher = voucher
    response.save()
    voucher.evaluation_received_on = timezone.localdate()
    _save(voucher, None)
    coach = voucher.trajectory.responsible
    if coach.email:
        body = (
            f"Evaluatie loopbaancheque {voucher.number} (dossier {voucher.pk})\n\n"
            f"Tevredenheid: {response.satisfaction}/5\nGeholpen: {response.helped}/5\n"
            f"Aanraden: {'ja' if response.would_recommend else 'nee'}\n\n"
            f"Wat geleerd:\n{response.learned}\n\nOpmerkingen:\n{response.remarks}\n"
        )
        transaction.on_commit(
            lambda: send_mail(
                "Kopie evaluatie loopbaancheque", body, None, [coach.email], fail_silently=True
            )
        )


@transaction.atomic
def voucher_combine_pop(*, voucher: Voucher, combined: bool, acting_user: User) -> Voucher:
    """LBC-13: one POP for both vouchers, kept on voucher 2 and noted on voucher 1."""
    pair = list(
        Voucher.objects.select_for_update().filter(client_id=voucher.client_id).order_by("number")
    )
    if [v.number for v in pair] != [1, 2]:
        raise ValidationError(
            {"combined_pop": [_("Een gecombineerd POP kan pas met een tweede cheque. (LBC-13)")]}
        )
    first, second = pair
    own_first = Plan.objects.filter(trajectory=first.trajectory, kind=PlanKind.DEVELOPMENT).first()
    if combined and own_first and own_first.finalised_at:
        raise ValidationError(
            {"combined_pop": [_("Cheque 1 heeft al een gefinaliseerd POP. (LBC-13)")]}
        )
    for target in pair:
        target.combined_pop = combined
        _save(target, acting_user)
    plan = Plan.objects.filter(trajectory=second.trajectory, kind=PlanKind.DEVELOPMENT).first()
    if plan and not plan.finalised_at:
        plan.title = pop_title((1, 2) if combined else (2,))
        plan._history_user = acting_user
        plan.save()
    return next(v for v in pair if v.pk == voucher.pk)
