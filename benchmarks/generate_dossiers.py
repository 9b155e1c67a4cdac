"""The voucher dossiers as a centre keeps them, for `generate.py` (issue 14): what a coach records
as a voucher runs, the proof of each contact, and for most closed vouchers every piece the
checklist asks (LBC-10, LBC-11/13/15, LBC-18), so the dossier is complete, as in a centre that
hands in its dossiers (BIL-01). One closed voucher in ten still lacks a proof of its last
contact; a running voucher lacks what comes at the end (its hours, the POP copy, the aftercare
talk); an evaluation still out (`generate.evaluation_fields`) keeps its own point open.

Before, every voucher dossier had five to eight open points, so the dossier lists and counts
timed a centre that never completes a dossier."""

from datetime import datetime

INCOMPLETE_EVERY = 10  # one closed voucher in ten keeps an open point (a proof not yet in)


def dossier_complete(closed: bool, n: int) -> bool:
    """Whether the n-th voucher's dossier has every piece once it closed."""
    return closed and n % INCOMPLETE_EVERY != 0


def voucher_fields(trajectory, tz) -> dict:
    """What a coach records on a voucher as it runs (LBC-10, LBC-11.2, LBC-06) and, once it
    closed, that the client heard about aftercare (LBC-18)."""
    from koers.vouchers.models import CodeOfConductHandover, VideoConsent
    from koers.vouchers.rules.intake import INTAKE_TOPICS

    fields = {
        "intake_topics": list(INTAKE_TOPICS),
        "code_of_conduct_handed_on": trajectory.start_date,
        "code_of_conduct_handed_how": CodeOfConductHandover.GIVEN,
        "video_consent": VideoConsent.CONSENT,
        "video_consent_on": trajectory.start_date,
    }
    end = trajectory.end_date
    if end is not None:
        fields["aftercare_informed_at"] = datetime(end.year, end.month, end.day, 12, tzinfo=tz)
    return fields


def complete_contact(form: str, duration: int, absent: bool) -> tuple[str, int, bool]:
    """A contact of a voucher that closes complete: held, an hour, in a form that counts with
    its proof (individual, or a video call with its screenshot), so four of them make the
    voucher's hours (LBC-01..06); group sessions and phone calls are for the other vouchers."""
    from koers.trajectories.models import ContactForm

    return (form if form == ContactForm.VIDEO else ContactForm.INDIVIDUAL), 60, False


def voucher_proofs(trajectories, contacts, complete: dict) -> list:
    """`proofs` of every voucher trajectory among these (`complete`: by `id(trajectory)`)."""
    from koers.trajectories.models import Programme, TrajectoryStatus

    by_trajectory: dict[int, list] = {}
    for contact in contacts:
        by_trajectory.setdefault(id(contact.trajectory), []).append(contact)
    return [
        document
        for trajectory in trajectories
        if trajectory.programme == Programme.VOUCHER
        for document in proofs(
            trajectory,
            by_trajectory.get(id(trajectory), []),
            complete[id(trajectory)],
            trajectory.status == TrajectoryStatus.CLOSED,
        )
    ]


def proofs(trajectory, contacts, complete: bool, closed: bool) -> list:
    """The documents of a voucher's dossier beyond the contract and the POP's copy: a received
    signed original of attendance for each held contact that counts (LBC-11.3), a screenshot for
    a video call (LBC-06); an incomplete closed dossier misses the proof of its last contact."""
    from koers.trajectories.models import (
        ContactForm,
        ContactOutcome,
        Document,
        DocumentKind,
        DocumentStatus,
    )

    held = [c for c in contacts if c.outcome == ContactOutcome.HELD]
    if closed and not complete and held:
        held = held[:-1]
    documents = []
    for contact in held:
        if contact.form == ContactForm.VIDEO:
            kind, title = DocumentKind.SCREENSHOT, "Screenshot videogesprek"
        elif contact.form == ContactForm.PHONE:
            continue
        else:
            kind, title = DocumentKind.ATTENDANCE, "Bewijs van deelname"
        documents.append(
            Document(
                trajectory=trajectory,
                contact=contact,
                kind=kind,
                title=title,
                status=DocumentStatus.ORIGINAL_RECEIVED,
            )
        )
    return documents


def pop_plan(trajectory, tz):
    """A closed voucher's POP, finalised on its last day (LBC-11.4: the copy in the dossier,
    `generate.py`'s signed "POP" document, was added after)."""
    from koers.trajectories.models import Plan, PlanKind

    end = trajectory.end_date
    return Plan(
        trajectory=trajectory,
        kind=PlanKind.DEVELOPMENT,
        title="Persoonlijk ontwikkelingsplan",
        finalised_at=datetime(end.year, end.month, end.day, 11, tzinfo=tz),
    )
