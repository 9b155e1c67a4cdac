"""The API's paths and operation ids are a public contract: moving code must not change them."""

import json
from pathlib import Path

from koers.api.api import api as koers_api

BASELINE = Path(__file__).with_name("openapi_operations.json")


def _operations() -> list[str]:
    document = koers_api.get_openapi_schema(path_prefix="/api/v1")
    return sorted(
        f"{method.upper()} {path} {operation.get('operationId', '')}"
        for path, methods in document["paths"].items()
        for method, operation in methods.items()
    )


def test_openapi_lists_the_same_paths_methods_and_operation_ids_as_the_baseline():
    assert _operations() == json.loads(BASELINE.read_text())
