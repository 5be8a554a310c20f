"""scripts/renderer-test (what scripts/test runs for the renderer) prints one line when npm test passes and all of
npm's output when it fails (issue 19: ~550 lines of TAP came before pytest's own output). A fake `npm` first on
PATH stands in for the real one: what is checked is the script's handling of the output and the exit status."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TAP = [f"ok {n} - case {n}" for n in range(1, 301)] + ["# tests 300", "# suites 0", "# pass 300", "# fail 0"]


def run_with_fake_npm(tmp_path: Path, test_lines: list[str], test_status: int) -> subprocess.CompletedProcess:
    (tmp_path / "tap.txt").write_text("\n".join(test_lines) + "\n")
    npm = tmp_path / "npm"
    # `npm ci` succeeds silently; `npm test` prints the TAP lines and exits with the given status
    npm.write_text(f'#!/bin/sh\n[ "$1" = test ] || exit 0\ncat "{tmp_path / "tap.txt"}"\nexit {test_status}\n')
    npm.chmod(0o755)
    env = {**os.environ, "PATH": f"{tmp_path}{os.pathsep}{os.environ['PATH']}", "TMPDIR": str(tmp_path)}
    return subprocess.run(["bash", str(ROOT / "scripts" / "renderer-test")], env=env, capture_output=True, text=True)


def test_a_pass_is_one_line_with_the_counts(tmp_path: Path):
    done = run_with_fake_npm(tmp_path, TAP, 0)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "renderer: npm test passed (tests 300, suites 0, pass 300, fail 0)\n" and done.stderr == ""
    assert not list(tmp_path.glob("propwire-npm-test.*")), "the log is removed"


def test_a_failure_shows_the_whole_output_and_fails(tmp_path: Path):
    failing = [*TAP[:10], "not ok 11 - the case that broke", *TAP[11:-2], "# pass 299", "# fail 1"]
    done = run_with_fake_npm(tmp_path, failing, 1)
    assert done.returncode == 1 and done.stdout == ""
    assert "not ok 11 - the case that broke" in done.stderr and "ok 300 - case 300" in done.stderr
    assert "npm ci / npm test failed" in done.stderr
