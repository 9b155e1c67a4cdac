"""How every benchmark writes its figures for `report.py` (`--json FILE`): what was measured, on
which database, when and at what load, then one dict per measured thing."""

import json
import os
from datetime import UTC, datetime
from pathlib import Path


def write_json(path: str, kind: str, results: list[dict], **extra) -> None:
    from django.db import connection

    Path(path).write_text(
        json.dumps(
            {
                "kind": kind,
                "database": connection.settings_dict["ENGINE"].rsplit(".", 1)[-1],
                "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
                "load": round(os.getloadavg()[0], 2),
                "cpus": os.cpu_count(),
                **extra,
                "results": results,
            },
            indent=1,
        )
    )


def client_count() -> int:
    from koers.core.models import Client

    return Client.objects.count()
