"""Every parity app: propwire in Chromium shows and calls what Dash 4.4.1 does, step by step; and propwire's
headless client sees what propwire in Chromium does (the conformance contract of the two clients)."""

from __future__ import annotations

import pytest

from known import KNOWN
from runner import app_names, compare


def _params(test: str) -> list:
    out = []
    for name in app_names():
        marks = [pytest.mark.browser]
        if name in KNOWN and test == "dash":
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN[name]))
        out.append(pytest.param(name, id=name, marks=marks))
    return out


@pytest.mark.parametrize("name", _params("dash"))
def test_dash_vs_propwire(parity, name: str) -> None:
    traces = parity.traces_of(name, ("dash", "propwire"))
    problem = compare(name, "dash", traces["dash"], "propwire", traces["propwire"])
    assert problem is None, problem
