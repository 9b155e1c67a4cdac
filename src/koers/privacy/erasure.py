"""Art. 17, erasure on request with four eyes: one administrator asks, another confirms, then
every app's shredder blanks the person's rows and their history and deletes the files.

`erase_subject` is also the path of the retention sweep: one way to erase, whoever decided it.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from koers.privacy import registry
from koers.privacy.models import ErasedSubject, ErasureRequest
from koers.privacy.shredding import erase_rows


def _refuse(field: str, message: str) -> ValidationError:
    return ValidationError({field: [message]})


def _require_administrator(user) -> None:
    if not user.has_perm("privacy.manage_personal_data"):
        raise _refuse("__all__", _("Enkel een beheerder mag persoonsgegevens wissen."))


def erase_subject(*, kind: str, subject_id: int, now: datetime, reason: str) -> tuple[dict, int]:
    """Erase one subject across every app: (rows per model label, files deleted).

    The `ErasedSubject` row is written first: a second run, or a second worker at the same
    moment, meets its unique constraint (waiting for the first to commit) and erases nothing.
    """
    counts: dict[str, int] = {}
    files = 0
    with transaction.atomic():
        try:
            with transaction.atomic():
                ErasedSubject.objects.create(
                    kind=kind, subject_id=subject_id, at=now, reason=reason
                )
        except IntegrityError:
            return counts, files
        for shredder in registry.shredders():
            if not shredder.covers(kind):
                continue
            rows, deleted = erase_rows(shredder, kind, subject_id)
            if rows:
                counts[shredder.label] = counts.get(shredder.label, 0) + rows
            files += deleted
    return counts, files


def erasure_request(*, kind: str, subject_id: int, acting_user, now: datetime) -> ErasureRequest:
    """Ask to erase a person; nothing is erased until a second administrator confirms."""
    _require_administrator(acting_user)
    subject_kind = registry.subject_kind(kind)
    subject = subject_kind.find(acting_user, subject_id) if subject_kind else None
    if subject is None:
        raise _refuse("subject_id", _("Deze persoon bestaat niet of u mag hem niet zien."))
    if ErasedSubject.objects.filter(kind=kind, subject_id=subject_id).exists():
        raise _refuse("subject_id", _("De gegevens van deze persoon zijn al gewist."))
    try:
        with transaction.atomic():
            return ErasureRequest.objects.create(
                subject_kind=kind,
                subject_id=subject_id,
                organisation_id=subject_kind.organisation_id(subject),
                requested_by=acting_user,
                requested_at=now,
            )
    except IntegrityError:
        # erasure_one_open_per_subject: two administrators asked at the same moment.
        raise _refuse(
            "subject_id", _("Voor deze persoon loopt al een verzoek tot wissen.")
        ) from None


def _locked_pending(request_id: int, acting_user) -> ErasureRequest:
    # Locked: two administrators confirming (or one confirming while another cancels) at once
    # must not both act on the same request.
    found = ErasureRequest.objects.visible_to(acting_user).select_for_update().filter(pk=request_id)
    request = found.first()
    if request is None or not request.is_pending:
        raise _refuse("__all__", _("Dit verzoek is al afgehandeld."))
    return request


def erasure_confirm(*, request_id: int, acting_user, now: datetime) -> ErasureRequest:
    """The second administrator confirms: the person is erased in the same transaction."""
    _require_administrator(acting_user)
    with transaction.atomic():
        request = _locked_pending(request_id, acting_user)
        if request.requested_by_id == acting_user.pk:
            raise _refuse(
                "__all__",
                _("Een tweede beheerder moet bevestigen: u vroeg dit wissen zelf aan."),
            )
        counts, files = erase_subject(
            kind=request.subject_kind, subject_id=request.subject_id, now=now, reason="request"
        )
        request.confirmed_by = acting_user
        request.confirmed_at = now
        request.counts = counts
        request.files_deleted = files
        request.save(update_fields=["confirmed_by", "confirmed_at", "counts", "files_deleted"])
    return request


def erasure_cancel(*, request_id: int, acting_user, now: datetime) -> ErasureRequest:
    """Withdraw a request that was not confirmed yet (either administrator may)."""
    _require_administrator(acting_user)
    with transaction.atomic():
        request = _locked_pending(request_id, acting_user)
        request.cancelled_by = acting_user
        request.cancelled_at = now
        request.save(update_fields=["cancelled_by", "cancelled_at"])
    return request
