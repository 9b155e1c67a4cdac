"""Centre pages around intake: marketing figures, coach unavailability (INT-05), the calendar
feed, branding and e-mail templates (INT-04, COM-01), feedback questions (INT-07) and the
communication check (COM-01, COM-02)."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from koers.core.forms import apply_errors
from koers.core.models import Organisation, Role, User
from koers.intake import calendar, forms, selectors, services
from koers.intake.messages import (
    DEFAULT_TEMPLATES,
    PLACEHOLDERS,
    centre_address,
    template_text,
)
from koers.intake.models import (
    CalendarFeed,
    CentreBranding,
    CoachUnavailability,
    CommunicationCheck,
    FeedbackField,
    TemplateKind,
)
from koers.intake.rules import communication_check
from koers.intake.rules.communication import LOGO_REMINDER


def _staff_orgs(user: User) -> list[Organisation]:
    if user.is_administrator:
        return list(Organisation.objects.filter(is_active=True, kind="career_centre"))
    return list(Organisation.objects.filter(pk__in=user.organisation_ids(Role.CENTRE_STAFF)))


def _staff_org(request) -> Organisation:
    """The centre a staff page is about (404 for anyone who is not centre staff)."""
    orgs = _staff_orgs(request.user)
    if not orgs:
        raise Http404
    wanted = request.GET.get("centrum") or request.POST.get("centrum")
    return next((o for o in orgs if str(o.pk) == wanted), orgs[0])


@login_required
@require_GET
def marketing(request):
    """INT-07: what centre staff need to steer marketing."""
    orgs = _staff_orgs(request.user)
    if not orgs:
        raise Http404
    months = (
        int(request.GET.get("maanden", "12")) if request.GET.get("maanden", "12").isdigit() else 12
    )
    since = timezone.now() - timedelta(days=31 * min(max(months, 1), 60))
    figures = selectors.marketing_figures(organisations=orgs, since=since)
    return render(
        request,
        "intake/marketing.html",
        {
            "figures": figures,
            "months": months,
            "channel_chart": selectors.bar_chart(
                [(label, n) for _k, label, n in figures.per_channel]
            ),
            "month_chart": selectors.bar_chart(
                [(f"{m[5:]}/{m[:4]}", n) for m, n in figures.per_month]
            ),
        },
    )


def _coach_orgs(user: User) -> list[Organisation]:
    return list(
        Organisation.objects.filter(pk__in=user.organisation_ids(Role.COACH, Role.CENTRE_STAFF))
    )


@login_required
@require_http_methods(["GET", "POST"])
def unavailability(request):
    """INT-05: a coach records their own absence; centre staff for any coach of the centre."""
    user = request.user
    orgs = _coach_orgs(user)
    if not orgs and not user.is_administrator:
        raise Http404
    staff_orgs = _staff_orgs(user)
    coaches = (
        list(
            User.objects.filter(
                memberships__organisation__in=staff_orgs, memberships__role=Role.COACH
            ).distinct()
        )
        if staff_orgs
        else None
    )
    form = forms.UnavailabilityForm(request.POST or None, coaches=coaches)
    if request.method == "POST" and form.is_valid():
        coach = user
        if coaches is not None:
            coach = next((c for c in coaches if str(c.pk) == form.cleaned_data["coach"]), user)
        org = next(
            (o for o in orgs if coach.memberships.filter(organisation=o, role=Role.COACH).exists()),
            None,
        )
        try:
            if org is None:
                raise ValidationError({"coach": [_("Deze persoon is geen coach van het centrum.")]})
            services.unavailability_add(
                coach=coach,
                organisation=org,
                starts_at=form.cleaned_data["starts_at"],
                ends_at=form.cleaned_data["ends_at"],
                reason=form.cleaned_data["reason"],
                acting_user=user,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("De afwezigheid staat in de centrumagenda (INT-05)."))
            return redirect("intake_unavailability")
    items = selectors.unavailability_for(user=user).filter(
        ends_at__gte=timezone.now() - timedelta(days=30)
    )
    return render(request, "intake/unavailability.html", {"form": form, "items": items})


@login_required
@require_POST
def unavailability_delete(request, pk: int):
    try:
        item = selectors.unavailability_for(user=request.user).get(pk=pk)
    except CoachUnavailability.DoesNotExist:
        raise Http404 from None
    try:
        services.unavailability_delete(item=item, acting_user=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    return redirect("intake_unavailability")


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


@login_required
@require_http_methods(["GET", "POST"])
def branding(request):
    """INT-04 / COM-01: the centre's identity on every e-mail, and the wording of the e-mails."""
    org = _staff_org(request)
    current = CentreBranding.objects.filter(organisation=org).first() or CentreBranding(
        organisation=org
    )
    form = forms.BrandingForm(
        request.POST if request.POST.get("form") == "branding" else None,
        request.FILES or None,
        initial={
            "sender_name": current.sender_name or org.working_name or org.name,
            "sender_email": current.sender_email or org.email,
            "address": current.address,
            "signature": current.signature,
        },
    )
    template_forms = []
    for kind, label in TemplateKind.choices:
        subject, body = template_text(org, kind)
        posted = request.POST if request.POST.get("kind") == kind else None
        template_forms.append(
            (
                label,
                forms.TemplateForm(
                    posted, initial={"kind": kind, "subject": subject, "body": body}, prefix=kind
                ),
            )
        )
    if request.method == "POST":
        if request.POST.get("form") == "branding" and form.is_valid():
            try:
                services.branding_update(
                    organisation=org,
                    logo=form.cleaned_data["logo"],
                    voucher_logo=form.cleaned_data["voucher_logo"],
                    acting_user=request.user,
                    **{
                        k: form.cleaned_data[k]
                        for k in ("sender_name", "sender_email", "address", "signature")
                    },
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("De huisstijl is bewaard."))
                return redirect("intake_branding")
        for _label, tform in template_forms:
            if tform.is_bound and tform.is_valid():
                try:
                    services.template_save(
                        organisation=org,
                        kind=tform.cleaned_data["kind"],
                        subject=tform.cleaned_data["subject"],
                        body=tform.cleaned_data["body"],
                        acting_user=request.user,
                    )
                except ValidationError as exc:
                    apply_errors(tform, exc)
                else:
                    messages.success(request, _("De e-mail is bewaard."))
                    return redirect("intake_branding")
    return render(
        request,
        "intake/branding.html",
        {
            "org": org,
            "form": form,
            "current": current,
            "has_address": bool(centre_address(org, current)),
            "template_forms": template_forms,
            "placeholders": PLACEHOLDERS,
            "defaults": DEFAULT_TEMPLATES,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def feedback_fields(request):
    """INT-07: the centre's questions on the lead-feedback form."""
    org = _staff_org(request)
    services.feedback_fields(org)
    form = forms.FeedbackFieldForm(request.POST if "label" in request.POST else None)
    if request.method == "POST":
        toggle = request.POST.get("toggle")
        if toggle:
            field = FeedbackField.objects.filter(organisation=org, pk=toggle).first()
            if field:
                field.is_active = not field.is_active
                field.save(update_fields=["is_active"])
            return redirect("intake_feedback_fields")
        if form.is_valid():
            key = slugify(form.cleaned_data["label"])[:40] or "vraag"
            if FeedbackField.objects.filter(organisation=org, key=key).exists():
                form.add_error("label", _("Deze vraag bestaat al."))
            elif form.cleaned_data["kind"] == "choice" and not form.cleaned_data["choices"].strip():
                form.add_error("choices", _("Geef minstens één keuze."))
            else:
                FeedbackField.objects.create(
                    organisation=org,
                    key=key,
                    label=form.cleaned_data["label"],
                    kind=form.cleaned_data["kind"],
                    choices=form.cleaned_data["choices"],
                    required=form.cleaned_data["required"],
                    position=FeedbackField.objects.filter(organisation=org).count(),
                )
                return redirect("intake_feedback_fields")
    fields = FeedbackField.objects.filter(organisation=org)
    return render(
        request, "intake/feedback_fields.html", {"form": form, "fields": fields, "org": org}
    )


@login_required
@require_http_methods(["GET", "POST"])
def communication(request):
    """COM-01: paste a text, see whether vouchers are mentioned without the working name close by.
    Centre staff can record the check (COM-02); anyone with a role can try a text."""
    user = request.user
    member_orgs = list(Organisation.objects.filter(pk__in=user.organisation_ids()))
    if not member_orgs and not user.is_administrator:
        raise Http404
    staff_orgs = _staff_orgs(user)
    org = staff_orgs[0] if staff_orgs else member_orgs[0]
    coaches = list(services.centre_coaches(org)) if staff_orgs else []
    form = forms.CommunicationForm(request.POST or None, coaches=coaches)
    result = None
    if request.method == "POST" and form.is_valid():
        now = timezone.now()
        name = org.working_name or org.name
        ok, findings = communication_check(form.cleaned_data["text"], name, services.ruleset(now))
        result = {"ok": ok, "findings": findings, "name": name, "logo": LOGO_REMINDER}
        if request.POST.get("record") and staff_orgs:
            subject = next((c for c in coaches if str(c.pk) == form.cleaned_data["subject"]), None)
            try:
                services.communication_check_record(
                    organisation=org,
                    source=form.cleaned_data["source"],
                    text=form.cleaned_data["text"],
                    subject=subject,
                    note=form.cleaned_data["note"],
                    now=now,
                    acting_user=user,
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("De controle is geregistreerd (COM-02)."))
                return redirect("intake_communication")
    checks = (
        CommunicationCheck.objects.filter(organisation__in=staff_orgs).select_related(
            "subject", "checked_by"
        )[:25]
        if staff_orgs
        else []
    )
    return render(
        request,
        "intake/communication.html",
        {
            "form": form,
            "result": result,
            "checks": checks,
            "can_record": bool(staff_orgs),
            "org": org,
        },
    )
