"""Issue 19, "a fresh-machine path that cannot rot": what the tests import is declared, and the README says
what a fresh machine needs. scripts/test catches an undeclared package only when CI runs it in a fresh
virtualenv; this catches it in any run, naming the file that imports it."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _name(requirement: str) -> str:
    """A requirement's distribution name, normalised as PyPI does (`celery[redis]==5.7.0` -> `celery`)."""
    return re.sub(r"[-_.]+", "-", re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0]).lower()


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return {_name(r) for r in (*project["dependencies"], *project["optional-dependencies"]["test"])}


def _imported_modules(folder: Path) -> dict[str, Path]:
    """The top-level modules the files under `folder` import absolutely, each with a file importing it."""
    found: dict[str, Path] = {}
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.partition(".")[0], path)
    return found


def _undeclared(folder: Path) -> list[str]:
    local = {p.stem for p in folder.rglob("*.py")} | {p.name for p in folder.rglob("*") if p.is_dir()}
    dists = packages_distributions()
    declared = _declared()
    missing = []
    for module, path in _imported_modules(folder).items():
        if module in sys.stdlib_module_names or module in local or module in ("propwire", "tests"):
            continue
        owners = {_name(d) for d in dists.get(module, [])}
        if not owners:
            missing.append(f"{module} (imported by {path.relative_to(ROOT)}) is installed by no distribution here")
        elif not owners & declared:
            missing.append(f"{module} (imported by {path.relative_to(ROOT)}) comes from {sorted(owners)}, which "
                           f"pyproject.toml's dependencies and `test` extra do not declare")
    return missing


def test_every_package_the_tests_import_is_declared():
    # The README's test command failed on a fresh venv for numpy (issue 19): it is in the `test` extra now.
    assert "numpy" in _declared()
    assert _undeclared(ROOT / "tests") == []


def test_a_package_the_declarations_miss_is_found(tmp_path: Path, monkeypatch):
    """The check above can fail: a test importing a package pyproject.toml does not declare is named."""
    (tmp_path / "test_x.py").write_text("import pytest\nimport setuptools\nfrom . import helper\nimport helper\n")
    (tmp_path / "helper.py").write_text("")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    (tmp_path / "pyproject.toml").write_text('[project]\ndependencies = []\n[project.optional-dependencies]\n'
                                             'test = ["pytest>=8"]\n')
    assert _undeclared(tmp_path) == ["setuptools (imported by test_x.py) comes from ['setuptools'], which "
                                     "pyproject.toml's dependencies and `test` extra do not declare"]


def test_the_readme_states_the_prerequisites_and_how_to_choose_host_and_port():
    readme = (ROOT / "README.md").read_text()
    required = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert required == ">=3.11" and "Python 3.11 or newer" in readme
    assert "Node.js" in readme and "npm" in readme and "virtualenv" in readme
    assert "app.run(host=..., port=...)" in readme and "PORT=" in readme
