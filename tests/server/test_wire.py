"""Long string outputs travel as raw text after their result line (propwire/wire.py, docs/protocol.md)."""

from __future__ import annotations

import json
import threading

from propwire import Dash, Input, Output, html
from propwire.protocol.wire import RAW_MIN, Unreadable, encode_line, read_body

from .conftest import Client, kinds, ndjson
from .test_event_stream import asgi_post

LONG = "".join(f"word{i} " for i in range(RAW_MIN // 5))  # > RAW_MIN characters, nothing to escape
WIDE = "é✓ " * (RAW_MIN // 2)  # two- and three-byte characters
ESCAPED = "line\n" * (RAW_MIN // 4)  # newlines: JSON escapes them


def long_app(value: str, second: str | None = None) -> Dash:
    app = Dash()
    app.layout = html.Div([html.Button(id="btn"), html.Pre(id="out"), html.Pre(id="two"), html.Div(id="small")])

    @app.callback(Output("out", "children"), Output("two", "children"), Output("small", "children"),
                  Input("btn", "n_clicks"), prevent_initial_call=True)
    def clicked(n):
        return f"{n}:{value}", second if second is not None else "-", f"small {n}"

    return app


CLICK = {"seq": 3, "changed": {"btn.n_clicks": 1}, "values": {"btn.n_clicks": 1},
         "present": {"btn": [], "out": [], "two": [], "small": []}}


def body_parts(body: bytes) -> tuple[dict, bytes]:
    """The result line of a one-callback body, and the bytes after it."""
    plan, rest = body.split(b"\n", 1)
    head, rest = rest.split(b"\n", 1)
    return json.loads(head), rest


def test_a_long_string_output_follows_its_line_as_raw_utf8():
    response = Client(long_app(LONG)).event(CLICK)
    head, rest = body_parts(response.content)
    text = f"1:{LONG}".encode()
    assert head["result"]["outputs"] == {"out.children": None, "two.children": "-", "small.children": "small 1"}
    assert head["result"]["raw"] == {"out.children": len(text)}
    assert rest == text + b"\n" + b'{"done":{"seq":3}}\n'
    lines = ndjson(response)  # read back: the text is in its output again, and `raw` is gone
    assert kinds(lines) == ["plan", "result", "done"]
    assert lines[1]["result"]["outputs"]["out.children"] == f"1:{LONG}" and "raw" not in lines[1]["result"]


def test_raw_lengths_count_bytes_and_two_texts_keep_their_order():
    response = Client(long_app(WIDE, second=LONG)).event(CLICK)
    head, rest = body_parts(response.content)
    first, second = f"1:{WIDE}".encode(), LONG.encode()
    assert list(head["result"]["raw"].items()) == [("out.children", len(first)), ("two.children", len(second))]
    assert len(first) > len(f"1:{WIDE}")
    assert rest.startswith(first + b"\n" + second + b"\n")
    outputs = ndjson(response)[1]["result"]["outputs"]
    assert outputs == {"out.children": f"1:{WIDE}", "two.children": LONG, "small.children": "small 1"}


def test_a_long_string_that_json_must_escape_stays_in_the_line():
    response = Client(long_app(ESCAPED)).event(CLICK)
    head, _ = body_parts(response.content)
    assert "raw" not in head["result"] and head["result"]["outputs"]["out.children"] == f"1:{ESCAPED}"


def test_a_short_string_is_plain_json():
    head, _ = body_parts(Client(long_app("short")).event(CLICK).content)
    assert "raw" not in head["result"] and head["result"]["outputs"]["out.children"] == "1:short"


def test_raw_text_in_a_streamed_response():
    """A later batch of a streaming response carries its raw text in the same write as its line."""
    released = threading.Event()
    app = Dash()
    app.layout = html.Div([html.Button(id="btn"), html.Div(id="fast"), html.Pre(id="slow")])

    @app.callback(Output("fast", "children"), Input("btn", "n_clicks"))
    def fast(n):
        return "fast done"

    @app.callback(Output("slow", "children"), Input("btn", "n_clicks"))
    def slow(n):
        return LONG if released.wait(5) else "timed out"

    def on_send(message):
        if b'"fast done"' in message.get("body", b""):
            released.set()

    event = {"seq": 4, "changed": {"btn.n_clicks": 1}, "values": {"btn.n_clicks": 1},
             "present": {"btn": [], "fast": [], "slow": []}}
    sent = asgi_post(app, event, on_send)
    assert b"content-length" not in dict(sent[0]["headers"])
    late = next(m["body"] for m in sent[2:] if b'"raw"' in m["body"])
    assert late.endswith(LONG.encode() + b"\n" + b'{"done":{"seq":4}}\n')  # the chain's last write ends with done
    lines = read_body(b"".join(m["body"] for m in sent[1:]))
    assert kinds(lines) == ["plan", "result", "result", "done"]
    assert lines[2]["result"]["outputs"] == {"slow.children": LONG}


def test_long_outputs_reach_the_page_headless_and_in_chromium(propwire_driver):
    page = propwire_driver(long_app(WIDE, second=LONG))
    page.click("btn")
    assert page.prop("out", "children") == f"1:{WIDE}" and page.text("out") == f"1:{WIDE}"
    assert page.text("two") == LONG and page.text("small") == "small 1"
    page.click("btn")
    assert page.text("out") == f"2:{WIDE}"
    assert [c.status for c in page.calls()] == ["ran"] and page.errors() == []


def test_encode_then_read_round_trips_any_mix():
    line = {"result": {"cb": 2, "outputs": {"a": LONG, "b": 7, "c": ESCAPED, "d": WIDE}, "reads": []}}
    out: list = []
    encode_line(line, out)
    encode_line({"done": {"seq": 1}}, out)
    body = b"".join(out)
    assert list(json.loads(body.split(b"\n", 1)[0])["result"]["raw"]) == ["a", "d"]
    assert read_body(body) == [line, {"done": {"seq": 1}}]


def test_read_body_reports_what_it_cannot_read_and_goes_on():
    text = LONG.encode()
    head = json.dumps({"result": {"cb": 0, "outputs": {"a": None}, "raw": {"a": len(text)}}}).encode()
    cut = read_body(head + b"\n" + text[:100])
    assert len(cut) == 1 and isinstance(cut[0], Unreadable)
    assert str(cut[0]) == "the response ended inside the raw text of 'a'"
    bad = read_body(b'not json\n{"result":{"outputs":{},"raw":{"a":-1}}}\n{"done":{"seq":2}}\n')
    assert [str(x) for x in bad[:2]] == ["unreadable stream line: not json",
                                        'a stream line\'s raw texts are malformed: {"result":{"outputs":{},"raw":{"a":-1}}}']
    assert bad[2] == {"done": {"seq": 2}}


def test_a_string_that_is_not_unicode_text_is_an_error_naming_its_output():
    app = Dash()
    app.layout = html.Div([html.Button(id="btn"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    def lone_surrogate(n):
        return "half a pair: \ud800"

    event = {"seq": 1, "changed": {"btn.n_clicks": 1}, "values": {"btn.n_clicks": 1}, "present": {"btn": [], "out": []}}
    lines = ndjson(Client(app).event(event))
    assert kinds(lines) == ["plan", "error", "done"]
    assert "output 'out.children' cannot be sent to the browser" in lines[1]["error"]["message"]
    assert "surrogates not allowed" in lines[1]["error"]["message"]
