"""BIL-03: the statement PDF (read in three queries), the statement mail that carries it through
the outbox, and its download on the page and in the API with the statement's access."""

import io
from datetime import date

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from koers.billing.jobs.hours import billing_send_statement_mails
from koers.billing.models import StatementMail
from koers.billing.pdfs import statement_pdf
from koers.billing.rules.periods import Month
from koers.billing.selectors.statement_documents import statement_document
from koers.billing.services.hours import hour_mark_entered, statement_correct, statement_settle
from koers.billing.services.statement_mail import statement_mail_send
from koers.core.models import Role
from tests.api.conftest import Api
from tests.billing.factories import held_contact, open_voucher, rate
from tests.billing.mail_backends import DOWN, LOCMEM
from tests.factories import ClientFactory, staff_user

TODAY = date(2026, 6, 15)
MAY = Month(2026, 5)
LONG_NAME = "Van Den Broeck-Vanderlinden de la Fontaine"


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _settled(coach, centre, centre_staff, *, clients=2):
    rate(coach, centre, "110.00")
    for i in range(clients):
        client = ClientFactory(organisation=centre, first_name=f"Klant{i}", last_name=LONG_NAME)
        voucher = open_voucher(coach, centre, client)
        for day, minutes in ((4, 120), (5, 90)):
            contact = held_contact(voucher, date(2026, 5, day), minutes)
            hour_mark_entered(
                contact_id=contact.pk, entered_on=date(2026, 5, 10), acting_user=coach, today=TODAY
            )
    [statement] = statement_settle(centre=centre, month=MAY, acting_user=centre_staff, today=TODAY)
    return statement


@pytest.fixture
def statement(coach, centre, centre_staff):
    with time_machine.travel("2026-06-15T10:00:00+02:00", tick=False):
        return _settled(coach, centre, centre_staff)


def test_bil_03_statement_pdf_shows_coach_centre_month_lines_corrections_and_total(
    statement, coach, centre, centre_staff
):
    line = statement.lines.first()
    with time_machine.travel("2026-06-16T10:00:00+02:00", tick=False):
        statement_correct(
            statement_id=statement.pk,
            line_id=line.pk,
            minutes=-30,
            note="Een half uur dubbel geteld",
            acting_user=centre_staff,
        )
    text = _text(statement_pdf(statement))
    assert "Afrekening mei 2026" in text
    assert coach.get_full_name() in text and centre.name in text
    assert f"Klant0 {LONG_NAME}" in text.replace("\n", " ")
    assert "3,5" in text and "€ 110,00" in text and "€ 385,00" in text  # 3,5 h × € 110
    assert "€ 770,00" in text  # the statement's total
    assert "Een half uur dubbel geteld" in text and "-0,5" in text and "€ -55,00" in text
    assert "€ 715,00" in text  # to invoice, with the correction


def test_bil_03_statement_document_reads_in_three_queries_whatever_the_lines(
    coach, centre, centre_staff, django_assert_num_queries
):
    with time_machine.travel("2026-06-15T10:00:00+02:00", tick=False):
        statement = _settled(coach, centre, centre_staff, clients=4)
    for line in statement.lines.all()[:3]:
        statement_correct(
            statement_id=statement.pk,
            line_id=line.pk,
            minutes=30,
            note="x",
            acting_user=centre_staff,
        )
    with django_assert_num_queries(3):
        document = statement_document(statement_id=statement.pk)
    assert len(document.lines) == 4 and len(document.corrections) == 3
    assert document.total == "€ 1.540,00"


def test_bil_03_many_lines_run_over_pages_with_every_line(coach, centre, centre_staff):
    with time_machine.travel("2026-06-15T10:00:00+02:00", tick=False):
        statement = _settled(coach, centre, centre_staff, clients=30)
    reader = PdfReader(io.BytesIO(statement_pdf(statement)))
    text = "\n".join(p.extract_text() for p in reader.pages).replace("\n", " ")
    assert len(reader.pages) >= 2
    assert all(f"Klant{i} " in text for i in range(30))
    assert "Pagina 1 van" in text and "€ 11.550,00" in text


