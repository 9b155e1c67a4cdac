"""Helpers shared by the voucher services: locking, saving with the acting user, the rule set."""

from django.core.exceptions import ValidationError

from koers.core.models import User
from koers.trajectories.models import Programme
from koers.trajectories.rulesets import ruleset_by_version
from koers.vouchers import rules
from koers.vouchers.models import (
    Voucher,
)
from koers.vouchers.rules.scope import scope_warnings


def refusal(field: str, reason: rules.Reason) -> ValidationError:
    return ValidationError({field: [f"{reason.message} ({reason.rule})"]})


def ruleset_of(voucher: Voucher) -> rules.Ruleset:
    """The version the voucher was opened under, built-in or published, expired or not."""
    return ruleset_by_version(Programme.VOUCHER, voucher.ruleset_version)


def scope_payload(question: str, ruleset: rules.Ruleset) -> list[dict]:
    return [
        {
            "exclusion": w.exclusion,
            "matched": w.matched,
            "rule": w.reason.rule,
            "message": w.reason.message,
        }
        for w in scope_warnings(question, ruleset)
    ]


def lock_voucher(voucher: Voucher) -> Voucher:
    return (
        Voucher.objects.select_for_update()
        .select_related("trajectory", "client")
        .get(pk=voucher.pk)
    )


def save_voucher(voucher: Voucher, acting_user: User | None) -> Voucher:
    voucher._history_user = acting_user
    voucher.save()
    return voucher
