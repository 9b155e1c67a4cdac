"""BIL-03: the statement mail to the coach, with the statement PDF, through the outbox
(`StatementMail`): sent at least once, never lost when the mail server is down.

The settlement records the mail in its own transaction and, after commit, hands it to a huey
worker (`statement_mail_later`), so one click that settles fifty coaches does not wait for fifty
PDFs. Whatever is not sent — a worker that died, the mail server down, the PDF failing — is sent
by the sweep `billing_send_statement_mails`. A sent mail is never sent again: the row lock and
`sent_at` decide under the lock.
"""

import logging

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from huey.contrib.djhuey import db_task

from koers.billing.models import StatementMail
from koers.billing.pdfs import statement_pdf, statement_pdf_name
from koers.billing.rules.labels import euro_label
from koers.billing.rules.periods import hours_label
from koers.core.languages import in_language_of

logger = logging.getLogger(__name__)


def _message(mail: StatementMail, pdf: bytes) -> EmailMessage:
    statement = mail.statement
    with in_language_of(statement.coach):
        subject = _("Je afrekening van %(month)s") % {"month": statement.label}
        body = _(
            "Je afrekening van %(month)s staat klaar: %(hours)s uur, totaal %(total)s. "
            "De afrekening zit in bijlage (PDF); je vindt ze ook in Koers, Facturatie, "
            "Afrekeningen."
        ) % {
            "month": statement.label,
            "hours": hours_label(sum(x.minutes for x in statement.lines.all())),
            "total": euro_label(statement.total),
        }
    message = EmailMessage(subject, body, None, [mail.recipient])
    message.attach(statement_pdf_name(statement), pdf, "application/pdf")
    return message


def _record_failure(mail: StatementMail, exc: Exception) -> bool:
    # The class only: an SMTP error can carry the recipient's address, and logs carry no
    # personal data. The row keeps the message for the person who looks at it.
    logger.warning("statement mail %s not sent: %s", mail.pk, type(exc).__name__)
    mail.last_error = str(exc)[:500]
    mail.save(update_fields=["attempts", "last_error"])
    return False


def statement_mail_send(*, mail_id: int) -> bool:
    """Send one recorded statement mail with its PDF unless it was sent; a failure is recorded
    (attempts, last error) and the sweep retries it. True when this call sent it."""
    pending = StatementMail.objects.filter(pk=mail_id, sent_at__isnull=True).exclude(recipient="")
    mail = pending.select_related("statement").first()
    if mail is None:
        return False
    # WeasyPrint takes about a second: render before the transaction, never holding the lock.
    try:
        pdf = statement_pdf(mail.statement)
    except Exception as exc:
        with transaction.atomic():
            mail = StatementMail.objects.select_for_update().get(pk=mail_id)
            mail.attempts += 1
            return _record_failure(mail, exc)
    with transaction.atomic():
        # Two senders at once (the worker after commit and the sweep): the second waits here
        # and then sees `sent_at`.
        mail = (
            StatementMail.objects.select_for_update(of=("self",))
            .select_related("statement", "statement__coach")
            .get(pk=mail_id)
        )
        if mail.sent_at is not None or not mail.recipient:
            return False
        mail.attempts += 1
        try:
            _message(mail, pdf).send()
        except Exception as exc:  # the mail server is down: keep it for the next sweep
            return _record_failure(mail, exc)
        mail.sent_at = timezone.now()
        mail.last_error = ""
        mail.save(update_fields=["attempts", "last_error", "sent_at"])
        return True


@db_task()
def statement_mail_task(mail_id: int) -> bool:
    return statement_mail_send(mail_id=mail_id)


def statement_mail_later(mail_id: int) -> None:
    """After the settlement commits: let a worker send the mail. If the queue cannot take it,
    the mail stays in the outbox for the sweep."""
    try:
        statement_mail_task(mail_id)
    except Exception as exc:
        logger.warning("statement mail %s left for the sweep: %s", mail_id, type(exc).__name__)
