"""The voucher page, and opening a voucher for a client (LBC-01)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.core import selectors as core_selectors
from koers.core.models import Client
from koers.vouchers import forms, selectors, services
from koers.vouchers.views.common import detail_context, load_voucher, posted


@login_required
def voucher_detail(request, pk: int):
    voucher = load_voucher(request, pk)
    return render(request, "vouchers/voucher_detail.html", detail_context(request, voucher))


def _client(request) -> Client:
    try:
        return core_selectors.client_get(user=request.user, pk=int(request.GET.get("client", 0)))
    except (Client.DoesNotExist, ValueError):
        raise Http404 from None


@login_required
@require_http_methods(["GET", "POST"])
def voucher_create(request):
    client, user = _client(request), request.user
    opening = selectors.voucher_opening(user=user, client=client, today=timezone.localdate())
    if opening.refusal is not None:
        context = {"client": client, "refusal": opening.refusal}
        return render(request, "vouchers/voucher_form.html", context, status=403)
    form = forms.VoucherOpenForm(
        request.POST or None,
        initial={"start_date": timezone.localdate()},
        responsibles=opening.responsibles,
    )
    voucher = posted(request, form, lambda data: _open(request, client, form, data))
    if voucher is not None:
        messages.success(request, _("Loopbaancheque %(n)d is geopend.") % {"n": voucher.number})
        return redirect("voucher_detail", pk=voucher.pk)
    context = {"form": form, "client": client, "entitlement": opening.entitlement}
    context["no_ruleset"] = opening.no_ruleset
    return render(request, "vouchers/voucher_form.html", context)


def _open(request, client: Client, form: forms.VoucherOpenForm, data: dict):
    return services.voucher_open(
        client=client,
        responsible=form.chosen_responsible(default=request.user),
        organisation=client.organisation,
        start_date=data["start_date"],
        career_question=data["career_question"],
        acting_user=request.user,
    )
