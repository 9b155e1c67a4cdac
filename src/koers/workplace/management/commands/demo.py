"""`manage.py demo`: load a small, realistic, fictional career centre to try Koers with.

Only orchestrates: each app brings its own demo data (`koers/<app>/demo.py`, registered with
`koers.core.demo.register_demo` in the app's `ready()`). Running it again does nothing when the
centre already exists; it only prints the logins again (`make run` relies on that output).
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from koers.core.demo import demo_build, demo_loaded, demo_logins


class Command(BaseCommand):
    help = "Laadt een fictief demo-loopbaancentrum (idempotent) en toont de demo-logins."

    def handle(self, *args, **options):
        if demo_loaded():
            self.stdout.write("Demo data already loaded; nothing changed.")
        else:
            # The demo's confirmation e-mails to fictional people are not printed with the logins.
            with (
                override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"),
                transaction.atomic(),
            ):
                counts = demo_build()
            self.stdout.write(
                "Demo data loaded: {clients} clients, {trajectories} trajectories, "
                "{contacts} contacts.".format(**counts)
            )
        for line in demo_logins():
            self.stdout.write(line)
