"""Fuzzing the event and cookies endpoints (issue 12 item 5): every answer is a valid 2xx, or a 4xx with a JSON
message that reached no callback; never a 5xx, never an exception; and propwire's memory stays bounded.

Most cases are a valid event of one of four apps (plain ids, pattern ids, State, allow_optional) with ONE part
corrupted — a key, an id, a value's type, a field, a run entry, a few bytes — since pure garbage is turned
away at the JSON parse and proves little. Cases go straight through ASGI on one event loop (thousands a
second). The totals are printed at the end of the module (`pytest -s`): cases, statuses, 5xx.
"""

from __future__ import annotations

import collections
import json
import time
import tracemalloc

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from propwire import ALL, ALLSMALLER, MATCH, Dash, Input, Output, State, dcc, html
from propwire.protocol.wire import Unreadable, read_body
from propwire.web import cookie_token

from .conftest import EVENT, LoopThread, asgi_post

STATUSES: collections.Counter = collections.Counter()
SETTINGS = dict(deadline=None, database=None, derandomize=False,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])


def dump(value: object) -> bytes:
    """JSON as a careless client writes it: numbers of any size, NaN and lone surrogates (as \\u escapes) too."""
    return json.dumps(value, separators=(",", ":")).encode()


def pid(type_: str, i: object) -> str:
    return orjson.dumps({"i": i, "type": type_}, option=orjson.OPT_SORT_KEYS).decode()


# -- the apps, each with the valid events a browser would send it -----------------------------------------------

def plain_app(calls: list) -> tuple[Dash, list[dict]]:
    app = Dash()
    app.layout = html.Div([html.Button(id="btn"), dcc.Input(id="inp", value="x"), html.Div(id="out"),
                           html.Div(id="b")])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), State("inp", "value"))
    def first(n, value):
        calls.append("first")
        return f"{n}:{value}"

    @app.callback(Output("b", "children"), Input("out", "children"))
    def second(out):
        calls.append("second")
        return out

    present = {"btn": [], "inp": [], "out": [], "b": []}
    return app, [{"seq": 1, "changed": {"btn.n_clicks": 1}, "values": {"btn.n_clicks": 1, "inp.value": "x"},
                  "present": present},
                 {"seq": 2, "changed": {"out.children": "z"}, "present": present},
                 {"seq": 3, "run": [{"cb": 0, "triggered": ["btn.n_clicks"]}], "values": {"inp.value": "y"},
                  "present": present}]


def pattern_app(calls: list) -> tuple[Dash, list[dict]]:
    app = Dash()
    app.layout = html.Div([html.Div(id="total"), *[html.Button(id={"type": "b", "i": i}) for i in range(3)],
                           *[html.Div(id={"type": "o", "i": i}) for i in range(3)]])

    @app.callback(Output("total", "children"), Input({"type": "b", "i": ALL}, "n_clicks"))
    def total(ns):
        calls.append("total")
        return str(sum(n for n in ns if type(n) is int))  # values are fuzzed: any JSON

    @app.callback(Output({"type": "o", "i": MATCH}, "children"), Input({"type": "b", "i": MATCH}, "n_clicks"),
                  State({"type": "b", "i": ALLSMALLER}, "n_clicks"))
    def row(n, smaller):
        calls.append("row")
        return f"{n}/{len(smaller)}"

    buttons = {pid("b", i): [] for i in range(3)}
    rows = {pid("o", i): [] for i in range(3)}
    values = {f"{pid('b', i)}.n_clicks": i for i in range(3)}
    return app, [{"seq": 1, "changed": {f"{pid('b', 1)}.n_clicks": 2}, "values": values,
                  "present": {**buttons, **rows, "total": []}},
                 {"seq": 2, "changed": {f"{pid('b', 2)}.n_clicks": 1}, "values": values,
                  "present": {**buttons, pid("o", 2): [], "total": []}}]


def state_app(calls: list) -> tuple[Dash, list[dict]]:
    app = Dash()
    app.layout = html.Div([dcc.Input(id="a", value=1), dcc.Input(id="s", value="v"), dcc.Store(id="store", data={}),
                           html.Div(id="res")])

    @app.callback(Output("res", "children"), Output("store", "data"), Input("a", "value"), State("s", "value"),
                  State("store", "data"))
    def combine(a, s, data):
        calls.append("combine")
        return f"{a}{s}", {"n": len(data or {})}

    present = {"a": [], "s": [], "store": [], "res": []}
    return app, [{"seq": 1, "changed": {"a.value": 5}, "values": {"a.value": 5, "s.value": "w",
                                                                  "store.data": {"k": [1, 2]}}, "present": present}]


