"""Every Python example in README.md and docs/*.md runs (issue 13): a page's ```python blocks run in order in one
namespace, as a reader would paste them one after the other, with `app.run()` not serving. An app a page builds
is then validated as `app.run()` would (its engine is built), so an example with a wrong callback fails here."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

import propwire
from propwire import app_callback
from propwire.components import spec

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md")])
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def _blocks(page: Path) -> list[tuple[int, str]]:
    text = page.read_text()
    return [(text.count("\n", 0, m.start()) + 2, m.group(1)) for m in BLOCK.finditer(text)]


@pytest.mark.parametrize("page", [p for p in PAGES if _blocks(p)], ids=lambda p: p.name)
def test_the_examples_of_a_page_run(page: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setattr(propwire.Dash, "run", lambda self, *a, **k: None)
    monkeypatch.setattr(app_callback, "GLOBAL_CALLBACKS", [])  # the page's @callback's are its own
    monkeypatch.setenv("PROPWIRE_SECRET_KEY", "docs-example-key-" + "x" * 32)
    monkeypatch.chdir(tmp_path)  # an example that writes a file writes it here
    namespace: dict = {"__name__": "docs_example"}
    with spec.scoped():  # a page's component classes (docs/components.md) do not outlive it
        for line, code in _blocks(page):
            # the line number in the compiled name points a failure at the block in the page
            exec(compile("\n" * (line - 1) + code, str(page), "exec"), namespace)
        apps = [v for v in namespace.values() if isinstance(v, propwire.Dash) and v.layout is not None]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # ids not in a fragment's layout warn, as in any app; they are valid
            for app in apps:
                app.engine
