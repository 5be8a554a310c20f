"""Every Python example in README.md and docs/*.md runs (issues 13 and 19): a page's ```python blocks run in order
in one namespace, as a reader would paste them one after the other, with `app.run()` not serving. An app a page
builds is then validated as `app.run()` would (its engine is built), so an example with a wrong callback fails
here. A test function a block defines (docs/testing.md, docs/graph.md) is called too, with the headless client
for `propwire_client` / `propwire_driver`: an example test that would fail in a reader's project fails here.

A block that cannot run (a fragment of a larger file) carries the marker `<!-- not run: <why> -->` on the line
before its fence; those blocks, and example tests that need a browser, are counted and reported (`-rP`), and the
markers must stay few. The docs also name only files that are in the repository."""

from __future__ import annotations

import inspect
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import propwire
from propwire import app_callback
from propwire.components import spec

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md")])
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.S | re.M)
NOT_RUN = re.compile(r"<!--\s*not run:\s*(\S.*?)\s*-->\s*\Z")
# Fences a reader takes for Python besides ```python: each must be spelled ```python to be run here
# (```pycon, an interactive session, is reference.md's generated doctest form; test_reference.py runs those).
OTHER_PYTHON = {"py", "python3", "py3", "ipython"}
# The fixtures an example test may ask for that this test gives it: the headless half of each.
HEADLESS = {"propwire_client", "propwire_driver"}
MAX_NOT_RUN = 5  # markers are for the odd fragment: a page whose examples cannot run should be fixed instead
# A file the docs cite: a Markdown link to a .md file, or a backticked path of a .md file.
CITED = re.compile(r"\]\(([^)#\s:]+\.md)(?:#[^)]*)?\)|`([\w./-]+\.md)`")


@dataclass
class Block:
    line: int  # of the block's first code line in the page
    code: str
    not_run: str | None  # the marker's reason, if it has one


def _blocks(page: Path) -> list[Block]:
    text = page.read_text()
    found = []
    for m in FENCE.finditer(text):
        if m.group(1) != "python":
            continue
        marker = NOT_RUN.search(text[:m.start()].rstrip())  # on the line before the fence
        found.append(Block(text.count("\n", 0, m.start()) + 2, m.group(2), marker.group(1) if marker else None))
    return found


def _example_tests(namespace: dict, page: Path, block: Block) -> list[Any]:
    """The test functions this block defined (a later block may reuse a name: each block's own are taken)."""
    last = block.line + block.code.count("\n")
    return [f for name, f in namespace.items() if name.startswith("test") and inspect.isfunction(f)
            and f.__code__.co_filename == str(page) and block.line <= f.__code__.co_firstlineno <= last]


def _calls(test: Any, request: pytest.FixtureRequest) -> tuple[list[dict], list[str]]:
    """The keyword arguments of each headless run of an example test, and why any other run is not made."""
    marks = [m for m in getattr(test, "pytestmark", []) if m.name == "parametrize"]
    runs: list[dict] = [{}]
    for mark in marks:  # parametrize(names, values): one run per value (a browser fixture's name is not run)
        names = [n.strip() for n in mark.args[0].split(",")] if isinstance(mark.args[0], str) else list(mark.args[0])
        runs = [{**run, **dict(zip(names, v if len(names) > 1 else [v]))} for run in runs for v in mark.args[1]]
    made, skipped = [], []
    for run in runs:
        needs = [p for p in inspect.signature(test).parameters if p not in run and p != "request" and p not in HEADLESS]
        browser = [v for v in run.values() if isinstance(v, str) and v.startswith(("propwire_browser", "dash_"))]
        if needs or browser:
            skipped.append(f"{test.__name__}({', '.join(needs + browser)}): needs a browser")
            continue
        client = request.getfixturevalue("propwire_client")
        made.append({p: run[p] if p in run else request if p == "request" else client
                     for p in inspect.signature(test).parameters})
    return made, skipped


def run_page(page: Path, request: pytest.FixtureRequest) -> tuple[int, list[str]]:
    """Run a page's blocks and the example tests they define: how many example test runs were made, and what
    was not run, each with why."""
    namespace: dict = {"__name__": "docs_example"}
    not_run: list[str] = []
    called = 0
    with spec.scoped():  # a page's component classes (docs/components.md) do not outlive it
        for block in _blocks(page):
            if block.not_run is not None:
                not_run.append(f"{page.name}:{block.line}: {block.not_run}")
                continue
            # the line number in the compiled name points a failure at the block in the page
            exec(compile("\n" * (block.line - 1) + block.code, str(page), "exec"), namespace)
            for test in _example_tests(namespace, page, block):
                made, skipped = _calls(test, request)
                for kwargs in made:
                    test(**kwargs)
                    called += 1
                not_run += [f"{page.name}:{test.__code__.co_firstlineno}: {why}" for why in skipped]
        apps = [v for v in namespace.values() if isinstance(v, propwire.Dash) and v.layout is not None]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # ids not in a fragment's layout warn, as in any app; they are valid
            for app in apps:
                app.engine
    return called, not_run


