"""Recount a voucher's counted contacts (`services.counting`) after every change of what its
replay reads (issue 14). Connected in `VouchersConfig.ready()`."""

from django.db.models.signals import post_delete, post_migrate, post_save

from koers.trajectories.models import Contact, Document, DocumentKind
from koers.vouchers.models import (
    CountedContact,
    GroupParticipant,
    GroupSession,
    IntroductionContact,
    Voucher,
)
from koers.vouchers.services.counting import recount, recount_all

_PROOFS = {DocumentKind.SCREENSHOT, DocumentKind.ATTENDANCE}


def _contact_changed(sender, instance: Contact, **kwargs) -> None:
    recount([instance.trajectory_id])


def _voucher_changed(sender, instance: Voucher, **kwargs) -> None:
    recount([instance.trajectory_id])


def _proof_changed(sender, instance: Document, **kwargs) -> None:
    if instance.contact_id is not None and instance.kind in _PROOFS:
        recount([instance.trajectory_id])


def _contact_mark_changed(sender, instance, **kwargs) -> None:
    """An introduction mark or a group participation: the trajectory of its contact (and of the
    contact its insights were fed back in)."""
    ids = Contact.objects.filter(
        pk__in=[instance.contact_id, getattr(instance, "feedback_contact_id", None)]
    ).values_list("trajectory_id", flat=True)
    recount(ids)


def _session_changed(sender, instance: GroupSession, **kwargs) -> None:
    recount(
        GroupParticipant.objects.filter(session=instance).values_list(
            "contact__trajectory_id", flat=True
        )
    )


def _fill_after_migrate(sender, **kwargs) -> None:
    """The first `migrate` with the table fills it from the vouchers there are (after every
    migration, so the replay reads today's columns); later runs find it filled."""
    if sender.label != "vouchers" or CountedContact.objects.exists():
        return
    if Contact.objects.filter(trajectory__voucher__isnull=False).exists():
        recount_all()


def connect() -> None:
    post_migrate.connect(_fill_after_migrate, dispatch_uid="count-after-migrate")
    receivers = [
        (_contact_changed, Contact),
        (_voucher_changed, Voucher),
        (_proof_changed, Document),
        (_contact_mark_changed, IntroductionContact),
        (_contact_mark_changed, GroupParticipant),
    ]
    for name, signal in (("save", post_save), ("delete", post_delete)):
        for receiver, sender in receivers:
            uid = f"count-{sender.__name__}-{name}"
            signal.connect(receiver, sender=sender, dispatch_uid=uid)
    post_save.connect(_session_changed, sender=GroupSession, dispatch_uid="count-session-save")
