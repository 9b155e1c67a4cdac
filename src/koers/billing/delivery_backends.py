"""BIL-04: the one small interface through which an issued invoice or credit note leaves Koers.

Sending over the Peppol network needs a certified access point; Koers does not talk to one yet.
A backend is any class with `deliver(document) -> Receipt`, chosen by the setting
`KOERS_PEPPOL_BACKEND` (a dotted path). `FileDropBackend`, the default, writes the UBL XML to
`KOERS_PEPPOL_OUTBOX` (`KOERS_DATA_DIR/peppol-outbox`), where a person or a provider's agent picks
it up. An access-point provider is plugged in later by writing one class and changing the
setting; the issuing service and the outbox (`InvoiceDelivery`, retried by the sweep) stay.
"""

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class OutgoingDocument:
    """What a backend needs: who sends to whom (enterprise numbers, Peppol scheme 0208), which
    document, and its UBL 2.1 XML."""

    number: str
    kind: str  # "invoice" or "credit_note"
    seller_enterprise_number: str
    buyer_enterprise_number: str
    ubl_xml: bytes


@dataclass(frozen=True)
class Receipt:
    """The backend's proof of delivery: e.g. a file name, or an access point's message id."""

    reference: str


class DeliveryBackend(Protocol):
    def deliver(self, document: OutgoingDocument) -> Receipt:
        """Hand the document over; raise on failure (the outbox records it and retries)."""


_SAFE = re.compile(r"[^A-Za-z0-9_.-]")


class FileDropBackend:
    """Writes `<seller>-<number>.xml` into the outbox folder, atomically (a temporary file, then a
    rename), so a reader never sees half a file and a retry overwrites the same name."""

    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder or settings.KOERS_PEPPOL_OUTBOX)

    def deliver(self, document: OutgoingDocument) -> Receipt:
        self.folder.mkdir(parents=True, exist_ok=True)
        name = _SAFE.sub("_", f"{document.seller_enterprise_number}-{document.number}.xml")
        handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".part")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(document.ubl_xml)
            os.replace(temporary, self.folder / name)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return Receipt(reference=name)


def backend_path() -> str:
    return settings.KOERS_PEPPOL_BACKEND


def delivery_backend() -> DeliveryBackend:
    """The configured backend (the setting `KOERS_PEPPOL_BACKEND`)."""
    return import_string(backend_path())()
