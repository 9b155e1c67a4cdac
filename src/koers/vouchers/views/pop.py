"""The POP (LBC-12, LBC-13): writing a new version, finalising, one POP for vouchers 1 and 2."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from koers.vouchers import forms, selectors, services
from koers.vouchers.models import Voucher
from koers.vouchers.views.common import button_action, load_voucher, posted, voucher_action


@login_required
@require_http_methods(["GET", "POST"])
def voucher_pop(request, pk: int):
    voucher = load_voucher(request, pk)
    page, latest = selectors.pop_page(voucher)
    form = forms.PopForm(
        request.POST or None,
        combined=voucher.keeps_combined_pop,
        initial=forms.PopForm.initial_from(latest.content if latest else {}),
    )
    saved = posted(
        request,
        form,
        lambda data: services.pop_save(
            voucher=voucher, content=form.content(), acting_user=request.user
        ),
    )
    if saved is not None:
        messages.success(request, _("Het POP is bewaard als nieuwe versie."))
        return redirect("voucher_detail", pk=voucher.pk)
    return render(request, "vouchers/pop_form.html", page.context() | {"form": form})


voucher_pop_finalise = button_action(
    services.pop_finalise, gettext_lazy("Het POP is gefinaliseerd.")
)


@voucher_action
def voucher_combined_pop(request, voucher: Voucher):
    combined = request.POST.get("combined") == "on"
    services.voucher_combine_pop(voucher=voucher, combined=combined, acting_user=request.user)
    messages.success(
        request,
        _("Eén POP voor cheque 1 en 2.") if combined else _("Elke cheque heeft zijn eigen POP."),
    )
