"""TRN-07: the worker's transition plan (PDP) on the core's versioned plans — every save adds a
version, earlier versions stay readable — and the organisation's PDP questions.

A version's content: {"made_on", "answers": {question code: text}, "actions": [row, …]} and,
when a coaching contact reviewed it, {"reviewed_on", "reviewed_in_contact", "reviewed_version"}.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from koers.core.history import save_with_user
from koers.core.models import Organisation, User
from koers.lib.refusals import refusal
from koers.lib.rules import Reason
from koers.trajectories.models import Contact, PlanKind, PlanVersion, Trajectory
from koers.trajectories.services import plan_create, plan_save_version
from koers.transition import models as m
from koers.transition.rules import plan as rules
from koers.transition.rules.phases import Step, step_refusal
from koers.transition.selectors import plan as sel
from koers.transition.selectors.facts import trajectory_facts
from koers.transition.services.phase import phase_refresh

PDP_TITLE = "Persoonlijk doorstroomplan (PDP)"


def plan_questions_set(
    *, organisation: Organisation, questions: list[rules.Question], acting_user: User
) -> m.TransitionSettings:
    """The company's PDP questions (TRN-07: the seed's were an image, so they are its own)."""
    problems = rules.questions_refusal(questions)
    if problems:
        raise refusal("questions", *problems)
    found, _created = m.TransitionSettings.objects.get_or_create(organisation=organisation)
    found.plan_questions = [sel.question_to(q) for q in questions]
    return save_with_user(found, acting_user)


def transition_plan_check(trajectory: Trajectory, kind: str, content: dict) -> None:
    """Every write of a PDP, through these services or the core's plan pages and API: the
    engagement statement is signed (TRN-01), the answers are the company's questions and every
    action row is valid (TRN-07)."""
    if kind != PlanKind.TRANSITION:
        return
    file = m.TransitionFile.objects.filter(trajectory=trajectory).first()
    if file is None:
        return
    blocked = step_refusal(trajectory_facts(file), Step.PLAN)
    if blocked:
        raise refusal("__all__", blocked)
    try:
        actions = tuple(sel.action_from(a) for a in content.get("actions") or [])
        answers = {str(k): str(v) for k, v in (content.get("answers") or {}).items()}
    except (TypeError, ValueError, AttributeError) as exc:
        raise refusal("content", Reason("TRN-07", "Het PDP heeft geen geldige inhoud.")) from exc
    version = rules.PlanVersion(
        number=1, made_on=timezone.localdate(), answers=answers, actions=actions
    )
    questions = sel.questions_of(trajectory.organisation_id)
    problems = rules.version_refusal(version, None, questions)
    if problems:
        field = "actions" if actions and any("Actie" in p.template for p in problems) else "answers"
        raise refusal(field, *problems)


def _content(answers: dict[str, str], actions: list[rules.Action], made_on: date) -> dict:
    return {
        "made_on": made_on.isoformat(),
        "answers": {code: text.strip() for code, text in answers.items() if text.strip()},
        "actions": [sel.action_to(a) for a in actions],
    }


@transaction.atomic
def pdp_save(
    *,
    file: m.TransitionFile,
    answers: dict[str, str],
    actions: list[rules.Action],
    acting_user: User,
) -> PlanVersion:
    """Make the PDP (version 1) or add a version to it; the earlier ones are kept (TRN-07)."""
    today = timezone.localdate()
    content = _content(answers, actions, today)
    plan = sel.pdp_of(file)
    if plan is None:
        plan = plan_create(
            trajectory=file.trajectory,
            kind=PlanKind.TRANSITION,
            title=PDP_TITLE,
            content=content,
            acting_user=acting_user,
        )
        version = plan.versions.get()
    else:
        version = plan_save_version(plan=plan, content=content, acting_user=acting_user)
    phase_refresh(file, acting_user=acting_user)
    return version


@transaction.atomic
def pdp_review(
    *,
    file: m.TransitionFile,
    contact: Contact | None,
    reviewed_on: date | None,
    acting_user: User,
) -> PlanVersion:
    """TRN-07: the plan was followed up in a coaching contact (one of the trajectory's contacts,
    or only the day). Kept as a new version carrying the review, so no version ever changes."""
    plan = sel.pdp_of(file)
    if plan is None:
        raise refusal("__all__", Reason("TRN-07", "Er is nog geen PDP om te bespreken."))
    if contact is not None and contact.trajectory_id != file.trajectory_id:
        raise refusal("contact", Reason("TRN-07", "Dit contact hoort niet bij dit traject."))
    on = timezone.localdate(contact.starts_at) if contact is not None else reviewed_on
    if on is None:
        raise refusal(
            "reviewed_on",
            Reason("TRN-07", "Kies het coachingsgesprek of geef de datum van de bespreking."),
        )
    if on > timezone.localdate():
        raise refusal(
            "reviewed_on", Reason("TRN-07", "Een bespreking van het PDP ligt niet in de toekomst.")
        )
    latest = plan.versions.order_by("-number").first()
    content = dict(latest.content) | {
        "reviewed_on": on.isoformat(),
        "reviewed_in_contact": contact.pk if contact else None,
        "reviewed_version": latest.number,
    }
    return plan_save_version(plan=plan, content=content, acting_user=acting_user)


def pdp_can_start(file: m.TransitionFile) -> None:
    """Refuse making the PDP before the signed engagement statement (TRN-01)."""
    blocked = step_refusal(trajectory_facts(file), Step.PLAN)
    if blocked:
        raise refusal("__all__", blocked)


def actions_refusal(actions: list[rules.Action]) -> ValidationError | None:
    """The action rows' problems, each named by its row (TRN-07), or None."""
    problems = rules.version_refusal(
        rules.PlanVersion(number=1, made_on=timezone.localdate(), actions=tuple(actions)),
        None,
        (),
    )
    return refusal("actions", *problems) if problems else None


def pdp_save_rows(
    *, file: m.TransitionFile, answers: dict[str, str], rows: list[dict], acting_user: User
) -> PlanVersion:
    """As `pdp_save`, the action rows given as dicts (the API): action, starts_on, ends_on (dates),
    who, done, remarks."""
    actions = [
        rules.Action(
            action=r.get("action") or "",
            starts_on=r.get("starts_on"),
            ends_on=r.get("ends_on"),
            who=r.get("who") or "",
            done=r.get("done") or None,
            remarks=r.get("remarks") or "",
        )
        for r in rows
    ]
    return pdp_save(file=file, answers=answers, actions=actions, acting_user=acting_user)


def questions_from_dicts(rows: list[dict]) -> list[rules.Question]:
    """Questions as the API sends them; an unknown kind is refused (TRN-07)."""
    kinds = {k.value for k in rules.QuestionKind}
    if any(r.get("kind") not in kinds for r in rows):
        raise refusal(
            "questions", Reason("TRN-07", "Een PDP-vraag is een nood, belemmering of hulpbron.")
        )
    return [sel.question_from(r) for r in rows]
