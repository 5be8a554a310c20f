"""The stream lines of the core's typed items (propwire/protocol/lines.py): the bytes docs/protocol.md specifies."""

from __future__ import annotations

from propwire.api.serialize import dumps
from propwire.core.outcomes import CallEffects, Deferred, Error, Job, Note, Plan, Result, Skip, SkipReason, Start
from propwire.protocol.lines import encode, line_of
from propwire.protocol.wire import RAW_MIN, read_body


def test_a_result_line_keeps_its_key_order_and_shows_timings_only_in_debug_mode():
    effects = CallEffects(cookies=["a=1"], headers={"x-one": "1"}, timings=[("db", 0.0123456, "query")])
    plain = Result(2, {"out.children": "hi"}, ["in.value"], ["in.value"], 0.0015, effects=effects)
    assert dumps(line_of(plain)) == (b'{"result":{"cb":2,"outputs":{"out.children":"hi"},"reads":["in.value"],'
                                     b'"triggered":["in.value"],"ms":1.5}}')
    debug = Result(2, {}, [], [], 0.0, patches={"l.data": [["append", [], 1]]}, no_update=["out.children"],
                   effects=effects)
    assert dumps(line_of(debug)) == (b'{"result":{"cb":2,"outputs":{},"reads":[],"triggered":[],"ms":0.0,'
                                     b'"patches":{"l.data":[["append",[],1]]},"noUpdate":["out.children"],'
                                     b'"timing":[["db",12.35,"query"]]}}')


def test_the_other_items_lines():
    assert line_of(Plan([0, 1], ["a.children"])) == {"plan": {"callbacks": [0, 1], "props": ["a.children"]}}
    assert line_of(Start(1)) == {"start": {"cb": 1}}
    assert line_of(Job(2, "ab12")) == {"job": {"cb": 2, "id": "ab12"}}
    assert line_of(Job(2, "ab12", {"index": 3})) == {"job": {"cb": 2, "id": "ab12", "match": {"index": 3}}}
    assert line_of(Job(2, "ab12", {"index": 3}, ended=True)) == {
        "job": {"cb": 2, "id": "ab12", "match": {"index": 3}, "ended": True}}
    assert line_of(Start(1, [["b.disabled", True, False]])) == {"start": {"cb": 1, "running": [["b.disabled", True, False]]}}
    assert line_of(Skip(0, SkipReason.NO_INPUT)) == {"skip": {"cb": 0, "reason": "no input in layout"}}
    assert line_of(Deferred(3, ["x.value"])) == {"deferred": {"cb": 3, "triggered": ["x.value"]}}
    assert line_of(Note(4, SkipReason.PREVENT_INITIAL)) == {"note": {"cb": 4, "reason": "prevent_initial_call"}}
    assert line_of(Error(5, "callback 'f' failed; see the server log")) == {
        "error": {"cb": 5, "message": "callback 'f' failed; see the server log"}}
    assert line_of(Error(5, "boom", "Traceback...", {"a.value": 1})) == {
        "error": {"cb": 5, "message": "boom", "traceback": "Traceback...", "inputs": {"a.value": 1}}}


def test_a_long_string_output_goes_as_raw_text_after_its_line():
    long = "x" * RAW_MIN
    out: list = []
    encode(Result(0, {"big.children": long}, [], [], 0.0), out)
    body = b"".join(bytes(p) for p in out)
    assert body.startswith(b'{"result":{"cb":0,"outputs":{"big.children":null}') and b'"raw":{"big.children":' in body
    assert read_body(body) == [{"result": {"cb": 0, "outputs": {"big.children": long}, "reads": [], "triggered": [],
                                           "ms": 0.0}}]
