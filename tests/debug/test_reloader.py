"""The reloader's parts, without processes or a browser: the reload stream, error texts, the fallback page."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import sys
import time
from pathlib import Path

import pytest

import propwire
from propwire import dev
from propwire.dev.child import describe as _describe
from propwire.dev.fallback import Fallback as _Fallback
from propwire.dev.fallback import fallback_app
from propwire.dev.reload_stream import reload_stream
from tests.server.conftest import run


def events(chunks: list[bytes]) -> list[dict]:
    return [json.loads(line[6:]) for chunk in chunks for line in chunk.decode().splitlines()
            if line.startswith("data: ")]


async def take(stream, count: int, timeout: float = 5) -> list[bytes]:
    out: list[bytes] = []

    async def go() -> None:
        async for chunk in stream:
            out.append(chunk)
            if len(events(out)) >= count:
                return

    await asyncio.wait_for(go(), timeout)
    await stream.aclose()
    return out


def test_stream_sends_boot_then_css_changes_then_reload_for_other_assets(tmp_path: Path):
    css = tmp_path / "style.css"
    css.write_text("a{}")
    (tmp_path / "logo.svg").write_text("<svg/>")

    async def scenario() -> list[dict]:
        stream = reload_stream(lambda: "b1", lambda: False, tmp_path, "/pre")
        first = await stream.__anext__()
        assert first.startswith(b"retry: 300\n")

        async def edit() -> None:
            await asyncio.sleep(0.4)
            css.write_text("a{color:red}")
            await asyncio.sleep(0.7)
            (tmp_path / "logo.svg").write_text("<svg></svg>")

        task = asyncio.ensure_future(edit())
        rest = await take(stream, 2)
        await task
        return events([first, *rest])

    assert run(scenario) == [{"boot": "b1"}, {"css": ["/pre/assets/style.css"]}, {"reload": "assets"}]


def test_stream_reports_assets_changed_since_the_page_was_made_and_a_new_boot(tmp_path: Path):
    css = tmp_path / "style.css"
    css.write_text("a{}")
    since = css.stat().st_mtime_ns - 1
    boots = ["b1"]

    async def scenario() -> list[dict]:
        stream = reload_stream(lambda: boots[-1], lambda: False, tmp_path, "", since)
        head = await take(stream, 2)
        stream = reload_stream(lambda: boots[-1], lambda: False, tmp_path, "", css.stat().st_mtime_ns)
        asyncio.get_running_loop().call_later(0.2, boots.append, "b2")
        return events(head) + events(await take(stream, 2))

    assert run(scenario) == [{"boot": "b1"}, {"css": ["/assets/style.css"]}, {"boot": "b1"}, {"boot": "b2"}]


def test_stream_ends_when_the_server_stops(tmp_path: Path):
    stopping = [False]

    async def scenario() -> list[dict]:
        stream = reload_stream(lambda: "b", lambda: stopping[0], tmp_path)
        asyncio.get_running_loop().call_later(0.1, stopping.__setitem__, 0, True)
        return events([chunk async for chunk in stream])  # ends by itself

    assert run(lambda: asyncio.wait_for(scenario(), 3)) == [{"boot": "b"}]


def test_error_text_keeps_the_app_frames_only(tmp_path: Path):
    helper = tmp_path / "helper_mod.py"
    helper.write_text("def f():\n    return 1 / 0\n")
    sys.path.insert(0, str(tmp_path))
    try:
        import runpy

        script = tmp_path / "main.py"
        script.write_text("import helper_mod\nhelper_mod.f()\n")
        try:
            runpy.run_path(str(script), run_name="__main__")
        except ZeroDivisionError as exc:
            described = _describe(exc)
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("helper_mod", None)
    text = described["text"]
    assert text.startswith("Traceback (most recent call last):\n")
    assert f'File "{script}", line 2' in text and f'File "{helper}", line 2, in f' in text
    assert "<frozen runpy>" not in text and "ZeroDivisionError: division by zero" in text
    assert str(helper) in described["files"]


def test_syntax_error_text_names_the_file_and_line(tmp_path: Path):
    bad = tmp_path / "bad.py"
    bad.write_text("x = (\n")
    try:
        compile(bad.read_text(), str(bad), "exec")
    except SyntaxError as exc:
        described = _describe(exc)
    assert f'File "{bad}", line 1' in described["text"] and "SyntaxError" in described["text"]
    assert str(bad) in described["files"]


def test_fallback_page_shows_the_error_as_text_and_the_event_endpoint_answers_503():
    import httpx

    state = _Fallback(sock=None)  # type: ignore[arg-type]
    state.text, state.boot = "NameError: <b>oops</b> </script>", "error-7"
    app = fallback_app(state)

    async def go() -> tuple[httpx.Response, httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return await client.get("/any/page"), await client.post("/_propwire/event", content=b"{}")

    page, event = run(go)
    assert page.status_code == 500 and "text/html" in page.headers["content-type"]
    assert "NameError: &lt;b&gt;oops&lt;/b&gt; &lt;/script&gt;" in page.text
    assert 'var boot="error-7"' in page.text
    assert event.status_code == 503


def test_run_without_debug_never_supervises(monkeypatch: pytest.MonkeyPatch):
    import uvicorn

    served: list[dict] = []
    def run(app, fd, **kw):  # uvicorn serves on the socket app.run bound: where is it?
        with socket.socket(fileno=os.dup(fd)) as sock:
            served.append({"address": sock.getsockname()[0], **kw})

    monkeypatch.setattr(uvicorn, "run", run)
    monkeypatch.setattr(dev, "supervise", lambda *a: pytest.fail("supervised without debug"))
    app = propwire.Dash(__name__)
    app.layout = propwire.html.Div("x")
    app.run(port=0)
    assert served == [{"address": "127.0.0.1", "log_level": "warning", "http": "propwire.web.serving:Protocol"}]
    assert app.debug is False and app.engine.debug is False


def test_run_with_debug_supervises_on_127_0_0_1_unless_told_not_to(monkeypatch: pytest.MonkeyPatch):
    import uvicorn

    calls: list[tuple] = []
    def run(app, fd, **kw):
        with socket.socket(fileno=os.dup(fd)) as sock:
            calls.append(("serve", sock.getsockname()[0]))

    monkeypatch.setattr(uvicorn, "run", run)
    monkeypatch.setattr(dev, "supervise", lambda host, port, prefix: calls.append(("supervise", host, port)))
    monkeypatch.setattr(dev, "supported", lambda: True)
    monkeypatch.delenv(dev.CHILD_ENV, raising=False)
    app = propwire.Dash(__name__)
    app.layout = propwire.html.Div("x")
    app.run(debug=True, port=8123)
    app.run(debug=True, port=8123, use_reloader=False)
    assert calls == [("supervise", "127.0.0.1", 8123), ("serve", "127.0.0.1")]


def test_child_marker_is_ignored_by_a_process_the_child_did_not_start(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(dev.CHILD_ENV, json.dumps({"fd": 3, "status": 4, "boot": "x", "parent": -1}))
    assert not dev.is_child()
    monkeypatch.setenv(dev.CHILD_ENV, json.dumps({"fd": 3, "status": 4, "boot": "x", "parent": os.getppid()}))
    assert dev.is_child() and dev.boot_id() == "x"


def test_a_stylesheet_saved_by_rename_is_swapped_not_reloaded(tmp_path: Path):
    css = tmp_path / "style.css"
    css.write_text("a{}")

    async def scenario() -> list[dict]:
        stream = reload_stream(lambda: "b", lambda: False, tmp_path)

        async def save() -> None:
            await asyncio.sleep(0.4)
            tmp = tmp_path / ".style.css.swp"
            tmp.write_text("a{color:blue}")
            os.replace(tmp, css)  # how many editors save: a new file renamed over the old one

        task = asyncio.ensure_future(save())
        out = await take(stream, 2)
        await task
        return events(out)

    assert run(scenario) == [{"boot": "b"}, {"css": ["/assets/style.css"]}]


def test_the_supervisor_sees_its_files_change_and_nothing_else(tmp_path: Path):
    from propwire.dev.supervisor import _Watch

    app_file, other = tmp_path / "app.py", tmp_path / "notes.py"
    app_file.write_text("x = 1\n")
    other.write_text("y = 1\n")
    watch = _Watch({str(app_file.resolve())})
    try:
        assert watch.next_changes() == []  # nothing yet: an empty tick
        other.write_text("y = 2\n")
        app_file.write_text("x = 2\n")
        seen: list[str] = []
        for _ in range(10):
            seen += watch.next_changes()
            if seen:
                break
        assert seen == [str(app_file.resolve())]
    finally:
        watch.close()


def test_an_edit_made_before_the_watch_starts_is_not_lost(tmp_path: Path):
    from propwire.dev.supervisor import _Watch

    app_file = tmp_path / "app.py"
    app_file.write_text("x = 1\n")
    watch = _Watch({str(app_file.resolve())})  # the files are known; watchfiles starts on the first call
    try:
        time.sleep(0.01)
        app_file.write_text("x = 22\n")  # before any watch runs
        assert watch.next_changes() == [str(app_file.resolve())]
        assert watch.next_changes() == []  # reported once
    finally:
        watch.close()


def test_a_stylesheet_saved_before_the_stream_watches_is_still_swapped(tmp_path: Path):
    from propwire.dev.reload_stream import _Assets

    css = tmp_path / "style.css"
    css.write_text("a{}")
    assets = _Assets(tmp_path, "")  # the stream's snapshot; its watch starts a moment later
    os.utime(css, ns=(css.stat().st_atime_ns, css.stat().st_mtime_ns + 5_000_000))  # saved in between
    assert assets.caught_up(None) == {"css": ["/assets/style.css"]}  # the first tick's scan finds it
    assert assets.caught_up(None) is None  # once
    (tmp_path / "new.js").write_text("")
    assert assets.caught_up(None) == {"reload": "assets"}


def test_a_swapped_stylesheet_url_follows_the_prefix_and_assets_url_path(tmp_path: Path):
    """Through the reload route of an app under /sales/ (its path says so) with assets_url_path="static/files":
    the page swaps the stylesheet it linked, /sales/static/files/style.css, not /assets/style.css."""
    from starlette.requests import Request

    from propwire.dev.child import boot_id
    from propwire.dev.routes import DEV_HOOKS, RELOAD_PATH
    from propwire.web.spec import Assets

    css = tmp_path / "style.css"
    css.write_text("a{}")
    route = DEV_HOOKS.routes(lambda: True, Assets(tmp_path, url_path="static/files"))[0]
    path = "/sales" + RELOAD_PATH
    scope = {"type": "http", "method": "GET", "path": path, "raw_path": path.encode(), "root_path": "",
             "query_string": f"since={css.stat().st_mtime_ns - 1}".encode(), "headers": [(b"host", b"127.0.0.1")],
             "server": ("127.0.0.1", 80), "scheme": "http"}

    async def scenario() -> list[dict]:
        response = await route.endpoint(Request(scope))
        return events(await take(response.body_iterator, 2))

    assert run(scenario) == [{"boot": boot_id()}, {"css": ["/sales/static/files/style.css"]}]
