"""COM-01 / COM-02: does a text about vouchers name the centre's working name close by?

"Close" (documented choice): the seed asks the reference to the recognised centre *as soon as*
vouchers are mentioned, "not at the bottom". We check every mention of a voucher term: the
working name must occur within `ruleset.com_proximity_chars` characters (default 200, about two
sentences) before or after it, in the same paragraph (paragraphs are separated by a blank line).
The logo cannot be checked in plain text: the result always reminds of it.
"""

import re
from dataclasses import dataclass

from koers.intake.rules.ruleset import Ruleset
from koers.lib.rules import Phrase, Reason, reason

VOUCHER_TERMS = re.compile(
    r"loopbaan[\s-]?cheques?|\bLBC\b|\bcheques?\s+(?:van\s+(?:de\s+)?)?VDAB|\bvouchers?\b",
    re.IGNORECASE,
)
_PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class CommunicationFinding:
    ok: bool
    mention: str
    position: int
    reason: Reason


def _paragraph_bounds(text: str, position: int) -> tuple[int, int]:
    start = 0
    for match in _PARAGRAPH.finditer(text):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            return start, match.start()
    return start, len(text)


def communication_check(
    text: str, working_name: str, ruleset: Ruleset
) -> tuple[bool, list[CommunicationFinding]]:
    """COM-01: (ok, findings). A text without any voucher term is fine."""
    findings: list[CommunicationFinding] = []
    name = working_name.strip()
    name_re = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE) if name else None
    for mention in VOUCHER_TERMS.finditer(text):
        para_start, para_end = _paragraph_bounds(text, mention.start())
        lo = max(para_start, mention.start() - ruleset.com_proximity_chars)
        hi = min(para_end, mention.end() + ruleset.com_proximity_chars)
        near = bool(name_re and name_re.search(text, lo, hi))
        findings.append(
            CommunicationFinding(
                near,
                mention.group(0),
                mention.start(),
                reason(
                    "COM-01",
                    "“{mention}”: de werknaam {name} staat er vlak bij.",
                    mention=mention.group(0),
                    name=name,
                )
                if near
                else reason(
                    "COM-01",
                    "“{mention}” zonder de werknaam {name} in de buurt (binnen {chars} tekens, "
                    "zelfde alinea).",
                    mention=mention.group(0),
                    name=name or Phrase("(onbekend)"),
                    chars=ruleset.com_proximity_chars,
                ),
            )
        )
    return all(f.ok for f in findings), findings


LOGO_REMINDER = Reason(
    "COM-01",
    "Toon bij elke vermelding van loopbaancheques ook het logo van het centrum samen met het "
    "logo van de loopbaancheque (VDAB).",
)
