"""What every programme's rules share: a decision's reason and rule sets valid for a period.

A rule set is a frozen dataclass of parameters. Its versions are built into the code (the seeds)
or published by an administrator as data; this module holds what both need and what is pure:
which version is in force on a day, which publications are coherent, and how a version's
parameters are checked (types, no unknown keys), stored as JSON and read back.

Pure: no Django (the import-linter contract covers this module like every `rules`).
"""

import dataclasses
import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any, TypeVar

# How a reason's Dutch sentence reaches the reader's language. The project plugs in Django's
# gettext at start-up (koers.core.apps); here, without Django, a sentence stays Dutch.
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
        return self.message


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


def _day(d: date) -> str:
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
                    "valid_until": f"Versie {other.version} begint op {_day(start)}: laat deze "
                    f"versie ten laatste op {_day(start - timedelta(days=1))} eindigen."
                }
        elif end is None or valid_from <= end:
            if end is None and valid_until is not None:
                return {
                    "valid_until": f"Versie {other.version} loopt onbepaald: een versie die "
                    "erbinnen begint, vervangt ze ook onbepaald (laat ‘geldig tot’ leeg)."
                }
            if end is not None and valid_until is not None and valid_until < end:
                return {
                    "valid_until": f"Versie {other.version} loopt tot {_day(end)}: een versie "
                    f"die erbinnen begint, loopt minstens tot {_day(end)} (anders zou "
                    f"{other.version} daarna terug gelden)."
                }
    return {}


# ---- parameters: what a version may change, checked by the dataclass's own field types ----------

BASE_FIELDS = frozenset({"version", "valid_from", "valid_until"})


class ParameterError(ValueError):
    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name = name
        self.message = message


@dataclass(frozen=True)
class Parameter:
    """One field of a rule set. `kind` says how a person edits it; "other" (a nested table, such
    as mediation's tenders) is carried over unchanged from the version it is based on."""

    name: str
    type: Any
    kind: str
    editable: bool


def _is_optional(tp: Any) -> Any | None:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1 and type(None) in typing.get_args(tp):
            return args[0]
    return None


def _kind(tp: Any) -> str:
    if tp is bool:
        return "bool"
    if tp is int:
        return "int"
    if tp is str:
        return "text"
    if tp is date:
        return "date"
    if _is_optional(tp) is date:
        return "optional_date"
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (Mapping, dict) and args == (int, int):
        return "int_map"
    if origin in (frozenset, set) and args == (str,):
        return "text_set"
    return "other"


def parameters_of(cls: type, locked: Iterable[str] = ()) -> list[Parameter]:
    """The parameters of a rule-set dataclass, in declaration order."""
    locked = frozenset(locked)
    hints = typing.get_type_hints(cls)
    out = []
    for f in dataclasses.fields(cls):
        if f.name in BASE_FIELDS:
            continue
        kind = _kind(hints[f.name])
        out.append(Parameter(f.name, hints[f.name], kind, kind != "other" and f.name not in locked))
    return out


def to_json(value: Any) -> Any:
    """A parameter value as JSON (dates ISO, tables as objects, sets as sorted lists)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted(to_json(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def from_json(tp: Any, value: Any, name: str) -> Any:  # noqa: C901, PLR0911, PLR0912 - one case per type
    """Read a JSON value back as type `tp`; refuse a wrong type (ParameterError, Dutch)."""
    inner = _is_optional(tp)
    if inner is not None:
        return None if value is None else from_json(inner, value, name)
    if tp is bool:
        if not isinstance(value, bool):
            raise ParameterError(name, "Geef ja of nee (true of false).")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ParameterError(name, "Geef een geheel getal.")
        if value < 0:
            raise ParameterError(name, "Geef 0 of meer.")
        return value
    if tp is str:
        if not isinstance(value, str) or not value.strip():
            raise ParameterError(name, "Geef een tekst.")
        return value.strip()
    if tp is date:
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            raise ParameterError(name, "Geef een geldige datum (JJJJ-MM-DD).") from None
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (Mapping, dict):
        if not isinstance(value, Mapping) or not value:
            raise ParameterError(name, "Geef een tabel met minstens één rij.")
        key_type, value_type = args
        table = {}
        for key, item in value.items():
            if key_type is int:
                if not str(key).isdigit():
                    raise ParameterError(name, f"‘{key}’ is geen nummer.")
                key = int(key)  # noqa: PLW2901
            table[key] = from_json(value_type, item, name)
        return MappingProxyType(table)
    if origin in (frozenset, set):
        if not isinstance(value, list | tuple | set | frozenset):
            raise ParameterError(name, "Geef een lijst.")
        return frozenset(from_json(args[0], item, name) for item in value)
    if dataclasses.is_dataclass(tp):
        if not isinstance(value, Mapping):
            raise ParameterError(name, "Geef een object.")
        hints = typing.get_type_hints(tp)
        known = {f.name for f in dataclasses.fields(tp)}
        unknown = set(value) - known
        if unknown:
            raise ParameterError(name, f"Onbekend veld: {', '.join(sorted(unknown))}.")
        return tp(**{k: from_json(hints[k], v, name) for k, v in value.items()})
    raise ParameterError(name, "Dit soort parameter kan niet als gegevens bewaard worden.")


def parameter_values(ruleset: VersionedRuleset) -> dict[str, Any]:
    """Every parameter of a version as JSON: what a published version stores, whole."""
    return {
        f.name: to_json(getattr(ruleset, f.name))
        for f in dataclasses.fields(ruleset)
        if f.name not in BASE_FIELDS
    }


def ruleset_from_values(
    cls: type[R], *, version: str, valid_from: date, valid_until: date | None, values: Mapping
) -> R:
    """A stored version read back. A parameter the code no longer has judges nothing and is
    skipped; one the code added since takes the dataclass's default."""
    hints = typing.get_type_hints(cls)
    known = {f.name for f in dataclasses.fields(cls)} - BASE_FIELDS
    parsed = {k: from_json(hints[k], v, k) for k, v in values.items() if k in known}
    return cls(version=version, valid_from=valid_from, valid_until=valid_until, **parsed)


