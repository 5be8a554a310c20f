"""A failing dash_duo test leaves a picture of its window behind (propwire/testing/duo_fixtures.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

FAILING = '''
from propwire import Dash, html


def test_fails(dash_duo):
    app = Dash(__name__)
    app.layout = html.Div("shown", id="out")
    dash_duo.start_server(app)
    assert dash_duo.find_element("#out").text == "something else"
'''


def test_failure_snapshot(tmp_path: Path) -> None:
    (tmp_path / "test_one.py").write_text(FAILING)
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:dash",
                           f"--basetemp={tmp_path / 'bt'}", "test_one.py"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stdout[-2000:] + done.stderr[-2000:]
    shots = list((tmp_path / "bt").glob("**/download/test_fails.png"))
    assert len(shots) == 1 and shots[0].read_bytes()[:4] == b"\x89PNG", done.stdout[-2000:]
