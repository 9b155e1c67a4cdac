"""Recount a voucher's counted contacts (`services.counting`) after every change of what its
replay reads, and judge its dossier again (`services.dossier_tally`) after every change of what
its checklist reads (issue 14). Connected in `VouchersConfig.ready()`."""

from django.db.models.signals import post_delete, post_migrate, post_save

from koers.trajectories.models import Contact, Document, DocumentKind, Plan, PlanVersion
from koers.vouchers.models import (
    AftercareEntry,
    DossierTally,
    GroupParticipant,
    GroupSession,
    IntroductionContact,
    Voucher,
)
from koers.vouchers.services.counting import recount, recount_all
from koers.vouchers.services.dossier_tally import retally

_PROOFS = {DocumentKind.SCREENSHOT, DocumentKind.ATTENDANCE}


def _contact_changed(sender, instance: Contact, **kwargs) -> None:
    recount([instance.trajectory_id])


def _voucher_changed(sender, instance: Voucher, **kwargs) -> None:
    recount([instance.trajectory_id])


def _document_changed(sender, instance: Document, **kwargs) -> None:
    """A contact's proof changes what counts; any document what the dossier holds."""
    if instance.contact_id is not None and instance.kind in _PROOFS:
        recount([instance.trajectory_id])
    else:
        retally([instance.trajectory_id])


def _plan_changed(sender, instance: Plan | PlanVersion, **kwargs) -> None:
    """The POP (LBC-11.4, LBC-13): the client's every voucher, as voucher 2 may follow voucher
    1's combined POP."""
    if isinstance(instance, Plan):  # also after its delete: its trajectory, not its id
        vouchers = Voucher.objects.filter(client__trajectories=instance.trajectory_id)
    else:
        vouchers = Voucher.objects.filter(client__trajectories__plans=instance.plan_id)
    retally(vouchers.values_list("trajectory_id", flat=True))


def _aftercare_changed(sender, instance: AftercareEntry, **kwargs) -> None:
    retally(Voucher.objects.filter(pk=instance.voucher_id).values_list("trajectory_id", flat=True))


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
    if sender.label != "vouchers" or DossierTally.objects.exists():
        return
    if Voucher.objects.exists():
        recount_all()


def connect() -> None:
    post_migrate.connect(_fill_after_migrate, dispatch_uid="count-after-migrate")
    receivers = [
        (_contact_changed, Contact),
        (_voucher_changed, Voucher),
        (_document_changed, Document),
        (_plan_changed, Plan),
        (_plan_changed, PlanVersion),
        (_aftercare_changed, AftercareEntry),
        (_contact_mark_changed, IntroductionContact),
        (_contact_mark_changed, GroupParticipant),
    ]
    for name, signal in (("save", post_save), ("delete", post_delete)):
        for receiver, sender in receivers:
            uid = f"count-{sender.__name__}-{name}"
            signal.connect(receiver, sender=sender, dispatch_uid=uid)
    post_save.connect(_session_changed, sender=GroupSession, dispatch_uid="count-session-save")
