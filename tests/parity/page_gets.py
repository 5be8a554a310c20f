"""The page GETs a parity server answered (serve_app.py writes them), checked against the page loads the runner made.

A propwire page GET runs the app's initial callbacks server-side, so every page GET the runner did not make
(a Chrome prefetch, a GET from another page or from a probe) would show in the call log as a second page load,
and a Dash page served by the propwire server (two servers on one port) never gets idle. These helpers name such
requests, with the headers that say who sent them, so a failure is diagnosable from the test's message alone.
"""

from __future__ import annotations

import json


def describe(request: dict) -> str:
    """One page GET as `GET /path {headers}` (the headers serve_app.py kept: Sec-*, X-Parity-Page, ...)."""
    return f"GET {request.get('path', '?')} {json.dumps(request.get('headers', {}), sort_keys=True)}"


def foreign(framework: str, requests: list[dict]) -> str | None:
    """An error naming the page GETs of this framework's server that its own runner page did not make: one sent by
    the other framework's page, by no page of the runner's (no X-Parity-Page: a probe, another program), or a
    speculative one (Sec-Purpose / Purpose: a prefetch or prerender). None when every one is the page's own."""
    bad = []
    for request in requests:
        headers = request.get("headers", {})
        sender = headers.get("x-parity-page")
        purpose = headers.get("sec-purpose") or headers.get("purpose")
        if sender != framework:
            who = f"the {sender} page" if sender else "no page of the runner's"
            bad.append(f"{describe(request)} (sent by {who})")
        elif purpose:
            bad.append(f"{describe(request)} (speculative: {purpose})")
    if not bad:
        return None
    return (f"the {framework} server answered page GETs its page did not make (its page load then counts more "
            f"than once, or another page is served by it): " + "; ".join(bad))


def note(framework: str, requests: list[dict], loads: int) -> str | None:
    """For a failure message: how often this framework's page was requested, when that is not once per page load
    the runner made (a reload of the browser's own, a page requested twice), with every request's headers."""
    if len(requests) == loads:
        return None
    times = lambda n: "once" if n == 1 else f"{n} times"  # noqa: E731
    listed = "; ".join(describe(r) for r in requests) or "none"
    return f"the {framework} page was requested {times(len(requests))} (the runner loaded it {times(loads)}): {listed}"
