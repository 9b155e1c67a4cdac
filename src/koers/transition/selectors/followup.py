"""TRN-17: the transitions (placements) and their checkpoints as the pages, the API and the sweep
read them. Every read starts from `visible_to`; a list reads a fixed number of queries."""

from dataclasses import dataclass, field
from datetime import date

from django.core.paginator import Page, Paginator
from django.db.models import DateField, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.lookups import GreaterThan, GreaterThanOrEqual, IsNull
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from koers.core.models import User
from koers.lib.rules import Reason
from koers.trajectories.models import Programme
from koers.trajectories.rulesets.registry import ruleset_by_version
from koers.transition import models as m
from koers.transition.rules import followup as rules
from koers.transition.selectors.due_days import PlusDays, due_expression, per_rule_set
from koers.transition.selectors.measures import rules_of

PER_PAGE = 25
CHECKPOINT_STATE_LABELS = {
    rules.CheckpointState.UPCOMING: _("gepland"),
    rules.CheckpointState.REMINDER: _("binnenkort"),
    rules.CheckpointState.DUE: _("nu aan de beurt"),
    rules.CheckpointState.OVERDUE: _("te laat"),
    rules.CheckpointState.RECORDED: _("geregistreerd"),
    rules.CheckpointState.CLOSED: _("niet meer nodig"),
}
CHECKPOINT_BADGES = {
    rules.CheckpointState.REMINDER: "info",
    rules.CheckpointState.DUE: "warn",
    rules.CheckpointState.OVERDUE: "warn",
    rules.CheckpointState.RECORDED: "ok",
}
OPEN_CHECKPOINT_STATES = frozenset(
    {rules.CheckpointState.REMINDER, rules.CheckpointState.DUE, rules.CheckpointState.OVERDUE}
)


def placements_visible_to(user: User) -> QuerySet[m.Placement]:
    records = m.FollowupRecord.objects.select_related("by").order_by("day", "id")
    return (
        m.Placement.objects.visible_to(user)
        .select_related("file__client", "file__trajectory__responsible", "employer", "measure")
        .prefetch_related(Prefetch("records", queryset=records, to_attr="record_list"))
    )


def placement_get(*, user: User, pk: int) -> m.Placement:
    try:
        return placements_visible_to(user).get(pk=pk)
    except m.Placement.DoesNotExist:
        raise Http404 from None


def _records(placement: m.Placement) -> list[m.FollowupRecord]:
    found = getattr(placement, "record_list", None)
    return found if found is not None else list(placement.records.order_by("day", "id"))


def transition_facts(placement: m.Placement) -> rules.TransitionFacts:
    return rules.TransitionFacts(
        first_day=placement.first_day,
        destination=rules.Destination(placement.destination),
        employer=placement.employer_name or None,
        records=tuple(
            rules.FollowupRecord(
                day=r.day,
                status=rules.FollowupStatus(r.status),
                employer=r.employer_name or None,
                checkpoint=rules.Checkpoint(r.checkpoint) if r.checkpoint else None,
            )
            for r in _records(placement)
        ),
    )


@dataclass(frozen=True)
class CheckpointRow:
    checkpoint: str
    label: str
    due: date
    remind_from: date
    state: str
    state_label: str
    badge: str
    record: object | None
    record_label: str = ""

    @property
    def open(self) -> bool:
        return self.state in OPEN_CHECKPOINT_STATES


@dataclass
class PlacementView:
    placement: m.Placement
    checkpoints: list[CheckpointRow]
    records: list[m.FollowupRecord]
    current_employer: str
    employer_changes: list[tuple[date, str | None, str]]
    stopped_on: date | None
    reminders: list[Reason] = field(default_factory=list)

    @property
    def open_checkpoints(self) -> list[CheckpointRow]:
        return [c for c in self.checkpoints if c.open]


def placement_view(placement: m.Placement, today: date) -> PlacementView:
    facts = transition_facts(placement)
    ruleset = rules_of(placement.file)
    rows = [
        CheckpointRow(
            checkpoint=str(v.checkpoint),
            label=str(v.label),
            due=v.due,
            remind_from=v.remind_from,
            state=str(v.state),
            state_label=CHECKPOINT_STATE_LABELS[v.state],
            badge=CHECKPOINT_BADGES.get(v.state, ""),
            record=v.record,
            record_label=str(rules.FOLLOWUP_STATUS_LABELS[v.record.status]) if v.record else "",
        )
        for v in rules.checkpoint_views(facts, today, ruleset)
    ]
    return PlacementView(
        placement=placement,
        checkpoints=rows,
        records=_records(placement),
        current_employer=rules.current_employer(facts) or "",
        employer_changes=list(rules.employer_changes(facts)),
        stopped_on=rules.stopped_on(facts),
        reminders=list(rules.reminders(facts, today, ruleset)),
    )


