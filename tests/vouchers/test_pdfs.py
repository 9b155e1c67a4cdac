"""Voucher PDFs: rendered with WeasyPrint, stored as documents, named as LBC-12/LBC-14 ask."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from pypdf import PdfReader

from koers.trajectories.models import ContactForm, ContactOutcome, DocumentStatus
from koers.trajectories.services import ContactData, document_set_status
from koers.vouchers.pdfs import voucher_document_generate
from koers.vouchers.services import certificate_issue, pop_save, voucher_contact_log, voucher_open

POP = {
    "style": "action",
    "sections": {
        "career_question": "Blijf ik in de boekhouding?",
        "reflections": "Ik haal energie uit mensen.",
    },
    "actions": [
        {
            "what": "Inschrijven voor de opleiding HR-assistent",
            "by_when": "2027-01-15",
            "by_whom": "cliënt",
        }
    ],
}


@pytest.fixture
def voucher(client_record, coach):
    voucher = voucher_open(
        client=client_record,
        responsible=coach,
        organisation=client_record.organisation,
        start_date=timezone.localdate() - timedelta(days=30),
        acting_user=coach,
    )
    start = (timezone.localtime() - timedelta(days=3)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    voucher_contact_log(
        voucher=voucher,
        data=ContactData(
            starts_at=start,
            duration_minutes=90,
            form=ContactForm.INDIVIDUAL,
            outcome=ContactOutcome.HELD,
        ),
        acting_user=coach,
    )
    return voucher


def _text(document) -> str:
    reader = PdfReader(document.file.path)
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.django_db
def test_lbc_11_contract_in_duplicate_with_signature_places(voucher, coach):
    document = voucher_document_generate(voucher=voucher, kind="contract", acting_user=coach)
    assert document.status == DocumentStatus.GENERATED
    assert document.file.read(5) == b"%PDF-"
    text = _text(document)
    assert text.count("Handtekening cliënt") == 2
    assert "Exemplaar cliënt" in text and "Origineel voor het loopbaancentrum" in text
    assert "Ann Peeters" in text


@pytest.mark.django_db
def test_lbc_11_attendance_proof_lists_each_contact_with_signature_line(voucher, coach):
    text = _text(voucher_document_generate(voucher=voucher, kind="attendance", acting_user=coach))
    assert "Bewijs van deelname" in text
    assert "90 min" in text
    assert "Handtekening cliënt" in text


@pytest.mark.django_db
def test_lbc_12_lbc_14_pop_pdf_title_and_file_name(voucher, coach):
    pop_save(voucher=voucher, content=POP, acting_user=coach)
    document = voucher_document_generate(voucher=voucher, kind="pop", acting_user=coach)
    assert document.original_filename == "POP Ann Peeters cheque 1.pdf"
    text = _text(document)
    assert "POP (loopbaancheque 1)" in text
    assert "15/01/2027" in text


@pytest.mark.django_db
def test_regenerating_replaces_the_unsigned_copy_but_never_a_received_original(voucher, coach):
    first = voucher_document_generate(voucher=voucher, kind="code_of_conduct", acting_user=coach)
    again = voucher_document_generate(voucher=voucher, kind="code_of_conduct", acting_user=coach)
    assert first.pk == again.pk
    document_set_status(document=again, status=DocumentStatus.ORIGINAL_RECEIVED, acting_user=coach)
    third = voucher_document_generate(voucher=voucher, kind="code_of_conduct", acting_user=coach)
    assert third.pk != again.pk


@pytest.mark.django_db
def test_lbc_20_certificate_refused_until_issued_then_rendered(voucher, coach):
    with pytest.raises(ValidationError, match="LBC-20"):
        voucher_document_generate(voucher=voucher, kind="certificate", acting_user=coach)
    pop_save(voucher=voucher, content=POP, acting_user=coach)
    certificate_issue(
        voucher=voucher,
        training="opleiding HR-assistent",
        benefit_academic_year_start=date(2027, 9, 1),
        only_to_obtain_benefit=False,
        acting_user=coach,
    )
    text = _text(voucher_document_generate(voucher=voucher, kind="certificate", acting_user=coach))
    assert "verklaart op eer" in text
    assert "opleiding HR-assistent" in text
