"""Run every registered sweep job once: by hand, from cron, or to check a deployment."""

from django.core.management.base import BaseCommand

from koers.core.sweep import run_sweep


class Command(BaseCommand):
    help = (
        "Voert alle periodieke taken (de 'sweep') één keer uit en toont per taak het resultaat. "
        "Elke taak is idempotent: twee keer uitvoeren kan geen kwaad."
    )

    def handle(self, *args, **options):
        results = run_sweep()
        if not results:
            self.stdout.write("Geen taken geregistreerd.")
        for name, result in results.items():
            shown = "MISLUKT (zie log)" if result is None else str(result)
            self.stdout.write(f"{name}: {shown}")
