"""Render the benchmarks' `--json` outputs as one markdown table, and put it in docs/operations.md.

    python benchmarks/report.py FILE.json ... [--write docs/operations.md]

Each FILE is what `bench_pages.py`, `bench_http.py`, `load.py`, `bench_marketing.py` or
`bench_dashboard_counts.py` wrote with `--json` (a missing file is skipped: a step that could not
run, e.g. PostgreSQL not reachable). One table: a row per page (in-process on SQLite with its
queries, over HTTP on SQLite and on PostgreSQL as p50 / p95 and the ratio to the floor measured in
the same run), per load run (throughput, p50/p95/p99, server errors, "database is locked") and per
report against its hand-written SQL; the last row says when and at what load each column was
measured. Without `--write` it prints the block; with it, it replaces the block between
`<!-- bench:start -->` and `<!-- bench:end -->` (added right under `## Measured` the first time)
and keeps everything else.
"""

import argparse
import json
import sys
from pathlib import Path

START, END = "<!-- bench:start -->", "<!-- bench:end -->"
HEADING = "## Measured"
COLUMNS = (
    "SQLite, in-process",
    "SQLite, gunicorn",
    "PostgreSQL, in-process",
    "PostgreSQL, gunicorn",
)


def load(paths: list[str]) -> list[dict]:
    found = []
    for path in paths:
        try:
            found.append(json.loads(Path(path).read_text()))
        except (OSError, ValueError):
            continue
    return found


def _column(source: dict) -> int:
    """Which column a source's figures go in."""
    in_process = source["kind"] in ("pages", "reports")
    return (2 if source["database"] == "postgresql" else 0) + (0 if in_process else 1)


def _ms(value) -> str:
    return "—" if value is None else f"{value:.0f}" if value >= 10 else f"{value:.1f}"


def _page_cell(kind: str, r: dict) -> str:
    if "p50" not in r:
        return str(r.get("status", "—"))
    cell = f"{_ms(r['p50'])} / {_ms(r['p95'])} ms"
    if kind == "http":
        cell += f", **{r['ratio']:.1f} ×**"
    elif r.get("queries") is not None:
        cell += f", {r['queries']} q"
    if str(r.get("status")) != "200":
        cell += f", status {r.get('status')}"
    return cell


def _load_cell(r: dict, floor: dict | None) -> str:
    cell = (
        f"{r['throughput']:.0f}/s, {_ms(r['p50'])} / {_ms(r['p95'])} / {_ms(r['p99'])} ms, "
        f"5xx {r['5xx']}, locked {r['locked']}"
    )
    if r.get("writes"):
        cell += f", {r['writes']} writes ({r['writes refused']} refused)"
    if floor is not None and floor is not r and floor["throughput"]:
        cell += f", {r['throughput'] / floor['throughput']:.2f} × the floor's throughput"
    return cell


def _report_cell(r: dict) -> str:
    same = "" if r.get("same", True) else ", NOT the same figures"
    return f"{_ms(r['ours'])} ms vs hand SQL {_ms(r['hand'])} ms, **{r['ratio']:.2f} ×**{same}"


def rows(sources: list[dict]) -> tuple[list[tuple[str, list[str]]], list[str]]:
    """(row name, a cell per column) in a stable order, and the 'measured' cells."""
    table: dict[str, list[str]] = {}
    measured = [[] for _ in COLUMNS]

    def put(name, column, cell):
        table.setdefault(name, ["" for _ in COLUMNS])[column] = cell

    for source in sources:
        column = _column(source)
        kind = source["kind"]
        load = f"load {source['load']:.1f}"
        if source.get("load_end") is not None:
            load += f"→{source['load_end']:.1f}"
        measured[column].append(
            f"{kind} {source['when']}, {load}"
            + (f", {source['clients']:,} clients" if source.get("clients") else "")
        )
        if kind in ("pages", "http"):
            for r in source["results"]:
                put(r["name"], column, _page_cell(kind, r))
        elif kind == "load":
            floor = next((r for r in source["results"] if r["name"].startswith("floor")), None)
            for r in source["results"]:
                put(f"load: {r['name']}", column, _load_cell(r, floor))
        elif kind == "reports":
            for r in source["results"]:
                put(f"report: {r['name']}", column, _report_cell(r))
    order = {"floor": 0, "load": 2, "report": 3}

    def key(item):
        name = item[0]
        return (order.get(name.split(":")[0], 1), list(table).index(name))

    return sorted(table.items(), key=key), ["; ".join(m) or "—" for m in measured]


def render(sources: list[dict]) -> str:
    lines = [
        START,
        "",
        "Written by `make bench` (`benchmarks/report.py`); p50 / p95 in ms, **ratios** to the "
        "floor (`/status/ping` through the same middleware, same run) for pages, to the "
        "hand-written SQL (`benchmarks/sql/`) for reports; load: throughput, p50 / p95 / p99. "
        "Targets (issue 14): pages ≤ 10 × floor at 20,000 clients, reports ≤ 2 × hand SQL, "
        'load 0 5xx and 0 locked, open loop p95 < 300 ms. A row "with every panel, one after '
        "the other\" is the sum of the page and its panels fetched in turn: the dashboard's whole "
        "server time, several requests, not held to the per-request target.",
        "",
    ]
    if not sources:
        return "\n".join([*lines, "No figures yet: run `make bench`.", "", END])
    body, measured = rows(sources)
    lines.append("| what | " + " | ".join(COLUMNS) + " |")
    lines.append("|---" * (len(COLUMNS) + 1) + "|")
    for name, cells in body:
        lines.append(f"| {name} | " + " | ".join(c or "—" for c in cells) + " |")
    lines.append(
        "| *measured (UTC, 1-min load average start→end)* | " + " | ".join(measured) + " |"
    )
    cpus = next((s["cpus"] for s in sources if s.get("cpus")), "?")
    lines += ["", f"On {cpus} CPUs.", "", END]
    return "\n".join(lines)


def update(text: str, block: str) -> str:
    """`text` with the block replaced, or inserted right after the `## Measured` heading."""
    if START in text and END in text:
        before, _sep, rest = text.partition(START)
        _old, _sep, after = rest.partition(END)
        return before + block + after
    if HEADING not in text:
        return text.rstrip("\n") + f"\n\n{HEADING}\n\n{block}\n"
    before, _sep, after = text.partition(HEADING)
    return f"{before}{HEADING}\n\n{block}\n{after}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--write", default="", help="the markdown file to update")
    args = parser.parse_args(argv)
    block = render(load(args.files))
    if args.write:
        path = Path(args.write)
        path.write_text(update(path.read_text(), block))
        print(f"{path}: measured block updated")
    else:
        print(block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
