"""The read side of the rule sets: per programme its versions with their status on a day and how
many trajectories each judges (the page Centrum ▾ Regelsets and `GET /api/v1/rulesets`)."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count
from django.utils.translation import gettext_lazy

from koers.lib import rules
from koers.trajectories.models import RulesetVersion
from koers.trajectories.rulesets.registry import (
    ProgrammeRuleset,
    VersionedRuleset,
    from_row,
    published_rows,
    registered,
)


@dataclass
class ParameterRow:
    name: str
    label: str
    text: str
    value: Any  # JSON
    editable: bool
    to_confirm: bool = False  # a placeholder of Koers a person has not confirmed yet


@dataclass
class VersionRow:
    ruleset: VersionedRuleset
    builtin: bool
    status: str  # in_force, future, expired, replaced
    effective_until: date | None
    in_use: int
    parameters: list[ParameterRow]
    row: RulesetVersion | None = None

    @property
    def version(self) -> str:
        return self.ruleset.version

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def is_in_force(self) -> bool:
        return self.status == "in_force"

    @property
    def is_future(self) -> bool:
        return self.status == "future"

    @property
    def is_replaced(self) -> bool:
        return self.status == "replaced"

    @property
    def to_confirm(self) -> list[ParameterRow]:
        """Koers' placeholders in this version that a person has not confirmed yet."""
        return [p for p in self.parameters if p.to_confirm]


STATUS_LABELS = {
    "in_force": gettext_lazy("van kracht"),
    "future": gettext_lazy("toekomstig"),
    "expired": gettext_lazy("verlopen"),
    "replaced": gettext_lazy("vervangen"),
}


@dataclass
class ProgrammeOverview:
    programme: ProgrammeRuleset
    versions: list[VersionRow]
    in_force: VersionRow | None

    @property
    def key(self) -> str:
        return self.programme.key


def _in_use(programme: ProgrammeRuleset) -> dict[str, int]:
    if programme.usage is None:
        return {}
    field_name = programme.usage.version_field
    counts = programme.usage.rows().values(field_name).annotate(n=Count("pk")).order_by()
    return {row[field_name]: row["n"] for row in counts}


def parameter_rows(programme: ProgrammeRuleset, ruleset: VersionedRuleset) -> list[ParameterRow]:
    unconfirmed = programme.unconfirmed(ruleset)
    return [
        ParameterRow(
            p.name,
            programme.labels.get(p.name, p.name),
            programme.formatters[p.name](getattr(ruleset, p.name))
            if p.name in programme.formatters
            else rules.parameter_text(p, getattr(ruleset, p.name)),
            rules.to_json(getattr(ruleset, p.name)),
            p.editable,
            p.name in unconfirmed,
        )
        for p in programme.parameters()
    ]


def _status(period: tuple[date, date | None] | None, today: date) -> str:
    if period is None:
        return "replaced"
    start, end = period
    if start > today:
        return "future"
    if end is not None and end < today:
        return "expired"
    return "in_force"


def ruleset_overview(*, today: date) -> list[ProgrammeOverview]:
    """Per programme its versions, newest first, with their status on `today` and how many
    trajectories use each. Two queries per programme, whatever the number of versions."""
    out = []
    for programme in registered():
        rows = published_rows(programme)
        known = [*programme.builtins, *(from_row(programme, row) for row in rows)]
        row_of = {row.version: row for row in rows}
        in_use = _in_use(programme)
        version_rows = []
        for ruleset in known:
            period = rules.effective_period(ruleset, known)
            version_rows.append(
                VersionRow(
                    ruleset=ruleset,
                    builtin=ruleset.version not in row_of,
                    status=_status(period, today),
                    effective_until=period[1] if period else None,
                    in_use=in_use.get(ruleset.version, 0),
                    parameters=parameter_rows(programme, ruleset),
                    row=row_of.get(ruleset.version),
                )
            )
        version_rows.sort(key=lambda v: v.ruleset.valid_from, reverse=True)
        current = next((v for v in version_rows if v.status == "in_force"), None)
        out.append(ProgrammeOverview(programme, version_rows, current))
    return out
