"""LBC-14: the centre's shared POP store ("POP klanten"). A POP is never e-mailed to centre staff;
its PDF lands here under the name "POP <first name> <last name> [cheque n]"."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from koers.trajectories.models import Document, DocumentKind, Programme


@login_required
def pop_store(request):
    documents = (
        Document.objects.visible_to(request.user)
        .filter(kind=DocumentKind.PLAN, trajectory__programme=Programme.VOUCHER)
        .exclude(file="")
        .select_related("trajectory__client", "trajectory__responsible")
        .order_by("original_filename", "-updated_at")
    )
    query = request.GET.get("q", "").strip()
    if query:
        documents = documents.filter(original_filename__icontains=query)
    page = Paginator(documents, 25).get_page(request.GET.get("page"))
    return render(request, "vouchers/pop_store.html", {"page": page, "query": query})
