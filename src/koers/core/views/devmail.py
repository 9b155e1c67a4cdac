"""`/ontwikkeling/mails/`: the development mailbox (issue 16), for a signed-in user, only where
`KOERS_DEV_MAILBOX` is on (development); elsewhere it does not exist (404)."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from koers.lib import devmail


def _mailbox_on() -> None:
    if not settings.KOERS_DEV_MAILBOX:
        raise Http404


@login_required
def mailbox(request):
    _mailbox_on()
    return render(request, "core/dev_mailbox.html", {"mails": devmail.mails()})


@login_required
def mailbox_mail(request, key: str):
    _mailbox_on()
    mail = devmail.mail(key)
    if mail is None:
        raise Http404
    return render(request, "core/dev_mail.html", {"mail": mail})
