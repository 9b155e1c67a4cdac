"""A POST from a section of the worker's file page (the PDP review, an activity, the portfolio):
the file is looked up through the access rules (404 otherwise); a rejected form is shown again on
the file page as typed, next to its fields (status 422)."""

from django.shortcuts import redirect, render

from koers.core.form_pages import REJECTED_STATUS, FormRejected, object_post
from koers.transition.selectors import files as sel


def _load(request, pk: int):
    return sel.file_get(user=request.user, pk=pk)


def file_page_rejected(request, file, rejected: FormRejected):
    p = sel.file_page(user=request.user, pk=file.pk)
    for section in p.sections:
        forms = getattr(section.data, "forms", None)
        if isinstance(forms, dict) and rejected.name in forms:
            forms[rejected.name] = rejected.form
    return render(request, "transition/file.html", {"p": p}, status=REJECTED_STATUS)


def back_to_file(file, anchor: str = ""):
    response = redirect("transition_file", pk=file.pk)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


file_post = object_post(load=_load, page=file_page_rejected, back=back_to_file)
