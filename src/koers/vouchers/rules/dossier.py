"""LBC-11, LBC-13, LBC-15 (and BIL-01's "100% complete"): may this voucher's dossier be delivered?"""

from dataclasses import dataclass

from koers.lib.rules import Joined, Phrase, Reason, reason
from koers.vouchers.rules.ruleset import Ruleset


@dataclass(frozen=True)
class GuidanceContact:
    """A held contact that counts on the voucher, with its proof."""

    label: str  # e.g. "12/03/2026 10:00"
    is_video: bool
    # LBC-11.3: a received signed original that lists this contact (its own signature line)
    attendance_original: bool
    screenshot: bool  # LBC-06 proof for a video call


@dataclass(frozen=True)
class DossierFacts:
    voucher_number: int
    counted_minutes: int
    individual_minutes: int
    contract_original: bool  # LBC-11.1: the original, no scan or copy
    code_of_conduct_given: bool  # LBC-11.2: the coach recorded handing it over or e-mailing it
    contacts: tuple[GuidanceContact, ...]
    pop_copy: bool  # LBC-11.4: a copy of the finalised POP on the house template
    pop_checklist: bool  # LBC-12: VDAB's "Checklist POP" when the client keeps the POP private
    pop_follows_with_voucher_2: bool  # LBC-13: combined POP, noted on voucher 1
    intake_topics_missing: int  # LBC-10
    evaluation_received: bool  # LBC-15
    evaluation_correspondence_added: bool  # LBC-15: after 2 reminders
    aftercare_informed: bool  # LBC-18


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: Phrase
    ok: bool
    reason: Reason


def dossier_checklist(facts: DossierFacts, ruleset: Ruleset) -> list[ChecklistItem]:
    items: list[ChecklistItem] = []

    def add(key: str, label: Phrase, ok: bool, why: Reason) -> None:
        items.append(ChecklistItem(key, label, ok, why))

    minimum = ruleset.individual_min_minutes(facts.voucher_number)
    add(
        "hours",
        Phrase("4 uur begeleiding geregistreerd"),
        facts.counted_minutes >= ruleset.voucher_minutes,
        reason(
            "LBC-01",
            "{counted} van {total} minuten tellen mee.",
            counted=facts.counted_minutes,
            total=ruleset.voucher_minutes,
        ),
    )
    add(
        "individual",
        Phrase("Minimum individuele begeleiding"),
        facts.individual_minutes >= minimum,
        reason(
            "LBC-03",
            "{individual} van minstens {minimum} minuten individueel.",
            individual=facts.individual_minutes,
            minimum=minimum,
        ),
    )
    add(
        "intake",
        Phrase("Intake: alle onderwerpen toegelicht"),
        facts.intake_topics_missing == 0,
        Reason("LBC-10", "Alle onderwerpen toegelicht.")
        if facts.intake_topics_missing == 0
        else reason(
            "LBC-10",
            "Nog {missing} onderwerp(en) van de intake aan te vinken.",
            missing=facts.intake_topics_missing,
        ),
    )
    add(
        "contract",
        Phrase("Overeenkomst: origineel ontvangen"),
        facts.contract_original,
        Reason(
            "LBC-11",
            "De overeenkomst in tweevoud ondertekend; het origineel (geen scan of kopie) gaat naar het centrum.",
        ),
    )
    add(
        "code_of_conduct",
        Phrase("Gedragscode meegegeven of gemaild"),
        facts.code_of_conduct_given,
        Reason(
            "LBC-11",
            "De coach noteert wanneer de gedragscode meegegeven of gemaild werd; een aangemaakte PDF alleen volstaat niet.",
        ),
    )
    missing = [
        c.label
        for c in facts.contacts
        if not (c.screenshot if c.is_video else c.attendance_original)
    ]
    add(
        "attendance",
        Phrase("Bewijs van deelname per contact"),
        bool(facts.contacts) and not missing,
        reason(
            "LBC-11",
            "Voor elk contact een ondertekend origineel van een bewijs van deelname waarop het contact staat, "
            "of voor een videogesprek een screenshot. Ontbreekt voor: {missing}.",
            missing=", ".join(missing),
        )
        if missing
        else Reason(
            "LBC-11",
            "Voor elk contact een ondertekend origineel van een bewijs van deelname waarop het contact staat, "
            "of voor een videogesprek een screenshot.",
        ),
    )
    if facts.pop_follows_with_voucher_2:
        add(
            "pop",
            Phrase("POP volgt met cheque 2"),
            True,
            Reason("LBC-13", "Gecombineerd POP: het wordt bij het dossier van cheque 2 geleverd."),
        )
    else:
        add(
            "pop",
            Phrase("Kopie van het POP (of Checklist POP)"),
            facts.pop_copy or facts.pop_checklist,
            Reason(
                "LBC-11",
                "Een kopie van het gefinaliseerde POP op het sjabloon van het centrum, of de Checklist POP van VDAB.",
            ),
        )
    add(
        "evaluation",
        Phrase("Evaluatie ingevuld (of 2 herinneringen in het dossier)"),
        facts.evaluation_received or facts.evaluation_correspondence_added,
        Reason(
            "LBC-15", "De evaluatie van de cliënt, of na 2 herinneringen de correspondentie erover."
        ),
    )
    add(
        "aftercare_informed",
        Phrase("Cliënt op de hoogte van nazorg"),
        facts.aftercare_informed,
        Reason("LBC-18", "Bij het afronden van de cheque vertelt de coach de cliënt over nazorg."),
    )
    return items


def dossier_complete(items: list[ChecklistItem]) -> bool:
    return all(item.ok for item in items)


# The evaluation invitation only goes out once the voucher is closed (LBC-15): never open "at closing".
_AFTER_CLOSING = frozenset({"evaluation"})
# The guidance itself (LBC-01, LBC-03): with these open, closing ends the voucher early.
_GUIDANCE = frozenset({"hours", "individual"})


def open_at_closing(items: list[ChecklistItem]) -> list[ChecklistItem]:
    """The dossier points still open when the coach closes the voucher, to show before confirming."""
    return [item for item in items if not item.ok and item.key not in _AFTER_CLOSING]


def closes_early(items: list[ChecklistItem]) -> Reason | None:
    """Closing with the guidance hours or the individual minimum not reached ends the voucher
    early: the coach gives a reason and the voucher stays "afgesloten, onvolledig"."""
    short = [item for item in items if not item.ok and item.key in _GUIDANCE]
    if not short:
        return None
    return reason(
        short[0].reason.rule,
        "De begeleiding is niet volledig: {details}",
        details=Joined(tuple(item.reason for item in short), " "),
    )
