"""Issue 12 item 5: each malformed id or body named in the issue is a 400 whose message says what is wrong,
and reaches no callback (the fuzz test, test_fuzz_events.py, covers the rest at random)."""

from __future__ import annotations

import orjson
import pytest

from propwire import ALL, MATCH, Dash, Input, Output, State, html

from .conftest import EVENT, asgi_post, run

B1 = '{"i":1,"type":"b"}'


def make_app() -> tuple[Dash, list]:
    calls: list = []
    app = Dash()
    app.layout = html.Div([html.Div(id="total"), *[html.Button(id={"type": "b", "i": i}) for i in range(2)],
                           *[html.Div(id={"type": "o", "i": i}) for i in range(2)]])

    @app.callback(Output("total", "children"), Input({"type": "b", "i": ALL}, "n_clicks"))
    def total(ns):
        calls.append("total")
        return "t"

    @app.callback(Output({"type": "o", "i": MATCH}, "children"), Input({"type": "b", "i": MATCH}, "n_clicks"),
                  State({"type": "b", "i": MATCH}, "id"))
    def row(n, own):
        calls.append("row")
        return "r"

    return app, calls


def event(**parts) -> bytes:
    base = {"changed": {f"{B1}.n_clicks": 1}, "values": {f"{B1}.n_clicks": 1, f"{B1}.id": {"type": "b", "i": 1}},
            "present": {B1: [], '{"i":1,"type":"o"}': [], "total": []}}
    for name, value in parts.items():
        base[name] = {**base.get(name, {}), **value} if isinstance(value, dict) else value
    return orjson.dumps(base)


def bad_key(id_text: str) -> bytes:
    return orjson.dumps({"changed": {f"{id_text}.n_clicks": 1}})


CASES = {
    "not JSON": (b'{"changed": {"{bad.value": 1}}', ["'{bad'", "not valid JSON"]),
    "not JSON, a pattern prop": (bad_key("{bad"), ["'{bad'", "not valid JSON"]),
    "a list value": (bad_key('{"i":[1],"type":"b"}'), ["bad entry 'i'"]),
    "a wildcard": (bad_key('{"i":["ALL"],"type":"b"}'), ["bad entry 'i'"]),
    "an object value": (bad_key('{"i":{"x":1},"type":"b"}'), ["bad entry 'i'"]),
    "null": (bad_key('{"i":null,"type":"b"}'), ["bad entry 'i'"]),
    "an empty key": (bad_key('{"":1,"i":1,"type":"b"}'), ["bad entry ''"]),
    "an array id": (bad_key('[1]'), ["is not an Input"]),
    "infinity": (bad_key('{"i":1e400,"type":"b"}'), ["not valid JSON"]),
    "NaN": (bad_key('{"i":NaN,"type":"b"}'), ["not valid JSON"]),
    "a lone surrogate": (b'{"changed": {"{\\"i\\":\\"\\ud800\\",\\"type\\":\\"b\\"}.n_clicks": 1}}', ["not valid JSON"]),
    "non-UTF-8": (b'{"changed": {"\xff\xfe.n_clicks": 1}}', ["not valid JSON"]),
    "deep nesting": (b'{"changed":' + b"[" * 3000 + b"]" * 3000 + b"}", ["not valid JSON"]),
    "no dot": (orjson.dumps({"changed": {"nodot": 1}}), ["'<id>.<prop>'"]),
    "a megabyte key": (bad_key("{" + "x" * 1_000_000), ["1000001 characters"]),
    "a bad id in present": (event(present={'{"i":[1],"type":"o"}': []}), ["presence of", "bad entry 'i'"]),
    "a bad id in values": (event(values={'{"i":null,"type":"b"}.n_clicks': 1}), ["value for", "bad entry 'i'"]),
    "a bad key in run": (orjson.dumps({"run": [{"cb": 1, "triggered": ["{bad.n_clicks"]}]}), ["not valid JSON"]),
    "a huge cb": (orjson.dumps({"run": [{"cb": 2 ** 63}]}), ["unknown callback"]),
    "cb true": (orjson.dumps({"run": [{"cb": True}]}), ["unknown callback"]),
    "a component with a list id": (event(changed={f"{B1}.n_clicks": {
        "type": "Div", "namespace": "dash_html_components", "props": {"id": {"type": "o", "i": [2]}}}}),
        ["component id", "not an object of non-empty keys"]),
    "a component with a '{' string id": (event(changed={f"{B1}.n_clicks": {
        "type": "Div", "namespace": "dash_html_components", "props": {"id": "{bad"}}}), ["starting with '{'"]),
    "a seq of true": (event(seq=True), ["'seq' must be an integer"]),
}


@pytest.mark.parametrize("body,fragments", CASES.values(), ids=CASES.keys())
def test_a_malformed_id_or_body_is_a_400_saying_what_is_wrong(body, fragments):
    app, calls = make_app()
    status, headers, answer = run(lambda: asgi_post(app, EVENT, body))
    message = orjson.loads(answer)["error"]
    assert status == 400 and headers["content-type"] == "application/json", (status, message)
    for fragment in fragments:
        assert fragment in message, (fragment, message)
    assert len(message) < 1000  # a megabyte key is quoted, not copied
    assert calls == []


def test_the_same_event_well_formed_runs():
    app, calls = make_app()
    status, _, answer = run(lambda: asgi_post(app, EVENT, event()))
    assert status == 200 and sorted(calls) == ["row", "total"], answer
