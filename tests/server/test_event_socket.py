"""The event socket (propwire/web/event_socket.py): events as WebSocket messages, answered with the same stream
lines a POST gets, in frames tagged with the event's seq; refusals as text frames; the origin and auth checks;
the in-flight limit and the idle close. In process with Starlette's TestClient, and on a real uvicorn server
for what needs a real socket to go away."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from propwire import Dash, Input, Output, ctx, html
from propwire.protocol.wire import read_body
from propwire.web import event_socket

from .conftest import Client, ndjson, page_config

WS = "/_propwire/ws"


def chain_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("go", id="btn"), html.Div(id="a"), html.Div(id="b")])

    @app.callback(Output("a", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    async def first(n):
        await asyncio.sleep(0.3 if n == 1 else 0)
        return f"a{n}"

    @app.callback(Output("b", "children"), Input("a", "children"), prevent_initial_call=True)
    def second(a):
        ctx.response.set_cookie("seen", str(a))
        return a + "!"

    return app


def event(seq: int, n: int = 1) -> dict:
    return {"seq": seq, "changed": {"btn.n_clicks": n}, "values": {"btn.n_clicks": n},
            "present": {"btn": [], "a": [], "b": []}}


def answers(ws, count: int = 1) -> dict[int, list[dict]]:
    """Read frames until `count` events are done: each event's lines, by seq, in the order they came."""
    raw: dict[int, bytes] = {}
    done = 0
    while done < count:
        frame = ws.receive_bytes()
        seq, _, body = frame.partition(b"\n")
        raw[int(seq)] = raw.get(int(seq), b"") + body
        done += b'{"done"' in body
    return {seq: read_body(body) for seq, body in raw.items()}


def test_an_event_over_the_socket_gets_the_lines_a_post_gets():
    app = chain_app()
    posted = ndjson(Client(app).event(event(1)))
    with TestClient(app.server) as client, client.websocket_connect(WS) as ws:
        ws.send_text(json.dumps(event(1)))
        lines = answers(ws)[1]
    assert any("cookies" in line for line in lines), "no headers over a socket: the cookie comes as a line"

    def strip(lines):  # the cookie's sealed token differs from run to run; timings too
        return [{k: {f: v for f, v in body.items() if f not in ("ms", "token")} for k, body in line.items()}
                for line in lines]
    assert strip(lines) == strip(posted)


def test_two_events_in_flight_are_answered_each_in_its_own_frames():
    with TestClient(chain_app().server) as client, client.websocket_connect(WS) as ws:
        ws.send_text(json.dumps(event(1, n=1)))  # its first callback sleeps 0.3 s
        ws.send_text(json.dumps(event(2, n=2)))
        frames = []
        while sum(b'{"done"' in f for f in frames) < 2:
            frames.append(ws.receive_bytes())
    ends = [f.partition(b"\n")[0] for f in frames if b'{"done"' in f]
    assert ends == [b"2", b"1"], "the quick event is not held behind the slow one"
    rest: dict[int, bytes] = {}
    for f in frames:
        seq, _, body = f.partition(b"\n")
        rest[int(seq)] = rest.get(int(seq), b"") + body
    rest = {seq: read_body(body) for seq, body in rest.items()}
    outputs = {seq: [line["result"]["outputs"] for line in lines if "result" in line] for seq, lines in rest.items()}
    assert outputs[1] == [{"a.children": "a1"}, {"b.children": "a1!"}]
    assert {"b.children": "a2!"} in outputs[2]


def test_a_bad_message_is_refused_in_a_text_frame_and_the_socket_stays_open():
    with TestClient(chain_app().server) as client, client.websocket_connect(WS) as ws:
        ws.send_text("{not json")
        refusal = json.loads(ws.receive_text())
        assert refusal["status"] == 400 and refusal["seq"] is None and "JSON" in refusal["error"]
        ws.send_text(json.dumps({**event(7), "changed": {"nope.value": 1}}))
        refusal = json.loads(ws.receive_text())
        assert refusal["seq"] == 7 and refusal["status"] == 400 and "nope" in refusal["error"]
        ws.send_text(json.dumps(event(8)))
        assert 8 in answers(ws)


def test_a_ping_is_answered_at_once_while_an_event_still_runs():
    with TestClient(chain_app().server) as client, client.websocket_connect(WS) as ws:
        ws.send_text(json.dumps(event(1, n=1)))  # its first callback sleeps 0.3 s
        ws.send_text('{"ping": 5}')
        seen = []
        while not seen or seen[-1].get("text") is None:
            seen.append(ws.receive())
            assert b'{"done"' not in seen[-1].get("bytes", b""), f"the pong waited for the event: {seen}"
        assert seen[-1]["text"] == '{"pong":5}'
        assert 1 in answers(ws)
        ws.send_text('{"ping": "x"}')  # not a heartbeat: an event without seq, refused as any bad one is
        assert json.loads(ws.receive_text())["status"] == 400


