"""The API-keys page: a user lists, creates and revokes their own personal API tokens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from koers.core.models import APIToken
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


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def token_create(request: HttpRequest) -> HttpResponse:
    name = ""
    error = ""
    if request.method == "POST":
        name = request.POST.get("name", "").strip()
        if not name:
            error = _("Geef de sleutel een naam, bv. de toepassing die hem gebruikt.")
        elif len(name) > 100:
            error = _("Hoogstens 100 tekens.")
        else:
            token, key = api_token_create(user=request.user, name=name)
            # The key in clear is shown on this response only (never stored, never cached).
            return render(request, "tokens/token_created.html", {"token": token, "key": key})
    return render(
        request,
        "tokens/token_form.html",
        {"name": name, "error": error},
        status=422 if error else 200,
    )


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
