"""LBC-12, LBC-13, LBC-14: what a POP holds, its title and file name, and whether its actions
are concrete enough for an audit."""

import re
from dataclasses import dataclass, field
from datetime import date

from koers.lib.rules import Joined, Phrase, Reason, reason

# LBC-12: the sections, in the order the client writes them.
POP_SECTIONS: dict[str, str] = {
    "career_question": "Loopbaanvraag",
    "reflections": "Reflecties en inzichten",
    "goal": "Doel",
    "choices": "Keuzes en beslissingen",
    "execution": "Uitvoering",
    "evaluation": "Evaluatie van het actieplan",
}
REQUIRED_SECTIONS = ("career_question", "reflections")
# LBC-12: what to fill in when a required section is empty.
_MISSING_SECTION = {
    "career_question": Reason("LBC-12", "Vul de rubriek “Loopbaanvraag” in."),
    "reflections": Reason("LBC-12", "Vul de rubriek “Reflecties en inzichten” in."),
}
_NO_CHOICES = Reason("LBC-12", "Een POP bevat keuzes, beslissingen en/of acties.")

# Verbs that describe thinking rather than doing: an action built only on them is not concrete.
_THINKING = {
    "nadenken",
    "denken",
    "reflecteren",
    "overwegen",
    "bekijken",
    "stilstaan",
    "bezinnen",
    "dromen",
    "hopen",
}
_VAGUE = re.compile(r"\b(misschien|eventueel|ooit|later eens|proberen te)\b")
_DOING_EXTRA = {
    "bel",
    "mail",
    "stuur",
    "schrijf",
    "maak",
    "ga",
    "doe",
    "vraag",
    "plan",
    "zoek",
    "volg",
}


@dataclass(frozen=True)
class Action:
    what: str
    by_when: date | None
    by_whom: str
    voucher: int | None = None  # LBC-13: which voucher set this action, in a combined POP


@dataclass(frozen=True)
class PopFacts:
    sections: dict[str, str]
    actions: tuple[Action, ...] = ()
    style: str = "action"  # "action" | "reflexive" (LBC-12)
    vouchers: tuple[int, ...] = (1,)  # (1, 2) for a combined POP
    covered: dict[int, str] = field(default_factory=dict)  # LBC-13: what was covered per voucher


def pop_title(vouchers: tuple[int, ...]) -> str:
    """LBC-12: "POP (loopbaancheque 1)", "(loopbaancheque 2)" or "(loopbaancheque 1 en 2)"."""
    return f"POP (loopbaancheque {' en '.join(str(n) for n in sorted(vouchers))})"


def pop_file_name(first_name: str, last_name: str, voucher: int | None = None) -> str:
    """LBC-14: "POP <first name> <last name>", optionally followed by "cheque 1" or "cheque 2"."""
    name = f"POP {first_name.strip()} {last_name.strip()}"
    return f"{name} cheque {voucher}" if voucher else name


def _has_doing_verb(text: str) -> bool:
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    for word in words:
        if word in _THINKING:
            continue
        if word in _DOING_EXTRA or (len(word) >= 5 and word.endswith("en")):
            return True
    return False


def action_problems(action: Action) -> list[Phrase]:
    """LBC-12: why an action is not concrete (what, by when, by whom, a verb of doing)."""
    problems = []
    if (
        not action.what.strip()
        or not _has_doing_verb(action.what)
        or _VAGUE.search(action.what.lower())
    ):
        problems.append(Phrase("geen concrete handeling (wat ga je doen?)"))
    if action.by_when is None:
        problems.append(Phrase("geen datum (tegen wanneer?)"))
    if not action.by_whom.strip():
        problems.append(Phrase("geen verantwoordelijke (door wie?)"))
    return problems


def pop_problems(pop: PopFacts, *, actions_required: bool) -> list[Reason]:
    """Everything an auditor would object to. `actions_required` is the centre setting of LBC-12:
    with it, a POP without concrete actions is refused; without it (the default) only warned about."""
    reasons: list[Reason] = []
    for key in REQUIRED_SECTIONS:
        if not pop.sections.get(key, "").strip():
            reasons.append(_MISSING_SECTION[key])
    if not (pop.sections.get("choices", "").strip() or pop.actions):
        reasons.append(_NO_CHOICES)
    for index, action in enumerate(pop.actions, start=1):
        problems = action_problems(action)
        if problems:
            reasons.append(
                reason(
                    "LBC-12",
                    "Actie {index} is niet concreet: {problems}.",
                    index=index,
                    problems=Joined(tuple(problems)),
                )
            )
    concrete = [a for a in pop.actions if not action_problems(a)]
    if not concrete:
        # Also for a reflexive POP: seed 000 requires actions ("te weinig concrete acties" was the
        # last audit's finding). By default this is a warning; the centre setting makes it block.
        reasons.append(
            Reason(
                "LBC-12",
                "Het POP bevat geen concrete acties (wat, tegen wanneer, door wie); de vorige audit "
                "vond te weinig concrete acties.",
            )
        )
    if len(pop.vouchers) > 1:
        for number in pop.vouchers:
            has_action = any(a.voucher == number for a in pop.actions)
            if not pop.covered.get(number, "").strip() and not has_action:
                reasons.append(
                    reason(
                        "LBC-13",
                        "Een gecombineerd POP toont wat aan bod kwam en welke acties gezet werden in cheque {number}.",
                        number=number,
                    )
                )
    return reasons


