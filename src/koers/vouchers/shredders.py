"""What the voucher programme holds of a client. The voucher itself stays (the fact of a
voucher for VDAB and the department: number, dates, hours); what the person said goes."""

from koers.privacy.shredding import ModelShredder
from koers.vouchers.models import (
    AftercareEntry,
    EvaluationResponse,
    GroupParticipant,
    InterimEvaluation,
    IntroductionContact,
    Voucher,
    VoucherPrint,
)

VOUCHER = "voucher__client_id"

SHREDDERS = [
    ModelShredder(
        Voucher,
        paths={"client": "client_id"},
        erase=("career_question", "intake_topics", "scope_resolution", "closing_note")
        + ("closing_open_points",),
        keep="Het bestaan van de cheque (nummer, data, uren) blijft voor VDAB en de financier.",
    ),
    ModelShredder(GroupParticipant, paths={"client": VOUCHER}, erase=("employer",)),
    ModelShredder(
        InterimEvaluation, paths={"client": VOUCHER}, erase=("going_as_wished", "would_change")
    ),
    ModelShredder(AftercareEntry, paths={"client": VOUCHER}, erase=("note",)),
    ModelShredder(EvaluationResponse, paths={"client": VOUCHER}, erase=("learned", "remarks")),
    ModelShredder(
        IntroductionContact,
        paths={"client": "contact__trajectory__client_id"},
        keep="Enkel de koppeling met het contact.",
    ),
    ModelShredder(
        VoucherPrint,
        paths={"client": "document__trajectory__client_id"},
        keep="Enkel de koppeling met het document (het bestand gaat met het document weg).",
    ),
]
