"""Find code that writes a status field outside its one door (`<entity>_set_state`).

Used by each app's `test_state_doors.py`: it names the field and the functions allowed to write
it, and asserts that this scan finds nothing else in `src/`. It sees attribute assignments
(`obj.state = …`, also in tuples and chains), `setattr(obj, "state", …)` and queryset
`.update(state=…)`; migrations are left out (they are history).
"""

import ast
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "koers"


@dataclass(frozen=True)
class Write:
    path: str
    line: int
    function: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line} in {self.function or '<module>'}"


def _targets(node: ast.AST) -> list[ast.AST]:
    if isinstance(node, ast.Assign):
        found = []
        for target in node.targets:
            found.extend(target.elts if isinstance(target, ast.Tuple | ast.List) else [target])
        return found
    if isinstance(node, ast.AugAssign | ast.AnnAssign):
        return [node.target]
    return []


def _writes_field(node: ast.AST, field: str) -> bool:
    if any(isinstance(t, ast.Attribute) and t.attr == field for t in _targets(node)):
        return True
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name) and func.id == "setattr" and len(node.args) >= 2:
            name = node.args[1]
            return isinstance(name, ast.Constant) and name.value == field
        if isinstance(func, ast.Attribute) and func.attr == "update":
            return any(k.arg == field for k in node.keywords)
    return False


class _Scanner(ast.NodeVisitor):
    def __init__(self, field: str, path: str):
        self.field, self.path = field, path
        self.stack: list[str] = []
        self.found: list[Write] = []

    def _visit_function(self, node) -> None:
        self.stack.append(node.name)
        self.generic_visit(node)
        self.stack.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = _visit_function

    def generic_visit(self, node: ast.AST) -> None:
        if _writes_field(node, self.field):
            function = self.stack[0] if self.stack else ""
            self.found.append(Write(self.path, node.lineno, function))
        super().generic_visit(node)


def writes_outside(field: str, allowed: set[str], under: str = "") -> list[Write]:
    """Every write of attribute `field` in src/koers[/under] outside the functions in `allowed`
    (a top-level function's name covers what is nested in it)."""
    found: list[Write] = []
    for path in sorted((SRC / under).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        rel = str(path.relative_to(SRC))
        scanner = _Scanner(field, rel)
        scanner.visit(ast.parse(path.read_text(), filename=rel))
        found.extend(w for w in scanner.found if w.function not in allowed)
    return found
