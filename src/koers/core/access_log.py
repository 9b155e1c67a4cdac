"""Every read of a file is logged (issue 15, GDPR accountability): one middleware, no calls in views.

Each app declares in its `reads.py` which of its pages and API paths read a client's (or lead's)
file, as `FileRead`s: what is read (a short kind, e.g. "voucher"), its model, and the lookup from
that model to the client. The middleware looks at the resolved URL of every answered request:

- a page: `PAGES` maps URL names to the `FileRead` of the object the URL's `pk` names;
- the API: `API` maps a path prefix such as `"vouchers/{voucher_id}"` to the `FileRead` of the
  object named by that parameter, for the path itself and every path below it.

A read is a GET (or HEAD) answered with 2xx, or any answer that hands over a file (a download, also
a PDF made on a POST). A row is written per client the object belongs to (a group session has
several), with the user, the channel (page, api or download), the kind, the object id and the path
(ids only: the query string, which may hold a searched name, is never stored).
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.urls import ResolverMatch

from koers.core.models import AccessChannel, User
from koers.core.services import file_reads_log

API_NAMESPACE = "api"
_API_ROUTE_PREFIX = "api/v1/"
_PARAM = re.compile(r"\{(\w+)\}")
_READ_METHODS = {"GET", "HEAD"}


@dataclass(frozen=True)
class FileRead:
    """What a read is about: `kind` (stored, short), its label, its model and the lookup from the
    model to the client (`"trajectory__client"`; it may give several clients, or none yet)."""

    kind: str
    label: str
    model: type[models.Model]
    client: str

    def client_ids(self, pk: int) -> list[int | None]:
        if self.client == "pk":  # the client itself: the view that answered found it
            return [pk]
        rows = self.model._default_manager.filter(pk=pk).values_list(self.client, flat=True)
        return list(dict.fromkeys(rows))


@dataclass(frozen=True)
class Registry:
    pages: dict[str, FileRead]
    api: dict[str, tuple[str, FileRead]]  # "vouchers/<voucher_id>" -> ("voucher_id", read)
    kinds: dict[str, FileRead]


def _app_read_modules() -> Iterable:
    for config in apps.get_app_configs():
        if config.name.startswith("koers.") and find_spec(f"{config.name}.reads") is not None:
            yield import_module(f"{config.name}.reads")


def _api_key(prefix: str) -> tuple[str, str]:
    """`"vouchers/{voucher_id}"` -> (`"vouchers/<voucher_id>"`, `"voucher_id"`)."""
    params = _PARAM.findall(prefix)
    if not params:
        raise ValueError(f"API read {prefix!r} names no path parameter")
    return _PARAM.sub(r"<\1>", prefix.strip("/")), params[-1]


@cache
def registry() -> Registry:
    """Every app's declared reads, collected once (an app's `reads.py`, like its API router)."""
    pages: dict[str, FileRead] = {}
    api: dict[str, tuple[str, FileRead]] = {}
    for module in _app_read_modules():
        pages.update(getattr(module, "PAGES", {}))
        for prefix, read in getattr(module, "API", {}).items():
            route, param = _api_key(prefix)
            api[route] = (param, read)
    kinds = {read.kind: read for read in [*pages.values(), *(r for _p, r in api.values())]}
    return Registry(pages=pages, api=api, kinds=kinds)


def _api_read(match: ResolverMatch) -> tuple[FileRead, str] | None:
    route = re.sub(r"<(?:\w+:)?(\w+)>", r"<\1>", match.route.removeprefix(_API_ROUTE_PREFIX))
    found = [
        (len(key), param, read)
        for key, (param, read) in registry().api.items()
        if route == key or route.startswith(key + "/")
    ]
    if not found:
        return None
    _length, param, read = max(found, key=lambda item: item[0])
    return read, match.kwargs.get(param, "")


def read_of(match: ResolverMatch | None) -> tuple[FileRead, str] | None:
    """The declared read of a resolved URL and the raw id it names, or None."""
    if match is None:
        return None
    if API_NAMESPACE in match.namespaces:
        return _api_read(match)
    if match.namespaces:
        return None
    read = registry().pages.get(match.url_name or "")
    return (read, match.kwargs.get("pk", "")) if read else None


def _is_download(response: HttpResponse) -> bool:
    return response.has_header("Content-Disposition")


def _reader(request: HttpRequest) -> User | None:
    # An API call signed with a token has its user on `request.auth` (django-ninja), not on the
    # session's `request.user`.
    for user in (getattr(request, "auth", None), getattr(request, "user", None)):
        if isinstance(user, User) and user.is_authenticated:
            return user
    return None


def _channel(match: ResolverMatch, response: HttpResponse) -> str:
    if _is_download(response):
        return AccessChannel.DOWNLOAD
    return AccessChannel.API if API_NAMESPACE in match.namespaces else AccessChannel.PAGE


def log_read(request: HttpRequest, response: HttpResponse) -> None:
    """Write the access rows of this answered request, if it read a declared file."""
    if not 200 <= response.status_code < 300:
        return
    if request.method not in _READ_METHODS and not _is_download(response):
        return
    found = read_of(getattr(request, "resolver_match", None))
    user = _reader(request) if found else None
    if user is None:
        return
    read, raw_id = found
    try:
        pk = int(raw_id)
    except (TypeError, ValueError):
        return
    file_reads_log(
        user=user,
        client_ids=read.client_ids(pk),
        kind=read.kind,
        object_id=pk,
        channel=_channel(request.resolver_match, response),
        path=request.path,
    )


class FileReadLogMiddleware:
    """Logs every read of a file after the view answered (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        log_read(request, response)
        return response


def kind_label(kind: str) -> str:
    """The label of a stored kind for the log's "what" column (the kind itself if unknown)."""
    read = registry().kinds.get(kind)
    return str(read.label) if read else kind
