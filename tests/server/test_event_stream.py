"""A good event answers with an NDJSON stream: plan, results/skips/errors as they finish, done."""

from __future__ import annotations

import asyncio
import json
import threading

from propwire import Dash, Input, Output, PreventUpdate, ctx, html
from propwire.web.cookie_token import open_token

from .conftest import EVENT, Client, core, kinds, ndjson, run


def chain_app(inline: bool = False) -> tuple[Dash, list]:
    """btn.n_clicks -> a.children -> b.children (on the event loop with inline=True, else on worker threads)."""
    calls: list = []
    app = Dash()
    app.layout = html.Div([html.Button(id="btn"), html.Div(id="a"), html.Div(id="b")])

    @app.callback(Output("a", "children"), Input("btn", "n_clicks"), inline=inline)
    def make_a(n):
        calls.append("a")
        return f"a{n}"

    @app.callback(Output("b", "children"), Input("a", "children"), inline=inline)
    def make_b(a):
        calls.append("b")
        return f"b({a})"

    return app, calls


CLICK = {"seq": 7, "changed": {"btn.n_clicks": 2}, "values": {"btn.n_clicks": 2, "a.children": "old"},
         "present": {"btn": [], "a": [], "b": []}}


def test_stream_is_ndjson_with_plan_results_and_done():
    app, calls = chain_app()
    response = Client(app).event(CLICK)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/x-ndjson"
    assert response.headers["cache-control"] == "no-store"
    lines = ndjson(response)
    assert kinds(lines) == ["plan", "result", "result", "done"]
    assert lines[0] == {"plan": {"callbacks": [0, 1], "props": ["a.children", "b.children"]}}
    assert core(lines[1]["result"]) == {"cb": 0, "outputs": {"a.children": "a2"}, "reads": ["btn.n_clicks"],
                                        "triggered": ["btn.n_clicks"]}
    # the chain continues in the same response, from the value the first callback just wrote
    assert core(lines[2]["result"]) == {"cb": 1, "outputs": {"b.children": "b(a2)"}, "reads": ["a.children"],
                                        "triggered": ["a.children"]}
    assert lines[-1] == {"done": {"seq": 7}}
    assert calls == ["a", "b"]


def test_done_echoes_seq_and_defaults_to_zero():
    app, _ = chain_app()
    client = Client(app)
    for seq in (0, 1, 123456789):
        assert ndjson(client.event({**CLICK, "seq": seq}))[-1] == {"done": {"seq": seq}}
    body = {k: v for k, v in CLICK.items() if k != "seq"}
    assert ndjson(client.event(body))[-1] == {"done": {"seq": 0}}


def test_follow_up_run_entry():
    app, calls = chain_app()
    body = {"seq": 2, "run": [{"cb": 1, "triggered": ["a.children"]}], "values": {"a.children": "given"},
            "present": {"a": [], "b": []}}
    lines = ndjson(Client(app).event(body))
    assert kinds(lines) == ["plan", "result", "done"]
    assert core(lines[1]["result"]) == {"cb": 1, "outputs": {"b.children": "b(given)"}, "reads": ["a.children"],
                                        "triggered": ["a.children"]}
    assert calls == ["b"]


def prevent_and_fail_app() -> tuple[Dash, list]:
    calls: list = []
    app = Dash()
    app.layout = html.Div([html.Button(id="stop"), html.Button(id="boom"), html.Div(id="out"), html.Div(id="err"),
                           html.Div(id="after")])

    @app.callback(Output("out", "children"), Input("stop", "n_clicks"))
    def stopper(n):
        calls.append("stopper")
        raise PreventUpdate

    @app.callback(Output("err", "children"), Input("boom", "n_clicks"))
    def exploder(n):
        calls.append("exploder")
        if n == 1:
            raise ValueError("the secret is 42")
        return f"fine {n}"

    @app.callback(Output("after", "children"), Input("out", "children"), Input("err", "children"))
    def downstream(out, err):
        calls.append("downstream")
        return "downstream ran"

    return app, calls


