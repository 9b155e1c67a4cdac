"""Rule sets valid for a period: which version is in force on a day, which publications fit.

Pure: no Django.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar


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
    """The rule set that judges `day`: of the versions covering it, the one that starts latest
    (a later version supersedes an earlier one from its first day); on equal starts the one listed
    last (published later). A day no version covers raises LookupError."""
    best: R | None = None
    for ruleset in rulesets:
        if ruleset.covers(day) and (best is None or ruleset.valid_from >= best.valid_from):
            best = ruleset
    if best is None:
        raise LookupError(f"no {what} rule set in force on {day.isoformat()}")
    return best


def covered_until(day: date, rulesets: Iterable[VersionedRuleset]) -> date | None:
    """The last day, from `day` on, that some version keeps covering without a gap; None when
    the coverage never ends (an open-ended version). When nothing covers `day`: the last day a
    version covered before it (or the day before, when none ever did)."""
    rulesets = list(rulesets)
    current = day
    while True:
        try:
            ruleset = in_force(current, rulesets, "")
        except LookupError:
            if current > day:
                return current - timedelta(days=1)
            ended = [r.valid_until for r in rulesets if r.valid_until and r.valid_until < day]
            return max(ended, default=day - timedelta(days=1))
        if ruleset.valid_until is None:
            return None
        current = ruleset.valid_until + timedelta(days=1)


def day_label(d: date) -> str:
    return f"{d:%d/%m/%Y}"


def effective_period(ruleset: R, rulesets: Iterable[R]) -> tuple[date, date | None] | None:
    """The days `ruleset` really judges among `rulesets` (listed oldest publication first): from
    its start to the day before a later-starting version takes over. None when a version listed
    after it starts on the same day (it replaced this one before it judged anything)."""
    rulesets = list(rulesets)
    position = next(i for i, r in enumerate(rulesets) if r is ruleset)
    if any(r.valid_from == ruleset.valid_from for r in rulesets[position + 1 :]):
        return None
    end = ruleset.valid_until
    for other in rulesets:
        if ruleset.valid_from < other.valid_from and (end is None or other.valid_from <= end):
            end = other.valid_from - timedelta(days=1)
    return ruleset.valid_from, end


def publication_problems(
    valid_from: date, valid_until: date | None, existing: Iterable[VersionedRuleset]
) -> dict[str, str]:
    """Whether a new version valid `valid_from`–`valid_until` fits the existing ones so that every
    day keeps exactly one version in force and no earlier version comes back after it: it may
    start inside a version (it supersedes that one from its first day) but then runs at least as
    long as that one would have, and it ends before any version that starts later. {field: message}"""
    if valid_until is not None and valid_until < valid_from:
        return {"valid_until": "‘Geldig tot’ ligt vóór ‘geldig vanaf’."}
    existing = list(existing)
    for other in existing:
        period = effective_period(other, existing)
        if period is None:
            continue
        start, end = period
        if start > valid_from:
            if valid_until is None or valid_until >= start:
                return {
                    "valid_until": f"Versie {other.version} begint op {day_label(start)}: laat deze "
                    f"versie ten laatste op {day_label(start - timedelta(days=1))} eindigen."
                }
        elif end is None or valid_from <= end:
            if end is None and valid_until is not None:
                return {
                    "valid_until": f"Versie {other.version} loopt onbepaald: een versie die "
                    "erbinnen begint, vervangt ze ook onbepaald (laat ‘geldig tot’ leeg)."
                }
            if end is not None and valid_until is not None and valid_until < end:
                return {
                    "valid_until": f"Versie {other.version} loopt tot {day_label(end)}: een versie "
                    f"die erbinnen begint, loopt minstens tot {day_label(end)} (anders zou "
                    f"{other.version} daarna terug gelden)."
                }
    return {}


# ---- parameters: what a version may change, checked by the dataclass's own field types ----------