def derive(
    base: R,
    *,
    version: str,
    valid_from: date,
    valid_until: date | None,
    changes: Mapping[str, Any],
    locked: Iterable[str] = (),
) -> tuple[R | None, dict[str, str]]:
    """A new version: `base` with `changes` (JSON values) applied. Unknown parameters, parameters
    that cannot be changed here and values of the wrong type are refused ({name: message})."""
    params = {p.name: p for p in parameters_of(type(base), locked)}
    errors: dict[str, str] = {}
    parsed: dict[str, Any] = {}
    for name, value in changes.items():
        param = params.get(name)
        if param is None:
            errors[name] = "Deze regelset kent deze parameter niet."
        elif not param.editable:
            if to_json(getattr(base, name)) != to_json(value):
                errors[name] = "Deze parameter wordt hier niet gewijzigd."
        else:
            try:
                parsed[name] = from_json(param.type, value, name)
            except ParameterError as exc:
                errors[name] = exc.message
    if errors:
        return None, errors
    derived = dataclasses.replace(
        base, version=version, valid_from=valid_from, valid_until=valid_until, **parsed
    )
    return derived, {}


def parameter_changes(base: VersionedRuleset, derived: VersionedRuleset) -> dict[str, tuple]:
    """{name: (old JSON, new JSON)} for the parameters that differ."""
    old, new = parameter_values(base), parameter_values(derived)
    return {k: (old.get(k), v) for k, v in new.items() if old.get(k) != v}


_MAP_ITEM = re.compile(r"^\s*(\d+)\s*[:=]\s*(-?\d+)\s*$")


def parameter_text(param: Parameter, value: Any) -> str:
    """How a person reads and types a parameter: "1: 90, 2: 60", "50, 51", a number."""
    if param.kind == "int_map":
        return ", ".join(f"{k}: {v}" for k, v in sorted(value.items()))
    if param.kind == "text_set":
        return ", ".join(sorted(value))
    return _readable(value)


def _readable(value: Any) -> str:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return ", ".join(
            f"{f.name.replace('_', ' ')} {_readable(getattr(value, f.name))}"
            for f in dataclasses.fields(value)
        )
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {_readable(v)}" for k, v in value.items())
    if isinstance(value, set | frozenset):
        return ", ".join(sorted(_readable(v) for v in value))
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, date):
        return _day(value)
    return "—" if value is None else str(value)


def parameter_from_text(param: Parameter, text: str) -> Any:
    """A typed table or list as JSON ("1: 90, 2: 60" → {"1": 90, "2": 60}); ParameterError."""
    items = [item for item in text.replace(";", ",").split(",") if item.strip()]
    if param.kind == "int_map":
        table = {}
        for item in items:
            match = _MAP_ITEM.match(item)
            if not match:
                raise ParameterError(
                    param.name, "Schrijf als ‘nummer: waarde’, bv. ‘1: 90, 2: 60’."
                )
            table[match[1]] = int(match[2])
        return table
    if param.kind == "text_set":
        return sorted({item.strip() for item in items})
    raise ParameterError(param.name, "Deze parameter wordt niet als tekst ingegeven.")


def shown(stored: list[dict]) -> list[dict]:
    """Stored reasons (with their other keys) with each sentence in the reader's language."""
    return [{**row, "message": reason_from_json(row).message} for row in stored]
