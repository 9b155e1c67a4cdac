"""The client portal: login by e-mailed link, own appointments and assignments, own POP, evaluation.

Clients are not staff users: a signed, short-lived link that works once puts their client id in
the session (`portal/services.py`).
"""

from functools import wraps

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from koers.core.forms import apply_errors
from koers.core.languages import in_language_of
from koers.core.models import Client
from koers.core.ratelimit import too_many
from koers.outbox.services import mail_queue
from koers.portal import selectors
from koers.portal.services import login_link_use, login_link_valid, login_token
from koers.vouchers.forms import EvaluationForm, PopForm
from koers.vouchers.messages import EVALUATION_SALT
from koers.vouchers.selectors import pop_state
from koers.vouchers.services import evaluation_submit, pop_save

SESSION_KEY = "portal_client_id"


class EmailForm(forms.Form):
    email = forms.EmailField(label=_("Je e-mailadres"))


def _portal_client(request) -> Client | None:
    client_id = request.session.get(SESSION_KEY)
    return Client.objects.filter(pk=client_id).first() if client_id else None


def client_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        client = _portal_client(request)
        if client is None:
            return redirect("portal_login")
        # The portal speaks in the centre's name, as the public form does (issue 16).
        request.portal_centre = client.organisation
        return view(request, client, *args, **kwargs)

    return wrapper


def _queue_login_link(client: Client) -> None:
    token = login_token(client)
    link = settings.KOERS_BASE_URL.rstrip("/") + reverse("portal_enter", args=[token])
    sender = client.organisation.email or settings.DEFAULT_FROM_EMAIL
    with in_language_of(client):  # the e-mail follows the client's language
        subject = _("Je aanmeldlink voor Koers")
        body = _(
            "Dag %(name)s,\n\nMet deze link meld je je aan (30 minuten geldig, één keer te gebruiken):\n%(link)s\n\nStuur deze e-mail aan niemand door.\n\n%(centre)s"
        ) % {
            "name": client.first_name,
            "link": link,
            "centre": client.organisation.working_name or client.organisation.name,
        }
    # The link is a credential: its text is erased from the outbox once it is sent.
    mail_queue(
        kind="portal.login_link",
        organisation=client.organisation,
        sender=sender,
        to=[client.email],
        subject=subject,
        body=body,
        erase_when_sent=True,
    )


def portal_login(request):
    form = EmailForm(request.POST or None)
    if request.method == "POST" and too_many(
        request, scope="portal-login", limit=5, window_seconds=600
    ):
        form.add_error(
            None, _("Te veel aanvragen vanaf dit adres. Probeer het over tien minuten opnieuw.")
        )
        return render(request, "portal/login.html", {"form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        for client in Client.objects.filter(email__iexact=email).select_related("organisation")[:5]:
            _queue_login_link(client)
        # The same answer whether or not the address is known: the portal does not reveal who is a client.
        return render(request, "portal/login_sent.html")
    return render(request, "portal/login.html", {"form": form})


def portal_enter(request, token: str):
    """The link opens a page with one button; only pressing it (a POST) spends the link, so a
    mail scanner that follows links does not use it up. Once used, it never works again."""
    if request.method == "POST":
        client_id = login_link_use(token, now=timezone.now())
        if client_id is None:
            return render(request, "portal/link_invalid.html", status=400)
        request.session.cycle_key()
        request.session[SESSION_KEY] = client_id
        return redirect("portal_home")
    if not login_link_valid(token):
        return render(request, "portal/link_invalid.html", status=400)
    return render(request, "portal/enter.html")


@require_POST
def portal_logout(request):
    request.session.pop(SESSION_KEY, None)
    return redirect("portal_login")


@client_required
def portal_home(request, client: Client):
    return render(request, "portal/home.html", selectors.portal_home(client, timezone.now()))


@client_required
def portal_pop(request, client: Client, pk: int):
    voucher = selectors.own_voucher(client, pk)
    if voucher is None:
        raise Http404
    pop = pop_state(voucher)
    latest = pop.latest
    if pop.finalised:
        return render(
            request,
            "portal/pop_final.html",
            {"voucher": voucher, "plan": pop.plan, "version": latest},
        )
    form = PopForm(
        request.POST or None,
        combined=voucher.keeps_combined_pop,
        initial=PopForm.initial_from(latest.content if latest else {}),
    )
    if request.method == "POST" and form.is_valid():
        try:
            pop_save(voucher=voucher, content=form.content(), acting_user=None, by_client=True)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Je POP is bewaard. Je begeleider ziet de nieuwe versie."))
            return redirect("portal_pop", pk=voucher.pk)
    return render(request, "portal/pop.html", {"voucher": voucher, "form": form, "version": latest})


def portal_evaluation(request, token: str):
    try:
        data = signing.loads(token, salt=EVALUATION_SALT, max_age=60 * 60 * 24 * 120)
    except signing.BadSignature:
        return render(request, "portal/link_invalid.html", status=400)
    voucher = selectors.evaluated_voucher(data["voucher"])
    if voucher is None:
        raise Http404
    if hasattr(voucher, "evaluation"):
        return render(request, "portal/evaluation_done.html", {"already": True})
    form = EvaluationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            evaluation_submit(voucher=voucher, response=form.save(commit=False))
        except ValidationError:
            return render(request, "portal/evaluation_done.html", {"already": True})
        return render(request, "portal/evaluation_done.html", {"already": False})
    centre = voucher.trajectory.organisation
    return render(request, "portal/evaluation.html", {"form": form, "centre": centre})
