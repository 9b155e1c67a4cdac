"""A rule set's parameters: their kinds, checked values, JSON form and text form for the page.

Pure: no Django.
"""

import dataclasses
import re
import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any

from koers.lib.rules.versions import R, VersionedRuleset, day_label

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
    if tp is Decimal:
        return "decimal"
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is tuple and args == (Decimal, Ellipsis):
        return "decimal_list"
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
    if isinstance(value, tuple | list):
        return [to_json(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")  # "90.00": exact, never a float, never "9E+1"
    return value


def _decimal(value: Any, name: str) -> Decimal:
    """A JSON number as a Decimal: a string ("90.00") or a whole number, never a float (a float
    is not exact); finite and 0 or more."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ParameterError(name, "Geef een getal als tekst, bv. ‘90.00’.")
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise ParameterError(name, f"‘{value}’ is geen getal.") from None
    if not number.is_finite():
        raise ParameterError(name, f"‘{value}’ is geen getal.")
    if number < 0:
        raise ParameterError(name, "Geef 0 of meer.")
    return number


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
    if tp is Decimal:
        return _decimal(value, name)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is tuple and args == (Decimal, Ellipsis):
        if not isinstance(value, list | tuple) or not value:
            raise ParameterError(name, "Geef een lijst met minstens één getal.")
        return tuple(_decimal(item, name) for item in value)
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
    if param.kind == "decimal":
        return _decimal_text(value)
    if param.kind == "decimal_list":
        return "; ".join(_decimal_text(v) for v in value)
    return _readable(value)


def _decimal_text(value: Decimal) -> str:
    """A number as a person in Flanders writes it: a decimal comma ("90,00")."""
    return format(value, "f").replace(".", ",")


def _decimal_from_text(name: str, text: str) -> str:
    """ "90,00", "90.00", "€ 90" → "90.00" (the JSON form); ParameterError (Dutch)."""
    cleaned = text.replace("€", "").replace(" ", "").replace("\u00a0", "").replace(",", ".")
    if not re.fullmatch(r"-?\d+(\.\d+)?", cleaned):
        raise ParameterError(name, f"‘{text.strip()}’ is geen getal: schrijf bv. ‘90,00’.")
    return cleaned


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
        return day_label(value)
    return "—" if value is None else str(value)


def parameter_from_text(param: Parameter, text: str) -> Any:
    """A typed table or list as JSON ("1: 90, 2: 60" → {"1": 90, "2": 60}, "90,00; 110,00" →
    ["90.00", "110.00"]); ParameterError."""
    if param.kind == "decimal":
        return _decimal_from_text(param.name, text)
    if param.kind == "decimal_list":
        # The comma is the decimal comma here: numbers are separated by semicolons.
        numbers = [item for item in text.split(";") if item.strip()]
        if not numbers:
            raise ParameterError(param.name, "Geef minstens één getal, bv. ‘90,00; 110,00’.")
        return [_decimal_from_text(param.name, item) for item in numbers]
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