def test_an_event_over_the_size_limit_is_a_413():
    app = chain_app()
    app.max_event_bytes = 2000
    with TestClient(app.server) as client, client.websocket_connect(WS) as ws:
        ws.send_text(json.dumps({**event(3), "pad": "x" * 3000}))
        refusal = json.loads(ws.receive_text())
    assert refusal["status"] == 413 and "limit is 2000" in refusal["error"]


def test_another_sites_page_cannot_open_the_socket():
    with TestClient(chain_app().server) as client:
        with pytest.raises(WebSocketDisconnect) as refused:
            with client.websocket_connect(WS, headers={"origin": "https://evil.example"}):
                pass
        assert refused.value.code == event_socket.POLICY_VIOLATION
        with client.websocket_connect(WS, headers={"origin": "http://testserver"}) as ws:  # its own page may
            ws.send_text(json.dumps(event(1)))
            assert 1 in answers(ws)


def test_an_app_with_an_auth_hook_has_no_socket_its_events_stay_posts():
    """The hook sees each POST with the cookies of the moment; a socket it would see once, at its handshake."""
    app = chain_app()
    app.auth = lambda request: request.cookies.get("user") == "ann"
    client = Client(app)
    assert "socketUrl" not in page_config(client.get("/", cookies={"user": "ann"}).text)
    with TestClient(app.server) as test_client:
        test_client.cookies.set("user", "ann")
        with pytest.raises(WebSocketDisconnect) as refused:
            with test_client.websocket_connect(WS):
                pass
        assert refused.value.code == event_socket.POLICY_VIOLATION


def test_the_page_is_told_the_socket_unless_the_app_turns_it_off():
    on = chain_app()
    assert page_config(Client(on).get("/").text)["socketUrl"] == WS
    off = Dash(__name__, websocket_callbacks=False)
    off.layout = html.Div(id="x")
    assert "socketUrl" not in page_config(Client(off).get("/").text)
    with TestClient(off.server) as client, pytest.raises(WebSocketDisconnect):
        with client.websocket_connect(WS):
            pass
    with pytest.raises(TypeError, match="websocket_callbacks"):
        Dash(__name__, websocket_callbacks="yes")


def test_a_message_past_the_in_flight_limit_is_a_429(monkeypatch):
    monkeypatch.setattr(event_socket, "MAX_IN_FLIGHT", 2)
    with TestClient(chain_app().server) as client, client.websocket_connect(WS) as ws:
        for seq in (1, 2, 3):  # n=1: each sleeps 0.3 s, so all three are in flight at once
            ws.send_text(json.dumps(event(seq, n=1)))
        texts, done = [], 0
        while done < 2:  # the two it runs are answered; the third is refused
            message = ws.receive()
            texts += [message["text"]] if message.get("text") else []
            done += b'{"done"' in (message.get("bytes") or b"")
        assert [json.loads(t) for t in texts] == [
            {"seq": 3, "status": 429, "error": "more than 2 events in flight on one socket"}]


def test_an_idle_socket_is_closed(monkeypatch):
    monkeypatch.setattr(event_socket, "IDLE_SECONDS", 0.2)
    with TestClient(chain_app().server) as client, client.websocket_connect(WS) as ws:
        ws.send_text(json.dumps(event(1, n=2)))
        assert 1 in answers(ws)
        message = ws.receive()
    assert message["type"] == "websocket.close" and message["code"] == 1000


def test_a_socket_that_closes_mid_chain_abandons_its_events(tmp_path: Path):
    """On a real server: the page goes away while the first callback runs; the second never starts."""
    import websockets.sync.client

    from propwire.testing.live import LiveServer

    log = tmp_path / "log"
    app = Dash(__name__)
    app.layout = html.Div([html.Button("go", id="btn"), html.Div(id="a"), html.Div(id="b")])

    @app.callback(Output("a", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    async def first(n):
        log.open("a").write("first started\n")
        await asyncio.sleep(0.5)
        log.open("a").write("first done\n")
        return "a"

    @app.callback(Output("b", "children"), Input("a", "children"), prevent_initial_call=True)
    def second(a):
        log.open("a").write("second ran\n")
        return "b"

    with LiveServer(app.server) as server:
        with websockets.sync.client.connect(f"ws://127.0.0.1:{server.port}{WS}") as ws:
            ws.send(json.dumps(event(1)))
            frame = ws.recv(timeout=5)
            assert frame.startswith(b"1\n")  # the plan is out: the first callback runs
        time.sleep(1.0)
    assert log.read_text() == "first started\n", "the running callback was cancelled, the next never started"


def test_an_app_mounted_in_a_host_serves_its_socket_under_the_mount():
    from starlette.applications import Starlette
    from starlette.routing import Mount

    app = chain_app()
    host = Starlette(routes=[Mount("/dash", app=app.server)])
    with TestClient(host) as client:
        config = page_config(client.get("/dash/", headers={"sec-fetch-dest": "document"}).text)
        assert config["socketUrl"] == "/dash/_propwire/ws"
        with client.websocket_connect(config["socketUrl"]) as ws:
            ws.send_text(json.dumps(event(1, n=2)))
            lines = answers(ws)[1]
    assert {"b.children": "a2!"} in [line["result"]["outputs"] for line in lines if "result" in line]
