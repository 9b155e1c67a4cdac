"""The API-keys page: a user lists, creates and revokes their own personal API tokens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from koers.core.models import API_TOKEN_DAYS, APIToken, TokenScope
from koers.core.services import api_token_create


def _own_token(request: HttpRequest, pk: int) -> APIToken:
    # Someone else's token answers 404, like any row a user may not see.
    token = APIToken.objects.filter(pk=pk, user=request.user, revoked_at__isnull=True).first()
    if token is None:
        raise Http404
    return token


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    tokens = APIToken.objects.filter(user=request.user).order_by("revoked_at", "-created_at")
    return render(request, "tokens/token_list.html", {"tokens": tokens})


# How long a new key works; 90 days unless the maker chooses otherwise.
VALIDITY_DAYS = (30, 90, 180, 365)


def _token_input(post) -> tuple[dict, dict]:
    """The form's values as typed (kept on error) and a Dutch message per wrong field."""
    values = {
        "name": post.get("name", "").strip(),
        "scope": post.get("scope", TokenScope.READ),
        "days": post.get("days", str(API_TOKEN_DAYS)),
    }
    errors = {}
    if not values["name"]:
        errors["name"] = _("Geef de sleutel een naam, bv. de toepassing die hem gebruikt.")
    elif len(values["name"]) > 100:
        errors["name"] = _("Hoogstens 100 tekens.")
    if values["scope"] not in TokenScope.values:
        errors["scope"] = _("Kies wat de sleutel mag.")
    if values["days"] not in {str(days) for days in VALIDITY_DAYS}:
        errors["days"] = _("Kies hoe lang de sleutel werkt.")
    return values, errors


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def token_create(request: HttpRequest) -> HttpResponse:
    values, errors = _token_input(request.POST)
    if request.method != "POST":
        errors = {}  # a fresh form: the defaults, no messages
    elif not errors:
        token, key = api_token_create(
            user=request.user, name=values["name"], scope=values["scope"], days=int(values["days"])
        )
        # The key in clear is shown on this response only (never stored, never cached).
        return render(request, "tokens/token_created.html", {"token": token, "key": key})
    context = {
        "values": values,
        "errors": errors,
        "scopes": TokenScope.choices,
        "validity_days": VALIDITY_DAYS,
    }
    return render(request, "tokens/token_form.html", context, status=422 if errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = _own_token(request, pk)
    if request.method == "POST":
        # A revoked token stays listed (when it was last used is useful after an incident).
        APIToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        messages.success(
            request, _("De API-sleutel “%(name)s” is ingetrokken.") % {"name": token.name}
        )
        return redirect("token_list")
    return render(request, "tokens/token_revoke.html", {"token": token})
