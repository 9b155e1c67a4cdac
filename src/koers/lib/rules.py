"""What every programme's rules share: a decision's reason and rule sets valid for a period.

Pure: no Django (the import-linter contract covers this module like every `rules`).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar


@dataclass(frozen=True)
class Reason:
    """Why a decision was taken: the rule ID and a sentence for the user (Dutch)."""

    rule: str
    message: str


@dataclass(frozen=True)
class VersionedRuleset:
    """The funder's numbers in force from `valid_from` to `valid_until` (RULESET in domain.md)."""

    version: str
    valid_from: date
    valid_until: date | None

    def covers(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


R = TypeVar("R", bound=VersionedRuleset)


def in_force(day: date, rulesets: Iterable[R], what: str) -> R:
    """The rule set that judges `day`; a gap in the versions is a configuration error."""
    for ruleset in rulesets:
        if ruleset.covers(day):
            return ruleset
    raise LookupError(f"no {what} rule set in force on {day.isoformat()}")
