"""LBC-14: the centre's shared POP store ("POP klanten"). A POP is never e-mailed to centre staff;
its PDF lands here under the name "POP <first name> <last name> [cheque n]"."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from koers.vouchers import selectors


@login_required
def pop_store(request):
    query = request.GET.get("q", "").strip()
    page = selectors.pop_store_page(user=request.user, query=query, page=request.GET.get("page"))
    return render(request, "vouchers/pop_store.html", {"page": page, "query": query})
