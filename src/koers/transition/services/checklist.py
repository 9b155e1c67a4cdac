"""TRN-14: filling in the organisation readiness checklist. Every score is checked against the
scale (a 7 is refused with the rule's sentence, nothing saved)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.core.models import Organisation, User
from koers.lib.refusals import refusal
from koers.transition import models as m
from koers.transition.rules import checklist as rules


def _rows(actions: list[dict]) -> tuple[rules.ActionPlanRow, ...]:
    return tuple(
        rules.ActionPlanRow(
            action=a.get("action", ""),
            time_span=a.get("time_span", ""),
            who=a.get("who", ""),
            done=rules.Done(a["done"]) if a.get("done") else None,
            remarks=a.get("remarks", ""),
            statements=tuple(a.get("statements", ())),
        )
        for a in actions
    )


def _check(filled_on: date, scores: list, answers: list[str], actions: list[dict]) -> None:
    errors: dict[str, list[str]] = {}
    for number, score in enumerate(scores, start=1):
        refused = None if score is None else rules.score_refusal(score)
        if refused:
            errors[f"score_{number}"] = [str(refused)]
    if any(a.get("done") and a["done"] not in set(rules.Done) for a in actions):
        errors["actions"] = [_("Kies bij ‘voltooid’ −, +/− of +.")]
    if errors:
        raise ValidationError(errors)
    filling = rules.ChecklistFilling(filled_on, tuple(scores), tuple(answers), _rows(actions))
    problems = rules.filling_problems(filling)
    if problems:
        raise refusal("__all__", *problems)


def checklist_save(
    *,
    organisation: Organisation,
    filled_on: date,
    scores: list,
    answers: list[str],
    actions: list[dict],
    acting_user: User,
    filling: m.ChecklistFilling | None = None,
) -> m.ChecklistFilling:
    """A new filling, or the same filling completed; refused whole on a score off the scale.
    The caller chose `organisation` among the user's own (`selectors.kpis.kpi_organisations`)."""
    _check(filled_on, scores, answers, actions)
    if filling is None:
        filling = m.ChecklistFilling(organisation=organisation, filled_by=acting_user)
    filling.filled_on = filled_on
    filling.scores = list(scores)
    filling.answers = list(answers)
    filling.actions = actions
    save_with_user(filling, acting_user)
    return filling
