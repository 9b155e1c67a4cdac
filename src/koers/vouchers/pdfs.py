"""The voucher's documents as PDFs in the centre's house style (LBC-11, LBC-12, LBC-14, LBC-20)."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.documents.render import render_pdf
from koers.trajectories.models import ContactForm, Document, DocumentKind, DocumentStatus
from koers.vouchers.models import Voucher
from koers.vouchers.rules import COUNTABLE_FORMS
from koers.vouchers.rules.pop import POP_SECTIONS, pop_file_name
from koers.vouchers.selectors import voucher_summary
from koers.vouchers.services import pop_plan, ruleset_of

GENERATED_KINDS = {
    "contract": DocumentKind.CONTRACT,
    "code_of_conduct": DocumentKind.CODE_OF_CONDUCT,
    "attendance": DocumentKind.ATTENDANCE,
    "pop": DocumentKind.PLAN,
    "certificate": DocumentKind.CERTIFICATE,
}


def _base_context(voucher: Voucher) -> dict:
    trajectory = voucher.trajectory
    ruleset = ruleset_of(voucher)
    return {
        "voucher": voucher,
        "client": voucher.client,
        "coach": trajectory.responsible,
        "centre": trajectory.organisation,
        "ruleset": ruleset,
        "hours": ruleset.voucher_minutes // 60,
        "contribution": f"{ruleset.own_contribution_cents / 100:.2f}".replace(".", ","),
        "today": timezone.localdate(),
    }


def _contract(voucher: Voucher) -> tuple[str, dict, str, str]:
    context = _base_context(voucher)
    # LBC-11.1: signed in duplicate, one copy for the client, the original for the centre.
    context["copies"] = [_("Exemplaar cliënt"), _("Origineel voor het loopbaancentrum")]
    return (
        "documents/pdf/contract.html",
        context,
        f"Overeenkomst cheque {voucher.number}",
        "Overeenkomst",
    )


def _code_of_conduct(voucher: Voucher) -> tuple[str, dict, str, str]:
    return (
        "documents/pdf/code_of_conduct.html",
        _base_context(voucher),
        "Gedragscode",
        "Gedragscode",
    )


def _attendance(voucher: Voucher) -> tuple[str, dict, str, str]:
    summary = voucher_summary(voucher)
    rows = []
    for judged in summary.contacts:
        contact = judged.contact
        # Only guidance contacts are signed for; phone, e-mail and tool time never count (LBC-07/08).
        if (
            judged.is_introduction
            or contact.outcome != "held"
            or contact.form not in COUNTABLE_FORMS
        ):
            continue
        start = timezone.localtime(contact.starts_at)
        rows.append(
            {
                "date": f"{start:%d/%m/%Y}",
                "time": f"{start:%H:%M}",
                "minutes": contact.duration_minutes,
                "form": contact.get_form_display(),
                "counted": judged.decision.counted_minutes,
                "is_video": contact.form == ContactForm.VIDEO,
            }
        )
    context = _base_context(voucher) | {"rows": rows, "counted_total": summary.counted_minutes}
    return (
        "documents/pdf/attendance.html",
        context,
        f"Bewijs van deelname cheque {voucher.number}",
        "Bewijs van deelname",
    )


def _pop(voucher: Voucher) -> tuple[str, dict, str, str]:
    plan = pop_plan(voucher)
    if plan is None:
        raise ValidationError({"__all__": [_("Er is nog geen POP. (LBC-12)")]})
    version = plan.versions.order_by("-number").first()
    combined = voucher.combined_pop
    file_name = pop_file_name(
        voucher.client.first_name, voucher.client.last_name, None if combined else voucher.number
    )
    context = _base_context(voucher) | {
        "plan": plan,
        "version": version,
        "content": version.content,
        "title": plan.title,
        "sections": POP_SECTIONS,
        "combined": combined,
    }
    return "documents/pdf/pop.html", context, file_name, plan.title


def _certificate(voucher: Voucher) -> tuple[str, dict, str, str]:
    if voucher.certificate_issued_at is None:
        raise ValidationError(
            {
                "__all__": [
                    _("Reik eerst het attest uit: Koers controleert dan of het mag. (LBC-20)")
                ]
            }
        )
    return (
        "documents/pdf/certificate.html",
        _base_context(voucher),
        f"Attest opleiding POP {voucher.client.first_name} {voucher.client.last_name}",
        "Attest opleiding in het kader van het POP",
    )


_BUILDERS = {
    "contract": _contract,
    "code_of_conduct": _code_of_conduct,
    "attendance": _attendance,
    "pop": _pop,
    "certificate": _certificate,
}


def voucher_document_generate(*, voucher: Voucher, kind: str, acting_user) -> Document:
    """Render the PDF (outside any transaction), then store it as the voucher's document of that kind.

    A document whose signed original was already received is never overwritten: a new one is added.
    """
    if kind not in _BUILDERS:
        raise ValidationError({"kind": [_("Onbekend document.")]})
    voucher = Voucher.objects.select_related(
        "client", "trajectory__responsible", "trajectory__organisation"
    ).get(pk=voucher.pk)
    template, context, file_name, title = _BUILDERS[kind](voucher)
    pdf = render_pdf(template, context)
    document_kind = GENERATED_KINDS[kind]
    with transaction.atomic():
        document = (
            Document.objects.select_for_update()
            .filter(
                trajectory=voucher.trajectory,
                kind=document_kind,
                contact__isnull=True,
                status__in=[DocumentStatus.MISSING, DocumentStatus.GENERATED],
            )
            .first()
        ) or Document(trajectory=voucher.trajectory, kind=document_kind, contact=None)
        document.title = title
        document.status = DocumentStatus.GENERATED
        document.original_filename = f"{file_name}.pdf"
        document.content_type = "application/pdf"
        document.size_bytes = len(pdf)
        document.uploaded_by = acting_user
        document.file.save("generated.pdf", ContentFile(pdf), save=False)
        document._history_user = acting_user
        document.save()
    return document
