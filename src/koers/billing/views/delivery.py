"""BIL-01 pages: the dossiers to deliver and the batches, a batch and its cover sheet, audits."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from koers.billing.forms import delivery as forms
from koers.billing.models import DeliveryBatch
from koers.billing.selectors import delivery as selectors
from koers.billing.services import delivery as services
from koers.core.form_pages import REJECTED_STATUS, FormRejected, object_post, submitted
from koers.trajectories.models import Trajectory


def _page(request, status=200, **forms_):
    page = selectors.delivery_page(
        user=request.user, today=timezone.localdate(), page=request.GET.get("page")
    )
    orgs = selectors.staff_organisations(request.user)
    context = page.context() | {
        "batch_form": forms.BatchForm(choices=[]),
        "audit_form": forms.AuditForm(organisation_ids=orgs) if orgs else None,
    }
    return render(request, "billing/delivery.html", context | forms_, status=status)


@login_required
@require_GET
def delivery_list(request):
    return _page(request)


@login_required
@require_POST
def batch_new(request):
    """Select, then confirm: the first post shows the selection, the second makes the batch."""
    form = forms.BatchForm(request.POST, choices=selectors.dossier_choices(request.user))
    try:
        with submitted(form, "form") as data:
            if not data["confirm"]:
                preview = selectors.batch_preview(
                    user=request.user, trajectory_ids=data["dossiers"]
                )
                context = {"form": form, "preview": preview}
                return render(request, "billing/batch_confirm.html", context)
            batch = services.batch_create(trajectory_ids=data["dossiers"], acting_user=request.user)
    except FormRejected as rejected:
        # What was ticked, as sent: a refusal on the field takes it out of `cleaned_data`.
        ids = [int(v) for v in rejected.form["dossiers"].value() or [] if str(v).isdigit()]
        preview = selectors.batch_preview(user=request.user, trajectory_ids=ids)
        context = {"form": rejected.form, "preview": preview}
        return render(request, "billing/batch_confirm.html", context, status=REJECTED_STATUS)
    messages.success(request, _("De zending is klaargezet. Druk het voorblad af."))
    return redirect("billing_batch_detail", pk=batch.pk)


def _load(request, pk: int) -> DeliveryBatch:
    try:
        return selectors.batch_get(user=request.user, pk=pk)
    except DeliveryBatch.DoesNotExist as exc:
        raise Http404 from exc


def _batch_page(request, batch, rejected=None, template="billing/batch_detail.html"):
    page = selectors.batch_page(user=request.user, batch=batch)
    state_form = rejected.form if rejected else forms.BatchStateForm()
    context = page.context() | {"state_form": state_form}
    return render(request, template, context, status=REJECTED_STATUS if rejected else 200)


def _read_only(request, batch, template):
    """Another user's batch is a 404 whatever the method; the owner's answers only GET."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])
    return _batch_page(request, batch, template=template)


@login_required
def batch_detail(request, pk: int):
    return _read_only(request, _load(request, pk), "billing/batch_detail.html")


@login_required
def batch_cover(request, pk: int):
    """The printable cover sheet: the batch's dossiers and their pieces (`@media print`)."""
    return _read_only(request, _load(request, pk), "billing/batch_cover.html")


@object_post(load=_load, page=_batch_page, back=lambda b: redirect("billing_batch_detail", b.pk))
def batch_state(request, batch):
    form = forms.BatchStateForm(request.POST)
    with submitted(form, "state_form") as data:
        services.batch_set_state(
            batch=batch, state=data["state"], why=data["why"], acting_user=request.user
        )
    messages.success(request, _("De status van de zending is bijgewerkt."))


@login_required
@require_POST
def audit_new(request):
    orgs = selectors.staff_organisations(request.user)
    if not orgs:
        raise Http404
    form = forms.AuditForm(request.POST, organisation_ids=orgs)
    try:
        with submitted(form, "audit_form") as data:
            services.audit_set(**data, acting_user=request.user)
    except FormRejected as rejected:
        return _page(request, REJECTED_STATUS, audit_form=rejected.form)
    messages.success(request, _("De audit is gezet: elke coach ziet wat binnen moet zijn."))
    return redirect("billing_delivery")


@login_required
def dossier_audit_pack(request, pk: int):
    """A dossier's audit pack: the checklist with, per rule, the evidence or what is lacking."""
    try:
        dossier = selectors.audit_pack(user=request.user, trajectory_id=pk)
    except Trajectory.DoesNotExist as exc:
        raise Http404 from exc
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])
    return render(request, "billing/audit_pack.html", {"dossier": dossier})
