"""The examples in docs/testing.md run as written."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "testing.md"
BLOCKS = re.findall(r"```python\n(.*?)```", DOC.read_text(), re.S)


def test_the_doc_has_examples() -> None:
    assert len([b for b in BLOCKS if b.startswith("# test_")]) >= 4


def test_test_file_examples_pass(tmp_path: Path) -> None:
    for block in BLOCKS:
        if block.startswith("# test_"):
            (tmp_path / block.splitlines()[0][2:].strip()).write_text(block)
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]


def test_script_examples_run(tmp_path: Path) -> None:
    for i, block in enumerate(b for b in BLOCKS if not b.startswith("# test_")):
        script = tmp_path / f"example_{i}.py"
        script.write_text(block)
        done = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, block + done.stderr[-2000:]
