"""Rule sets as data: each programme's built-in versions and those an administrator publishes.

A programme registers its rule-set dataclass and the versions built into the code
(`register_ruleset`, from its `AppConfig.ready()`). Then `ruleset_in_force(programme, day)` and
`ruleset_by_version(programme, version)` answer for built-in and published versions alike, and
`ruleset_publish` is the one way to add a version (page Centrum ▾ Regelsets and
`POST /api/v1/rulesets`). What is pure (which version is in force, which publication is coherent,
how parameters are checked) lives in `koers.lib.rules`.

A published version is never changed or deleted (`RulesetVersion.save`): a trajectory stores the
version it was opened under and must keep being judged by it. A version may only start on a day
on which no trajectory of the programme was judged yet, so publishing never changes how an
existing trajectory (or a client's voucher entitlement, LBC-01) is judged.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from koers.core.models import User
from koers.lib import rules
from koers.lib.rules import Parameter, VersionedRuleset
from koers.trajectories.models import RulesetVersion


def where_to_fix() -> str:
    """The menu path to the rule-set page, in the user's language."""
    return f"{_('Centrum')} ▾ {_('Regelsets')}"


_VERSION_LABEL = re.compile(r"^[0-9a-z][0-9a-z.-]*$")
MIN_REASON_LENGTH = 10


@dataclass(frozen=True)
class Usage:
    """How a programme's rows use a version: which rows store it (`version_field`) and the date
    by which it was chosen (`judged_on`, a lookup path such as "trajectory__start_date")."""

    rows: Callable[[], QuerySet]
    version_field: str
    judged_on: str


@dataclass(frozen=True)
class ProgrammeRuleset:
    key: str
    label: str  # "Loopbaancheques"
    noun: str  # "loopbaancheques", as in "geen regelset voor loopbaancheques"
    ruleset_class: type
    builtins: tuple[VersionedRuleset, ...]
    labels: Mapping[str, str] = field(default_factory=dict)
    # Parameters that are not changed on this page (they belong to another setting).
    locked: frozenset[str] = frozenset()
    # Pure: {parameter: message} when a version's numbers do not hang together.
    check: Callable[[Any], dict[str, str]] | None = None
    usage: Usage | None = None
    # Why new versions are not published as data (yet), or "" when they are.
    not_publishable: str = ""
    # How to show a parameter that is no plain number, date or list (pure, e.g. a table).
    formatters: Mapping[str, Callable[[Any], str]] = field(default_factory=dict)

    def parameters(self) -> list[Parameter]:
        return rules.parameters_of(self.ruleset_class, self.locked)


_REGISTRY: dict[str, ProgrammeRuleset] = {}
# Published versions by label. Safe to keep for the life of the process: a row is never changed
# or deleted and a label is never reused (unique per programme).
_BY_VERSION: dict[tuple[str, str], VersionedRuleset] = {}


def register_ruleset(programme: ProgrammeRuleset) -> None:
    _REGISTRY[programme.key] = programme


def registered() -> list[ProgrammeRuleset]:
    return list(_REGISTRY.values())


def programme_ruleset(key: str) -> ProgrammeRuleset:
    return _REGISTRY[key]


def clear_cache() -> None:
    """Forget the published versions read so far (tests roll rows back; production never needs it)."""
    _BY_VERSION.clear()


def _from_row(programme: ProgrammeRuleset, row: RulesetVersion) -> VersionedRuleset:
    return rules.ruleset_from_values(
        programme.ruleset_class,
        version=row.version,
        valid_from=row.valid_from,
        valid_until=row.valid_until,
        values=row.parameters,
    )


def _rows(programme: ProgrammeRuleset) -> list[RulesetVersion]:
    if programme.not_publishable:
        return []
    return list(
        RulesetVersion.objects.filter(programme=programme.key).order_by("published_at", "id")
    )


def versions(key: str) -> list[VersionedRuleset]:
    """Every version, oldest publication first: the built-in ones, then the published ones."""
    programme = _REGISTRY[key]
    return [*programme.builtins, *(_from_row(programme, row) for row in _rows(programme))]


