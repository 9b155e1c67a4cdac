"""Appointments as .ics: a lead's introduction, any contact the user may see, and the coach's
private calendar feed (no login: a long random token in its address)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from koers.intake import calendar, services
from koers.intake.models import CalendarFeed
from koers.intake.views.leads import load_lead
from koers.trajectories.models import Contact


@login_required
@require_GET
def lead_introduction_ics(request, pk: int):
    lead = load_lead(request, pk)
    intro = getattr(lead, "introduction", None)
    if intro is None:
        raise Http404
    return _ics(calendar.single(calendar.introduction_event(intro)), f"kennismaking-{lead.pk}.ics")


@login_required
@require_GET
def contact_ics(request, pk: int):
    """One appointment as .ics, for any contact the user may see."""
    try:
        contact = (
            Contact.objects.visible_to(request.user).select_related("trajectory__client").get(pk=pk)
        )
    except Contact.DoesNotExist:
        raise Http404 from None
    return _ics(calendar.single(calendar.contact_event(contact)), f"afspraak-{contact.pk}.ics")


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def calendar_page(request):
    token = services.calendar_feed_token(user=request.user, renew=request.method == "POST")
    if request.method == "POST":
        messages.success(request, _("Je agenda heeft een nieuw adres; het oude werkt niet meer."))
        return redirect("intake_calendar")
    url = request.build_absolute_uri(reverse("intake_calendar_feed", args=[token]))
    return render(request, "intake/calendar.html", {"feed_url": url})


@require_GET
def calendar_feed(request, token: str):
    """The private feed: no login (calendar apps cannot log in), a long random token instead."""
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(token=token, user__is_active=True)
        .first()
    )
    if feed is None:
        raise Http404
    response = HttpResponse(
        calendar.coach_feed(feed.user, timezone.now()), content_type="text/calendar; charset=utf-8"
    )
    response["Cache-Control"] = "private, max-age=300"
    return response
