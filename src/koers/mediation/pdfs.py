"""Mediation documents as PDFs in the house style: the invitation letter (MED-02), the agreement
sheet (MED-05/07) and the final advice (MED-14). Rendering happens outside transactions."""

import io
import re
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from koers.core.languages import in_language_of
from koers.documents.render import render_pdf
from koers.lib.refusals import refusal
from koers.mediation import models as m
from koers.mediation.rules.closing import ADVICE_LABELS, CITIZEN_TEXTS, Advice
from koers.mediation.rules.process import letter_size
from koers.mediation.selectors import ruleset_of
from koers.outbox.services import mail_queue
from koers.trajectories.models import Document, DocumentKind
from koers.trajectories.services import document_store_generated, document_validate_upload


def pdf_page_count(data: bytes) -> int:
    try:
        from pypdf import PdfReader
    except ImportError:  # pragma: no cover - pypdf is a test dependency; count page objects
        return max(1, len(re.findall(rb"/Type\s*/Page(?![s\w])", data)))
    return len(PdfReader(io.BytesIO(data)).pages)


def _context(service: m.MediationService) -> dict:
    trajectory = service.trajectory
    mediator = trajectory.responsible
    return {
        "service": service,
        "client": service.client,
        "centre": trajectory.organisation,
        "mediator": mediator,
        "mediator_name": mediator.get_full_name() or mediator.username,
        "today": timezone.localdate(),
    }


def _store(service, *, kind, title, file_name, pdf: bytes, acting_user, contact=None) -> Document:
    return document_store_generated(
        trajectory=service.trajectory,
        kind=kind,
        title=title,
        file_name=file_name,
        pdf=pdf,
        acting_user=acting_user,
        contact=contact,
    )


def _service(pk: int) -> m.MediationService:
    return m.MediationService.objects.select_related(
        "client", "trajectory__responsible", "trajectory__organisation"
    ).get(pk=pk)


# ---- MED-07: the agreement sheet -----------------------------------------------------------------


def _long_date(value: date) -> str:
    return date_format(value, "l j F Y")


def sheet_context(sheet: m.AgreementSheet) -> dict:
    service = _service(sheet.service_id)
    content = sheet.content
    contacts = []
    for c in content.get("next_contacts", []):
        start = timezone.localtime(datetime.fromisoformat(c["starts_at"]))
        contacts.append(c | {"when": f"{_long_date(start.date())} om {start:%H.%M} u"})
    assignments = [
        a | {"deadline_text": date_format(date.fromisoformat(a["deadline"]), "j F Y")}
        for a in content.get("assignments", [])
    ]
    return _context(service) | {
        "sheet": sheet,
        "contacts": contacts,
        "assignments": assignments,
        "work_points": content.get("work_points", []),
        "services_remark": content.get("services_remark", ""),
    }


def sheet_pdf(*, sheet: m.AgreementSheet, acting_user, mail: bool = False) -> Document:
    """Print or mail the sheet (MED-05: "mail afsprakenblad" / "print afsprakenblad")."""
    context = sheet_context(sheet)
    pdf = render_pdf("mediation/pdf/sheet.html", context)
    service = context["service"]
    with transaction.atomic():
        # Two PDFs made of one sheet at once (print and mail): the second waits, so the sheet
        # points at the last stored document and not at one whose row was overwritten.
        sheet = m.AgreementSheet.objects.select_for_update().get(pk=sheet.pk)
        document = _store(
            service,
            kind=DocumentKind.PLAN,
            title=str(sheet),
            file_name=f"Afsprakenblad {sheet.made_on:%Y-%m-%d}.pdf",
            pdf=pdf,
            acting_user=acting_user,
        )
        sheet.document = document
        sheet.save(update_fields=["document"])
    if mail:
        _mail_client(
            service,
            gettext_lazy("Je afsprakenblad"),
            gettext_lazy("In bijlage vind je je afsprakenblad."),
            [(document.original_filename, pdf)],
        )
    return document


def _mail_client(service, subject, body, files: list[tuple[str, bytes]]) -> None:
    """Subject and body (lazy translations, or texts that are Dutch by law) are written in the
    client's language, whoever clicks the button."""
    client = service.client
    if not client.email:
        raise ValidationError({"mail": [_("Deze cliënt heeft geen e-mailadres: kies printen.")]})
    organisation = service.trajectory.organisation
    # E-mails to clients go out from the organisation's address.
    with in_language_of(client):
        subject, body = str(subject), str(body)
    mail_queue(
        kind="mediation.documents",
        organisation=organisation,
        sender=organisation.email,
        to=[client.email],
        subject=subject,
        body=body,
        attachments=[(name, data, "application/pdf") for name, data in files],
    )


