"""Voucher pages: the voucher with what counts and why, the intake, the POP, documents, dossier.

Every voucher is looked up through `Voucher.objects.visible_to(user)`: otherwise a 404.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from koers.core import permissions
from koers.core import selectors as core_selectors
from koers.core.forms import apply_errors
from koers.core.models import Client, Role
from koers.trajectories.models import DocumentStatus, Programme, TrajectoryStatus
from koers.vouchers import forms, selectors, services
from koers.vouchers.models import Voucher
from koers.vouchers.pdfs import voucher_document_generate
from koers.vouchers.rules.entitlement import voucher_entitlement
from koers.vouchers.rules.intake import INTAKE_TOPICS
from koers.vouchers.rules.phases import PHASE_LABELS, PHASE_ORDER, can_move
from koers.vouchers.rules.pop import pop_problems


def _voucher(request, pk: int) -> Voucher:
    try:
        return selectors.voucher_get(user=request.user, pk=pk)
    except Voucher.DoesNotExist:
        raise Http404 from None


def voucher_action(view):
    """A POST on a voucher: load it through the access rules, report a refusal as a message."""

    @wraps(view)
    @login_required
    @require_POST
    def wrapper(request, pk: int):
        voucher = _voucher(request, pk)
        try:
            view(request, voucher)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        return redirect("voucher_detail", pk=voucher.pk)

    return wrapper


@login_required
@require_http_methods(["GET", "POST"])
def voucher_create(request):
    try:
        client = core_selectors.client_get(user=request.user, pk=int(request.GET.get("client", 0)))
    except (Client.DoesNotExist, ValueError):
        raise Http404 from None
    user = request.user
    # Only a career centre opens vouchers, by its staff or coaches: say so instead of a form.
    refusal = permissions.programme_refusal(user, client.organisation, Programme.VOUCHER)
    if refusal is not None:
        return render(
            request,
            "vouchers/voucher_form.html",
            {"client": client, "refusal": refusal},
            status=403,
        )
    started = Voucher.objects.filter(client=client).values_list("trajectory__start_date", flat=True)
    entitlement = voucher_entitlement(started_on=list(started), today=timezone.localdate())
    chooses = user.is_administrator or Role.CENTRE_STAFF in user.roles
    responsibles = list(core_selectors.guiding_staff(client=client)) if chooses else None
    form = forms.VoucherOpenForm(
        request.POST or None,
        initial={"start_date": timezone.localdate()},
        responsibles=responsibles,
    )
    if request.method == "POST" and form.is_valid():
        responsible = form.chosen_responsible(default=user)
        try:
            voucher = services.voucher_open(
                client=client,
                responsible=responsible,
                organisation=client.organisation,
                start_date=form.cleaned_data["start_date"],
                career_question=form.cleaned_data["career_question"],
                acting_user=user,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Loopbaancheque %(n)d is geopend.") % {"n": voucher.number})
            return redirect("voucher_detail", pk=voucher.pk)
    return render(
        request,
        "vouchers/voucher_form.html",
        {"form": form, "client": client, "entitlement": entitlement},
    )


def _detail_context(request, voucher: Voucher, **forms_in_error) -> dict:
    summary = selectors.voucher_summary(voucher)
    plan = services.pop_plan(voucher)
    latest = plan.versions.order_by("-number").first() if plan else None
    required = services.pop_requires_actions(voucher)
    pop_reasons = (
        pop_problems(services.pop_facts(voucher, latest.content), actions_required=required)
        if latest
        else []
    )
    now = timezone.localtime()
    trajectory = voucher.trajectory
    phase = trajectory.phase
    return {
        "voucher": voucher,
        "client": voucher.client,
        "trajectory": trajectory,
        "summary": summary,
        "is_open": trajectory.status in (TrajectoryStatus.PLANNED, TrajectoryStatus.ACTIVE),
        "phase_label": PHASE_LABELS.get(phase, phase),
        "phases": [
            (p.value, PHASE_LABELS[p], p.value == phase, can_move(phase, p.value))
            for p in PHASE_ORDER
        ],
        "contact_form": forms_in_error.get("contact_form")
        or forms.VoucherContactForm(
            initial={
                "date": now.date(),
                "start_time": now.time().replace(second=0, microsecond=0),
                "duration_minutes": 60,
            }
        ),
        "intake_form": forms.IntakeForm(
            initial={"career_question": voucher.career_question, "topics": voucher.intake_topics}
        ),
        "intake_topics": [
            (key, label, key in voucher.intake_topics) for key, label in INTAKE_TOPICS.items()
        ],
        "scope_form": forms.ScopeResolveForm(),
        "interim_form": forms.InterimEvaluationForm(initial={"held_on": now.date()}),
        "aftercare_form": forms.AftercareForm(initial={"on": now.date()}),
        "certificate_form": forms.CertificateForm(),
        "interims": voucher.interim_evaluations.select_related("recorded_by"),
        "assignments": list(trajectory.assignments.order_by("deadline", "id")),
        "has_pair": Voucher.objects.filter(client_id=voucher.client_id).count() == 2,
        "aftercare": list(voucher.aftercare.all()),
        "plan": plan,
        "pop_version": latest,
        "pop_reasons": pop_reasons,
        "pop_required": required,
        "documents": trajectory.documents.filter(contact__isnull=True).order_by(
            "kind", "-created_at"
        ),
        "document_statuses": DocumentStatus.choices,
        "sees_ruleset": request.user.is_administrator or request.user.is_centre_staff,
    }


@login_required
def voucher_detail(request, pk: int):
    voucher = _voucher(request, pk)
    return render(request, "vouchers/voucher_detail.html", _detail_context(request, voucher))


@login_required
@require_POST
def voucher_contact_create(request, pk: int):
    voucher = _voucher(request, pk)
    form = forms.VoucherContactForm(request.POST)
    if form.is_valid():
        data = form.contact_data()
        try:
            contact = services.voucher_contact_log(
                voucher=voucher,
                data=data,
                acting_user=request.user,
                is_introduction=form.cleaned_data["is_introduction"],
            )
        except ValidationError as exc:
            errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
            for field, field_errors in errors.items():
                target = "date" if field == "starts_at" else field if field in form.fields else None
                for message in field_errors:
                    form.add_error(target, message)
        else:
            decision = next(
                j.decision
                for j in selectors.voucher_summary(voucher).contacts
                if j.contact.pk == contact.pk
            )
            reason = decision.reasons[0]
            messages.success(
                request,
                _("Contact geregistreerd: %(counted)d minuten tellen mee. %(rule)s: %(message)s")
                % {
                    "counted": decision.counted_minutes,
                    "rule": reason.rule,
                    "message": reason.message,
                },
            )
            return redirect("voucher_detail", pk=voucher.pk)
    context = _detail_context(request, voucher, contact_form=form)
    return render(request, "vouchers/voucher_detail.html", context, status=422)


@voucher_action
def voucher_intake(request, voucher: Voucher):
    form = forms.IntakeForm(request.POST)
    if form.is_valid():
        services.voucher_intake_update(
            voucher=voucher,
            career_question=form.cleaned_data["career_question"],
            topics=form.cleaned_data["topics"],
            acting_user=request.user,
        )
        messages.success(request, _("De intake is bewaard."))


@voucher_action
def voucher_scope(request, voucher: Voucher):
    services.voucher_scope_resolve(
        voucher=voucher, resolution=request.POST.get("resolution", ""), acting_user=request.user
    )
    messages.success(request, _("Je bevestiging is bewaard (LBC-19)."))


@voucher_action
def voucher_phase(request, voucher: Voucher):
    services.voucher_set_phase(
        voucher=voucher, phase=request.POST.get("phase", ""), acting_user=request.user
    )


@voucher_action
def voucher_interim(request, voucher: Voucher):
    form = forms.InterimEvaluationForm(request.POST)
    if not form.is_valid():
        raise ValidationError([e for errors in form.errors.values() for e in errors])
    services.interim_evaluation_add(voucher=voucher, acting_user=request.user, **form.cleaned_data)
    messages.success(request, _("De tussentijdse evaluatie is bewaard."))


@voucher_action
def voucher_aftercare(request, voucher: Voucher):
    form = forms.AftercareForm(request.POST)
    if not form.is_valid():
        raise ValidationError([e for errors in form.errors.values() for e in errors])
    services.aftercare_register(voucher=voucher, acting_user=request.user, **form.cleaned_data)
    messages.success(request, _("De nazorg is geregistreerd."))


@voucher_action
def voucher_aftercare_informed(request, voucher: Voucher):
    services.aftercare_informed(voucher=voucher, acting_user=request.user)
    messages.success(request, _("Genoteerd: de cliënt weet dat er nazorg is."))


@voucher_action
def voucher_document(request, voucher: Voucher):
    document = voucher_document_generate(
        voucher=voucher, kind=request.POST.get("kind", ""), acting_user=request.user
    )
    messages.success(request, _("“%(title)s” is aangemaakt.") % {"title": document.title})


@voucher_action
def voucher_certificate(request, voucher: Voucher):
    form = forms.CertificateForm(request.POST)
    if not form.is_valid():
        raise ValidationError([e for errors in form.errors.values() for e in errors])
    services.certificate_issue(
        voucher=voucher,
        training=form.cleaned_data["training"],
        benefit_academic_year_start=form.cleaned_data["academic_year_start"],
        only_to_obtain_benefit=form.cleaned_data["only_to_obtain_benefit"],
        acting_user=request.user,
    )
    voucher_document_generate(voucher=voucher, kind="certificate", acting_user=request.user)
    messages.success(request, _("Het attest is uitgereikt en aangemaakt."))


@voucher_action
def voucher_pop_finalise(request, voucher: Voucher):
    services.pop_finalise(voucher=voucher, acting_user=request.user)
    messages.success(request, _("Het POP is gefinaliseerd."))


@voucher_action
def voucher_close(request, voucher: Voucher):
    services.voucher_close(voucher=voucher, acting_user=request.user)
    messages.success(
        request, _("De cheque is afgerond. De cliënt krijgt de uitnodiging voor de evaluatie.")
    )


@voucher_action
def voucher_evaluation_received(request, voucher: Voucher):
    services.evaluation_received(voucher=voucher, on=timezone.localdate(), acting_user=request.user)


@login_required
@require_http_methods(["GET", "POST"])
def voucher_pop(request, pk: int):
    voucher = _voucher(request, pk)
    plan = services.pop_plan(voucher)
    latest = plan.versions.order_by("-number").first() if plan else None
    combined = voucher.combined_pop and voucher.number == 2
    form = forms.PopForm(
        request.POST or None,
        combined=combined,
        initial=forms.PopForm.initial_from(latest.content if latest else {}),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.pop_save(voucher=voucher, content=form.content(), acting_user=request.user)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Het POP is bewaard als nieuwe versie."))
            return redirect("voucher_detail", pk=voucher.pk)
    versions = plan.versions.select_related("author").order_by("-number") if plan else []
    return render(
        request,
        "vouchers/pop_form.html",
        {
            "voucher": voucher,
            "client": voucher.client,
            "trajectory": voucher.trajectory,
            "form": form,
            "plan": plan,
            "versions": versions,
            "finalised": bool(plan and plan.finalised_at),
        },
    )


@voucher_action
def voucher_combined_pop(request, voucher: Voucher):
    combined = request.POST.get("combined") == "on"
    services.voucher_combine_pop(voucher=voucher, combined=combined, acting_user=request.user)
    messages.success(
        request,
        _("Eén POP voor cheque 1 en 2.") if combined else _("Elke cheque heeft zijn eigen POP."),
    )
