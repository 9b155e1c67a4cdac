"""benchmarks/report.py: the `--json` figures of the benchmarks as one markdown table in
docs/operations.md (issue 14). Rendering only: the test suite never runs a benchmark."""

import importlib.util
from pathlib import Path

import pytest

REPORT = Path(__file__).resolve().parents[2] / "benchmarks" / "report.py"


@pytest.fixture(scope="module")
def report():
    spec = importlib.util.spec_from_file_location("bench_report", REPORT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def source(kind, database, results, **extra):
    return {
        "kind": kind,
        "database": database,
        "when": "2026-12-01 21:30 UTC",
        "load": 1.25,
        "cpus": 2,
        "clients": 20000,
        **extra,
        "results": results,
    }


SOURCES = [
    source(
        "pages",
        "sqlite3",
        [
            {"name": "dashboard (coach)", "p50": 18.04, "p95": 20.5, "queries": 10, "status": 200},
            {"name": "lead list (coach)", "status": "missing"},
        ],
    ),
    source(
        "http",
        "sqlite3",
        [
            {"name": "floor: /status/ping", "p50": 3.4, "p95": 5.7, "ratio": 1.0, "status": "200"},
            {"name": "dashboard (coach)", "p50": 20.4, "p95": 22.3, "ratio": 6.0, "status": "200"},
        ],
    ),
    source(
        "http",
        "postgresql",
        [{"name": "dashboard (coach)", "p50": 41.0, "p95": 60.0, "ratio": 11.7, "status": "500"}],
    ),
    source(
        "load",
        "sqlite3",
        [
            {
                "name": "floor /status/ping",
                "requests": 7500,
                "writes": 0,
                "throughput": 125.0,
                "p50": 390.0,
                "p95": 628.0,
                "p99": 672.0,
                "5xx": 0,
                "4xx": 0,
                "writes refused": 0,
                "locked": 0,
            },
            {
                "name": "closed loop, 50 users",
                "requests": 3000,
                "writes": 600,
                "throughput": 50.0,
                "p50": 900.0,
                "p95": 1500.0,
                "p99": 2000.0,
                "5xx": 2,
                "4xx": 0,
                "writes refused": 0,
                "locked": 1,
            },
        ],
    ),
    source(
        "reports",
        "postgresql",
        [{"name": "marketing page", "ours": 30.0, "hand": 20.0, "ratio": 1.5, "same": False}],
    ),
]


def table_rows(block):
    return [line for line in block.splitlines() if line.startswith("| ")]


def test_one_table_with_a_row_per_measured_thing_and_the_floor_first(report):
    block = report.render(SOURCES)
    rows = table_rows(block)
    assert rows[0] == (
        "| what | SQLite, in-process | SQLite, gunicorn | PostgreSQL, in-process "
        "| PostgreSQL, gunicorn |"
    )
    names = [row.split(" | ")[0][2:] for row in rows[1:]]
    assert names == [
        "floor: /status/ping",
        "dashboard (coach)",
        "lead list (coach)",
        "load: floor /status/ping",
        "load: closed loop, 50 users",
        "report: marketing page",
        "*measured (UTC, 1-min load average start→end)*",
    ]
    assert block.startswith(report.START) and block.endswith(report.END)
    assert sum(line.startswith("|---") for line in block.splitlines()) == 1  # one table


def test_cells_carry_the_figures_the_ratios_and_what_went_wrong(report):
    rows = {
        row.split(" | ")[0][2:]: row.split(" | ")[1:] for row in table_rows(report.render(SOURCES))
    }
    in_process, sqlite_http, pg_in_process, pg_http = rows["dashboard (coach)"]
    assert in_process == "18 / 20 ms, 10 q"
    assert sqlite_http == "20 / 22 ms, **6.0 ×**"
    assert pg_in_process == "—"
    assert pg_http.startswith("41 / 60 ms, **11.7 ×**, status 500")
    assert rows["floor: /status/ping"][1] == "3.4 / 5.7 ms, **1.0 ×**"
    assert rows["lead list (coach)"][0] == "missing"
    closed = rows["load: closed loop, 50 users"][1]
    assert (
        "50/s" in closed
        and "5xx 2, locked 1" in closed
        and "0.40 × the floor's throughput" in closed
    )
    assert "600 writes (0 refused)" in closed
    report_cell = rows["report: marketing page"][2]
    assert "**1.50 ×**" in report_cell and "NOT the same figures" in report_cell


def test_every_column_says_when_and_at_what_load(report):
    measured = table_rows(report.render(SOURCES))[-1].split(" | ")[1:]
    assert measured[0] == "pages 2026-12-01 21:30 UTC, load 1.2, 20,000 clients"
    SOURCES[0]["load_end"] = 3.0
    try:
        cell = table_rows(report.render(SOURCES))[-1].split(" | ")[1]
    finally:
        del SOURCES[0]["load_end"]
    assert cell.startswith("pages 2026-12-01 21:30 UTC, load 1.2→3.0")
    assert all("2026-12-01 21:30 UTC" in cell and "load 1.2" in cell for cell in measured)


def test_the_block_goes_under_the_heading_once_then_is_replaced(report):
    doc = "# Ops\n\n## Measured\n\nOlder figures, kept.\n\n## Next\n"
    first = report.update(doc, report.render(SOURCES))
    assert first.index("## Measured") < first.index(report.START) < first.index("Older figures")
    again = report.update(first, report.render([]))
    assert again.count(report.START) == 1 and "No figures yet" in again
    assert "dashboard (coach)" not in again
    assert again.endswith("Older figures, kept.\n\n## Next\n")


def test_missing_or_broken_files_are_skipped(report, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    assert report.load([str(broken), str(tmp_path / "absent.json")]) == []
