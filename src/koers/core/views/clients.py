"""Editing a client's details. The client list and file are `koers.workplace` pages."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.core import selectors
from koers.core.forms import ClientForm, apply_errors, form_client_data
from koers.core.models import Client, User
from koers.core.services import client_update
from koers.core.versions import StaleVersion
from koers.privacy.reveals import record_reveal


def client_or_404(user: User, pk: int) -> Client:
    """The client if the user may see it; a 404 otherwise (whether it exists or not)."""
    try:
        return selectors.client_get(user=user, pk=pk)
    except Client.DoesNotExist:
        raise Http404 from None


def _client_form(request, client: Client, can_see_nn: bool) -> ClientForm:
    initial = selectors.client_data_from(client).__dict__
    # Who may not read the number may not see it in the form either; keep it unchanged.
    initial["national_number"] = client.national_number_formatted() if can_see_nn else ""
    if can_see_nn and client.has_national_number and not request.POST:
        record_reveal(user=request.user, client_id=client.pk, where="web:edit")
    # The version this form starts from: a save after someone else's is refused (StaleVersion).
    initial["version"] = client.version
    form = ClientForm(request.POST or None, initial=initial)
    form.fields["version"] = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=0
    )
    if not can_see_nn:
        del form.fields["national_number"]
    return form


def _stale(form: ClientForm, exc: StaleVersion) -> None:
    """Keep what the user typed, say what changed, and let the next save be deliberate: the
    form now starts from the current version."""
    apply_errors(form, exc)
    form.data = form.data.copy()
    form.data["version"] = str(exc.current)


@login_required
@require_http_methods(["GET", "POST"])
def client_update_view(request, pk: int):
    client = client_or_404(request.user, pk)
    can_see_nn = request.user.has_perm("core.view_national_number")
    form = _client_form(request, client, can_see_nn)
    if request.method == "POST" and form.is_valid():
        cleaned = dict(form.cleaned_data)
        if not can_see_nn:
            cleaned["national_number"] = client.national_number()
        data = form_client_data(cleaned)
        try:
            client_update(
                client=client,
                data=data,
                acting_user=request.user,
                expected_version=cleaned.get("version"),
            )
        except StaleVersion as exc:
            _stale(form, exc)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("De gegevens zijn bewaard."))
            return redirect("client_detail", pk=client.pk)
    return render(
        request, "core/client_form.html", {"form": form, "client": client, "creating": False}
    )
