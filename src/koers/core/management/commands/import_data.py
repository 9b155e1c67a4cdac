"""Import clients, staff or organisations from a CSV or XLSX file; a dry run unless --commit."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from koers.core.imports import ImportFileError, ImportKind, import_organisations_for, run_import
from koers.core.models import User

KINDS = {
    "clienten": ImportKind.CLIENTS,
    "cliënten": ImportKind.CLIENTS,
    "clients": ImportKind.CLIENTS,
    "medewerkers": ImportKind.STAFF,
    "staff": ImportKind.STAFF,
    "organisaties": ImportKind.ORGANISATIONS,
    "organisations": ImportKind.ORGANISATIONS,
}


class Command(BaseCommand):
    help = (
        "Importeert cliënten, medewerkers of organisaties uit een CSV- of XLSX-bestand, met "
        "dezelfde controles als de importpagina. Zonder --commit is het een proefimport die niets "
        "bewaart en de fouten per rij toont. Met --commit wordt niets bewaard tenzij het hele "
        "bestand geldig is; voeg --only-valid toe om enkel de geldige rijen te importeren."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "kind", choices=sorted(KINDS), help="clienten, medewerkers of organisaties"
        )
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--organisation", type=int, help="id van de organisatie (voor cliënten en medewerkers)"
        )
        parser.add_argument("--user", required=True, help="gebruikersnaam van wie importeert")
        parser.add_argument("--commit", action="store_true", help="echt importeren")
        parser.add_argument(
            "--only-valid", action="store_true", help="met --commit: enkel de geldige rijen"
        )

    def handle(self, *args, kind, file, organisation, user, commit, only_valid, **options):
        kind = KINDS[kind]
        acting = User.objects.filter(username=user, is_active=True).first()
        if acting is None or not acting.has_perm("core.import_data"):
            raise CommandError(f"Gebruiker {user!r} bestaat niet of mag niet importeren.")
        target = None
        if kind != ImportKind.ORGANISATIONS:
            if organisation is None:
                raise CommandError("Geef --organisation <id> op.")
            target = import_organisations_for(acting).filter(pk=organisation).first()
            if target is None:
                raise CommandError(
                    f"Deze gebruiker mag niet importeren voor organisatie {organisation}."
                )
        try:
            content = file.read_bytes()
        except OSError as exc:
            raise CommandError(f"Kan {file} niet lezen: {exc.strerror}.") from exc
        try:
            result = run_import(
                kind=kind,
                content=content,
                user=acting,
                organisation=target,
                commit=commit,
                only_valid=only_valid,
            )
        except ImportFileError as exc:
            raise CommandError(str(exc)) from exc
        for error in result.errors:
            column = f", {error.column}" if error.column else ""
            self.stdout.write(f"rij {error.row}{column}: {error.message}")
        self.stdout.write(
            f"{result.total} rijen: {result.valid} geldig, {result.invalid} met fouten."
        )
        if result.committed:
            self.stdout.write(self.style.SUCCESS(f"{result.created} rijen geïmporteerd."))
        elif commit:
            raise CommandError("Niets geïmporteerd: het bestand bevat fouten (zie --only-valid).")
        elif result.errors:
            raise CommandError("Proefimport: het bestand bevat fouten; er is niets bewaard.")
        else:
            self.stdout.write(
                "Proefimport: alles is geldig; er is niets bewaard (gebruik --commit)."
            )