# ---- MED-14: the final advice --------------------------------------------------------------------


def advice_pdf(*, service: m.MediationService, acting_user) -> Document:
    """The advice with its citizen text word for word; mailed when "Mail eindadvies" was ticked."""
    service = _service(service.pk)
    if not service.advice:
        raise ValidationError({"advice": [_("Er is nog geen eindadvies gegeven. (MED-14)")]})
    advice = Advice(service.advice)
    context = _context(service) | {
        "advice_label": ADVICE_LABELS[advice],
        "citizen_text": CITIZEN_TEXTS[advice],
        "closed_on": timezone.localdate(service.closed_at),
    }
    pdf = render_pdf("mediation/pdf/advice.html", context)
    with transaction.atomic():
        document = _store(
            service,
            kind=DocumentKind.CORRESPONDENCE,
            title=_("Eindadvies: %(label)s") % {"label": ADVICE_LABELS[advice]},
            file_name="Eindadvies intensieve bemiddeling.pdf",
            pdf=pdf,
            acting_user=acting_user,
        )
        m.MediationService.objects.filter(pk=service.pk).update(advice_document=document)
        if service.advice_mail and service.client.email:
            _mail_client(
                service,
                gettext_lazy("Eindadvies intensieve bemiddeling"),
                f"{ADVICE_LABELS[advice]}\n\n{CITIZEN_TEXTS[advice]}",
                [(document.original_filename, pdf)],
            )
    return document


# ---- MED-02: the invitation letter or e-mail -----------------------------------------------------


def _attachment_pages(upload: UploadedFile) -> int:
    mime = document_validate_upload(upload)
    if mime == "application/pdf":
        data = upload.read()
        upload.seek(0)
        return pdf_page_count(data)
    if mime.startswith("image/"):
        return 1
    raise ValidationError(
        {"attachments": [_("Voeg bijlagen bij een brief toe als PDF of afbeelding. (MED-02)")]}
    )


def invitation_send(
    *, appointment: m.FirstAppointment, attachments: list[UploadedFile], acting_user
) -> Document:
    """The invitation by letter (blank pages for odd attachments, max. 12 pages) or e-mail."""
    appointment = m.FirstAppointment.objects.select_related("contact").get(pk=appointment.pk)
    service = _service(appointment.service_id)
    if appointment.outcome:
        raise ValidationError({"__all__": [_("Deze afspraak is al afgewerkt. (MED-02)")]})
    start = timezone.localtime(appointment.contact.starts_at)
    context = _context(service) | {
        "appointment": appointment,
        "when": f"{_long_date(start.date())} om {start:%H.%M} uur",
        "attachments": [a.name for a in attachments],
    }
    pdf = render_pdf("mediation/pdf/letter.html", context)
    pages = [_attachment_pages(a) for a in attachments]
    by_letter = appointment.send_by == m.SendBy.LETTER
    size = letter_size(
        letter_pages=pdf_page_count(pdf),
        attachment_pages=pages,
        by_letter=by_letter,
        ruleset=ruleset_of(service),
    )
    if size.refusal:
        raise refusal("attachments", size.refusal)
    with transaction.atomic():
        # Two invitations sent for one appointment at once: the second waits, so the appointment
        # keeps the letter (and its page count) of the one that was stored last, never a mix.
        appointment = m.FirstAppointment.objects.select_for_update().get(pk=appointment.pk)
        document = _store(
            service,
            kind=DocumentKind.CORRESPONDENCE,
            title=_("Uitnodiging eerste afspraak %(n)d (%(by)s)")
            % {"n": appointment.number, "by": appointment.get_send_by_display().lower()},
            file_name=f"Uitnodiging eerste afspraak {appointment.number}.pdf",
            pdf=pdf,
            acting_user=acting_user,
            contact=appointment.contact,
        )
        appointment.letter_document = document
        appointment.letter_pages = size.total
        appointment.save(update_fields=["letter_document", "letter_pages"])
        if not by_letter:
            files = [(document.original_filename, pdf)]
            for upload in attachments:
                files.append((upload.name, upload.read()))
            _mail_client(
                service,
                gettext_lazy("Uitnodiging eerste afspraak"),
                appointment.covering_text,
                files,
            )
    return document