def test_prevent_update_gives_a_skip_line():
    app, calls = prevent_and_fail_app()
    lines = ndjson(Client(app).event({"seq": 1, "changed": {"stop.n_clicks": 1}, "values": {"stop.n_clicks": 1},
                                      "present": {"stop": [], "out": [], "after": [], "err": []}}))
    assert kinds(lines) == ["plan", "skip", "done"]
    assert lines[1] == {"skip": {"cb": 0, "reason": "PreventUpdate"}}
    assert calls == ["stopper"]  # nothing changed, so nothing downstream ran


def boom(n: int) -> dict:
    return {"seq": n, "changed": {"boom.n_clicks": n}, "values": {"boom.n_clicks": n, "out.children": None},
            "present": {"boom": [], "err": [], "after": [], "out": []}}


def test_error_line_without_traceback_when_not_debug_and_the_app_keeps_answering():
    app, calls = prevent_and_fail_app()
    client = Client(app)
    response = client.event(boom(1))
    assert response.status_code == 200
    lines = ndjson(response)
    assert kinds(lines) == ["plan", "error", "done"]
    error = lines[1]["error"]
    assert error["cb"] == 1
    assert set(error) == {"cb", "message"}
    assert "exploder" in error["message"]
    assert "secret" not in response.text and "Traceback" not in response.text  # nothing of the exception leaks
    assert lines[-1] == {"done": {"seq": 1}}

    # the next event is answered normally
    lines = ndjson(client.event(boom(2)))
    assert kinds(lines) == ["plan", "result", "result", "done"]
    assert lines[1]["result"]["outputs"] == {"err.children": "fine 2"}
    assert lines[2]["result"]["outputs"] == {"after.children": "downstream ran"}
    assert lines[-1] == {"done": {"seq": 2}}
    assert calls == ["exploder", "exploder", "downstream"]


def test_error_line_has_traceback_in_debug():
    app, _ = prevent_and_fail_app()
    app.engine.debug = True
    lines = ndjson(Client(app).event(boom(1)))
    assert kinds(lines) == ["plan", "error", "done"]
    error = lines[1]["error"]
    assert "ValueError" in error["message"] and "the secret is 42" in error["message"]
    assert "Traceback" in error["traceback"]
    assert 'raise ValueError("the secret is 42")' in error["traceback"]


def test_wrong_return_shape_is_an_error_line_naming_the_output():
    app = Dash()
    app.layout = html.Div([html.Button(id="btn"), html.Div(id="x"), html.Div(id="y")])

    @app.callback(Output("x", "children"), Output("y", "children"), Input("btn", "n_clicks"))
    def pair(n):
        return "only one"

    lines = ndjson(Client(app).event({"changed": {"btn.n_clicks": 1}, "values": {"btn.n_clicks": 1},
                                      "present": {"btn": [], "x": [], "y": []}}))
    assert kinds(lines) == ["plan", "error", "done"]
    assert "pair" in lines[1]["error"]["message"] and "traceback" not in lines[1]["error"]


# --- ctx.response and ctx.record_timing -----------------------------------------------------------

