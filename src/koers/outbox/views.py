"""'Uitgaande berichten': the messages that keep failing, for centre staff, with a retry."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from koers.outbox import selectors
from koers.outbox.models import OutboxMessage
from koers.outbox.services import message_retry


@login_required
def outbox_list(request):
    if not selectors.may_see_outbox(request.user):
        raise Http404
    context = selectors.troubled_messages(request.user)
    return render(request, "outbox/list.html", context)


@login_required
@require_POST
def outbox_retry(request, pk: int):
    if not selectors.may_see_outbox(request.user):
        raise Http404
    try:
        message_retry(message_id=pk, acting_user=request.user)
    except OutboxMessage.DoesNotExist:
        raise Http404 from None
    messages.success(request, _("Het bericht wordt opnieuw verstuurd."))
    return redirect("outbox_list")
