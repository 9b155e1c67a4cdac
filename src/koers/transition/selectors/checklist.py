"""TRN-14: the organisation readiness checklist — the fillings of the organisations a user is a
member of, one filling with its totals, and two fillings compared over time."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import Http404

from koers.core.models import User
from koers.transition import models as m
from koers.transition.rules import checklist as rules

PER_PAGE = 25


def fillings_visible_to(user: User) -> QuerySet[m.ChecklistFilling]:
    return m.ChecklistFilling.objects.visible_to(user).select_related("organisation", "filled_by")


def filling_list(*, user: User, page: int | str = 1) -> Page:
    found = Paginator(fillings_visible_to(user), PER_PAGE).get_page(page)
    found.object_list = list(found.object_list)
    for filling in found.object_list:  # the list's columns, from the row itself
        scored = [s for s in filling.scores or [] if s is not None]
        filling.total, filling.scored = sum(scored), len(scored)
    return found


def filling_get(*, user: User, pk: int) -> m.ChecklistFilling:
    found = fillings_visible_to(user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def statements() -> list[tuple[int, str]]:
    return [(n, str(s)) for n, s in enumerate(rules.STATEMENTS, start=1)]


def questions() -> list[tuple[int, str]]:
    return [(n, str(q)) for n, q in enumerate(rules.REFLECTION_QUESTIONS, start=1)]


def score_range() -> list[int]:
    return list(range(rules.SCORE_MIN, rules.SCORE_MAX + 1))


def score_labels() -> dict[int, str]:
    return {k: str(v) for k, v in rules.SCORE_LABELS.items()}


def as_rule(filling: m.ChecklistFilling) -> rules.ChecklistFilling:
    scores = list(filling.scores or [])
    scores += [None] * (len(rules.STATEMENTS) - len(scores))
    answers = list(filling.answers or []) + [""] * 3
    rows = tuple(
        rules.ActionPlanRow(
            action=a.get("action", ""),
            time_span=a.get("time_span", ""),
            who=a.get("who", ""),
            done=rules.Done(a["done"]) if a.get("done") else None,
            remarks=a.get("remarks", ""),
            statements=tuple(a.get("statements", ())),
        )
        for a in filling.actions or []
    )
    return rules.ChecklistFilling(filling.filled_on, tuple(scores), tuple(answers[:3]), rows)


@dataclass(frozen=True)
class FillingView:
    filling: m.ChecklistFilling
    statements: list[tuple[int, str, int | None]]
    answers: list[tuple[str, str]]
    actions: list[dict]
    total: int
    average: Decimal | None
    strongest: tuple[int, ...]
    weakest: tuple[int, ...]
    scored: int


def filling_view(filling: m.ChecklistFilling) -> FillingView:
    rule = as_rule(filling)
    return FillingView(
        filling=filling,
        statements=[(n, text, rule.scores[n - 1]) for n, text in statements()],
        answers=[(q, a) for (_n, q), a in zip(questions(), rule.answers, strict=True)],
        actions=list(filling.actions or []),
        total=rules.total(rule),
        average=rules.average(rule),
        strongest=rules.strongest(rule),
        weakest=rules.weakest(rule),
        scored=sum(1 for s in rule.scores if s is not None),
    )


@dataclass(frozen=True)
class ComparePage:
    first: FillingView
    second: FillingView
    rows: list[tuple[int, str, int | None, int | None, int | None]]
    total_difference: int
    improved: tuple[int, ...]
    declined: tuple[int, ...]


def compare_page(*, user: User, first_pk: int, second_pk: int) -> ComparePage:
    """Two fillings side by side; the earlier is the baseline whatever the order chosen."""
    a, b = filling_get(user=user, pk=first_pk), filling_get(user=user, pk=second_pk)
    if (b.filled_on, b.pk) < (a.filled_on, a.pk):
        a, b = b, a
    result = rules.compare(as_rule(a), as_rule(b))
    texts = dict(statements())
    rows = [(c.number, texts[c.number], c.first, c.second, c.difference) for c in result.changes]
    return ComparePage(
        filling_view(a),
        filling_view(b),
        rows,
        result.total_difference,
        result.improved,
        result.declined,
    )