@pytest.fixture
def docs_sandbox(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(propwire.Dash, "run", lambda self, *a, **k: None)
    monkeypatch.setattr(app_callback, "GLOBAL_CALLBACKS", [])  # the page's @callback's are its own
    monkeypatch.setenv("PROPWIRE_SECRET_KEY", "docs-example-key-" + "x" * 32)
    monkeypatch.chdir(tmp_path)  # an example that writes a file writes it here


@pytest.mark.parametrize("page", [p for p in PAGES if _blocks(p)], ids=lambda p: p.name)
def test_the_examples_of_a_page_run(page: Path, docs_sandbox: None, request: pytest.FixtureRequest):
    called, not_run = run_page(page, request)
    blocks = _blocks(page)
    print(f"{page.name}: {len(blocks)} python blocks, {sum(b.not_run is None for b in blocks)} run, {called} example "
          f"test runs; not run: {len(not_run)}" + "".join(f"\n  {why}" for why in not_run))


def test_a_failing_example_fails_and_a_marked_fragment_is_counted(docs_sandbox: None, tmp_path: Path,
                                                                 request: pytest.FixtureRequest):
    page = tmp_path / "page.md"
    page.write_text("Text.\n\n<!-- not run: a fragment -->\n```python\nundefined_name\n```\n")
    assert run_page(page, request) == (0, ["page.md:5: a fragment"])
    page.write_text("Text.\n\n```python\nx = 1\n```\n\n```python\nundefined_name\n```\n")
    with pytest.raises(NameError):
        run_page(page, request)
    page.write_text("```python\ndef test_right(propwire_client):\n    assert propwire_client is not None\n```\n")
    assert run_page(page, request) == (1, [])
    page.write_text("```python\ndef test_wrong(propwire_client):\n    assert False, 'an example test that fails'\n```\n")
    with pytest.raises(AssertionError, match="an example test that fails"):
        run_page(page, request)


def test_markers_are_few_and_each_says_why():
    marked = [(p.name, b.line, b.not_run) for p in PAGES for b in _blocks(p) if b.not_run is not None]
    print(f"python blocks marked not run: {len(marked)}" + "".join(f"\n  {n}:{line}: {why}" for n, line, why in marked))
    assert len(marked) <= MAX_NOT_RUN, marked


def test_every_python_block_is_fenced_as_python():
    """A ```py block would silently escape the run above."""
    odd = [(p.name, m.group(1)) for p in PAGES for m in FENCE.finditer(p.read_text()) if m.group(1) in OTHER_PYTHON]
    assert not odd, f"fence these as ```python: {odd}"


def test_the_docs_cite_only_files_the_repository_has():
    """Not a design note kept elsewhere (issue 19: DESIGN.md): what a page names, a reader can open."""
    missing = []
    for page in PAGES:
        for m in CITED.finditer(page.read_text()):
            ref = m.group(1) or m.group(2)
            if not any((base / ref).exists() for base in (page.parent, ROOT, ROOT / "docs")):
                missing.append(f"{page.name}: {ref}")
    assert not missing, missing


RULE = re.compile(r"\bS(\d{1,2})\b")


def _rules_cited(text: str) -> set[int]:
    """The semantics rules a text cites: `S4`, and each of a range `S1–S9`."""
    found = {int(n) for n in RULE.findall(text)}
    for low, high in re.findall(r"\bS(\d{1,2})[–-]S(\d{1,2})\b", text):
        found |= set(range(int(low), int(high) + 1))
    return found


def test_every_semantics_rule_cited_is_a_section_of_semantics_md():
    """Issue 19: the docs cited "S1–S9" with no page holding them; each rule cited, in the docs or the code's
    comments, is a section of docs/semantics.md now."""
    sections = {int(n) for n in re.findall(r"^## S(\d+) ", (ROOT / "docs" / "semantics.md").read_text(), re.M)}
    assert sections == set(range(1, 10))
    sources = [*PAGES, *(ROOT / "propwire").rglob("*.py"), *(ROOT / "renderer" / "src").rglob("*.ts")]
    cited = {(p.relative_to(ROOT).as_posix(), n) for p in sources for n in _rules_cited(p.read_text())}
    assert cited and not [(page, n) for page, n in cited if n not in sections]
    assert _rules_cited("S2, S12 and S3–S5") == {2, 3, 4, 5, 12}  # and a rule that is not there would be caught
