"""List the entries of the English catalogue that still need a translator (empty or fuzzy), or
fill them in from a JSON file {msgid: msgstr} and drop their fuzzy flag.

    python scripts/po_todo.py list  > todo.json      # after manage.py makemessages -l en --no-obsolete
    python scripts/po_todo.py fill todo.json         # then manage.py compilemessages

Plain-text parsing of Django's own .po layout (msgid/msgstr, no plurals in this catalogue).
"""

import json
import re
import sys
from pathlib import Path

PO = Path(__file__).resolve().parent.parent / "src/koers/locale/en/LC_MESSAGES/django.po"


def _unquote(lines: list[str]) -> str:
    return "".join(json.loads(line[line.index('"') :]) for line in lines)


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def entries(text: str) -> list[dict]:
    out = []
    for block in text.split("\n\n"):
        lines = block.splitlines()
        flags = [line for line in lines if line.startswith("#,")]
        try:
            i = next(n for n, line in enumerate(lines) if line.startswith("msgid "))
            j = next(n for n, line in enumerate(lines) if line.startswith("msgstr "))
        except StopIteration:
            out.append({"block": block})
            continue
        out.append(
            {
                "block": block,
                "head": [line for line in lines[:i] if not line.startswith("#,")],
                "flags": flags,
                "msgid": _unquote(lines[i:j]),
                "msgstr": _unquote(lines[j:]),
                "fuzzy": any("fuzzy" in f for f in flags),
            }
        )
    return out


def todo(e: dict) -> bool:
    return "msgid" in e and e["msgid"] and (e["fuzzy"] or not e["msgstr"])


def main() -> None:
    text = PO.read_text()
    items = entries(text)
    if sys.argv[1] == "list":
        print(
            json.dumps(
                {e["msgid"]: (e["msgstr"] if not e["fuzzy"] else "") for e in items if todo(e)},
                ensure_ascii=False,
                indent=1,
            )
        )
        return
    done = json.loads(Path(sys.argv[2]).read_text())
    blocks = []
    for e in items:
        if "msgid" in e and todo(e) and done.get(e["msgid"]):
            flags = [re.sub(r",?\s*fuzzy", "", f).rstrip(", ") for f in e["flags"]]
            flags = [f for f in flags if f.strip("#, ")]
            head = [line for line in e["head"] if not line.startswith("#|")]  # fuzzy's old msgid
            lines = (
                head + flags + [f"msgid {_quote(e['msgid'])}", f"msgstr {_quote(done[e['msgid']])}"]
            )
            blocks.append("\n".join(lines))
        else:
            blocks.append(e["block"])
    PO.write_text("\n\n".join(blocks))


if __name__ == "__main__":
    main()
