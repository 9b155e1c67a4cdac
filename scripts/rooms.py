"""Rooms too big to know: modules over 400 lines and view functions over 30 under src/koers.

`python scripts/rooms.py [path ...]` prints what is over; exit 1 when something is.
Migrations are left out; a view is a function in a `views` module or package, or in an `api`
module or package.
"""

import ast
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "koers"
MODULE_LINES = 400
VIEW_LINES = 30


def _is_view_module(path: Path) -> bool:
    return any(part.startswith("views") or part in {"api", "api.py"} for part in path.parts)


def over(paths: list[Path]) -> list[str]:
    found = []
    for path in paths:
        if "migrations" in path.parts:
            continue
        text = path.read_text()
        lines = text.count("\n")
        rel = path.relative_to(SRC.parent.parent)
        if lines > MODULE_LINES:
            found.append(f"{rel}: {lines} lines")
        if _is_view_module(path.relative_to(SRC)):
            for node in ast.parse(text).body:
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    length = node.end_lineno - node.lineno + 1
                    if length > VIEW_LINES:
                        found.append(f"{rel}:{node.lineno} {node.name}: {length} lines")
    return found


def main(argv: list[str]) -> int:
    roots = [Path(a).resolve() for a in argv] or [SRC]
    files = sorted(p for root in roots for p in ([root] if root.is_file() else root.rglob("*.py")))
    found = over(files)
    print("\n".join(found) or "every room is small")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