def test_bil_03_statement_mail_carries_the_pdf_recorded_failed_then_sent(
    statement, coach, settings
):
    outbox = StatementMail.objects.get(statement=statement)
    settings.EMAIL_BACKEND = DOWN
    assert statement_mail_send(mail_id=outbox.pk) is False
    outbox.refresh_from_db()
    assert (outbox.sent_at, outbox.attempts) == (None, 1) and "down" in outbox.last_error
    assert billing_send_statement_mails(timezone.now()) == 0  # still down: recorded again
    outbox.refresh_from_db()
    assert outbox.attempts == 2 and outbox.sent_at is None
    settings.EMAIL_BACKEND = LOCMEM
    assert billing_send_statement_mails(timezone.now()) == 1
    assert billing_send_statement_mails(timezone.now()) == 0  # sent once, never again
    outbox.refresh_from_db()
    assert outbox.sent_at is not None and outbox.attempts == 3 and outbox.last_error == ""
    [sent] = mail.outbox
    assert sent.to == [coach.email] and "05/2026" in sent.subject
    [(name, content, mimetype)] = sent.attachments
    assert (name, mimetype) == ("afrekening-2026-05.pdf", "application/pdf")
    assert "Afrekening mei 2026" in _text(content)
    assert "€ 770,00" in sent.body


def test_bil_03_a_pdf_that_fails_to_render_is_recorded_and_retried(statement, monkeypatch, caplog):
    outbox = StatementMail.objects.get(statement=statement)

    def broken(statement):
        raise OSError("no fonts")

    monkeypatch.setattr("koers.billing.services.statement_mail.statement_pdf", broken)
    assert statement_mail_send(mail_id=outbox.pk) is False
    outbox.refresh_from_db()
    assert outbox.attempts == 1 and "no fonts" in outbox.last_error and not mail.outbox
    monkeypatch.undo()
    assert billing_send_statement_mails(timezone.now()) == 1 and len(mail.outbox) == 1
    # The log names the mail and the error's kind, never the coach or the address.
    assert statement.coach.email not in caplog.text


def test_bil_03_the_settlement_sends_the_mail_after_commit(
    coach, centre, centre_staff, django_capture_on_commit_callbacks
):
    with (
        time_machine.travel("2026-06-15T10:00:00+02:00", tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        statement = _settled(coach, centre, centre_staff, clients=1)
    assert StatementMail.objects.get(statement=statement).sent_at is not None
    assert [m.to for m in mail.outbox] == [[coach.email]]
    assert mail.outbox[0].attachments[0][0] == "afrekening-2026-05.pdf"


def test_bil_03_statement_pdf_download_coach_own_staff_their_centre(
    statement, coach, other_coach, centre_staff, other_centre, logged_in, client
):
    url = reverse("billing_statement_pdf", args=[statement.pk])
    for user in (coach, centre_staff):
        answer = logged_in(user).get(url)
        assert answer.status_code == 200 and answer["Content-Type"] == "application/pdf"
        assert 'filename="afrekening-2026-05.pdf"' in answer["Content-Disposition"]
        assert answer.content.startswith(b"%PDF")
        client.logout()
    for user in (other_coach, staff_user(other_centre, Role.CENTRE_STAFF)):
        assert logged_in(user).get(url).status_code == 404
        client.logout()
    page = logged_in(coach).get(reverse("billing_statement", args=[statement.pk]))
    assert url in page.content.decode()


def test_bil_03_api_statement_pdf_with_the_same_access(
    statement, coach, other_coach, centre_staff, other_centre
):
    path = f"/billing/statements/{statement.pk}/pdf"
    for user in (coach, centre_staff):
        answer = Api(user).get(path)
        assert answer.status_code == 200 and answer.content.startswith(b"%PDF")
        assert answer["Content-Type"] == "application/pdf"
    for user in (other_coach, staff_user(other_centre, Role.CENTRE_STAFF)):
        assert Api(user).get(path).status_code == 404
    assert Api(coach).get("/billing/statements/999999/pdf").status_code == 404
