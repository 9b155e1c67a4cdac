"""Publishing a new version of a programme's rule set: every check at once, then the one write.

A version may only start on a day on which no trajectory of the programme was judged yet, so
publishing never changes how an existing trajectory (or a client's voucher entitlement, LBC-01)
is judged.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.core.models import User
from koers.lib import rules
from koers.trajectories.models import RulesetVersion
from koers.trajectories.rulesets.registry import (
    ProgrammeRuleset,
    VersionedRuleset,
    programme_entry,
    versions,
)

_VERSION_LABEL = re.compile(r"^[0-9a-z][0-9a-z.-]*$")
MIN_REASON_LENGTH = 10


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


def _label_errors(programme: str, version: str, known: list[VersionedRuleset]) -> list[str]:
    labels = {r.version for r in known} | set(
        RulesetVersion.objects.filter(programme=programme).values_list("version", flat=True)
    )
    if not _VERSION_LABEL.match(version) or len(version) > 40:
        return [
            _(
                "Gebruik kleine letters, cijfers, punten en streepjes (hoogstens 40), bv. 2027-loopbaankrediet."
            )
        ]
    if version in labels:
        return [_("Er is al een versie %(v)s.") % {"v": version}]
    return []


def _derived(
    entry: ProgrammeRuleset,
    base: VersionedRuleset,
    *,
    version: str,
    valid_from: date,
    valid_until: date | None,
    changes: Mapping[str, Any],
    errors: dict[str, list[str]],
) -> VersionedRuleset | None:
    """The base with the changes, its parameter problems added to `errors`."""
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
    return derived


def _period_errors(
    entry: ProgrammeRuleset,
    valid_from: date,
    valid_until: date | None,
    known: list[VersionedRuleset],
    errors: dict[str, list[str]],
) -> None:
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


def _publishable(programme: str) -> ProgrammeRuleset:
    entry = programme_entry(programme)
    if entry is None:
        raise ValidationError({"programme": [_("Onbekend programma.")]})
    if entry.not_publishable:
        raise ValidationError({"programme": [entry.not_publishable]})
    return entry


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
    entry = _publishable(programme)
    errors: dict[str, list[str]] = {}
    known = versions(programme)
    version = version.strip()
    if label_errors := _label_errors(programme, version, known):
        errors["version"] = label_errors
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
        derived = _derived(
            entry,
            base,
            version=version,
            valid_from=valid_from,
            valid_until=valid_until,
            changes=changes,
            errors=errors,
        )
    if valid_from is not None:
        _period_errors(entry, valid_from, valid_until, known, errors)
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
    # One publisher at a time per programme: two publications at once would both pass the
    # label and period checks against the same versions (and both take the same first day).
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
    return save_with_user(row, acting_user)
