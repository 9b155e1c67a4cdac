"""Every API error is JSON of one shape, with a Dutch message and the field at fault:

{"detail": "<message>", "errors": [{"field": "<name or null>", "message": "<message>"}]}
"""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from functools import wraps

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

logger = logging.getLogger(__name__)


class FieldError(Schema):
    field: str | None
    message: str


class ErrorOut(Schema):
    detail: str
    errors: list[FieldError] = []


# The error answers every endpoint documents in the OpenAPI schema.
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


def error_body(detail: str, errors: list[tuple[str | None, str]] | None = None) -> dict:
    return {
        "detail": detail,
        "errors": [{"field": field, "message": message} for field, message in errors or []],
    }


def _respond(api: NinjaAPI, request: HttpRequest, status: int, body: dict) -> HttpResponse:
    return api.create_response(request, body, status=status)


def django_validation_errors(exc: DjangoValidationError) -> list[tuple[str | None, str]]:
    if hasattr(exc, "error_dict"):
        return [
            (None if field == "__all__" else field, message)
            for field, errors in exc.error_dict.items()
            for message in DjangoValidationError(errors).messages
        ]
    return [(None, message) for message in exc.messages]


@contextmanager
def renamed_fields(**names: str) -> Iterator[None]:
    """Services name fields after the model (`responsible`); the API input after the id
    (`responsible_id`). Translate the field names of a service's ValidationError."""
    try:
        yield
    except DjangoValidationError as exc:
        if not hasattr(exc, "error_dict"):
            raise
        raise DjangoValidationError(
            {names.get(field, field): errors for field, errors in exc.error_dict.items()}
        ) from exc


class FieldNotFound(ObjectDoesNotExist):
    """A related id in the input the user may not see: a 404 that names the field."""

    def __init__(self, field: str):
        self.field = field
        super().__init__(field)


# Pydantic's messages are English; these are the ones a caller meets in practice.
def _pydantic_message(error: dict) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return _("Dit veld is verplicht.")
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return _("Geef een geheel getal.")
    if kind in {"bool_parsing", "bool_type"}:
        return _("Geef true of false.")
    if kind.startswith("date_") or kind == "date_type":
        return _("Geef een geldige datum (JJJJ-MM-DD).")
    if kind.startswith("datetime_") or kind == "timezone_aware":
        return _("Geef een geldig tijdstip (bv. 2025-03-14T09:30:00+01:00).")
    if kind == "enum" or kind == "literal_error":
        choices = str(ctx.get("expected", "")).replace(" or ", " of ")
        return _("Kies een van: %(choices)s.") % {"choices": choices}
    if kind == "string_too_long":
        return _("Hoogstens %(max)s tekens.") % {"max": ctx.get("max_length")}
    if kind == "string_too_short":
        return _("Minstens %(min)s tekens.") % {"min": ctx.get("min_length")}
    if kind in {"greater_than_equal", "greater_than"}:
        return _("De waarde moet minstens %(limit)s zijn.") % {
            "limit": ctx.get("ge", ctx.get("gt"))
        }
    if kind in {"less_than_equal", "less_than"}:
        return _("De waarde mag hoogstens %(limit)s zijn.") % {
            "limit": ctx.get("le", ctx.get("lt"))
        }
    if kind in {"string_type", "dict_type", "list_type", "model_type", "model_attributes_type"}:
        return _("Dit veld heeft het verkeerde type.")
    if kind == "json_invalid":
        return _("De inhoud is geen geldige JSON.")
    if kind == "value_error":
        return str(ctx.get("error", "")) or _("Ongeldige waarde.")
    return _("Ongeldige waarde.")


# Where ninja puts the parameter name in `loc`: ("body", "payload", "email") -> "email".
_SOURCES_WITH_PARAM_NAME = {"body", "form"}


def _pydantic_field(loc: tuple | list) -> str | None:
    parts = [str(p) for p in loc]
    if not parts:
        return None
    source, rest = parts[0], parts[1:]
    if source in _SOURCES_WITH_PARAM_NAME and len(rest) > 1:
        rest = rest[1:]
    return ".".join(rest) or None


def install_exception_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(DjangoValidationError)
    def on_django_validation_error(request, exc: DjangoValidationError):
        errors = django_validation_errors(exc)
        return _respond(api, request, 422, error_body(_("De invoer is niet geldig."), errors))

    @api.exception_handler(NinjaValidationError)
    def on_schema_validation_error(request, exc: NinjaValidationError):
        errors = [(_pydantic_field(e.get("loc", ())), _pydantic_message(e)) for e in exc.errors]
        return _respond(api, request, 422, error_body(_("De invoer is niet geldig."), errors))

    @api.exception_handler(FieldNotFound)
    def on_related_not_found(request, exc: FieldNotFound):
        message = _("Niet gevonden, of u heeft er geen toegang toe.")
        return _respond(api, request, 404, error_body(message, [(exc.field, message)]))

    @api.exception_handler(Http404)
    def on_http404(request, exc):
        return _respond(api, request, 404, error_body(_("Niet gevonden.")))

    @api.exception_handler(ObjectDoesNotExist)
    def on_does_not_exist(request, exc):
        return _respond(api, request, 404, error_body(_("Niet gevonden.")))

    @api.exception_handler(AuthenticationError)
    def on_authentication_error(request, exc):
        body = error_body(_("Niet aangemeld: gebruik een API-sleutel of meld u aan."))
        response = _respond(api, request, 401, body)
        response["WWW-Authenticate"] = 'Bearer realm="koers"'
        return response

    @api.exception_handler(PermissionDenied)
    def on_permission_denied(request, exc):
        detail = str(exc) or _("U heeft hiervoor geen toestemming.")
        return _respond(api, request, 403, error_body(detail))

    @api.exception_handler(HttpError)
    def on_http_error(request, exc: HttpError):
        detail = str(exc)
        if exc.status_code == 400:
            # ninja's only 400: a body that is not JSON (or not a form) at all.
            detail = _("De inhoud van de vraag kon niet gelezen worden: is het geldige JSON?")
        return _respond(api, request, exc.status_code, error_body(detail))

    @api.exception_handler(MultiPartParserError)
    def on_bad_multipart(request, exc: MultiPartParserError):
        detail = _("Het bestand kon niet gelezen worden: stuur het als multipart/form-data.")
        return _respond(api, request, 400, error_body(detail))

    @api.exception_handler(Exception)
    def on_unexpected(request, exc: Exception):
        # The traceback goes to the log (it holds code, not the request's personal data).
        logger.exception("API error on %s %s", request.method, request.path)
        return _respond(api, request, 500, error_body(_("Er ging iets mis aan onze kant.")))


def json_method_not_allowed(view):
    """ninja answers a wrong method with a plain-text 405; make it JSON like every other error."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and not response.get("Content-Type", "").startswith(
            "application/json"
        ):
            allowed = response.get("Allow", "")
            response = JsonResponse(
                error_body(_("Deze methode is hier niet toegelaten.")), status=405
            )
            response["Allow"] = allowed
        return response

    return wrapper


def not_found_view(request: HttpRequest, *args, **kwargs) -> JsonResponse:
    """Unknown paths under /api/v1/ answer JSON too, not the HTML 404 page."""
    return JsonResponse(error_body(_("Niet gevonden.")), status=404)
