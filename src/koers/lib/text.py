"""Text helpers shared by what stores and what searches."""

import unicodedata


def search_text(value: str, *, max_length: int | None = None) -> str:
    """`value` as names are stored and searched: lower case, accents stripped, whitespace
    collapsed ("  Céline  VAN Dyck" -> "celine van dyck"), so "Celine" finds "Céline".

    The same function for the stored column and for the query. Decomposing can lengthen a text
    ("ß" -> "ss", "ﬁ" -> "fi"): give the column's `max_length` when storing.
    """
    decomposed = unicodedata.normalize("NFKD", value)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())[:max_length]
