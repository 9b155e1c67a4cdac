"""Django's makemessages, that also collects the sentences of the funder's rules.

Rules are pure (no Django, so no gettext): their Dutch sentences are the second argument of
`Reason(...)` or `reason(...)` (koers.lib.rules), and the Dutch pieces inside them the first
argument of `phrase(...)` / `Phrase(...)`; all are translated when shown.
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [
        *makemessages.Command.xgettext_options,
        "--keyword=Reason:2",
        "--keyword=reason:2",
        "--keyword=Phrase:1",
        "--keyword=phrase:1",
    ]
