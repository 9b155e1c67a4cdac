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
        "VDAB-klantnummer: nog niet ingevuld op de toeleiding",
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


def test_issue_16_the_pdfs_show_the_vdab_client_number_of_the_referral_not_koers_id(
    service, mediator
):
    service.vdab_client_number = "13007034"
    service.save()
    sheet = _present_with_sheet(service, mediator)
    text = _text(pdfs.sheet_pdf(sheet=sheet, acting_user=mediator))
    assert "VDAB-klantnummer: 13007034" in text
    assert f"Klantnummer: {service.client.pk} " not in text


def test_issue_16_a_vdab_client_number_is_digits_as_on_the_referral(service, mediator):
    data = services.ReferralData(
        tender=service.tender,
        lot=service.lot,
        vdab_mediator_name=service.vdab_mediator_name,
        vdab_mediator_email=service.vdab_mediator_email,
        vdab_client_number="KL-1300",
        referral_date=service.referral_date,
    )
    with pytest.raises(ValidationError) as refused:
        services.referral_update(service=service, data=data, acting_user=mediator)
    assert "vdab_client_number" in refused.value.message_dict
    data.vdab_client_number = "1300 7034"
    services.referral_update(service=service, data=data, acting_user=mediator)
    service.refresh_from_db()
    assert service.vdab_client_number == "13007034"
