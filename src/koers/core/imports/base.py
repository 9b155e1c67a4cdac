"""What an import is and what it answers: its kind, the limits, row errors and the result."""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
PREVIEW_ROWS = 10


class ImportKind(models.TextChoices):
    CLIENTS = "clients", gettext_lazy("Cliënten")
    STAFF = "staff", gettext_lazy("Medewerkers")
    ORGANISATIONS = "organisations", gettext_lazy("Organisaties")


class ImportFileError(Exception):
    """The file as a whole cannot be imported (too big, unreadable, a required column missing)."""


@dataclass(frozen=True)
class RowError:
    row: int  # as the user sees it in Excel: the header is row 1
    column: str
    message: str


@dataclass
class ImportResult:
    kind: str
    total: int = 0
    valid: int = 0
    errors: list[RowError] = field(default_factory=list)
    preview_headers: list[str] = field(default_factory=list)
    preview: list[list[str]] = field(default_factory=list)
    created: int = 0
    committed: bool = False

    @property
    def invalid(self) -> int:
        return self.total - self.valid
