"""Every sentence of the funder's rules reaches the English catalogue (issue 10, "Language")."""

import ast
import gettext
from pathlib import Path

import koers

SRC = Path(koers.__file__).parent
MO = SRC / "locale" / "en" / "LC_MESSAGES" / "django.mo"
# (callable, position of the Dutch sentence): the keywords makemessages gives xgettext
KEYWORDS = {"Reason": 1, "reason": 1, "Phrase": 0, "phrase": 0}


def _gettext_call(node) -> bool:
    return isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_"


def _sentences():
    """(where, sentence or None when it is not a literal) for every Reason/reason/Phrase/phrase."""
    for path in sorted(SRC.rglob("*.py")):
        if "migrations" in path.parts or path.parts[-3:] == ("lib", "rules", "reasons.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in KEYWORDS or len(node.args) <= KEYWORDS[name]:
                continue
            arg = node.args[KEYWORDS[name]]
            where = f"{path.relative_to(SRC)}:{node.lineno}"
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                yield where, arg.value
            elif _gettext_call(arg) or (isinstance(arg, ast.BinOp) and _gettext_call(arg.left)):
                continue  # a service's reason around an already translated string
            else:
                yield where, None


def test_every_rule_sentence_is_a_literal_the_catalogue_can_collect():
    built = [where for where, sentence in _sentences() if sentence is None]
    assert built == [], "build these with reason(rule, 'Dutch {name}', name=value)"


def test_every_rule_sentence_has_an_english_translation():
    with MO.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)._catalog
    missing = [
        f"{where}: {sentence}"
        for where, sentence in _sentences()
        if sentence and not catalogue.get(sentence)
    ]
    assert missing == []