def pop_is_empty(pop: PopFacts) -> bool:
    """LBC-12: nothing written at all: no section, no action, nothing covered."""
    return not (
        any(str(text).strip() for text in pop.sections.values())
        or pop.actions
        or any(str(text).strip() for text in pop.covered.values())
    )


class MalformedPop(ValueError):
    """Stored or submitted POP content that does not have the POP's shape."""


_CONTENT_KEYS = {"style", "sections", "actions", "covered"}
_ACTION_KEYS = {"what", "by_when", "by_whom", "voucher"}


def pop_facts_from_content(content: object, vouchers: tuple[int, ...]) -> PopFacts:
    """Read POP content (as stored in a plan version) strictly: anything not shaped like a POP
    raises MalformedPop, so that it is refused on write and never silently misread."""
    if not isinstance(content, dict):
        raise MalformedPop("De inhoud van een POP is een object.")
    unknown = set(content) - _CONTENT_KEYS
    if unknown:
        raise MalformedPop(f"Onbekende rubrieken in het POP: {', '.join(sorted(unknown))}.")
    style = content.get("style", "action")
    if style not in ("action", "reflexive"):
        raise MalformedPop("Een POP is actiegericht of reflexief.")
    sections = content.get("sections", {})
    if not isinstance(sections, dict) or not all(
        key in POP_SECTIONS and isinstance(text, str) for key, text in sections.items()
    ):
        raise MalformedPop("De rubrieken van een POP zijn teksten per gekende rubriek.")
    covered_raw = content.get("covered", {})
    if not isinstance(covered_raw, dict) or not all(
        str(key) in ("1", "2") and isinstance(text, str) for key, text in covered_raw.items()
    ):
        raise MalformedPop("“Wat kwam aan bod” is een tekst per cheque (1 of 2).")
    raw_actions = content.get("actions", [])
    if not isinstance(raw_actions, list):
        raise MalformedPop("De acties van een POP zijn een lijst (wat, tegen wanneer, door wie).")
    actions = []
    for index, raw in enumerate(raw_actions, start=1):
        if not isinstance(raw, dict) or set(raw) - _ACTION_KEYS:
            raise MalformedPop(f"Actie {index} heeft niet de vorm wat / tegen wanneer / door wie.")
        what, by_whom = raw.get("what", ""), raw.get("by_whom", "")
        by_when_raw = raw.get("by_when") or None
        number = raw.get("voucher")
        if not (isinstance(what, str) and isinstance(by_whom, str)):
            raise MalformedPop(f"Actie {index}: “wat” en “door wie” zijn teksten.")
        try:
            by_when = date.fromisoformat(by_when_raw) if by_when_raw is not None else None
        except (TypeError, ValueError):
            raise MalformedPop(f"Actie {index}: “tegen wanneer” is een datum.") from None
        if number not in (None, "", 1, 2, "1", "2"):
            raise MalformedPop(f"Actie {index}: de cheque is 1 of 2.")
        actions.append(
            Action(
                what=what,
                by_when=by_when,
                by_whom=by_whom,
                voucher=int(number) if number not in (None, "") else None,
            )
        )
    return PopFacts(
        sections=dict(sections),
        actions=tuple(actions),
        style=style,
        vouchers=vouchers,
        covered={int(key): text for key, text in covered_raw.items()},
    )


def pop_blocks_finalising(reasons: list[Reason], *, actions_required: bool) -> bool:
    """Missing sections always block; non-concrete actions block only when the centre requires actions."""
    for r in reasons:
        # the missing sections, no choices at all, and a combined POP's voucher left out (LBC-13)
        if r in _MISSING_SECTION.values() or r == _NO_CHOICES or r.rule == "LBC-13":
            return True
        if actions_required and r.rule == "LBC-12":
            return True
    return False
