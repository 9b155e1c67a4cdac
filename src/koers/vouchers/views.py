"""Voucher pages: the voucher with what counts and why, the intake, the POP, documents, dossier.

Every voucher is looked up through `Voucher.objects.visible_to(user)`: otherwise a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.core import permissions
from koers.core import selectors as core_selectors
from koers.core.form_pages import (
    REJECTED_STATUS,
    FormRejected,
    distinct_ids,
    object_post,
    submitted,
)
from koers.core.forms import apply_errors
from koers.core.models import Client, Role
from koers.trajectories.models import Contact, DocumentStatus, Programme, TrajectoryStatus
from koers.trajectories.rulesets import ruleset_missing, versions
from koers.vouchers import forms, selectors, services
from koers.vouchers.models import Voucher, VoucherPrint
from koers.vouchers.pdfs import (
    evaluation_letter_generate,
    evaluation_letter_step,
    voucher_document_generate,
)
from koers.vouchers.rules.dossier import closes_early, open_at_closing
from koers.vouchers.rules.entitlement import voucher_entitlement
from koers.vouchers.rules.evaluation import next_letter_on
from koers.vouchers.rules.intake import INTAKE_TOPICS
from koers.vouchers.rules.phases import PHASE_LABELS, PHASE_ORDER, can_move
from koers.vouchers.rules.pop import pop_problems


def _voucher(request, pk: int) -> Voucher:
    try:
        return selectors.voucher_get(user=request.user, pk=pk)
    except Voucher.DoesNotExist:
        raise Http404 from None


def _voucher_page(request, voucher: Voucher, rejected: FormRejected):
    """The voucher page again, with the rejected form as it was typed and its errors."""
    context = distinct_ids(_detail_context(request, voucher, **rejected.forms()))
    return render(request, "vouchers/voucher_detail.html", context, status=REJECTED_STATUS)


# A POST on a voucher: loaded through the access rules; a rejected form is shown again on the
# voucher page (core/form_pages.py), a refused button action as a message.
voucher_action = object_post(
    load=_voucher,
    page=_voucher_page,
    back=lambda voucher: redirect("voucher_detail", pk=voucher.pk),
)


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
    today = timezone.localdate()
    # No version in force today (after the last one ended): say so and who can fix it, and keep
    # the form, since a voucher that started while a version was in force can still be entered.
    no_ruleset = ruleset_missing(Programme.VOUCHER, today)
    entitlement = (
        None
        if no_ruleset
        else voucher_entitlement(
            started_on=list(started), today=today, rulesets=versions(Programme.VOUCHER)
        )
    )
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
        {"form": form, "client": client, "entitlement": entitlement, "no_ruleset": no_ruleset},
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
        "intake_form": forms_in_error.get("intake_form")
        or forms.IntakeForm(
            initial={"career_question": voucher.career_question, "topics": voucher.intake_topics}
        ),
        "intake_topics": [
            (key, label, key in voucher.intake_topics) for key, label in INTAKE_TOPICS.items()
        ],
        "scope_form": forms_in_error.get("scope_form") or forms.ScopeResolveForm(),
        "interim_form": forms_in_error.get("interim_form")
        or forms.InterimEvaluationForm(initial={"held_on": now.date()}),
        "aftercare_form": forms_in_error.get("aftercare_form")
        or forms.AftercareForm(initial={"on": now.date()}),
        "certificate_form": forms_in_error.get("certificate_form") or forms.CertificateForm(),
        "code_of_conduct_form": forms_in_error.get("code_of_conduct_form")
        or forms.CodeOfConductForm(initial={"on": now.date()}),
        "prints": {
            p.document_id: p
            for p in VoucherPrint.objects.filter(document__trajectory=trajectory).prefetch_related(
                Prefetch("contacts", queryset=Contact.objects.order_by("starts_at", "id"))
            )
        },
        "paper_step": evaluation_letter_step(voucher),
        "paper_next_on": next_letter_on(
            last_sent_on=voucher.evaluation_last_sent_on, ruleset=summary.ruleset
        ),
        "interims": voucher.interim_evaluations.select_related("recorded_by"),
        "assignments": list(trajectory.assignments.order_by("deadline", "id")),
        "has_pair": Voucher.objects.filter(client_id=voucher.client_id).count() == 2,
        "aftercare": list(voucher.aftercare.all()),
        "aftercare_totals": selectors.aftercare_totals(voucher),
        "video_consent_form": forms_in_error.get("video_consent_form")
        or forms.VideoConsentForm(
            initial={
                "video_consent": voucher.video_consent,
                "video_consent_on": voucher.video_consent_on or now.date(),
            }
        ),
        "group_feedback": selectors.group_feedback_rows(voucher),
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
    context = distinct_ids(_detail_context(request, voucher))
    return render(request, "vouchers/voucher_detail.html", context)


@voucher_action
def voucher_contact_create(request, voucher: Voucher):
    form = forms.VoucherContactForm(request.POST)
    with submitted(form, "contact_form"):
        contact = services.voucher_contact_log(
            voucher=voucher,
            data=form.contact_data(),
            acting_user=request.user,
            is_introduction=form.cleaned_data["is_introduction"],
        )
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


@voucher_action
def voucher_intake(request, voucher: Voucher):
    form = forms.IntakeForm(request.POST)
    with submitted(form, "intake_form"):
        services.voucher_intake_update(
            voucher=voucher,
            career_question=form.cleaned_data["career_question"],
            topics=form.cleaned_data["topics"],
            acting_user=request.user,
        )
    messages.success(request, _("De intake is bewaard."))


@voucher_action
def voucher_scope(request, voucher: Voucher):
    form = forms.ScopeResolveForm(request.POST)
    with submitted(form, "scope_form"):
        services.voucher_scope_resolve(
            voucher=voucher, resolution=form.cleaned_data["resolution"], acting_user=request.user
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
    with submitted(form, "interim_form"):
        services.interim_evaluation_add(
            voucher=voucher, acting_user=request.user, **form.cleaned_data
        )
    messages.success(request, _("De tussentijdse evaluatie is bewaard."))


@voucher_action
def voucher_aftercare(request, voucher: Voucher):
    form = forms.AftercareForm(request.POST)
    with submitted(form, "aftercare_form"):
        services.aftercare_register(voucher=voucher, acting_user=request.user, **form.cleaned_data)
    messages.success(request, _("De nazorg is geregistreerd."))


@voucher_action
def voucher_aftercare_informed(request, voucher: Voucher):
    services.aftercare_informed(voucher=voucher, acting_user=request.user)
    messages.success(request, _("Genoteerd: de cliënt weet dat er nazorg is."))


@voucher_action
def voucher_video_consent(request, voucher: Voucher):
    form = forms.VideoConsentForm(request.POST)
    with submitted(form, "video_consent_form"):
        services.video_consent_record(
            voucher=voucher,
            consent=form.cleaned_data["video_consent"],
            on=form.cleaned_data["video_consent_on"],
            acting_user=request.user,
        )
    messages.success(request, _("Het akkoord voor e-coaching is bewaard (LBC-06)."))


@voucher_action
def voucher_group_feedback(request, voucher: Voucher):
    try:
        group_contact_id = int(request.POST.get("group_contact", ""))
        feedback_contact_id = int(request.POST.get("feedback_contact", ""))
    except ValueError:
        raise ValidationError(_("Kies het individuele gesprek van de terugkoppeling.")) from None
    services.group_feedback_record(
        voucher=voucher,
        group_contact_id=group_contact_id,
        feedback_contact_id=feedback_contact_id,
        acting_user=request.user,
    )
    messages.success(request, _("De terugkoppeling van de groepssessie is bewaard (LBC-05)."))


@voucher_action
def voucher_document(request, voucher: Voucher):
    document = voucher_document_generate(
        voucher=voucher, kind=request.POST.get("kind", ""), acting_user=request.user
    )
    messages.success(request, _("“%(title)s” is aangemaakt.") % {"title": document.title})


@voucher_action
def voucher_certificate(request, voucher: Voucher):
    form = forms.CertificateForm(request.POST)
    with submitted(form, "certificate_form"):
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


@login_required
@require_http_methods(["GET", "POST"])
def voucher_close(request, pk: int):
    """Confirm closing: the open dossier points first, and a reason when the guidance stops early."""
    voucher = _voucher(request, pk)
    if voucher.trajectory.status not in (TrajectoryStatus.PLANNED, TrajectoryStatus.ACTIVE):
        messages.error(request, _("Deze cheque is al afgesloten."))
        return redirect("voucher_detail", pk=voucher.pk)
    form = forms.VoucherCloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            voucher = services.voucher_close(
                voucher=voucher,
                acting_user=request.user,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request,
                _(
                    "De cheque is afgesloten, onvolledig. De cliënt krijgt de uitnodiging voor de evaluatie."
                )
                if voucher.closed_incomplete
                else _("De cheque is afgerond. De cliënt krijgt de uitnodiging voor de evaluatie."),
            )
            return redirect("voucher_detail", pk=voucher.pk)
    checklist = selectors.voucher_summary(voucher).checklist
    early = closes_early(checklist)
    if early:
        form.fields["reason"].show_required = True
    status = 422 if request.method == "POST" else 200
    return render(
        request,
        "vouchers/voucher_close.html",
        {
            "voucher": voucher,
            "client": voucher.client,
            "trajectory": voucher.trajectory,
            "form": form,
            "open_points": open_at_closing(checklist),
            "early": early,
        },
        status=status,
    )


@voucher_action
def voucher_code_of_conduct(request, voucher: Voucher):
    form = forms.CodeOfConductForm(request.POST)
    with submitted(form, "code_of_conduct_form"):
        services.code_of_conduct_handed_over(
            voucher=voucher, acting_user=request.user, **form.cleaned_data
        )
    messages.success(request, _("Genoteerd: de gedragscode is overhandigd."))


@voucher_action
def voucher_evaluation_letter(request, voucher: Voucher):
    document = evaluation_letter_generate(voucher=voucher, acting_user=request.user)
    messages.success(
        request,
        _("“%(title)s” is aangemaakt en genoteerd. Druk de brief af en bezorg hem aan de cliënt.")
        % {"title": document.title},
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
