"""Scheduled billing work, run by the sweep (BIL-03): settle the previous month from the
settlement day on, and send the statement mails still in the outbox. Both are idempotent: a
settled coach keeps their statement, a sent mail is never sent again."""

from datetime import datetime

from django.utils import timezone

from koers.billing.models import StatementMail
from koers.billing.rules.periods import Month
from koers.billing.rules.statements import settlement_due
from koers.billing.selectors.ruleset import billing_ruleset
from koers.billing.services.hours import centre_coaches, statement_settle
from koers.billing.services.statement_mail import statement_mail_send
from koers.core.models import Organisation, OrganisationKind
from koers.core.sweep import sweep_job

MAX_ATTEMPTS = 20  # after that a person looks at the address (the row stays, with its error)


@sweep_job
def billing_settle_previous_month(now: datetime) -> int:
    today = timezone.localdate(now)
    month = Month.of(today).plus(-1)
    if not settlement_due(month, today, billing_ruleset(month.last_day)):
        return 0
    settled = 0
    centres = Organisation.objects.filter(kind=OrganisationKind.CAREER_CENTRE, is_active=True)
    for centre in centres:
        if centre_coaches(centre).exists():
            settled += len(
                statement_settle(centre=centre, month=month, acting_user=None, today=today)
            )
    return settled


@sweep_job
def billing_send_statement_mails(now: datetime) -> int:
    pending = StatementMail.objects.filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS)
    return sum(statement_mail_send(mail_id=pk) for pk in pending.values_list("pk", flat=True))