def optional_app(calls: list) -> tuple[Dash, list[dict]]:
    app = Dash(suppress_callback_exceptions=True)
    app.layout = html.Div([html.Button(id="go"), html.Div(id="shown")])

    @app.callback(Output("shown", "children"), Input("go", "n_clicks"),
                  Input("maybe", "value", allow_optional=True), State("later", "value", allow_optional=True))
    def show(n, maybe, later):
        calls.append("show")
        return f"{n}{maybe}{later}"

    return app, [{"seq": 1, "changed": {"go.n_clicks": 1}, "values": {"go.n_clicks": 1},
                  "present": {"go": [], "shown": []}},
                 {"seq": 2, "changed": {"go.n_clicks": 2}, "values": {"go.n_clicks": 2, "maybe.value": "m"},
                  "present": {"go": [], "shown": [], "maybe": []}}]


class Target:
    """One app, its valid events, its call log and one event loop shared by every case."""

    def __init__(self, build):
        self.calls: list = []
        self.app, self.events = build(self.calls)
        self.app.engine
        self.loop = LoopThread()

    def post(self, path: str, body: bytes, ctype: bytes = b"application/json") -> tuple[int, dict, bytes]:
        return self.loop.run(asgi_post(self.app, path, body, ctype))


@pytest.fixture(scope="module", params=[plain_app, pattern_app, state_app, optional_app],
                ids=["plain", "pattern", "state", "optional"])
def target(request):
    made = Target(request.param)
    yield made
    made.loop.close()


@pytest.fixture(scope="module", autouse=True)
def totals():
    yield
    total = sum(STATUSES.values())
    errors = sum(n for s, n in STATUSES.items() if s >= 500)
    print(f"\nfuzz: {total} cases, statuses {dict(sorted(STATUSES.items()))}, 5xx: {errors}")


# -- what goes wrong with a part ---------------------------------------------------------------------------------

HUGE = st.sampled_from([10 ** 30, -(10 ** 30), 2 ** 63, 2 ** 64, 1.7e308, -1e-320, 0.1])
SCALAR = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
                   st.text(max_size=20), HUGE)
JSON = st.recursive(SCALAR, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                     st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                    max_leaves=12)
# Raw JSON texts for ids, many of them almost right.
ID_TEXT = st.one_of(
    st.sampled_from(['{bad', '{', '{}', '[]', '{"i":1', '{"i":}', '{"":1}', '{"i":null,"type":"b"}',
                     '{"i":[1],"type":"b"}', '{"i":["ALL"],"type":"b"}', '{"i":["MATCH"],"type":"o"}',
                     '{"i":{"x":1},"type":"b"}', '{"i":1e400,"type":"b"}', '{"i":NaN,"type":"b"}',
                     '{"i":Infinity,"type":"b"}', '{"i":1,"i":2,"type":"b"}', '{"i":"\\ud800","type":"b"}',
                     '{"i":1,"type":"b"} ', ' {"i":1,"type":"b"}', '{"i":true,"type":"b"}', '{"i":1,"type":"b","x":2}',
                     '{"i":99999999999999999999999,"type":"b"}', '{"type":"b","i":1}', '"b"', 'null', '1', 'true']),
    st.builds(lambda v: dump({"i": v, "type": "b"}).decode(), JSON),
    st.builds(lambda d: "[" * d + "]" * d, st.integers(1, 3000)),
    st.builds(lambda d: '{"i":' + "[" * d + "1" + "]" * d + ',"type":"b"}', st.integers(1, 2000)),
    st.text(max_size=30).map(lambda t: "{" + t),
)
PROP = st.one_of(st.sampled_from(["n_clicks", "value", "children", "data", "id", "", "n_clicks.value"]),
                 st.text(max_size=10))
