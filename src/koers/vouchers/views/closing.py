"""Closing a voucher: the open dossier points first, and a reason when the guidance stops early."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.core.form_pages import REJECTED_STATUS
from koers.vouchers import forms, selectors, services
from koers.vouchers.views.common import load_voucher, posted


@login_required
@require_http_methods(["GET", "POST"])
def voucher_close(request, pk: int):
    """Confirm closing: the open dossier points first, and a reason when the guidance stops early."""
    voucher = load_voucher(request, pk)
    if not voucher.is_open:
        messages.error(request, _("Deze cheque is al afgesloten."))
        return redirect("voucher_detail", pk=voucher.pk)
    form = forms.VoucherCloseForm(request.POST or None)
    closed = posted(request, form, lambda data: _close(request, voucher, data))
    if closed is not None:
        messages.success(request, _closed_message(closed))
        return redirect("voucher_detail", pk=closed.pk)
    closing = selectors.voucher_closing(voucher)
    if closing.early:
        form.fields["reason"].show_required = True
    status = REJECTED_STATUS if request.method == "POST" else 200
    context = closing.context() | {"form": form}
    return render(request, "vouchers/voucher_close.html", context, status=status)


def _close(request, voucher, data: dict):
    return services.voucher_close(
        voucher=voucher, acting_user=request.user, reason=data["reason"], note=data["note"]
    )


def _closed_message(voucher) -> str:
    if voucher.closed_incomplete:
        return _(
            "De cheque is afgesloten, onvolledig. De cliënt krijgt de uitnodiging voor de evaluatie."
        )
    return _("De cheque is afgerond. De cliënt krijgt de uitnodiging voor de evaluatie.")
