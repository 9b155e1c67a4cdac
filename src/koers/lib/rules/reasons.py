"""A decision's reason, as every programme's rules give it: the rule ID and a sentence.

Pure: no Django (the import-linter contract covers this package like every `rules`).
"""

from collections.abc import Callable
from dataclasses import dataclass

_translate: Callable[[str], str] = str


def use_translation(translate: Callable[[str], str]) -> None:
    global _translate
    _translate = translate


def _fill(template: str, params: tuple[tuple[str, object], ...]) -> str:
    if not template:
        return ""  # gettext("") would be the catalogue's header
    text = _translate(template)
    return text.format(**dict(params)) if params else text


@dataclass(frozen=True)
class Reason:
    """Why a decision was taken: the rule ID and a sentence for the user.

    `template` is the Dutch sentence, with `{name}` placeholders for `params`; `message` is that
    sentence translated into the active language when it is shown, then filled in. Build one with
    values through `reason(...)`, so that the sentence itself is what translators see. A value
    that is itself Dutch text (a label, a list of problems) is a `phrase(...)` or `Joined(...)`,
    translated with the sentence.
    """

    rule: str
    template: str
    params: tuple[tuple[str, object], ...] = ()

    @property
    def message(self) -> str:
        return _fill(self.template, self.params)

    def __str__(self) -> str:
        """As a refusal shows it: the sentence, then the rule it comes from."""
        return f"{self.message} ({self.rule})" if self.rule else self.message

    def as_dict(self) -> dict:
        """As the API and the pages' JSON show it: the rule and the sentence in the reader's language."""
        return {"rule": self.rule, "message": self.message}


def reason(rule: str, template: str, **params: object) -> Reason:
    """A reason whose sentence has values in it: `reason("LBC-02", "Minstens {min} minuten.", min=30)`."""
    return Reason(rule, template, tuple(sorted(params.items())))


@dataclass(frozen=True)
class Phrase:
    """A piece of Dutch inside a reason's sentence (a label, "4 uur"), translated when shown."""

    template: str
    params: tuple[tuple[str, object], ...] = ()

    def __str__(self) -> str:
        return _fill(self.template, self.params)


def phrase(template: str, **params: object) -> Phrase:
    return Phrase(template, tuple(sorted(params.items())))


@dataclass(frozen=True)
class Joined:
    """Several phrases (or reasons) shown as one value, e.g. the problems of an action."""

    items: tuple[object, ...]
    separator: str = ", "

    def __str__(self) -> str:
        return self.separator.join(str(item) for item in self.items)


def _to_json(value: object) -> object:
    if isinstance(value, Phrase):
        return {"phrase": value.template, "params": {k: _to_json(v) for k, v in value.params}}
    if isinstance(value, Reason):
        return reason_to_json(value)
    if isinstance(value, Joined):
        return {"joined": [_to_json(item) for item in value.items], "separator": value.separator}
    return value


def _from_json(value: object) -> object:
    if isinstance(value, dict) and "phrase" in value:
        return phrase(value["phrase"], **{k: _from_json(v) for k, v in value["params"].items()})
    if isinstance(value, dict) and "template" in value:
        return reason_from_json(value)
    if isinstance(value, dict) and "joined" in value:
        return Joined(tuple(_from_json(item) for item in value["joined"]), value["separator"])
    return value


def phrase_to_json(p: Phrase) -> dict:
    """A phrase to store, to be shown later in the reader's language."""
    return _to_json(p)


def phrase_from_json(data: dict) -> Phrase:
    return _from_json(data)


def reason_to_json(r: Reason) -> dict:
    """A reason to store (e.g. in a JSON field): its rule, Dutch template and values, and the
    sentence as shown now (for exports and rows that predate the template)."""
    return {
        "rule": r.rule,
        "template": r.template,
        "params": {k: _to_json(v) for k, v in r.params},
        "message": r.message,
    }


def reason_from_json(data: dict) -> Reason:
    """A stored reason back; a row with only a `message` (stored before templates) stays as it was."""
    if "template" not in data:
        return Reason(data.get("rule", ""), data.get("message", ""))
    params = {k: _from_json(v) for k, v in (data.get("params") or {}).items()}
    return reason(data.get("rule", ""), data["template"], **params)


def shown(stored: list[dict]) -> list[dict]:
    """Stored reasons (with their other keys) with each sentence in the reader's language."""
    return [{**row, "message": reason_from_json(row).message} for row in stored]