def test_cookie_header_and_server_timing_from_the_callback():
    app = Dash()
    app.layout = html.Div([html.Button(id="btn"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def flavour(n):
        ctx.response.set_cookie("flavour", "mint")
        ctx.response.headers["x-flavour"] = "mint"
        ctx.record_timing("db", 0.012, "query")
        return "set"

    response = Client(app).event({"changed": {"btn.n_clicks": 1}, "values": {"btn.n_clicks": 1},
                                  "present": {"btn": [], "out": []}})
    assert response.status_code == 200
    cookies = response.headers.get_list("set-cookie")
    assert len(cookies) == 1 and cookies[0].startswith("flavour=mint")
    assert "Path=/" in cookies[0]
    assert response.cookies["flavour"] == "mint"
    timing = response.headers["server-timing"]
    assert 'db;dur=12.0;desc="query"' in timing
    assert "propwire;dur=" in timing
    assert response.headers["x-flavour"] == "mint"
    assert "cookies" not in kinds(ndjson(response))  # it went in the headers, not a late line


# --- real streaming, at the ASGI level --------------------------------------------------------------

def asgi_post(app: Dash, body: dict, on_send) -> list[dict]:
    """POST an event straight to the ASGI app, calling on_send(message) for each message it sends."""
    data = json.dumps(body).encode()
    scope = {"type": "http", "http_version": "1.1", "method": "POST", "scheme": "http", "path": EVENT,
             "raw_path": EVENT.encode(), "query_string": b"", "root_path": "", "server": ("127.0.0.1", 80),
             "client": ("127.0.0.1", 1234),
             "headers": [(b"host", b"127.0.0.1"), (b"content-type", b"application/json"),
                         (b"content-length", str(len(data)).encode())]}
    messages = [{"type": "http.request", "body": data, "more_body": False}]
    sent: list[dict] = []

    async def receive():
        if messages:
            return messages.pop(0)
        await asyncio.sleep(3600)  # the client stays connected

    async def send(message):
        sent.append(message)
        on_send(message)

    run(lambda: asyncio.wait_for(app.server(scope, receive, send), 10))
    return sent


def fast_slow_app(released: threading.Event, late_cookie: bool = False) -> Dash:
    app = Dash()
    app.layout = html.Div([html.Button(id="btn"), html.Div(id="fast"), html.Div(id="slow")])

    @app.callback(Output("fast", "children"), Input("btn", "n_clicks"))
    def fast(n):
        ctx.response.set_cookie("early", "1")
        return "fast done"

    @app.callback(Output("slow", "children"), Input("btn", "n_clicks"))
    def slow(n):
        # only returns once the test has seen the fast result arrive on the wire
        ok = released.wait(5)
        if late_cookie:
            ctx.response.set_cookie("late", "2")
            ctx.record_timing("slowpart", 0.5)
        return "slow released" if ok else "slow timed out"

    return app


FAST_SLOW = {"seq": 4, "changed": {"btn.n_clicks": 1}, "values": {"btn.n_clicks": 1},
             "present": {"btn": [], "fast": [], "slow": []}}


def test_first_result_is_sent_before_a_slow_callback_finishes():
    released = threading.Event()
    app = fast_slow_app(released)

    def on_send(message):
        if message["type"] == "http.response.body" and b'"fast done"' in message.get("body", b""):
            released.set()

    sent = asgi_post(app, FAST_SLOW, on_send)
    start = sent[0]
    assert start["type"] == "http.response.start" and start["status"] == 200
    headers = dict(start["headers"])
    assert headers[b"content-type"] == b"application/x-ndjson"
    assert headers[b"set-cookie"].startswith(b"early=1")
    bodies = [m["body"] for m in sent[1:]]
    first = [json.loads(line) for line in bodies[0].splitlines()]
    assert kinds(first) == ["plan", "result"]  # headers waited for the first finished callback, no longer
    text = b"".join(bodies).decode()
    assert "slow released" in text
    assert sent[-1]["more_body"] is False
    assert [json.loads(line) for line in text.splitlines()][-1] == {"done": {"seq": 4}}


def test_cookie_set_after_the_headers_comes_as_a_cookies_line():
    released = threading.Event()
    app = fast_slow_app(released, late_cookie=True)

    def on_send(message):
        if message["type"] == "http.response.body" and b'"fast done"' in message.get("body", b""):
            released.set()

    sent = asgi_post(app, FAST_SLOW, on_send)
    header_cookies = [v for k, v in sent[0]["headers"] if k == b"set-cookie"]
    assert len(header_cookies) == 1 and header_cookies[0].startswith(b"early=1")
    lines = [json.loads(line) for m in sent[1:] for line in m["body"].splitlines()]
    assert kinds(lines) == ["plan", "result", "cookies", "result", "done"]
    token = lines[2]["cookies"]["token"]
    assert "late" not in token, "the cookie travels sealed: the page's scripts cannot read it"
    assert open_token(token, 4)[0].startswith("late=2")
    assert lines[3]["result"]["outputs"] == {"slow.children": "slow released"}


def test_a_chain_that_finishes_within_the_hold_is_one_body_with_a_length():
    app, _ = chain_app(inline=True)  # the whole chain runs within one step: nothing to wait for
    sent = asgi_post(app, CLICK, lambda message: None)
    assert [m["type"] for m in sent] == ["http.response.start", "http.response.body"]
    headers = dict(sent[0]["headers"])
    assert int(headers[b"content-length"]) == len(sent[1]["body"])
    assert kinds([json.loads(line) for line in sent[1]["body"].splitlines()]) == ["plan", "result", "result", "done"]


def test_headers_and_plan_go_out_when_the_first_callback_outlasts_the_hold():
    released = threading.Event()
    app = Dash()
    app.layout = html.Div([html.Button(id="btn"), html.Div(id="slow")])

    @app.callback(Output("slow", "children"), Input("btn", "n_clicks"))
    def slow(n):
        return "slow released" if released.wait(5) else "slow timed out"

    def on_send(message):  # the plan arrives while the callback still runs; then it may finish
        if message["type"] == "http.response.body" and b'"plan"' in message.get("body", b""):
            released.set()

    event = {"seq": 5, "changed": {"btn.n_clicks": 1}, "values": {"btn.n_clicks": 1}, "present": {"btn": [], "slow": []}}
    sent = asgi_post(app, event, on_send)
    assert sent[0]["type"] == "http.response.start" and b"content-length" not in dict(sent[0]["headers"])
    assert kinds([json.loads(line) for line in sent[1]["body"].splitlines()]) == ["plan"]
    text = b"".join(m["body"] for m in sent[1:]).decode()
    assert "slow released" in text and sent[-1]["more_body"] is False


def long_chain_app(length: int = 10) -> Dash:
    """btn.n_clicks -> s0 -> s1 -> ... : sync callbacks on worker threads, each finishing in its own loop turn."""
    app = Dash()
    app.layout = html.Div([html.Button(id="btn"), *[html.Div(id=f"s{i}") for i in range(length)]])
    app.callback(Output("s0", "children"), Input("btn", "n_clicks"))(lambda n: f"{n}-0")
    for i in range(1, length):
        app.callback(Output(f"s{i}", "children"), Input(f"s{i - 1}", "children"))(lambda prev, i=i: f"{prev}-{i}")
    return app


LONG_CLICK = {"seq": 3, "changed": {"btn.n_clicks": 1}, "values": {"btn.n_clicks": 1},
              "present": {"btn": [], **{f"s{i}": [] for i in range(10)}}}


def test_a_chain_on_worker_threads_is_written_once_not_once_per_callback(monkeypatch):
    """Results wait for the callbacks they start (docs/protocol.md): the window made long, so the machine's
    speed does not decide it, a chain of 10 is one body over HTTP and one frame, `done` ending it, over a socket."""
    from propwire.web import event_endpoint

    monkeypatch.setattr(event_endpoint, "HOLD_SECONDS", 5.0)
    monkeypatch.setattr(event_endpoint, "COALESCE_SECONDS", 5.0)
    app = long_chain_app()
    sent = asgi_post(app, LONG_CLICK, lambda message: None)
    assert [m["type"] for m in sent] == ["http.response.start", "http.response.body"]
    assert kinds([json.loads(line) for line in sent[1]["body"].splitlines()]) == ["plan", *["result"] * 10, "done"]

    frames: list[bytes] = []

    async def socket_answer() -> None:
        stream = event_endpoint.event_stream(app.engine, json.dumps(LONG_CLICK).encode(), headers=False)
        await stream({"type": "http"}, None, lambda message: _keep(frames, message))

    run(socket_answer)
    assert [kinds([json.loads(line) for line in frame.splitlines()]) for frame in frames] == \
        [["plan", *["result"] * 10, "done"]]


async def _keep(frames: list[bytes], message: dict) -> None:
    frames.append(message["body"])
