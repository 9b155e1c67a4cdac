"""Messages to clients about their voucher, sent from the centre's address with its signature
(INT-04, COM-01): never from a coach's personal address or logo."""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext as _

from koers.core.languages import in_language_of
from koers.trajectories import centre_mail
from koers.vouchers.models import Voucher
from koers.vouchers.rules.evaluation import EvaluationStep

EVALUATION_SALT = "koers.vouchers.evaluation"


def evaluation_token(voucher: Voucher) -> str:
    return signing.dumps({"voucher": voucher.pk}, salt=EVALUATION_SALT)


def evaluation_url(voucher: Voucher) -> str:
    return settings.KOERS_BASE_URL.rstrip("/") + reverse(
        "portal_evaluation", args=[evaluation_token(voucher)]
    )


def centre_sender(voucher: Voucher) -> str:
    """INT-04: the centre's address from its house style; never a global one (empty without)."""
    return centre_mail.centre_sender(voucher.trajectory.organisation)


def centre_signature(voucher: Voucher) -> str:
    """The coach's name above the centre's e-mail signature (house style)."""
    return "\n".join(
        [
            voucher.trajectory.responsible.get_full_name(),
            centre_mail.centre_signature(voucher.trajectory.organisation),
        ]
    )


def _centre_name(voucher: Voucher) -> str:
    return centre_mail.centre_name(voucher.trajectory.organisation)


def evaluation_message(voucher: Voucher, step: EvaluationStep) -> tuple[str, str, str]:
    """LBC-15: the invitation and the reminders; the evaluation is anonymous and takes five minutes.
    Written in the client's language (their preference; French or German get Dutch)."""
    with in_language_of(voucher.client):
        if step == EvaluationStep.INVITE:
            subject = _("Hoe was je loopbaanbegeleiding? Geef je evaluatie")
            # COM-01: the centre's working name where the voucher is first mentioned.
            opening = _(
                "Je loopbaanbegeleiding met de loopbaancheque bij %(centre)s is afgerond. Wil je "
                "in vijf minuten je begeleiding evalueren?"
            ) % {"centre": _centre_name(voucher)}
        else:
            subject = _("Herinnering: je evaluatie van de loopbaanbegeleiding")
            opening = _("We kregen je evaluatie nog niet. Ze is belangrijk voor VDAB en voor ons.")
        body = "".join(
            (
                _("Dag %(name)s,") % {"name": voucher.client.first_name},
                f"\n\n{opening}\n\n{evaluation_url(voucher)}\n\n",
                _("Je antwoorden zijn anoniem."),
                "\n\n",
                _(
                    "Nog een vraag over je POP? Je hebt recht op 30 minuten nazorg, tot een jaar na je synthesegesprek."
                ),
                "\n\n",
                _("Met vriendelijke groeten,"),
                f"\n{centre_signature(voucher)}\n",
            )
        )
    return subject, body, centre_sender(voucher)
