"""The words of closing (MED-12 .. MED-17): why a service closes, how, the final advice and where
mediation returns to, with the labels and the citizen's texts. The models' choices are built from
these constants."""

from enum import StrEnum

from koers.lib.rules import Phrase


class ClosingReason(StrEnum):
    PASSIVE = "passive"  # 3× passive category at month-end (MED-12)
    MAX_DURATION = "max_duration"  # MED-12 / MED-13
    ABSENCE = "absence"  # MED-03: refused for absence at the first appointment


class ClosingWay(StrEnum):
    PARTNER_ADVICE = "partner_advice"  # manually by the partner, with a final advice
    AUTOMATIC = "automatic"  # no advice within the month (MED-16)
    VDAB = "vdab"  # closed by VDAB
    ABSENCE_STOP = "absence_stop"  # MED-03


class Advice(StrEnum):
    NO_NEED = "no_need"
    NEED = "need"
    EXHAUSTED = "exhausted"
    REASSESS = "reassess"


ADVICE_LABELS: dict[Advice, str] = {
    Advice.NO_NEED: "Geen nood aan persoonlijke dienstverlening",
    Advice.NEED: "Nood aan persoonlijke dienstverlening",
    Advice.EXHAUSTED: "Dienstverlening uitgeput",
    Advice.REASSESS: "Nieuwe inschatting nodig",
}

# The same labels inside a reason's sentence, translated with it.
ADVICE_PHRASES: dict[Advice, Phrase] = {
    Advice.NO_NEED: Phrase("Geen nood aan persoonlijke dienstverlening"),
    Advice.NEED: Phrase("Nood aan persoonlijke dienstverlening"),
    Advice.EXHAUSTED: Phrase("Dienstverlening uitgeput"),
    Advice.REASSESS: Phrase("Nieuwe inschatting nodig"),
}

# MED-14: word for word from seed 004 §4.3 — printed on the advice and sent to the citizen.
CITIZEN_TEXTS: dict[Advice, str] = {
    Advice.NO_NEED: (
        "Je zit op koers naar passend werk en op korte termijn heb je geen nood aan verdere "
        "persoonlijke ondersteuning. Je zet je zoektocht naar werk zelfstandig verder. Als je "
        "hier toch verdere hulp bij wil, kan je terecht bij VDAB."
    ),
    Advice.NEED: (
        "Je hebt nog verdere hulp nodig bij het zoeken naar werk. VDAB zal je contacteren en "
        "kijken welke ondersteuning best past."
    ),
    Advice.EXHAUSTED: (
        "Je zet je zoektocht naar werk zelfstandig verder. Als je hier verdere hulp bij wil, kan "
        "je terecht bij VDAB."
    ),
    Advice.REASSESS: (
        "We kunnen op dit moment niet inschatten of je nog verdere hulp nodig hebt in je "
        "zoektocht naar werk. Wanneer de bemiddeling naar werk hervat wordt, zal VDAB kijken "
        "welke ondersteuning best past."
    ),
}


class ReturnTo(StrEnum):
    NONE = "none"
    VDAB_MEDIATOR = "vdab_mediator"
    CHEF_OE = "chef_oe"


RETURN_LABELS = {
    ReturnTo.NONE: "Nee",
    ReturnTo.VDAB_MEDIATOR: "Ja (VDAB-bemiddelaar)",
    ReturnTo.CHEF_OE: "Ja (Chef OE)",
}

RETURN_PHRASES = {
    ReturnTo.NONE: Phrase("Nee"),
    ReturnTo.VDAB_MEDIATOR: Phrase("Ja (VDAB-bemiddelaar)"),
    ReturnTo.CHEF_OE: Phrase("Ja (Chef OE)"),
}
