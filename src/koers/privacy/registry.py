"""The registry of shredders, subject kinds and retention rules: every app's `shredders.py`.

An app plugs in by having a `shredders.py` with `SHREDDERS` (and, when it owns a kind of person
or a retention period, `SUBJECT_KINDS` and `RETENTION_RULES`); nothing else needs to change.
Read once, in the order of INSTALLED_APPS, when `PrivacyConfig.ready()` runs.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps

from koers.privacy.shredding import ModelShredder, RetentionRule, SubjectKind

_shredders: list[ModelShredder] = []
_kinds: dict[str, SubjectKind] = {}
_retention: dict[str, RetentionRule] = {}


def load() -> None:
    _shredders.clear()
    _kinds.clear()
    _retention.clear()
    for config in apps.get_app_configs():
        if not config.name.startswith("koers.") or find_spec(f"{config.name}.shredders") is None:
            continue
        module = import_module(f"{config.name}.shredders")
        _shredders.extend(getattr(module, "SHREDDERS", ()))
        _kinds.update({k.kind: k for k in getattr(module, "SUBJECT_KINDS", ())})
        _retention.update({r.kind: r for r in getattr(module, "RETENTION_RULES", ())})


def shredders() -> list[ModelShredder]:
    """Every app's shredders; the core's last, so an app's query can still read the client's
    name (e.g. the invoice lines that carry it) before the client row is blanked."""
    return sorted(_shredders, key=lambda s: s.model._meta.app_label == "core")


def subject_kinds() -> dict[str, SubjectKind]:
    return dict(_kinds)


def subject_kind(kind: str) -> SubjectKind | None:
    return _kinds.get(kind)


def retention_rules() -> list[RetentionRule]:
    return list(_retention.values())
