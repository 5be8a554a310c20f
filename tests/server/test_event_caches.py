"""Issue 12 item 2: nothing a rejected event names is cached, and every graph cache is bounded by bytes.

Before the fix, each of two hundred rejected events with a 1 MB prop key left that key in the graph's
trigger cache (+181 MB). The caches here are measured directly (entries and byte estimates) and the
process's Python allocations with tracemalloc."""

from __future__ import annotations

import tracemalloc

import orjson

from propwire import ALL, MATCH, Dash, Input, Output, State, html
from propwire.core.bounded import BoundedCache

from .conftest import EVENT, asgi_post, run

MB = 1 << 20


def make_app() -> tuple[Dash, list]:
    calls: list = []
    app = Dash()
    app.layout = html.Div([html.Button(id="btn"), html.Div(id="out"),
                           *[html.Button(id={"type": "b", "i": i}) for i in range(3)],
                           *[html.Div(id={"type": "o", "i": i}) for i in range(3)]])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), Input({"type": "b", "i": ALL}, "n_clicks"))
    def total(n, ns):
        calls.append("total")
        return str(n)

    @app.callback(Output({"type": "o", "i": MATCH}, "children"), Input({"type": "b", "i": MATCH}, "n_clicks"),
                  State({"type": "b", "i": MATCH}, "id"))
    def row(n, own):
        calls.append("row")
        return str(n)

    return app, calls


def sizes(app: Dash) -> dict[str, tuple[int, int]]:
    return {name: (len(cache), cache.bytes) for name, cache in app.engine.graph.caches().items()}


def hostile_bodies(count: int) -> list[bytes]:
    """Events with a 1 MB key each, all different, every one rejected for a different reason."""
    bodies = []
    for n in range(count):
        filler = f"{n:06d}" + "x" * MB
        kind = n % 4
        if kind == 0:  # a plain key no callback reads
            body = {"changed": {f"{filler}.n_clicks": 1}}
        elif kind == 1:  # a pattern key that is not JSON
            body = {"changed": {"{" + filler + ".n_clicks": 1}}
        elif kind == 2:  # a JSON pattern key with the wrong keys: fits no pattern
            body = {"changed": {orjson.dumps({"type": "b", "j": filler}).decode() + ".n_clicks": 1}}
        else:  # a valid trigger, but a huge value key no callback of the event reads
            body = {"changed": {"btn.n_clicks": 1}, "values": {f"{filler}.value": 1}}
        bodies.append(orjson.dumps(body))
    return bodies


def test_two_hundred_rejected_events_with_megabyte_keys_leave_the_caches_as_they_were():
    app, calls = make_app()
    good = orjson.dumps({"changed": {'{"i":1,"type":"b"}.n_clicks': 1},
                         "values": {'{"i":1,"type":"b"}.n_clicks': 1, '{"i":1,"type":"b"}.id': {"type": "b", "i": 1}},
                         "present": {'{"i":1,"type":"b"}': [], '{"i":1,"type":"o"}': []}})
    plain = orjson.dumps({"changed": {"btn.n_clicks": 1}, "values": {"btn.n_clicks": 1},
                          "present": {"btn": [], "out": []}})
    bodies = hostile_bodies(200)

    async def go() -> tuple[list[int], int, dict, int]:
        for body in (good, plain):  # warm the caches with what real events need (the hostile ones start both)
            status, _, _ = await asgi_post(app, EVENT, body)
            assert status == 200
        before = sizes(app)
        assert all(before[name][0] > 0 for name in ("triggered", "writers", "plans", "read_sets")), before
        tracemalloc.start()
        start = tracemalloc.get_traced_memory()[0]
        statuses = [(await asgi_post(app, EVENT, body))[0] for body in bodies]
        grown = tracemalloc.get_traced_memory()[0] - start
        tracemalloc.stop()
        return statuses, grown, before, len(calls)

    statuses, grown, before, calls_after_good = run(go)
    assert statuses == [400] * 200
    assert sizes(app) == before
    assert calls_after_good == 2  # only the good events' calls: no hostile one reached a callback
    # 200 MB went through; what stays is noise (the bodies themselves are held by this test, outside the trace)
    assert grown < 2 * MB, grown


def test_accepted_odd_but_valid_keys_stay_under_the_byte_bound():
    app, calls = make_app()
    graph = app.engine.graph
    graph._triggered_cache = BoundedCache(max_bytes=64 * 1024)  # a small bound, to reach it quickly
    graph._writers_cache = BoundedCache(max_bytes=64 * 1024)

    async def go() -> list[int]:
        statuses = []
        for n in range(300):
            # a valid id the MATCH pattern fits, with a long odd value: accepted (the component is absent)
            key = orjson.dumps({"i": f"{n}-" + "é" * 1500, "type": "b"}).decode() + ".n_clicks"
            statuses.append((await asgi_post(app, EVENT, orjson.dumps({"changed": {key: n}})))[0])
        return statuses

    statuses = run(go)
    assert statuses == [200] * 300
    cache = graph._triggered_cache
    assert 0 < len(cache) < 300 and cache.bytes <= 64 * 1024


def test_a_key_too_big_to_keep_is_answered_and_not_kept():
    app, _ = make_app()
    key = orjson.dumps({"i": "y" * 100_000, "type": "b"}).decode() + ".n_clicks"
    assert app.engine.graph.triggered_by(key)  # the pattern fits it: it triggers the callbacks
    assert key not in app.engine.graph.caches()["triggered"]


def test_bounded_cache_forgets_the_oldest_at_either_bound():
    by_count = BoundedCache(max_entries=3, max_bytes=10_000, size=len)
    for key in ("a" * 10, "b" * 10, "c" * 10, "d" * 10):
        by_count.put(key, key)
    assert len(by_count) == 3 and "a" * 10 not in by_count and by_count.bytes == 30
    by_bytes = BoundedCache(max_entries=100, max_bytes=100, max_item=60, size=len)
    for key in ("a" * 20, "b" * 20, "c" * 20, "d" * 20, "e" * 20, "f" * 20):
        by_bytes.put(key, key)
    assert "a" * 20 not in by_bytes and "b" * 20 in by_bytes and by_bytes.bytes == 100
    by_bytes.put("g" * 50, 1)  # room is made, oldest first
    assert "b" * 20 not in by_bytes and "c" * 20 not in by_bytes and "d" * 20 not in by_bytes
    assert by_bytes.bytes == 90 and by_bytes.get("g" * 50) == 1
    by_bytes.put("h" * 61, 2)  # over max_item: never kept, nothing evicted for it
    assert "h" * 61 not in by_bytes and by_bytes.bytes == 90
    assert by_bytes.lookup("i", lambda k: [], keep=bool) == [] and "i" not in by_bytes  # empty results not kept
