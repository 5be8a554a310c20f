"""ruff and mypy over the code, as part of the test command (issue 13): a lint error or a type error fails CI.

Both run from the test virtualenv (they are in the `test` extra), with their settings in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing():
    done = _run("ruff", "check", "--no-cache", "propwire", "tests", "bench", "examples", "scripts")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_finds_no_type_error():
    done = _run("mypy", "--no-incremental", "--cache-dir", "/dev/null")  # files and settings: pyproject.toml
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_would_catch_an_unused_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import os\n")
    done = _run("ruff", "check", "--no-cache", "--config", str(ROOT / "pyproject.toml"), str(bad))
    assert done.returncode != 0 and "F401" in done.stdout


def test_mypy_would_catch_a_type_error(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f(x: int) -> str:\n    return x\n")
    done = _run("mypy", "--no-incremental", "--cache-dir", "/dev/null", "--config-file", str(ROOT / "pyproject.toml"),
                str(bad))
    assert done.returncode != 0 and "return-value" in done.stdout
