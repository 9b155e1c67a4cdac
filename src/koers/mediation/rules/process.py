"""MED-02 letter size, MED-05/06 first sheet and start, MED-08 file checklist, MED-11 trainings."""

from dataclasses import dataclass
from datetime import date, timedelta

from koers.lib.rules import Phrase, Reason, reason
from koers.mediation.rules.ruleset import Ruleset

# ---- MED-02: the invitation letter --------------------------------------------------------------


@dataclass(frozen=True)
class LetterSize:
    letter_pages: int
    attachment_pages: tuple[int, ...]
    blank_pages: int
    total: int
    refusal: Reason | None


def letter_size(
    *, letter_pages: int, attachment_pages: list[int], by_letter: bool, ruleset: Ruleset
) -> LetterSize:
    """By letter every attachment with an odd page count gets a blank page, and the whole letter is
    at most 12 pages including the generated letter. By e-mail nothing is added or limited."""
    blanks = sum(1 for pages in attachment_pages if pages % 2) if by_letter else 0
    total = letter_pages + sum(attachment_pages) + blanks
    refusal = None
    if by_letter and total > ruleset.letter_max_pages:
        refusal = reason(
            "MED-02",
            "Deze brief telt {total} pagina's (brief {letter}, bijlagen {attachments}, blanco "
            "{blanks}); per brief mogen er maximaal {maximum} pagina's zijn. Laat een bijlage weg "
            "of stuur per e-mail.",
            total=total,
            letter=letter_pages,
            attachments=sum(attachment_pages),
            blanks=blanks,
            maximum=ruleset.letter_max_pages,
        )
    return LetterSize(letter_pages, tuple(attachment_pages), blanks, total, refusal)


# ---- MED-05 / MED-06 ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Countdown:
    due_on: date
    days_left: int
    late: bool
    reason: Reason


def first_sheet_countdown(*, present_on: date, today: date, ruleset: Ruleset) -> Countdown:
    """MED-05: the first agreement sheet is concluded at the latest 15 calendar days after the
    client attended the first appointment."""
    due = present_on + timedelta(days=ruleset.first_sheet_days)
    left = (due - today).days
    why = (
        reason(
            "MED-05",
            "Eerste afsprakenblad uiterlijk op {due} ({left} dagen).",
            due=f"{due:%d/%m/%Y}",
            left=left,
        )
        if left >= 0
        else reason(
            "MED-05",
            "Eerste afsprakenblad te laat: de termijn liep af op {due}.",
            due=f"{due:%d/%m/%Y}",
        )
    )
    return Countdown(due, left, left < 0, why)


def start_refusals(
    *,
    first_present: bool,
    first_sheet: bool,
    next_contact_planned: bool,
    started: bool,
) -> list[Reason]:
    """MED-06: "Start bemiddelingsproces" only after present, a first sheet and a planned contact.

    The seed does not wait for the signatures ("Nadat je het eerste afsprakenblad hebt opgemaakt
    en een nieuw contact hebt ingepland"): they stay mandatory on the first sheet (MED-05) and are
    shown as missing by `first_sheet_signatures_missing`, but never delay the start (and with it
    the 6 / 18 months)."""
    if started:
        return [Reason("MED-06", "Het bemiddelingsproces is al gestart.")]
    reasons = []
    if not first_present:
        reasons.append(
            Reason("MED-06", "Eerst moet de eerste afspraak als “aanwezig” afgewerkt zijn.")
        )
    if not first_sheet:
        reasons.append(Reason("MED-06", "Maak eerst het eerste afsprakenblad op."))
    if not next_contact_planned:
        reasons.append(Reason("MED-06", "Plan eerst een volgend contact in."))
    return reasons


def first_sheet_signatures_missing(
    *, partner_signed: bool, participant_signed: bool
) -> list[Reason]:
    """MED-05: partner and participant both sign the first sheet; say whose signature is missing."""
    if partner_signed and participant_signed:
        return []
    if not (partner_signed or participant_signed):
        who = Phrase("de partner en de deelnemer")
    else:
        who = Phrase("de deelnemer") if partner_signed else Phrase("de partner")
    return [reason("MED-05", "Handtekening ontbreekt op het eerste afsprakenblad: {who}.", who=who)]


# ---- MED-08: an up-to-date file ---------------------------------------------------------------

# An open list ("enzovoort"): the mediator ticks these; extra items can be added per file.
FILE_ITEMS: dict[str, str] = {
    "education": "Studieverleden opgelijst",
    "job_targets": "Eén of meer jobdoelwitten toegevoegd",
    "competences": "Competenties gescoord",
    "cv": "Cv gepubliceerd",
}


@dataclass(frozen=True)
class FileItem:
    key: str
    label: str
    ok: bool


def file_checklist(
    *, has_contact_data: bool, ticked: dict[str, bool], extra: dict[str, bool]
) -> tuple[FileItem, ...]:
    """MED-08: what an up-to-date file needs, and what is still missing."""
    items = [
        FileItem(
            "contact", "Correcte contactgegevens (e-mail of telefoon, adres)", has_contact_data
        )
    ]
    items += [FileItem(k, label, bool(ticked.get(k))) for k, label in FILE_ITEMS.items()]
    items += [FileItem(f"extra:{label}", label, bool(ok)) for label, ok in extra.items()]
    return tuple(items)


# ---- MED-11: trainings -------------------------------------------------------------------------


def training_cancel_refusal(
    *, requested: bool, organiser_is_vdab: bool, started: bool
) -> Reason | None:
    """A request can be cancelled only before it started, and a VDAB training never."""
    if not requested:
        return Reason(
            "MED-11", "Een eigen opleiding annuleert u niet: registreer het verloop of stop ze."
        )
    if organiser_is_vdab:
        return Reason(
            "MED-11",
            "Een aangevraagde VDAB-opleiding kan niet geannuleerd worden: geef een seintje aan de "
            "contactpersoon van de opleiding.",
        )
    if started:
        return Reason("MED-11", "Deze opleiding is al gestart: annuleren kan niet meer.")
    return None


def own_training_refusal(*, is_bvs: bool, code: str, ruleset: Ruleset) -> Reason | None:
    """A work-exploration internship (BVS) is registered with training code 953030."""
    if is_bvs and code.strip() != ruleset.bvs_training_code:
        return reason(
            "MED-11",
            "Een beroepsverkennende stage wordt geregistreerd met opleidingscode {code}.",
            code=ruleset.bvs_training_code,
        )
    if not code.strip():
        return Reason("MED-11", "Geef de opleidingscode uit de VDAB-opleidingengids.")
    return None
