"""Every API error is JSON of one shape, with a Dutch message and the field at fault:

{"detail": "<message>", "errors": [{"field": "<name or null>", "message": "<message>"}]}
"""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial, wraps

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from koers.core.national_numbers import NationalNumberTaken

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


class Conflict(Exception):
    """A 409 with a Dutch `detail` and extra fields for the caller (e.g. `duplicate_ids`)."""

    def __init__(self, detail: str, **extra):
        self.detail, self.extra = detail, extra
        super().__init__(detail)


class FieldNotFound(ObjectDoesNotExist):
    """A related id in the input the user may not see: a 404 that names the field."""

    def __init__(self, field: str):
        self.field = field
        super().__init__(field)


# Pydantic's messages are English; these are the ones a caller meets in practice.
_WHOLE_NUMBER = gettext_lazy("Geef een geheel getal.")
_YES_NO = gettext_lazy("Geef true of false.")
_WRONG_TYPE = gettext_lazy("Dit veld heeft het verkeerde type.")
_MOMENT = gettext_lazy("Geef een geldig tijdstip (bv. 2025-03-14T09:30:00+01:00).")
_FIXED_MESSAGES = {
    "missing": gettext_lazy("Dit veld is verplicht."),
    "int_parsing": _WHOLE_NUMBER,
    "int_type": _WHOLE_NUMBER,
    "int_from_float": _WHOLE_NUMBER,
    "bool_parsing": _YES_NO,
    "bool_type": _YES_NO,
    "timezone_aware": _MOMENT,
    "string_type": _WRONG_TYPE,
    "dict_type": _WRONG_TYPE,
    "list_type": _WRONG_TYPE,
    "model_type": _WRONG_TYPE,
    "model_attributes_type": _WRONG_TYPE,
    "json_invalid": gettext_lazy("De inhoud is geen geldige JSON."),
}
_PREFIX_MESSAGES = (
    ("date_", gettext_lazy("Geef een geldige datum (JJJJ-MM-DD).")),
    ("datetime_", _MOMENT),
)


def _choices_message(ctx: dict) -> str:
    choices = str(ctx.get("expected", "")).replace(" or ", " of ")
    return _("Kies een van: %(choices)s.") % {"choices": choices}


def _at_least(ctx: dict) -> str:
    return _("De waarde moet minstens %(limit)s zijn.") % {"limit": ctx.get("ge", ctx.get("gt"))}


def _at_most(ctx: dict) -> str:
    return _("De waarde mag hoogstens %(limit)s zijn.") % {"limit": ctx.get("le", ctx.get("lt"))}


_CONTEXT_MESSAGES = {
    "enum": _choices_message,
    "literal_error": _choices_message,
    "string_too_long": lambda ctx: _("Hoogstens %(max)s tekens.") % {"max": ctx.get("max_length")},
    "string_too_short": lambda ctx: _("Minstens %(min)s tekens.") % {"min": ctx.get("min_length")},
    "greater_than_equal": _at_least,
    "greater_than": _at_least,
    "less_than_equal": _at_most,
    "less_than": _at_most,
    "value_error": lambda ctx: str(ctx.get("error", "")) or _("Ongeldige waarde."),
}


def _pydantic_message(error: dict) -> str:
    kind = error.get("type", "")
    if kind in _CONTEXT_MESSAGES:
        return _CONTEXT_MESSAGES[kind](error.get("ctx") or {})
    if kind in _FIXED_MESSAGES:
        return str(_FIXED_MESSAGES[kind])
    for prefix, message in _PREFIX_MESSAGES:
        if kind.startswith(prefix):
            return str(message)
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


_INVALID = gettext_lazy("De invoer is niet geldig.")


def _on_django_validation_error(api, request, exc: DjangoValidationError):
    return _respond(api, request, 422, error_body(str(_INVALID), django_validation_errors(exc)))


def _on_national_number_taken(api, request, exc: NationalNumberTaken):
    # A conflict with another client, not bad input: 409, with the message the page shows (which
    # names no client the caller may not see).
    errors = django_validation_errors(exc)
    return _respond(api, request, 409, error_body(errors[0][1], errors))


def _on_conflict(api, request, exc: Conflict):
    return _respond(api, request, 409, {**error_body(exc.detail), **exc.extra})


def _on_schema_validation_error(api, request, exc: NinjaValidationError):
    errors = [(_pydantic_field(e.get("loc", ())), _pydantic_message(e)) for e in exc.errors]
    return _respond(api, request, 422, error_body(str(_INVALID), errors))


def _on_related_not_found(api, request, exc: FieldNotFound):
    message = _("Niet gevonden, of u heeft er geen toegang toe.")
    return _respond(api, request, 404, error_body(message, [(exc.field, message)]))


def _on_not_found(api, request, exc):
    return _respond(api, request, 404, error_body(_("Niet gevonden.")))


def _on_authentication_error(api, request, exc):
    body = error_body(_("Niet aangemeld: gebruik een API-sleutel of meld u aan."))
    response = _respond(api, request, 401, body)
    response["WWW-Authenticate"] = 'Bearer realm="koers"'
    return response


def _on_permission_denied(api, request, exc):
    detail = str(exc) or _("U heeft hiervoor geen toestemming.")
    return _respond(api, request, 403, error_body(detail))


def _on_http_error(api, request, exc: HttpError):
    detail = str(exc)
    if exc.status_code == 400:
        # ninja's only 400: a body that is not JSON (or not a form) at all.
        detail = _("De inhoud van de vraag kon niet gelezen worden: is het geldige JSON?")
    return _respond(api, request, exc.status_code, error_body(detail))


def _on_bad_multipart(api, request, exc: MultiPartParserError):
    detail = _("Het bestand kon niet gelezen worden: stuur het als multipart/form-data.")
    return _respond(api, request, 400, error_body(detail))


def _on_unexpected(api, request, exc: Exception):
    # The traceback goes to the log (it holds code, not the request's personal data).
    logger.exception("API error on %s %s", request.method, request.path)
    return _respond(api, request, 500, error_body(_("Er ging iets mis aan onze kant.")))


# Which answer for which exception; ninja picks the handler of the nearest class in the MRO.
_HANDLERS = (
    (DjangoValidationError, _on_django_validation_error),
    (NationalNumberTaken, _on_national_number_taken),
    (Conflict, _on_conflict),
    (NinjaValidationError, _on_schema_validation_error),
    (FieldNotFound, _on_related_not_found),
    (Http404, _on_not_found),
    (ObjectDoesNotExist, _on_not_found),
    (AuthenticationError, _on_authentication_error),
    (PermissionDenied, _on_permission_denied),
    (HttpError, _on_http_error),
    (MultiPartParserError, _on_bad_multipart),
    (Exception, _on_unexpected),
)


def install_exception_handlers(api: NinjaAPI) -> None:
    for exc_class, handler in _HANDLERS:
        api.add_exception_handler(exc_class, partial(handler, api))


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