class NoRulesetInForce(LookupError):
    """No version covers the day: the message says so, and who can fix it."""

    def __init__(self, programme: ProgrammeRuleset, day: date, known: list[VersionedRuleset]):
        self.programme, self.day = programme, day
        before = [r for r in known if r.valid_until is not None and r.valid_until < day]
        if before:
            last = max(r.valid_until for r in before)
            self.message = _(
                "Er is geen regelset voor %(noun)s geldig op %(day)s (de laatste liep tot "
                "%(last)s). Een beheerder van het centrum publiceert een nieuwe versie onder "
                "%(where)s."
            ) % {
                "noun": programme.noun,
                "day": f"{day:%d/%m/%Y}",
                "last": f"{last:%d/%m/%Y}",
                "where": where_to_fix(),
            }
        else:
            first = min((r.valid_from for r in known), default=None)
            self.message = _(
                "Er is geen regelset voor %(noun)s geldig op %(day)s%(first)s. Een beheerder van "
                "het centrum publiceert een nieuwe versie onder %(where)s."
            ) % {
                "noun": programme.noun,
                "day": f"{day:%d/%m/%Y}",
                "first": _(" (de eerste begint op %(d)s)") % {"d": f"{first:%d/%m/%Y}"}
                if first
                else "",
                "where": where_to_fix(),
            }
        super().__init__(self.message)


def ruleset_in_force(key: str, day: date) -> VersionedRuleset:
    """The version that judges what starts on `day` (NoRulesetInForce when none does)."""
    known = versions(key)
    try:
        return rules.in_force(day, known, key)
    except LookupError:
        raise NoRulesetInForce(_REGISTRY[key], day, known) from None


def ruleset_missing(key: str, day: date) -> str | None:
    """The message for a day no version covers, or None when one is in force."""
    try:
        ruleset_in_force(key, day)
    except NoRulesetInForce as exc:
        return exc.message
    return None


# How long before the last version of a programme ends its administrators are warned: Koers'
# own choice (time to publish the funder's successor), not a funder's number.
ENDING_WARNING_DAYS = 60


@dataclass(frozen=True)
class RulesetEnding:
    """A programme whose versions stop covering new trajectories soon (or already did)."""

    programme: ProgrammeRuleset
    last_day: date
    days_left: int  # negative once the last day has passed


def rulesets_ending(today: date, within_days: int = ENDING_WARNING_DAYS) -> list[RulesetEnding]:
    """The publishable programmes whose rule sets end within `within_days` of today, or ended."""
    endings = []
    for programme in registered():
        if programme.not_publishable:
            continue
        last_day = rules.covered_until(today, versions(programme.key))
        if last_day is not None and (last_day - today).days <= within_days:
            endings.append(RulesetEnding(programme, last_day, (last_day - today).days))
    return endings


def ruleset_by_version(key: str, version: str) -> VersionedRuleset:
    """The version a trajectory stored, whether or not it is still in force."""
    programme = _REGISTRY[key]
    for builtin in programme.builtins:
        if builtin.version == version:
            return builtin
    cached = _BY_VERSION.get((key, version))
    if cached is None:
        row = RulesetVersion.objects.get(programme=key, version=version)
        cached = _BY_VERSION[(key, version)] = _from_row(programme, row)
    return cached


# ---- read side: the page and GET /api/v1/rulesets ---------------------------------------------


