"""Small rooms (issue 11): no module under src/ over 400 lines (migrations aside), no view or API
function over 30 lines. `python scripts/rooms.py` says which ones are over."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("rooms", ROOT / "scripts" / "rooms.py")
rooms = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rooms)


def test_no_module_over_400_lines_and_no_view_over_30_lines():
    assert rooms.over(sorted(rooms.SRC.rglob("*.py"))) == []


def test_the_room_check_sees_a_long_module_and_a_long_view(tmp_path, monkeypatch):
    views = tmp_path / "koers" / "demo" / "views.py"
    views.parent.mkdir(parents=True)
    body = "\n".join(f"    x{i} = {i}" for i in range(31))
    views.write_text(f"def page(request):\n{body}\n" + "\n" * 400)
    monkeypatch.setattr(rooms, "SRC", tmp_path / "koers")
    found = rooms.over([views])
    assert any("402 lines" in f or "lines" in f and "page" not in f for f in found)
    assert any("page: 32 lines" in f for f in found)