KEY = st.one_of(
    st.builds(lambda i, p: f"{i}.{p}", ID_TEXT, PROP),
    st.sampled_from(["", ".", "..", "btn", "nodot", "btn.", ".n_clicks", "btn.n_clicks.x", "btn\x00.n_clicks",
                     "{bad.n_clicks", "{bad.value", "\u2028.value"]),
    st.text(max_size=40),
    st.builds(lambda n: "k" * n + ".value", st.sampled_from([1000, 20_000, 200_000])),
)
SECTIONS = ["changed", "values", "present", "pending", "run"]


@st.composite
def corrupted_event(draw, events: list[dict]) -> bytes:
    """A valid event of the app with one part corrupted (or, now and then, none: the control)."""
    event = orjson.loads(orjson.dumps(draw(st.sampled_from(events))))
    how = draw(st.sampled_from(["key", "key", "key", "id", "id", "type", "field", "run", "component", "value",
                                "bytes", "none"]))
    if how == "key":  # a bad prop key in changed / values, or one in run[].triggered or pending
        section = draw(st.sampled_from(["changed", "values", "run", "pending"]))
        key = draw(KEY)
        if section == "run":
            event["run"] = [{"cb": draw(st.integers(0, 1)), "triggered": [key]}]
        elif section == "pending":
            event["pending"] = [key]
        else:
            event.setdefault(section, {})[key] = draw(SCALAR)
    elif how == "id":  # a bad id in present
        event.setdefault("present", {})[draw(ID_TEXT)] = draw(st.one_of(st.just([]), JSON))
    elif how == "type":  # a section of the wrong type
        event[draw(st.sampled_from(SECTIONS + ["seq"]))] = draw(JSON)
    elif how == "field":  # an unknown field, or a seq of the wrong kind
        if draw(st.booleans()):
            event[draw(st.text(max_size=12))] = draw(SCALAR)
        else:
            event["seq"] = draw(st.one_of(HUGE, st.booleans(), st.floats(), st.text(max_size=5)))
    elif how == "run":  # a run entry of the wrong shape
        event["run"] = [draw(st.one_of(JSON, st.fixed_dictionaries(
            {"cb": st.one_of(st.integers(-3, 5), HUGE, st.booleans(), st.text(max_size=3), st.none())},
            optional={"triggered": st.one_of(JSON, st.lists(KEY, max_size=2)), "x": SCALAR})))]
    elif how == "component":  # component JSON in a changed value, with a malformed id or props
        key = draw(st.sampled_from(list(event.get("changed") or {"out.children": 0})))
        props = draw(st.one_of(JSON, st.fixed_dictionaries({"id": st.one_of(JSON, ID_TEXT)},
                                                           optional={"children": JSON})))
        comp = {"type": draw(st.one_of(st.just("Div"), JSON)), "namespace": draw(st.one_of(st.just("dash_html_components"), JSON)),
                "props": props}
        event.setdefault("changed", {})[key] = draw(st.one_of(st.just(comp), st.lists(st.just(comp), max_size=2)))
    elif how == "value":  # valid keys, values of any JSON shape
        for section in ("changed", "values"):
            for key in list(event.get(section, {})):
                if draw(st.booleans()):
                    event[section][key] = draw(JSON)
    body = dump(event)
    if how == "bytes":  # a few bytes wrong: truncated, non-UTF-8, a duplicate key, a lone surrogate, deep nesting
        cut = draw(st.integers(0, len(body)))
        body = draw(st.sampled_from([
            body[:cut], body[:cut] + b"\xff\xfe" + body[cut:], body[:cut] + b"\x00" + body[cut:],
            body.replace(b'"changed":', b'"changed":{"x.y":1},"changed":', 1),
            body.replace(b'"seq":', b'"seq":"\\udc00","seq":', 1),
            b"[" * 5000 + body + b"]" * 5000, b'{"changed":' * 2000 + b"1" + b"}" * 2000]))
    return body


def check(target: Target, status: int, headers: dict, body: bytes, calls_before: int) -> None:
    STATUSES[status] += 1
    assert status < 500, body[:500]
    if status >= 400:
        assert headers["content-type"].startswith("application/json"), headers
        message = orjson.loads(body)
        assert set(message) == {"error"} and isinstance(message["error"], str) and message["error"]
        assert len(target.calls) == calls_before, f"a {status} reached a callback: {message}"
        return
    assert 200 <= status < 300
    if status == 204:
        return
    lines = read_body(body)
    assert lines and not [line for line in lines if isinstance(line, Unreadable)], body[:500]
    assert "done" in lines[-1], lines[-1]


