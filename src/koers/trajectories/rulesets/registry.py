"""The registry of the programmes' rule sets: which version judges a day, or a stored label.

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

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from koers.lib import rules
from koers.lib.rules import Parameter, VersionedRuleset
from koers.trajectories.models import RulesetVersion


def where_to_fix() -> str:
    """The menu path to the rule-set page, in the user's language."""
    return f"{_('Centrum')} ▾ {_('Regelsets')}"


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
    # Parameters whose built-in value is Koers' placeholder, not the funder's: marked "te
    # bevestigen" until an administrator publishes a version (even with the same numbers).
    to_confirm: frozenset[str] = frozenset()

    def parameters(self) -> list[Parameter]:
        return rules.parameters_of(self.ruleset_class, self.locked)

    def unconfirmed(self, ruleset: VersionedRuleset) -> frozenset[str]:
        """The parameters of `ruleset` no person confirmed yet: placeholders of a built-in version."""
        if not any(ruleset is b for b in self.builtins):
            return frozenset()
        return self.to_confirm


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


def programme_entry(key: str) -> ProgrammeRuleset | None:
    """The registered programme, or None for a key no programme registered."""
    return _REGISTRY.get(key)


def clear_cache() -> None:
    """Forget the published versions read so far (tests roll rows back; production never needs it)."""
    _BY_VERSION.clear()


def from_row(programme: ProgrammeRuleset, row: RulesetVersion) -> VersionedRuleset:
    return rules.ruleset_from_values(
        programme.ruleset_class,
        version=row.version,
        valid_from=row.valid_from,
        valid_until=row.valid_until,
        values=row.parameters,
    )


def published_rows(programme: ProgrammeRuleset) -> list[RulesetVersion]:
    if programme.not_publishable:
        return []
    return list(
        RulesetVersion.objects.filter(programme=programme.key).order_by("published_at", "id")
    )


def versions(key: str) -> list[VersionedRuleset]:
    """Every version, oldest publication first: the built-in ones, then the published ones."""
    programme = _REGISTRY[key]
    return [*programme.builtins, *(from_row(programme, row) for row in published_rows(programme))]


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
        cached = _BY_VERSION[(key, version)] = from_row(programme, row)
    return cached


def default_base(key: str, *, today: date) -> VersionedRuleset:
    """What a new version copies unless told otherwise: the version in force today, else the
    one that started last."""
    known = versions(key)
    try:
        return rules.in_force(today, known, key)
    except LookupError:
        return max(known, key=lambda r: r.valid_from)
