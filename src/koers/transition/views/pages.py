"""One shape for the transition's small form pages: GET shows the form, a valid POST calls the
service and goes back to the worker's file; a refused one shows the page again (status 422) with
the form as typed and each message beside its field (core.form_pages)."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from koers.core.form_pages import REJECTED_STATUS, FormRejected, submitted

TEMPLATE = "transition/form_page.html"


@dataclass
class FormPage:
    """What the shared template shows around the form."""

    title: str
    rule: str
    submit: str
    back: str  # the URL of the page "Annuleren" returns to
    intro: str = ""
    confirm: str = ""  # data-confirm on the button: the step cannot be undone
    aside: str = ""  # a template shown beside the form (questions, prompts, reasons)
    secondary: tuple[str, str] | None = None  # (name, label): a second button posting name=1
    extra: dict = field(default_factory=dict)


def form_page(
    request,
    *,
    form,
    page: FormPage,
    save: Callable[[dict], object],
    done: str,
    success: str,
    context: dict | None = None,
) -> HttpResponse:
    status = 200
    if request.method == "POST":
        try:
            with submitted(form, "form") as data:
                save(data)
        except FormRejected:
            status = REJECTED_STATUS
        else:
            messages.success(request, success)
            return redirect(done)
    body = {"form": form, "page": page, **page.extra, **(context or {})}
    return render(request, TEMPLATE, body, status=status)
