"""The parity runner: serve an app on Dash 4.4.1 and on propwire, play its STEPS in Chromium, compare.

A *trace* is what one client saw: one frame after the page load and one after every step, each frame the
page's snapshot and the call log (snapshot.py). Dash's and propwire's browser traces are taken side by side
(both servers start together, both pages play the same step at the same time); the headless client's trace
(headless.py) is compared with propwire's browser trace. The first frame that differs fails the test, with
the step and both sides' differing entries.
"""

from __future__ import annotations

import ast
import asyncio
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import page_gets
from .date_steps import DATE_VERBS
from .drivers import Page, StepError
from .graph_steps import GRAPH_VERBS
from .grid_steps import GRID_VERBS
from .serve import AppServer
from .snapshot import diff
from .table_steps import TABLE_VERBS

APPS_DIR = Path(__file__).resolve().parent / "apps"
CHROMIUM = os.environ.get("PROPWIRE_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
# Every request but to 127.0.0.1 is aborted (a seed example's CDN stylesheet). A regex is matched inside the
# browser's driver, so the app's own requests never make a round trip through Python.
NOT_LOCAL = re.compile(r"^(?!http://127\.0\.0\.1:)")
# verb -> (number of positional arguments, options it takes)
VERBS = {"click": (1, {"wait", "dialog"}), "type": (2, {"wait", "enter"}), "blur": (1, {"wait"}), "select": (2, {"wait"}),
         "check": (2, {"wait"}), "navigate": (1, {"wait"}), "reload": (0, {"wait"}), "slide": (2, {"wait"}),
         "search": (2, {"wait"}), "slider_type": (3, {"wait"}),
         "new_tab": (0, {"wait"}), "upload": (2, {"wait"}), **GRID_VERBS, **TABLE_VERBS, **GRAPH_VERBS,
         **DATE_VERBS}


def app_names() -> list[str]:
    """Every parity app: tests/parity/apps/*.py but the shim."""
    return sorted(p.stem for p in APPS_DIR.glob("*.py") if not p.name.startswith("_"))


def steps_of(name: str) -> list[tuple]:
    """The app's STEPS, read from its source without importing it (the test process must not import Dash)."""
    tree = ast.parse((APPS_DIR / f"{name}.py").read_text(encoding="utf-8"))
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        if any(isinstance(t, ast.Name) and t.id == "STEPS" for t in targets):
            steps = ast.literal_eval(node.value)
            for i, step in enumerate(steps):
                parse_step(step, f"{name} step {i}")
            return [tuple(s) for s in steps]
    raise LookupError(f"tests/parity/apps/{name}.py has no STEPS")


def app_literal(name: str, constant: str, default: Any = None) -> Any:
    """The literal value of a module-level `constant` of the app (read without running it), else `default`."""
    tree = ast.parse((APPS_DIR / f"{name}.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == constant for t in node.targets):
            return ast.literal_eval(node.value)
    return default


def start_path(name: str) -> str:
    """The path the app's page is loaded at: its START_PATH (an app served under a prefix), else "/"."""
    return str(app_literal(name, "START_PATH", "/"))


def geolocation(name: str) -> dict[str, float] | None:
    """The app's GEOLOCATION ({latitude, longitude, accuracy}, Playwright's keys): the browser context has the
    geolocation permission and reports that position (headless: Client.geolocation); else none is granted."""
    return app_literal(name, "GEOLOCATION")


def parse_step(step: Any, where: str) -> tuple[str, list, dict]:
    """(verb, positional args, options) of a step tuple; a wrong step is an error naming it."""
    if not isinstance(step, (tuple, list)) or not step or step[0] not in VERBS:
        raise ValueError(f"{where}: {step!r} is not a step (verbs: {', '.join(VERBS)})")
    verb, args = step[0], list(step[1:])
    arity, allowed = VERBS[verb]
    opts: dict = {}
    if len(args) == arity + 1 and isinstance(args[-1], dict):
        opts = args.pop()
    if len(args) != arity:
        raise ValueError(f"{where}: {verb} takes {arity} argument(s) and an optional options dict, got {step!r}")
    unknown = set(opts) - allowed
    if unknown:
        raise ValueError(f"{where}: {verb} takes no option {sorted(unknown)} (it takes {sorted(allowed)})")
    return verb, args, opts


@dataclass
class Frame:
    """What a client showed after the page load (step None) or after one step."""

    step: tuple | None
    index: int = -1
    snapshot: dict = field(default_factory=dict)
    calls: dict = field(default_factory=dict)
    error: str | None = None
    page_errors: list[str] = field(default_factory=list)  # the page's JavaScript errors in the run: shown, not compared
    page_gets: str | None = None  # page_gets.note(): the page requested other than once per load (shown, not compared)
    library: tuple[set[str], set[str]] | None = None  # headless only: headless.library_ids() of the frame's layout


def label(frame: Frame) -> str:
    return "page load" if frame.step is None else f"step {frame.index} {frame.step!r}"


async def browser_trace(page: Page, steps: list[tuple]) -> list[Frame]:
    """Load the page and play every step, a frame after each (unless the step says wait=False)."""
    frames: list[Frame] = []
    current = Frame(None)
    try:
        await page.load()
        current.snapshot, current.calls = await page.quiet()
        _check_page_gets(page, current)
        frames.append(current)
        for i, step in enumerate(steps):
            verb, args, opts = parse_step(step, f"step {i}")
            current = Frame(step, i)
            await page.play(verb, args, opts)
            if opts.get("wait", True) is False:
                continue
            current.snapshot, current.calls = await page.quiet()
            _check_page_gets(page, current)
            frames.append(current)
    except (StepError, ValueError) as exc:
        current.error = str(exc)
        frames.append(current)
    except Exception as exc:  # Playwright's errors (a timeout on a locator) are the step's failure too
        current.error = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
        frames.append(current)
    if current.error:
        current.page_gets = _page_gets_note(page)
    for frame in frames:
        frame.page_errors = list(page.errors)
    return frames


def _page_gets_note(page: Page) -> str | None:
    """For a failing frame: the page GETs against the loads, a restart of the server, or its end (page_gets)."""
    server, fw = page.server, page.framework
    notes = [page_gets.note(fw, server.page_requests(), page.loads)]
    if server.restarts:  # a server that lost its port and was started again: worth knowing when something fails
        notes.append(f"the {fw} server was restarted: {'; '.join(server.restarts)}")
    if server.proc.poll() is not None:
        notes.append(f"the {fw} server has exited ({server.proc.returncode}): {server.output(300).strip()}")
    return "; ".join(n for n in notes if n) or None


def _check_page_gets(page: Page, frame: Frame) -> None:
    """A page GET the runner's page did not make invalidates the frame (it ran the initial callbacks once more, or
    served the other framework's page): the frame fails naming it; else the GET count goes with the frame."""
    problem = page_gets.foreign(page.framework, page.server.page_requests())
    if problem:
        raise StepError(problem)
    frame.page_gets = _page_gets_note(page)


def start_servers(name: str, frameworks: tuple[str, ...]) -> dict[str, AppServer]:
    """Start the app's server on each framework (they come up in the background)."""
    return {fw: AppServer(name, fw) for fw in frameworks}


async def dash_and_propwire(browser: Any, name: str, frameworks: tuple[str, ...] = ("dash", "propwire"),
                            servers: dict[str, AppServer] | None = None) -> dict[str, list[Frame]]:
    """Serve the app on each framework at once (or use `servers`, started ahead) and take their browser traces
    side by side. The servers are stopped at the end."""
    steps = steps_of(name)
    servers = servers or start_servers(name, frameworks)
    contexts: list[Any] = []
    try:
        async def ready(fw: str) -> Page:
            # The context is made while the server starts; the page opens once it listens.
            where = geolocation(name)
            context = await (browser.new_context(geolocation=where, permissions=["geolocation"]) if where
                             else browser.new_context())
            contexts.append(context)
            await context.route(NOT_LOCAL, lambda route: route.abort())
            page = Page(context, fw, servers[fw], start=start_path(name))
            await page.start()
            await asyncio.to_thread(servers[fw].wait_ready)
            return page

        pages = await asyncio.gather(*(ready(fw) for fw in frameworks))
        traces = await asyncio.gather(*(browser_trace(page, steps) for page in pages))
        return dict(zip(frameworks, traces))
    finally:
        for context in contexts:
            try:
                await context.close()
            except Exception:
                pass
        for server in servers.values():
            server.terminate()  # both end at once; stop() below only waits
        for server in servers.values():
            server.stop()


def _as_multisets(calls: dict) -> dict:
    return {k: sorted(v, key=lambda c: json.dumps(c, sort_keys=True, default=repr)) if isinstance(v, list) else v
            for k, v in calls.items()}


def in_frame_order(frames: list[Frame]) -> list[dict]:
    """Each frame's call log with the calls made since the frame before put in a fixed order: callbacks that run
    at the same time (rapid clicks, instances of one callback) call `log` in whatever order their threads or
    requests happen to start, on Dash as on propwire, so only the order across frames is compared."""
    seen: dict[str, list] = {}  # each callback's calls as logged up to the frame before
    shown: dict[str, list] = {}  # the same calls in the fixed order that frame was compared in
    out = []
    for frame in frames:
        logged: dict[str, list] = {}
        for key, calls in frame.calls.items():
            if not isinstance(calls, list):
                logged[key] = calls
                continue
            before = seen.get(key, [])
            grown = calls[:len(before)] == before
            fresh = calls[len(before):] if grown else calls
            # The earlier calls keep the order they were compared in (not the order they were logged in, which
            # may differ between the frameworks when they ran at the same time).
            kept = shown.get(key, []) if grown else []
            logged[key] = kept + sorted(fresh, key=lambda c: json.dumps(c, sort_keys=True, default=repr))
        seen = {k: v for k, v in frame.calls.items() if isinstance(v, list)}
        shown = {k: v for k, v in logged.items() if isinstance(v, list)}
        out.append(logged)
    return out


def compare(name: str, left_name: str, left: list[Frame], right_name: str, right: list[Frame],
            calls_at_end: bool = False) -> str | None:
    """The first difference of two traces as a message, or None when they agree frame for frame.

    `calls_at_end`: the call logs are compared only in the last frame, each callback's calls as a multiset (for
    apps where which frame a concurrent call lands in is a race on either framework; known.CALLS_AT_END)."""
    left_calls, right_calls = in_frame_order(left), in_frame_order(right)
    if calls_at_end:
        last = min(len(left), len(right)) - 1
        left_calls = [{} for _ in left_calls[:-1]] + [_as_multisets(left[last].calls)] if left else []
        right_calls = [{} for _ in right_calls[:-1]] + [_as_multisets(right[last].calls)] if right else []
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else None
        b = right[i] if i < len(right) else None
        frame = a or b
        assert frame is not None
        where = f"{name}: {label(frame)}"
        if a is None or b is None:
            return f"{where}: only {left_name if b is None else right_name} got this far"
        if a.error or b.error:
            if a.error == b.error:
                return f"{where}: failed on both: {a.error}" + _notes(left_name, a, right_name, b)
            return (f"{where}:\n  {left_name}: {a.error or 'ok'}\n  {right_name}: {b.error or 'ok'}"
                    + _notes(left_name, a, right_name, b))
        lines = []
        for what, x, y in (("page", a.snapshot, b.snapshot), ("calls", left_calls[i], right_calls[i])):
            for key, p, q in diff(x, y):
                lines.append(f"  {what} {key}:\n    {left_name:>9}: {p!r}\n    {right_name:>9}: {q!r}")
        for side, f in ((left_name, a), (right_name, b)):
            if lines and f.page_errors:
                lines.append(f"  ({side}'s page errors: {'; '.join(f.page_errors)[:500]})")
        if lines:
            return f"{where} differs:\n" + "\n".join(lines) + _notes(left_name, a, right_name, b)
    return None


def _notes(left_name: str, a: Frame, right_name: str, b: Frame) -> str:
    """Each side's page GETs, where its page was requested other than once per load (page_gets.note)."""
    return "".join(f"\n  ({side}: {f.page_gets})" for side, f in ((left_name, a), (right_name, b)) if f.page_gets)


def main(argv: list[str]) -> int:
    """`python -m tests.parity.runner NAME...`: print each app's traces on both frameworks and the verdict."""
    from playwright.async_api import async_playwright

    async def run() -> int:
        status = 0
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
            for name in argv or app_names():
                traces = await dash_and_propwire(browser, name)
                for fw, frames in traces.items():
                    print(f"== {name} on {fw}")
                    for f in frames:
                        print(f"  {label(f)}: {f.error or ''}\n    page  {json.dumps(f.snapshot, ensure_ascii=False)}"
                              f"\n    calls {json.dumps(f.calls, ensure_ascii=False)}")
                problem = compare(name, "dash", traces["dash"], "propwire", traces["propwire"])
                print(problem or f"{name}: same on both")
                status |= problem is not None
            await browser.close()
        return status

    return asyncio.run(run())


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
