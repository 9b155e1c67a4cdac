"""Moved to `koers.trajectories.api.documents` (issue 11). Kept only so that the programmes' API
modules that still import `document_out` from here keep working; remove once they import it
from its new home."""

from koers.trajectories.api.documents import document_out

__all__ = ["document_out"]
