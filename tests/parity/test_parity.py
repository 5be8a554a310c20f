"""Every parity app: propwire in Chromium shows and calls what Dash 4.4.1 does, step by step; and propwire's
headless client sees what propwire in Chromium does (the conformance contract of the two clients)."""

from __future__ import annotations

import pytest

from .headless import headless_trace, honest
from .known import CALLS_AT_END, HEADLESS, KNOWN
from .runner import app_names, compare


def _params(known: dict[str, str]) -> list:
    out = []
    for name in app_names():
        marks = [pytest.mark.browser]
        if name in known:
            marks.append(pytest.mark.xfail(strict=True, reason=known[name]))
        out.append(pytest.param(name, id=name, marks=marks))
    return out


@pytest.mark.parametrize("name", _params(KNOWN))
def test_dash_vs_propwire(parity, name: str) -> None:
    traces = parity.traces_of(name, ("dash", "propwire"))
    problem = compare(name, "dash", traces["dash"], "propwire", traces["propwire"], name in CALLS_AT_END)
    assert problem is None, problem


@pytest.mark.parametrize("name", _params(HEADLESS))
def test_headless_vs_browser(parity, name: str) -> None:
    browser, headless = honest(parity.traces_of(name, ("propwire",))["propwire"], headless_trace(name))
    problem = compare(name, "propwire in Chromium", browser, "headless", headless, name in CALLS_AT_END)
    assert problem is None, problem