@dataclass
class ParameterRow:
    name: str
    label: str
    text: str
    value: Any  # JSON
    editable: bool


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
    return [
        ParameterRow(
            p.name,
            programme.labels.get(p.name, p.name),
            programme.formatters[p.name](getattr(ruleset, p.name))
            if p.name in programme.formatters
            else rules.parameter_text(p, getattr(ruleset, p.name)),
            rules.to_json(getattr(ruleset, p.name)),
            p.editable,
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
        rows = _rows(programme)
        known = [*programme.builtins, *(_from_row(programme, row) for row in rows)]
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


def default_base(key: str, *, today: date) -> VersionedRuleset:
    """What a new version copies unless told otherwise: the version in force today, else the
    one that started last."""
    known = versions(key)
    try:
        return rules.in_force(today, known, key)
    except LookupError:
        return max(known, key=lambda r: r.valid_from)


# ---- the service -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Publication:
    """A checked publication: the new version and what it changes against its base."""

    programme: ProgrammeRuleset
    ruleset: VersionedRuleset
    base: VersionedRuleset
    changes: dict[str, tuple[Any, Any]]


def _judged_in(
    programme: ProgrammeRuleset, start: date, end: date | None
) -> tuple[int, date | None]:
    if programme.usage is None:
        return 0, None
    judged_on = programme.usage.judged_on
    rows = programme.usage.rows().filter(**{f"{judged_on}__gte": start})
    if end is not None:
        rows = rows.filter(**{f"{judged_on}__lte": end})
    found = rows.aggregate(n=Count("pk"), last=Max(judged_on))
    return found["n"], found["last"]


def ruleset_check(
    *,
    programme: str,
    version: str,
    valid_from: date | None,
    valid_until: date | None,
    based_on: str,
    changes: Mapping[str, Any],
    reason: str,
) -> Publication:
    """Every check of a publication, all at once: ValidationError({field: [messages]}) with the
    parameters named "parameters.<name>". Saves nothing."""
    entry = _REGISTRY.get(programme)
    if entry is None:
        raise ValidationError({"programme": [_("Onbekend programma.")]})
    if entry.not_publishable:
        raise ValidationError({"programme": [entry.not_publishable]})
    errors: dict[str, list[str]] = {}
    known = versions(programme)
    labels = {r.version for r in known} | set(
        RulesetVersion.objects.filter(programme=programme).values_list("version", flat=True)
    )
    version = version.strip()
    if not _VERSION_LABEL.match(version) or len(version) > 40:
        errors["version"] = [
            _(
                "Gebruik kleine letters, cijfers, punten en streepjes (hoogstens 40), bv. 2027-loopbaankrediet."
            )
        ]
    elif version in labels:
        errors["version"] = [_("Er is al een versie %(v)s.") % {"v": version}]
    if len(reason.strip()) < MIN_REASON_LENGTH:
        errors["reason"] = [
            _("Leg in een zin uit waarom deze versie er komt (bv. de bron bij VDAB).")
        ]
    base = next((r for r in known if r.version == based_on), None)
    if base is None:
        errors["based_on"] = [_("Kies de versie waarop deze versie gebaseerd is.")]
    if valid_from is None:
        errors["valid_from"] = [_("Geef de eerste dag waarop deze versie geldt.")]
    derived = None
    if base is not None and valid_from is not None:
        derived, problems = rules.derive(
            base,
            version=version,
            valid_from=valid_from,
            valid_until=valid_until,
            changes=changes,
            locked=entry.locked,
        )
        if derived is not None and entry.check is not None:
            problems = entry.check(derived)
        for name, message in problems.items():
            errors[f"parameters.{name}"] = [message]
    if valid_from is not None:
        for name, message in rules.publication_problems(valid_from, valid_until, known).items():
            errors.setdefault(name, []).append(message)
        count, last = _judged_in(entry, valid_from, valid_until)
        if count:
            errors.setdefault("valid_from", []).append(
                _(
                    "Op %(last)s is nog een traject gestart dat onder een andere versie beoordeeld "
                    "is (%(count)d in deze periode). Een nieuwe versie begint ten vroegste de dag "
                    "na de laatste start, zodat geen enkel traject anders beoordeeld wordt."
                )
                % {"last": f"{last:%d/%m/%Y}", "count": count}
            )
    if errors:
        raise ValidationError(errors)
    return Publication(entry, derived, base, rules.parameter_changes(base, derived))


@transaction.atomic
def ruleset_publish(
    *,
    programme: str,
    version: str,
    valid_from: date | None,
    valid_until: date | None,
    based_on: str,
    changes: Mapping[str, Any],
    reason: str,
    acting_user: User,
) -> RulesetVersion:
    """Publish a new version of a programme's rule set: `based_on` with `changes` (JSON values),
    valid `valid_from`–`valid_until`, with a reason. Only administrators."""
    if not acting_user.is_administrator:
        raise PermissionDenied(_("Alleen een beheerder publiceert een regelset."))
    # One publisher at a time per programme: the checks below read the versions and the usage.
    list(RulesetVersion.objects.select_for_update().filter(programme=programme).values_list("pk"))
    checked = ruleset_check(
        programme=programme,
        version=version,
        valid_from=valid_from,
        valid_until=valid_until,
        based_on=based_on,
        changes=changes,
        reason=reason,
    )
    row = RulesetVersion(
        programme=programme,
        version=checked.ruleset.version,
        valid_from=checked.ruleset.valid_from,
        valid_until=checked.ruleset.valid_until,
        parameters=rules.parameter_values(checked.ruleset),
        based_on=checked.base.version,
        reason=reason.strip(),
        published_by=acting_user,
        published_at=timezone.now(),
    )
    row._history_user = acting_user
    row.save()
    return row
