"""Idempotent jobs of the core app, run by the periodic sweep (see `koers.core.sweep`)."""

import logging
from datetime import datetime, timedelta

from koers.core.imports import pending_dir
from koers.core.sweep import sweep_job

logger = logging.getLogger(__name__)

IMPORT_FILE_MAX_AGE = timedelta(hours=24)


@sweep_job
def delete_stale_import_files(now: datetime) -> int:
    """Delete uploads waiting for confirmation for more than 24 hours: they hold personal data.

    Safe to run twice: a second run finds nothing left to delete.
    """
    folder = pending_dir()
    if not folder.is_dir():
        return 0
    cutoff = (now - IMPORT_FILE_MAX_AGE).timestamp()
    deleted = 0
    for path in folder.iterdir():
        if path.is_file() and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
            deleted += 1
    if deleted:
        logger.info("deleted %d stale import files", deleted)
    return deleted
