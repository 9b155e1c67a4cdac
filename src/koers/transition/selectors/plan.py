"""TRN-07: the worker's transition plan (PDP) as pages and the API read it — the organisation's
questions, the versions (each kept), what changed since the previous one, the latest review in a
coaching contact, the actions overdue, and the assessment findings the PDP builds on (TRN-16)."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from koers.core.models import Organisation, User
from koers.trajectories.models import Contact, Plan, PlanKind, PlanVersion
from koers.transition import models as m
from koers.transition.rules import plan as rules
from koers.transition.rules.phases import Step, step_refusal
from koers.transition.selectors.facts import trajectory_facts

DONE_CHOICES = [(d.value, d.value) for d in rules.Done]
KIND_LABELS = {
    rules.QuestionKind.NEED: "noden",
    rules.QuestionKind.OBSTACLE: "belemmeringen",
    rules.QuestionKind.RESOURCE: "hulpbronnen",
}


def questions_of(organisation: Organisation | int) -> tuple[rules.Question, ...]:
    """The organisation's PDP questions; the defaults of `rules.plan` while it has none."""
    org_id = organisation if isinstance(organisation, int) else organisation.pk
    stored = (
        m.TransitionSettings.objects.filter(organisation_id=org_id)
        .values_list("plan_questions", flat=True)
        .first()
    )
    if not stored:
        return rules.DEFAULT_QUESTIONS
    return tuple(question_from(q) for q in stored)


def question_from(data: dict) -> rules.Question:
    kind = data.get("kind") or rules.QuestionKind.NEED
    return rules.Question(
        code=str(data.get("code", "")),
        text=str(data.get("text", "")),
        kind=rules.QuestionKind(kind),
    )


def question_to(q: rules.Question) -> dict:
    return {"code": q.code, "text": q.text, "kind": q.kind.value}


def settings_organisations(user: User):
    """The social-economy companies whose PDP questions this user keeps (their members)."""
    ids = user.organisation_ids()
    orgs = Organisation.objects.filter(is_active=True)
    return orgs if user.is_administrator else orgs.filter(pk__in=ids)


def pdp_of(file: m.TransitionFile) -> Plan | None:
    plans = Plan.objects.filter(trajectory_id=file.trajectory_id, kind=PlanKind.TRANSITION)
    return plans.order_by("created_at").first()


def pdp_versions(file: m.TransitionFile) -> QuerySet[PlanVersion]:
    """The versions of the worker's PDP, newest first (none without a PDP)."""
    return (
        PlanVersion.objects.filter(plan=pdp_of(file)).select_related("author").order_by("-number")
    )


def _date(value) -> date | None:
    return date.fromisoformat(value) if value else None


def action_from(data: dict) -> rules.Action:
    return rules.Action(
        action=str(data.get("action", "")),
        starts_on=_date(data.get("starts_on")),
        ends_on=_date(data.get("ends_on")),
        who=str(data.get("who", "")),
        done=data.get("done") or None,
        remarks=str(data.get("remarks", "")),
    )


def action_to(action: rules.Action) -> dict:
    return {
        "action": action.action,
        "starts_on": action.starts_on.isoformat() if action.starts_on else None,
        "ends_on": action.ends_on.isoformat() if action.ends_on else None,
        "who": action.who,
        "done": action.done,
        "remarks": action.remarks,
    }


def version_rule(version: PlanVersion) -> rules.PlanVersion:
    """A stored version as the rules see it."""
    content = version.content or {}
    return rules.PlanVersion(
        number=version.number,
        made_on=_date(content.get("made_on")) or timezone.localdate(version.created_at),
        answers=dict(content.get("answers") or {}),
        actions=tuple(action_from(a) for a in content.get("actions") or []),
        based_on=version.number - 1 if version.number > 1 else None,
    )


@dataclass(frozen=True)
class Review:
    on: date
    contact: Contact | None
    version: int  # the version that was reviewed


def review_of(version: PlanVersion, contacts: dict[int, Contact]) -> Review | None:
    content = version.content or {}
    if not content.get("reviewed_on"):
        return None
    return Review(
        on=date.fromisoformat(content["reviewed_on"]),
        contact=contacts.get(content.get("reviewed_in_contact") or 0),
        version=content.get("reviewed_version") or version.number,
    )


@dataclass(frozen=True)
class AnswerRow:
    question: rules.Question
    answer: str
    previous: str | None  # None when unchanged or no previous version

    @property
    def changed(self) -> bool:
        return self.previous is not None


