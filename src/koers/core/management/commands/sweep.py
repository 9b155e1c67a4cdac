"""Run the registered sweep jobs once: by hand, from cron, or to check a deployment."""

from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from koers.core.sweep import registered_jobs, run_sweep


class Command(BaseCommand):
    help = (
        "Voert alle periodieke taken (de 'sweep') één keer uit en toont per taak het resultaat. "
        "Elke taak is idempotent: twee keer uitvoeren kan geen kwaad."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--job",
            action="append",
            default=[],
            help="alleen deze taak (de naam die de sweep toont); mag meermaals",
        )
        parser.add_argument(
            "--now", default="", help="het tijdstip waarop de taken kijken (ISO 8601); standaard nu"
        )

    def handle(self, *args, **options):
        unknown = set(options["job"]) - set(registered_jobs())
        if unknown:
            raise CommandError(f"Onbekende taak: {', '.join(sorted(unknown))}")
        now = timezone.now()
        if options["now"]:
            now = datetime.fromisoformat(options["now"])
            if timezone.is_naive(now):
                now = timezone.make_aware(now)
        names = options["job"] or list(registered_jobs())
        if not names:
            self.stdout.write("Geen taken geregistreerd.")
        for name in names:
            if options["verbosity"] >= 2:  # the fault drill waits for this line to kill the job
                self.stdout.write(f"-> {name}")
                self.stdout.flush()
            result = run_sweep(now, only=[name])[name]
            shown = "MISLUKT (zie log)" if result is None else str(result)
            self.stdout.write(f"{name}: {shown}")
