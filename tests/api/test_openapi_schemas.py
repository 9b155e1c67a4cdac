"""The OpenAPI document names each input and output shape once: two schema classes of one name
overwrite each other in `components`, and the document then describes the wrong fields (issue 10:
the MED-09 contact lacked `residence_status_checked` and `work_permit_checked`)."""

from collections import defaultdict

from ninja import Schema

import koers.api.api  # noqa: F401 - loads every router and its schemas


def _schema_classes(cls=Schema):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from _schema_classes(subclass)


def test_every_api_schema_class_has_its_own_name():
    by_name = defaultdict(set)
    for cls in _schema_classes():
        if cls.__module__.startswith("koers."):
            by_name[cls.__name__].add(f"{cls.__module__}.{cls.__qualname__}")
    shared = {name: sorted(paths) for name, paths in by_name.items() if len(paths) > 1}
    assert not shared, f"rename one of each: {shared}"
