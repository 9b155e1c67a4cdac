"""The header's search (issue 16): /zoeken/?q= with the grouped results, the dropdown of live
results (htmx), and one group in full (?groep=leads, the "alle N resultaten" link).

A search result list reads no file: no access-log row is written for it (`reads.py` does not
declare it), and the query, which may be a name or a national number, is never logged."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from koers.workplace import search as selectors


@login_required
@require_GET
def search(request):
    query = request.GET.get("q", "")[: selectors.MAX_LENGTH]
    kind = request.GET.get("groep", "")
    if kind in selectors.MATCHES:
        page = selectors.search_group_page(
            user=request.user, query=query, kind=kind, number=request.GET.get("page")
        )
        context = {"query": query, "kind": kind, "page": page, "search_query": query}
        context["title"] = selectors.TITLES[kind]
        return render(request, "workplace/search_group.html", context)
    result = selectors.search(user=request.user, query=query)
    dropdown = request.htmx and request.GET.get("live") == "1"
    template = "workplace/_search_dropdown.html" if dropdown else "workplace/search.html"
    return render(
        request, template, {"result": result, "query": result.query, "search_query": query}
    )
