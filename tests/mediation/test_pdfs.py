"""MED-02 letter, MED-07 agreement sheet and MED-14 final advice as PDFs (text read with pypdf)."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pypdf import PdfReader, PdfWriter

from koers.mediation import jobs, pdfs, services
from koers.mediation.rules.closing import CITIZEN_TEXTS, Advice

from .steps import _present_with_sheet, _started

pytestmark = pytest.mark.django_db


def _text(document) -> str:
    document.file.open("rb")
    reader = PdfReader(io.BytesIO(document.file.read()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _pdf(pages: int, name: str) -> SimpleUploadedFile:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return SimpleUploadedFile(name, out.getvalue(), content_type="application/pdf")


def test_med_07_sheet_pdf_laid_out_like_the_seed(service, mediator):
    sheet = _present_with_sheet(service, mediator)
    document = pdfs.sheet_pdf(sheet=sheet, acting_user=mediator)
    text = _text(document)
    for expected in (
        "Afsprakenblad van",
        f"Klantnummer: {service.client.pk}",
        "Volgend contact:",
        "We rekenen op je aanwezigheid.",
        "Jouw opdrachten:",
        "Zoek passende vacatures",
        "Deadline: 28 maart 2030",
        "Onze dienstverlening:",
        "Intensieve bemiddeling",
        "Let op, deze afspraken zijn niet vrijblijvend.",
        "0800 30 700",
        "elke werkdag van 8 tot 19 uur",
        "HANDTEKENING TRAJECTBEGELEIDER EN KLANT",
        "Bemiddelaar: Edu Vlbr06",
    ):
        assert expected in text, expected


@pytest.mark.parametrize("option", ["need", "no_need", "exhausted"])
def test_med_14_advice_pdf_prints_citizen_text_word_for_word(service, mediator, option):
    _started(service, mediator, months_ago_days=370)
    jobs.mediation_closing_signal(timezone.now())
    services.advice_give(
        service=service,
        option=option,
        remark="Extra opmerking voor de burger.",
        mail=False,
        printed=True,
        acting_user=mediator,
        now=timezone.now(),
    )
    document = pdfs.advice_pdf(service=service, acting_user=mediator)
    text = _text(document)
    assert " ".join(CITIZEN_TEXTS[Advice(option)].split()) in text
    assert "Extra opmerking voor de burger." in text


def test_med_02_letter_with_attachments_over_twelve_pages_refused(service, mediator):
    appointment = service.first_appointments.get()
    before = appointment.letter_pages
    with pytest.raises(ValidationError, match="maximaal 12"):
        pdfs.invitation_send(
            appointment=appointment,
            attachments=[_pdf(5, "a.pdf"), _pdf(5, "b.pdf")],  # 1 + 5 + 5 + 2 blanks = 13
            acting_user=mediator,
        )
    appointment.refresh_from_db()
    assert appointment.letter_pages == before and appointment.letter_document is None
    document = pdfs.invitation_send(
        appointment=appointment, attachments=[_pdf(3, "a.pdf")], acting_user=mediator
    )
    appointment.refresh_from_db()
    assert appointment.letter_pages == 5  # 1 + 3 + 1 blank
    assert "Graag nodigen we je uit voor de eerste afspraak bij Werkkracht" in _text(document)


def test_med_02_invitation_by_email_from_the_organisation(
    service, mediator, mailoutbox, django_capture_on_commit_callbacks
):
    appointment = service.first_appointments.get()
    appointment.send_by = "email"
    appointment.save()
    with django_capture_on_commit_callbacks(execute=True):
        pdfs.invitation_send(appointment=appointment, attachments=[], acting_user=mediator)
    assert mailoutbox[-1].from_email == "info@werkkracht.example"
    assert mailoutbox[-1].to == [service.client.email]
