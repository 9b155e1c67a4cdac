"""Write the deadline rows of "klanten opvolgen" again from every open service (issue 14): after
a bulk import or an `update()` that bypassed the services, or to check nothing drifted."""

from django.core.management.base import BaseCommand

from koers.mediation.services.deadlines import rebuild_all


class Command(BaseCommand):
    help = "Decide every open mediation service's deadlines (MED-02/03/05/14) and store them."

    def handle(self, *args, **options):
        rows = rebuild_all()
        self.stdout.write(f"{rows} deadlines")
