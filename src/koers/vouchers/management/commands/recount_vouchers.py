"""Rebuild the counted contacts of every voucher from their contacts (issue 14): after a bulk
import that bypassed the services, or to check nothing drifted."""

from django.core.management.base import BaseCommand

from koers.vouchers.services.counting import recount_all


class Command(BaseCommand):
    help = "Replay every voucher (LBC-02..08) and store what each contact counts."

    def handle(self, *args, **options):
        rows = recount_all()
        self.stdout.write(f"{rows} counted contacts")
