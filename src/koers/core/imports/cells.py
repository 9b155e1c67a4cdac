"""Reading one cell: headers, text, Belgian dates, yes/no and the codes of a choice."""

import re
import unicodedata
from datetime import date, datetime
from functools import cache

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _


def normalize_header(text: str) -> str:
    """'E-mail', 'e_mail ' and 'Email' all become 'email'; accents are dropped."""
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", plain.lower())


def cell_text(value) -> str:
    """A cell as text. Excel stores phone numbers and postal codes as numbers: 9000.0 → '9000'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


_DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d")


def parse_date(value) -> date | None:
    """dd/mm/jjjj (also with - or .), ISO jjjj-mm-dd, or a real Excel date; empty gives None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value).split(" ")[0].split("T")[0]  # drop a time: "1985-07-30 00:00:00"
    if not text:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a date, no time zone
        except ValueError:
            continue
    raise ValidationError(_("Dit is geen geldige datum (gebruik dd/mm/jjjj)."))


_TRUE = {"ja", "j", "yes", "y", "waar", "true", "1", "x", "akkoord"}
_FALSE = {"", "nee", "neen", "n", "no", "onwaar", "false", "0"}


def parse_bool(value) -> bool:
    text = normalize_header(cell_text(value))
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    raise ValidationError(_("Vul ja of nee in."))


@cache
def choice_lookup(choices_class, **aliases: str) -> dict[str, str]:
    """Codes and Dutch labels (normalised) of a TextChoices, mapped to their code."""
    with translation.override("nl-be"):
        found = {normalize_header(label): value for value, label in choices_class.choices}
    found.update({normalize_header(value): value for value in choices_class.values})
    return found | aliases