def file_placements(file: m.TransitionFile, user: User, today: date) -> list[PlacementView]:
    return [placement_view(p, today) for p in placements_visible_to(user).filter(file=file)]


def _open_checkpoints(placements: QuerySet[m.Placement], today: date) -> Q:
    """TRN-17 in SQL: a checkpoint is open on `today` (reminder, due, overdue: the states of
    `OPEN_CHECKPOINT_STATES`) when nothing is recorded for it, no stop was recorded on or
    before its due day, and its reminder day has come — each by the numbers of the rule set the
    file was opened under (`rules_of`: one CASE over the versions among `placements`)."""
    versions = sorted(set(placements.values_list("file__ruleset_version", flat=True).order_by()))
    by_version = [
        (Q(file__ruleset_version=v), ruleset_by_version(Programme.TRANSITION, v)) for v in versions
    ]
    if not by_version:
        return Q(pk__in=[])
    by_version[-1] = (None, by_version[-1][1])
    records = m.FollowupRecord.objects.filter(placement=OuterRef("pk")).order_by()
    stop = Subquery(
        records.filter(status=m.FollowupStatus.STOPPED).order_by("day").values("day")[:1]
    )
    found = Q()
    for checkpoint in rules.Checkpoint:
        due = per_rule_set(by_version, lambda r, c=checkpoint: due_expression("first_day", c, r))
        remind = per_rule_set(
            by_version,
            lambda r, c=checkpoint: PlusDays(
                due_expression("first_day", c, r), -r.followup_reminder_days
            ),
        )
        found |= (
            Q(GreaterThanOrEqual(Value(today, output_field=DateField()), remind))
            & ~Q(Exists(records.filter(checkpoint=checkpoint)))
            & (Q(IsNull(stop, True)) | Q(GreaterThan(stop, due)))
        )
    return found


def followups_due(*, user: User, today: date) -> QuerySet[m.Placement]:
    """The job coach's "opvolging": every transition with a checkpoint coming up, due or late,
    chosen in the database (oldest first day first)."""
    visible = placements_visible_to(user)
    return visible.filter(_open_checkpoints(visible, today)).order_by("first_day", "pk")


def followups_page(*, user: User, today: date, page: int | str = 1) -> Page:
    """A page of `followups_due`, each row as its `PlacementView` (a fixed number of queries)."""
    found = Paginator(followups_due(user=user, today=today), PER_PAGE).get_page(page)
    found.object_list = [placement_view(p, today) for p in found.object_list]
    return found


def checkpoint_choices() -> list[tuple[str, str]]:
    return [(c.value, c.label) for c in m.Checkpoint]


def reminders_to_send(today: date) -> list[tuple[m.Placement, CheckpointRow]]:
    """For the sweep: each open checkpoint within the reminder days (or later) not yet reminded."""
    records = m.FollowupRecord.objects.order_by("day", "id")
    placements = (
        m.Placement.objects.select_related("file__client", "file__trajectory__responsible")
        .prefetch_related(Prefetch("records", queryset=records, to_attr="record_list"))
        .exclude(records__status=m.FollowupStatus.STOPPED)
    )
    placements = placements.filter(_open_checkpoints(placements, today))
    sent = set(m.FollowupReminder.objects.values_list("placement_id", "checkpoint"))
    due = []
    for placement in placements:
        for row in placement_view(placement, today).open_checkpoints:
            if (placement.pk, row.checkpoint) not in sent:
                due.append((placement, row))
    return due


@dataclass
class FollowupSection:
    file: m.TransitionFile
    placements: list[PlacementView]

    @property
    def can_record(self) -> bool:
        return all(p.stopped_on for p in self.placements)


def followup_section(file: m.TransitionFile, user: User) -> FollowupSection:
    """The file page's "followup" section (TRN-17, TRN-13 KPI 11)."""
    from django.utils import timezone

    return FollowupSection(file=file, placements=file_placements(file, user, timezone.localdate()))