@settings(max_examples=2_300, **SETTINGS)
@given(data=st.data())
def test_fuzzed_events_are_answered_never_with_a_5xx(target, data):
    body = data.draw(corrupted_event(target.events))
    before = len(target.calls)
    check(target, *target.post(EVENT, body), before)


@settings(max_examples=250, **SETTINGS)
@given(body=st.one_of(st.binary(max_size=200), JSON.map(dump)),
       ctype=st.sampled_from([b"application/json", b"text/plain", b"", b"application/json; charset=latin-1",
                              b"APPLICATION/JSON", b"application/x-ndjson"]))
def test_garbage_and_odd_content_types_are_a_4xx(target, body, ctype):
    before = len(target.calls)
    status, headers, answer = target.post(EVENT, body, ctype)
    check(target, status, headers, answer, before)
    if ctype.lower().startswith(b"application/json"):  # media types are case-insensitive (RFC 9110)
        return
    assert status == 415


@pytest.fixture(scope="module")
def cookies_target():
    made = Target(plain_app)
    yield made
    made.loop.close()


# Sealed once (so every case draws from the same tokens), valid for ten minutes.
TOKENS = [cookie_token.seal(["a=1; Path=/", "b=2; HttpOnly"], seq, now=time.time() + 600) for seq in range(6)]


@st.composite
def cookie_request(draw) -> bytes:
    seq = draw(st.integers(0, 5))
    token = TOKENS[seq]
    how = draw(st.sampled_from(["good", "flip", "cut", "seq", "token", "shape", "bytes"]))
    body: object = {"seq": seq, "token": token}
    if how == "flip":
        at = draw(st.integers(0, len(token) - 1))
        body = {"seq": seq, "token": token[:at] + draw(st.characters()) + token[at + 1:]}
    elif how == "cut":
        body = {"seq": seq, "token": token[:draw(st.integers(0, len(token) - 1))]}
    elif how == "seq":
        body = {"seq": draw(st.one_of(HUGE, st.booleans(), st.text(max_size=3), st.none(), st.integers())), "token": token}
    elif how == "token":
        body = {"seq": seq, "token": draw(st.one_of(JSON, st.text(max_size=80), st.just("A" * 100_000)))}
    elif how == "shape":
        body = draw(JSON)
    raw = dump(body)
    if how == "bytes":
        raw = raw[:draw(st.integers(0, len(raw)))] + draw(st.binary(max_size=4))
    return raw


@settings(max_examples=1_000, **SETTINGS)
@given(body=cookie_request())
def test_fuzzed_cookie_tokens_are_answered_never_with_a_5xx(cookies_target, body):
    before = len(cookies_target.calls)
    status, headers, answer = cookies_target.post(cookie_token.COOKIES_PATH, body)
    check(cookies_target, status, headers, answer, before)
    if status == 204:
        assert "a=1" in headers["set-cookie"]


@pytest.mark.parametrize("build", [pattern_app, plain_app], ids=["pattern", "plain"])
def test_memory_stays_bounded_under_a_hostile_flood(build):
    """Propwire's own allocations (tracemalloc, filtered to propwire's files) after 800 corrupted events
    are those of one: nothing a rejected or odd event carried is kept."""
    target = Target(build)
    strategy = corrupted_event(target.events)
    bodies: list[bytes] = []

    @settings(max_examples=800, **SETTINGS)
    @given(body=strategy)
    def gather(body):
        bodies.append(body)

    gather()
    for body in bodies[:200]:  # warm: first-time lookups and caches of the valid events fill here
        target.post(EVENT, body)
    only_propwire = [tracemalloc.Filter(True, "*/propwire/*")]
    tracemalloc.start()
    try:
        start = tracemalloc.take_snapshot().filter_traces(only_propwire)
        for body in bodies:
            status = target.post(EVENT, body)[0]
            STATUSES[status] += 1
            assert status < 500
        end = tracemalloc.take_snapshot().filter_traces(only_propwire)
    finally:
        tracemalloc.stop()
        target.loop.close()
    grown = sum(stat.size_diff for stat in end.compare_to(start, "filename"))
    caches = target.app.engine.graph.caches().values()
    assert all(cache.bytes <= cache.max_bytes for cache in caches)
    assert grown < 1 << 20, [str(s) for s in end.compare_to(start, "lineno")[:5]]
