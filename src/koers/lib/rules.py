"""What every programme's rules share: a decision's reason and rule sets valid for a period.

Pure: no Django (the import-linter contract covers this module like every `rules`).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

# How a reason's Dutch sentence reaches the reader's language. The project plugs in Django's
# gettext at start-up (koers.core.apps); here, without Django, a sentence stays Dutch.
_translate: Callable[[str], str] = str


def use_translation(translate: Callable[[str], str]) -> None:
    global _translate
    _translate = translate


@dataclass(frozen=True)
class Reason:
    """Why a decision was taken: the rule ID and a sentence for the user.

    `template` is the Dutch sentence, with `{name}` placeholders for `params`; `message` is that
    sentence translated into the active language when it is shown, then filled in. Build one with
    values through `reason(...)`, so that the sentence itself is what translators see.
    """

    rule: str
    template: str
    params: tuple[tuple[str, object], ...] = ()

    @property
    def message(self) -> str:
        text = _translate(self.template)
        return text.format(**dict(self.params)) if self.params else text


def reason(rule: str, template: str, **params: object) -> Reason:
    """A reason whose sentence has values in it: `reason("LBC-02", "Minstens {min} minuten.", min=30)`."""
    return Reason(rule, template, tuple(sorted(params.items())))


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
