"""The voucher's dossier to print (issue 16): the whole file on paper, the same access as the
voucher page (404 for others); its read is logged like the page's (`vouchers/reads.py`)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from koers.vouchers.selectors.printing import voucher_print
from koers.vouchers.views.common import load_voucher


@login_required
def voucher_print_view(request, pk: int):
    voucher = load_voucher(request, pk)
    dossier = voucher_print(user=request.user, voucher=voucher, now=timezone.localtime())
    return render(request, "vouchers/voucher_print.html", dossier.context())
