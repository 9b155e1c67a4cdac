"""Scheduled voucher work, run by the sweep: the evaluation invitation and its reminders (LBC-15)."""

import logging
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from koers.core.sweep import sweep_job
from koers.trajectories.centre_mail import centre_address, render_body, send_centre_mail
from koers.trajectories.models import DocumentKind, DocumentStatus, TrajectoryStatus
from koers.vouchers.models import Voucher
from koers.vouchers.rules.evaluation import EvaluationStep
from koers.vouchers.selectors import evaluation_step

logger = logging.getLogger(__name__)


def _send(voucher: Voucher, step: EvaluationStep) -> None:
    """From the centre's address, in its house style, a reply reaching the coach (INT-04)."""
    from koers.vouchers.messages import evaluation_message

    subject, body, _sender = evaluation_message(voucher, step)
    organisation = voucher.trajectory.organisation
    # The HTML carries the same text; the house-style template adds the signature itself.
    _text, html = render_body(organisation, body.rpartition("\n\nMet vriendelijke groeten,")[0])
    send_centre_mail(
        organisation,
        subject=subject,
        text=body,
        html=html,
        to=voucher.client.email,
        coach=voucher.trajectory.responsible,
        kind=f"vouchers.evaluation_{step}",
    )


@sweep_job
def evaluation_followup(now: datetime) -> int:
    """Invite, remind twice, then file the correspondence. Each voucher is locked and its step
    recorded in the same transaction, so running twice (or on two workers) sends nothing twice."""
    today = timezone.localdate(now)
    done = 0
    candidates = Voucher.objects.filter(
        trajectory__status=TrajectoryStatus.CLOSED,
        evaluation_received_on__isnull=True,
        evaluation_correspondence_added_on__isnull=True,
    ).values_list("pk", flat=True)
    for pk in candidates:
        with transaction.atomic():
            # Two sweeps at once (two workers, a rerun) would both send today's step: locked,
            # the second reads the step the first recorded and finds nothing due.
            voucher = (
                Voucher.objects.select_for_update()
                .select_related("client", "trajectory")
                .get(pk=pk)
            )
            step = evaluation_step(voucher, today)
            if (
                step is None
                or not (voucher.client.email and centre_address(voucher.trajectory.organisation))
                and step != EvaluationStep.ADD_CORRESPONDENCE
            ):
                continue  # INT-04: without the centre's address nothing goes out; retried later
            if step == EvaluationStep.INVITE:
                voucher.evaluation_invited_on = today
                voucher.evaluation_last_sent_on = today
            elif step == EvaluationStep.REMIND:
                voucher.evaluation_reminders_sent += 1
                voucher.evaluation_last_sent_on = today
            else:
                _file_correspondence(voucher, today)
                voucher.evaluation_correspondence_added_on = today
            voucher.save()
            if step != EvaluationStep.ADD_CORRESPONDENCE:
                # Queued in the outbox in this transaction: recorded together with the step,
                # delivered (and retried) after the commit, so a mail server that is down
                # loses no invitation.
                _send(voucher, step)
            done += 1
    return done


def _file_correspondence(voucher: Voucher, today) -> None:
    from koers.trajectories.models import Document

    Document.objects.create(
        trajectory=voucher.trajectory,
        kind=DocumentKind.CORRESPONDENCE,
        title=(
            f"Evaluatie niet ingevuld: uitnodiging {voucher.evaluation_invited_on:%d/%m/%Y} en "
            f"{voucher.evaluation_reminders_sent} herinneringen (laatste {voucher.evaluation_last_sent_on:%d/%m/%Y})"
        ),
        status=DocumentStatus.GENERATED,
    )
