"""What the voucher pages share: the voucher as the user may see it, the page shown again with
a rejected form, and a POST on the voucher page (core/form_pages.py)."""

from collections.abc import Callable

from django import forms as django_forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from koers.core.form_pages import (
    REJECTED_STATUS,
    FormRejected,
    distinct_ids,
    object_post,
    submitted,
)
from koers.vouchers import forms, selectors
from koers.vouchers.models import Voucher


def load_voucher(request, pk: int) -> Voucher:
    try:
        return selectors.voucher_get(user=request.user, pk=pk)
    except Voucher.DoesNotExist:
        raise Http404 from None


def detail_context(request, voucher: Voucher, **forms_in_error) -> dict:
    """The voucher page's context: what the selector assembled, its forms (a rejected one as
    it was typed, with its errors, in place of the empty one), with their own element ids."""
    now = timezone.localtime()
    page = selectors.voucher_page(
        user=request.user, voucher=voucher, now=now, contacts_page=request.GET.get("contacts")
    )
    context = page.context() | forms.voucher_page_forms(voucher, now) | forms_in_error
    return distinct_ids(context)


def _voucher_page(request, voucher: Voucher, rejected: FormRejected):
    """The voucher page again, with the rejected form as it was typed and its errors."""
    context = detail_context(request, voucher, **rejected.forms())
    return render(request, "vouchers/voucher_detail.html", context, status=REJECTED_STATUS)


# A POST on a voucher: loaded through the access rules; a rejected form is shown again on the
# voucher page (core/form_pages.py), a refused button action as a message.
voucher_action = object_post(
    load=load_voucher,
    page=_voucher_page,
    back=lambda voucher: redirect("voucher_detail", pk=voucher.pk),
)


def posted(request, form: django_forms.BaseForm, write: Callable[[dict], object]):
    """A page's own form (GET shows it, POST saves it): on a POST of a valid form, what
    `write(cleaned_data)` wrote; None otherwise, the form then carrying every error (a
    service's refusal next to the field it names)."""
    if request.method != "POST":
        return None
    try:
        with submitted(form, "form") as data:
            return write(data)
    except FormRejected:
        return None


def form_action(form_class, name: str, write: Callable[..., object], done: str):
    """A form of the voucher page posting to its own URL: valid, `write(voucher=…, acting_user=…,
    **its fields)` and the message `done`; rejected (invalid, or refused by the service), the
    voucher page again with the form as it was typed."""

    @voucher_action
    def view(request, voucher: Voucher):
        form = form_class(request.POST)
        with submitted(form, name) as data:
            write(voucher=voucher, acting_user=request.user, **data)
        messages.success(request, done)

    return view


def button_action(write: Callable[..., object], done: str | None = None):
    """A button of the voucher page (no input): `write(voucher=…, acting_user=…)`, then back to
    the page with the message `done`, or the service's refusal as a message."""

    @voucher_action
    def view(request, voucher: Voucher):
        write(voucher=voucher, acting_user=request.user)
        if done:
            messages.success(request, done)

    return view
