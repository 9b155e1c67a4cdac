"""What the benchmarks share: `timed` (median-ready samples after a warm-up), and how every
benchmark writes its figures for `report.py` (`--json FILE`): what was measured, on
which database, when and at what load, then one dict per measured thing. Imported when a benchmark
starts: `when` and `load` are the start's (the machine before our own work), `load_end` the end's.
"""

import json
import os
import time
from datetime import UTC, datetime
from pathlib import Path

STARTED = datetime.now(UTC)
LOAD_AT_START = os.getloadavg()[0]


def write_json(path: str, kind: str, results: list[dict], **extra) -> None:
    from django.db import connection

    Path(path).write_text(
        json.dumps(
            {
                "kind": kind,
                "database": connection.settings_dict["ENGINE"].rsplit(".", 1)[-1],
                "when": STARTED.strftime("%Y-%m-%d %H:%M UTC"),
                "load": round(LOAD_AT_START, 2),
                "load_end": round(os.getloadavg()[0], 2),
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


def timed(function, runs: int, warmup: int) -> tuple[list[float], object]:
    for _ in range(warmup):
        result = function()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        samples.append(time.perf_counter() - started)
    return samples, result
