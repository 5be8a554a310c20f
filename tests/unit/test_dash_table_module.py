"""propwire.dash_table: Dash's DataTable forwarded on first use; `import propwire` never imports dash."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Makes `import dash` fail in the child, as in an environment without Dash installed.
_NO_DASH = """
import sys
class _Block:
    def find_spec(self, name, path=None, target=None):
        if name == "dash" or name.startswith("dash."):
            raise ImportError("No module named 'dash' (blocked by the test)")
        return None
sys.meta_path.insert(0, _Block())
"""


def _run(code: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)


def test_import_propwire_does_not_import_dash():
    done = _run("import sys, propwire, propwire.testing\n"
                "from propwire import dash_table\n"
                "print(sorted(m for m in sys.modules if m == 'dash' or m.startswith('dash.')))")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_names_are_dashs_own():
    import dash.dash_table

    from propwire import dash_table
    assert dash_table.DataTable is dash.dash_table.DataTable
    assert dash_table.FormatTemplate is dash.dash_table.FormatTemplate
    assert dash_table.Format is dash.dash_table.Format
    assert dash_table.DataTable(id="t", data=[{"a": 1}]).to_plotly_json()["namespace"] == "dash_table"


def test_an_unknown_name_is_an_attribute_error_naming_what_there_is():
    from propwire import dash_table
    with pytest.raises(AttributeError, match="DataTable"):
        dash_table.Tabel  # noqa: B018


def test_without_dash_reading_a_name_says_to_install_it():
    done = _run(_NO_DASH + "import propwire\nfrom propwire import dash_table\n"
                "try:\n    dash_table.DataTable\nexcept ImportError as err:\n    print('ERR', err)\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ERR ")
    assert "pip install dash" in done.stdout and "DataTable" in done.stdout