@dataclass(frozen=True)
class ActionRow:
    action: rules.Action
    overdue: bool
    change: str  # "", "new", "changed"
    done_label: str


@dataclass
class VersionView:
    version: PlanVersion
    rule: rules.PlanVersion
    answers: list[AnswerRow]
    actions: list[ActionRow]
    removed: list[rules.Action]
    review: Review | None
    unanswered: tuple[rules.Question, ...]


def version_view(
    version: PlanVersion,
    previous: PlanVersion | None,
    questions: tuple[rules.Question, ...],
    contacts: dict[int, Contact],
    today: date,
) -> VersionView:
    """One version, compared with the one before it (what changed is marked)."""
    rule = version_rule(version)
    before = version_rule(previous) if previous else None
    answers = []
    for q in questions:
        now = rule.answers.get(q.code, "")
        was = before.answers.get(q.code, "") if before else None
        answers.append(AnswerRow(q, now, was if was is not None and was != now else None))
    overdue = set(rules.overdue_actions(rule.actions, today))
    old = list(before.actions) if before else []
    rows = []
    for i, a in enumerate(rule.actions):
        change = ""
        if before is not None:
            change = "new" if i >= len(old) else ("changed" if old[i] != a else "")
        label = rules.DONE_LABELS.get(rules.Done(a.done)) if a.done else ""
        rows.append(ActionRow(a, a in overdue, change, label or ""))
    removed = old[len(rule.actions) :]
    return VersionView(
        version=version,
        rule=rule,
        answers=answers,
        actions=rows,
        removed=removed,
        review=review_of(version, contacts),
        unanswered=rules.unanswered(rule, questions),
    )


def _contacts(file: m.TransitionFile) -> dict[int, Contact]:
    return {c.pk: c for c in Contact.objects.filter(trajectory_id=file.trajectory_id)}


@dataclass
class PlanSection:
    """The file page's PDP card and the plan page (a fixed number of queries)."""

    file: m.TransitionFile
    plan: Plan | None
    questions: tuple[rules.Question, ...]
    refusal: object | None  # why no PDP can be made yet (TRN-01)
    latest: VersionView | None = None
    versions: list[PlanVersion] = field(default_factory=list)
    latest_review: Review | None = None
    contacts: list[Contact] = field(default_factory=list)
    forms: dict = field(default_factory=dict)


def plan_section(file: m.TransitionFile, user: User | None = None) -> PlanSection:
    questions = questions_of(file.trajectory.organisation_id)
    plan = pdp_of(file)
    refusal = step_refusal(trajectory_facts(file), Step.PLAN)
    section = PlanSection(file=file, plan=plan, questions=questions, refusal=refusal)
    contacts = _contacts(file)
    section.contacts = sorted(contacts.values(), key=lambda c: c.starts_at, reverse=True)
    if plan is None:
        return section
    section.versions = list(plan.versions.select_related("author").order_by("-number"))
    if section.versions:
        latest = section.versions[0]
        previous = section.versions[1] if len(section.versions) > 1 else None
        section.latest = version_view(latest, previous, questions, contacts, timezone.localdate())
        section.latest_review = next(
            (r for v in section.versions if (r := review_of(v, contacts))), None
        )
    return section


def version_get(file: m.TransitionFile, number: int) -> VersionView | None:
    """One version of the worker's PDP, compared with the previous; None if there is none."""
    plan = pdp_of(file)
    if plan is None:
        return None
    found = {v.number: v for v in plan.versions.filter(number__in=[number, number - 1])}
    if number not in found:
        return None
    return version_view(
        found[number],
        found.get(number - 1),
        questions_of(file.trajectory.organisation_id),
        _contacts(file),
        timezone.localdate(),
    )


def plan_file_section(file: m.TransitionFile, user: User | None = None) -> PlanSection:
    """The PDP card of the worker's file page, with its review form."""
    from koers.transition.forms.plan import ReviewForm

    section = plan_section(file, user)
    section.forms = {"review_form": ReviewForm(contacts=section.contacts)}
    return section


def overdue_numbers(rule: rules.PlanVersion, today: date) -> list[int]:
    """The row numbers (from 1) of the actions over time and not done (TRN-07)."""
    late = set(rules.overdue_actions(rule.actions, today))
    return [i for i, a in enumerate(rule.actions, start=1) if a in late]
