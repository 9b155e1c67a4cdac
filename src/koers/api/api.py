"""The Koers JSON API (django-ninja), mounted at /api/v1/.

OpenAPI at /api/v1/openapi.json, browsable docs at /api/v1/docs. The docs page loads Swagger UI
from ninja's own static files (`ninja` is in INSTALLED_APPS, so ninja renders its local template
instead of the CDN one): our Content-Security-Policy allows scripts from 'self' only.
"""

import sys
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from ninja import NinjaAPI

from koers.api.auth import session_auth, token_auth
from koers.api.errors import install_exception_handlers

DESCRIPTION = """
De API van Koers. Elke vraag ziet alleen wat de gebruiker in de webtoepassing ook ziet.

**Aanmelden**: met een persoonlijke API-sleutel (`Authorization: Bearer <sleutel>`, aan te maken
op de pagina API-sleutels) of met de sessie van een aangemelde gebruiker (met CSRF-token voor
POST/PATCH).

**Fouten** zijn altijd JSON: `{"detail": "…", "errors": [{"field": "…", "message": "…"}]}`.
Een rij die u niet mag zien, bestaat voor de API niet (404).

**Lijsten** hebben `limit` (max. 100) en `offset` en geven `{"count": …, "items": […]}`.
"""


class KoersAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        """Operation ids are public (clients are generated from them): `<prefix>_<function>`,
        where a router module's `OPERATION_ID_PREFIX` keeps its ids when the code moves."""
        func = operation.view_func
        module = sys.modules[func.__module__]
        prefix = getattr(module, "OPERATION_ID_PREFIX", func.__module__.replace(".", "_"))
        return f"{prefix}_{func.__name__}"


api = KoersAPI(
    title="Koers API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    # The token first: a POST with a bearer token must not fail the session's CSRF check.
    auth=[token_auth, session_auth],
)
install_exception_handlers(api)


def _app_routers():
    """Each Koers app's own router (`<app>/api.py` or `<app>/api/__init__.py`, as `router`), in
    the order of INSTALLED_APPS: a new programme brings its API without touching this file."""
    for config in apps.get_app_configs():
        ours = config.name.startswith("koers.") and config.name != "koers.api"
        if ours and find_spec(f"{config.name}.api") is not None:
            yield import_module(f"{config.name}.api").router


for router in _app_routers():
    api.add_router("/", router)
