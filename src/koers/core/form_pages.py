"""One way for a posted form that fails, on every page: the same page again (status 422) with the
form as it was typed and each message next to its field. Never a redirect with a message on top:
that throws away what the user typed and does not say which field is wrong.

A page with several small forms (the voucher, the mediation service, the lead) posts each form to
its own action URL. Such an action is written as

    @object_post(load=_voucher, page=_voucher_page, back=_voucher_url)
    def voucher_interim(request, voucher):
        form = forms.InterimEvaluationForm(request.POST)
        with submitted(form, "interim_form"):
            services.interim_evaluation_add(voucher=voucher, **form.cleaned_data)
        messages.success(request, ...)

`submitted` runs the block only for a valid form and puts a service's refusal next to the field
it names (`apply_errors`); either way it raises `FormRejected`, and `object_post` answers with
`page(request, obj, rejected)`: the page with the rejected form in place of the empty one.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.views.decorators.http import require_POST

from koers.core.forms import apply_errors

#: The status of a page shown again because its form was not accepted (as the contact form does).
REJECTED_STATUS = 422


class FormRejected(Exception):
    """A bound form with its errors, and the name under which its page shows it."""

    def __init__(self, name: str, form: forms.BaseForm):
        super().__init__(name)
        self.name = name
        self.form = form

    def forms(self) -> dict[str, forms.BaseForm]:
        """For a page's context builder: `_detail_context(request, obj, **rejected.forms())`."""
        return {self.name: self.form}


@contextmanager
def submitted(form: forms.BaseForm, name: str) -> Iterator[dict]:
    """Run the block with the cleaned data of a valid form; otherwise (the form is invalid, or the
    block raised a service's `ValidationError`) raise `FormRejected` with every error on the form."""
    if not form.is_valid():
        raise FormRejected(name, form)
    try:
        yield form.cleaned_data
    except ValidationError as exc:
        apply_errors(form, exc)
        raise FormRejected(name, form) from exc


def object_post(
    *,
    load: Callable[..., object],
    page: Callable[..., HttpResponse],
    back: Callable[[object], HttpResponse],
):
    """A POST on one object's page: `load(request, pk)` (a 404 when it is not visible), then the
    view. A rejected form → `page(request, obj, rejected)`; a refusal of an action without input
    (a button) → the message on the page `back(obj)`; done → the view's response or `back(obj)`."""

    def decorate(view):
        @wraps(view)
        @login_required
        @require_POST
        def wrapper(request, pk: int):
            obj = load(request, pk)
            try:
                response = view(request, obj)
            except FormRejected as rejected:
                return page(request, obj, rejected)
            except ValidationError as exc:
                for message in exc.messages:
                    messages.error(request, message)
                response = None
            return response or back(obj)

        return wrapper

    return decorate


def distinct_ids(context: dict) -> dict:
    """Give each form of a page with several forms its own element ids (`id_sheet_made_on`), so
    that a label, `aria-describedby` and an error list point to the field of *this* form and not
    to the `id_date` of another one. The field names, and so what is posted, do not change."""
    for key, value in context.items():
        if isinstance(value, forms.BaseForm) and value.auto_id == "id_%s":
            value.auto_id = f"id_{key.removesuffix('_form')}_%s"
    return context
