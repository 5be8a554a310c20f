"""Bad events get a 4xx with {"error": ...} naming the problem, and never reach a callback."""

from __future__ import annotations

import httpx
import orjson
import pytest

from propwire import Dash, Input, Output, State, dcc, html

from .conftest import EVENT, Client, kinds, ndjson, run


def make_app(**options) -> tuple[Dash, list]:
    """btn.n_clicks -> out.children -> b.children (chain), inp.value -> other.children; every call is logged."""
    calls: list = []
    app = Dash(**options)
    app.layout = html.Div([html.Button("go", id="btn"), dcc.Input(id="inp", value="x"),
                           html.Div(id="out"), html.Div(id="b"), html.Div(id="other")])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), State("inp", "value"))
    def first(n, value):
        calls.append(("first", n, value))
        return f"{n}:{value}"

    @app.callback(Output("b", "children"), Input("out", "children"))
    def second(out):
        calls.append(("second", out))
        return out

    @app.callback(Output("other", "children"), Input("inp", "value"))
    def third(value):
        calls.append(("third", value))
        return value

    return app, calls


GOOD = {"seq": 1, "changed": {"btn.n_clicks": 1}, "values": {"btn.n_clicks": 1, "inp.value": "x"},
        "present": {"btn": [], "inp": [], "out": [], "b": []}}


def with_(**fields):
    return {**GOOD, **fields}


@pytest.fixture
def setup():
    app, calls = make_app()
    yield Client(app), calls
    assert calls == [], "a bad event reached a callback"


def test_the_good_event_does_reach_callbacks():
    # the control for everything below: the same app answers a well-formed event by running the chain
    app, calls = make_app()
    response = Client(app).event(GOOD)
    assert response.status_code == 200
    assert [c[0] for c in calls] == ["first", "second"]
    assert kinds(ndjson(response)) == ["plan", "result", "result", "done"]


def assert_error(response: httpx.Response, status: int, *fragments: str) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and isinstance(body["error"], str)
    for fragment in fragments:
        assert fragment in body["error"], (fragment, body["error"])
    return body["error"]


def test_non_json_body(setup):
    client, _ = setup
    response = client.post(EVENT, content=b'{"changed": {"btn.n_clicks": 1', headers={"content-type": "application/json"})
    assert_error(response, 400, "not valid JSON")


def test_json_that_is_not_an_object(setup):
    client, _ = setup
    for body in ([GOOD], "btn.n_clicks", 3, None):
        assert_error(client.event(body), 400, "must be a JSON object")


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", None])
def test_wrong_content_type_is_415(setup, content_type):
    client, _ = setup
    headers = {"content-type": content_type} if content_type else {}
    response = client.post(EVENT, content=orjson.dumps(GOOD), headers=headers)
    assert_error(response, 415, "application/json")


def test_json_content_type_with_charset_is_accepted():
    app, calls = make_app()
    response = Client(app).post(EVENT, content=orjson.dumps(GOOD),
                                headers={"content-type": "application/json; charset=utf-8"})
    assert response.status_code == 200
    assert calls


def test_unknown_top_level_field(setup):
    client, _ = setup
    assert_error(client.event(with_(bogus=1)), 400, "unknown field", "bogus")


def test_changed_prop_that_is_no_input(setup):
    client, _ = setup
    # an Output of a callback, but no callback's Input
    assert_error(client.event(with_(changed={"b.children": "x"})), 400, "'b.children'", "not an Input")
    # a prop of no component at all
    assert_error(client.event(with_(changed={"nope.value": 1})), 400, "'nope.value'")
    # a State is read, but does not trigger
    assert_error(client.event(with_(changed={"inp.n_submit": 1})), 400, "'inp.n_submit'")


@pytest.mark.parametrize("fields", [{}, {"changed": {}}, {"changed": {}, "run": []}, {"seq": 3}],
                         ids=["empty", "empty-changed", "empty-run", "seq-only"])
def test_event_that_changes_nothing(setup, fields):
    client, _ = setup
    assert_error(client.event(fields), 400, "changes nothing")


@pytest.mark.parametrize("index", [3, 99, -1, True, False, "0", 0.0, None])
def test_run_with_unknown_callback(setup, index):
    client, _ = setup
    error = assert_error(client.event({"run": [{"cb": index, "triggered": []}], "values": {}}), 400, "unknown callback")
    assert repr(index) in error


def test_run_entry_shape(setup):
    client, _ = setup
    assert_error(client.event({"run": {"cb": 0}}), 400, "'run' must be a list")
    assert_error(client.event({"run": [0]}), 400, "{cb, triggered}")
    assert_error(client.event({"run": [{"cb": 0, "triggered": [], "extra": 1}]}), 400, "{cb, triggered}")
    assert_error(client.event({"run": [{"cb": 0, "triggered": "btn.n_clicks"}]}), 400, "list of strings")


def test_run_triggered_not_an_input_of_that_callback(setup):
    client, _ = setup
    # inp.value is an Input of callback 2, only a State of callback 0
    assert_error(client.event({"run": [{"cb": 0, "triggered": ["inp.value"]}]}), 400, "'inp.value'", "callback 0")
    assert_error(client.event({"run": [{"cb": 1, "triggered": ["btn.n_clicks"]}]}), 400, "'btn.n_clicks'", "callback 1")


def test_values_for_a_prop_no_callback_of_the_event_reads(setup):
    client, _ = setup
    # other.children exists and is an Output, but btn.n_clicks' chain never reads it
    assert_error(client.event(with_(values={"btn.n_clicks": 1, "other.children": "x"})), 400, "'other.children'")
    # callback 2's Input is not in this event's read set either
    values = {"btn.n_clicks": 1, "inp.value": "x", "inp.n_submit": 4}
    assert_error(client.event(with_(values=values)), 400, "'inp.n_submit'")


def test_present_of_an_id_no_callback_of_the_event_names(setup):
    client, _ = setup
    assert_error(client.event(with_(present={"btn": [], "other": []})), 400, "'other'")


@pytest.mark.parametrize("ancestry", ["page.children", None, {"a": 1}, [1], [["x.children"]]])
def test_present_with_a_non_list_ancestry(setup, ancestry):
    client, _ = setup
    assert_error(client.event(with_(present={"btn": ancestry})), 400, "present['btn']", "list of strings")


@pytest.mark.parametrize("field,value", [("changed", []), ("values", "x"), ("present", ["btn"]),
                                         ("pending", "out.children"), ("pending", [1])])
def test_fields_of_the_wrong_type(setup, field, value):
    client, _ = setup
    assert_error(client.event(with_(**{field: value})), 400, f"'{field}'")


@pytest.mark.parametrize("seq", ["7", 1.5, True, None, [1]])
def test_seq_not_an_int(setup, seq):
    client, _ = setup
    assert_error(client.event(with_(seq=seq)), 400, "'seq' must be an integer")


@pytest.mark.parametrize("value", [{"type": "Div", "namespace": "html", "props": 5},
                                   [{"type": "Div", "namespace": "html", "props": {"id": 5}}],
                                   {"type": "Div", "namespace": "html", "props": {"children": {"type": "P", "namespace": "html", "props": {"id": []}}}}],
                         ids=["props-not-object", "numeric-id", "nested-list-id"])
def test_changed_value_with_malformed_components(setup, value):
    # out.children is an Input of callback 1; a value that looks like component JSON but is not one
    client, _ = setup
    body = {"changed": {"out.children": value}, "values": {}, "present": {"out": [], "b": []}}
    assert_error(client.event(body), 400, "component")


def test_get_and_other_methods_on_the_event_url_are_405(setup):
    client, _ = setup
    for method in ("GET", "PUT", "DELETE"):
        response = client.request(method, EVENT)
        assert response.status_code == 405, (method, response.status_code)
        assert "POST" in response.headers.get("allow", "")


# --- size limit ---------------------------------------------------------------------------------

LIMIT = 1000


def padded(size: int) -> bytes:
    """A valid event of exactly `size` bytes (the padding is inp.value, which callback 0 reads)."""
    base = len(orjson.dumps(with_(values={"btn.n_clicks": 1, "inp.value": ""})))
    body = orjson.dumps(with_(values={"btn.n_clicks": 1, "inp.value": "p" * (size - base)}))
    assert len(body) == size
    return body


def test_oversized_body_with_content_length_is_413():
    app, calls = make_app(max_event_bytes=LIMIT)
    response = Client(app).post(EVENT, content=padded(LIMIT + 1), headers={"content-type": "application/json"})
    assert response.request.headers["content-length"] == str(LIMIT + 1)
    assert_error(response, 413, str(LIMIT), "max_event_bytes")
    assert calls == []


def test_body_at_the_limit_is_accepted():
    app, calls = make_app(max_event_bytes=LIMIT)
    response = Client(app).post(EVENT, content=padded(LIMIT), headers={"content-type": "application/json"})
    assert response.status_code == 200, response.text
    assert calls and calls[0][0] == "first"


def test_oversized_chunked_body_without_content_length_is_413():
    app, calls = make_app(max_event_bytes=LIMIT)
    body = padded(3 * LIMIT)

    async def chunks():
        for start in range(0, len(body), 256):
            yield body[start:start + 256]

    response = Client(app).post(EVENT, content=chunks(), headers={"content-type": "application/json"})
    assert "content-length" not in response.request.headers
    assert response.request.headers["transfer-encoding"] == "chunked"
    assert_error(response, 413, str(LIMIT), "max_event_bytes")
    assert calls == []


def test_chunked_body_under_the_limit_is_accepted():
    app, calls = make_app(max_event_bytes=LIMIT)
    body = padded(LIMIT - 10)

    async def chunks():
        for start in range(0, len(body), 100):
            yield body[start:start + 100]

    response = Client(app).post(EVENT, content=chunks(), headers={"content-type": "application/json"})
    assert "content-length" not in response.request.headers
    assert response.status_code == 200, response.text
    assert calls


def test_understated_content_length_does_not_lift_the_limit():
    # the header claims a small body; the limit is enforced on what actually arrives
    app, calls = make_app(max_event_bytes=LIMIT)
    scope = {"type": "http", "http_version": "1.1", "method": "POST", "scheme": "http", "path": EVENT,
             "raw_path": EVENT.encode(), "query_string": b"", "root_path": "", "server": ("127.0.0.1", 80),
             "client": ("127.0.0.1", 1234),
             "headers": [(b"host", b"127.0.0.1"), (b"content-type", b"application/json"), (b"content-length", b"10")]}
    body = padded(2 * LIMIT)
    messages = [{"type": "http.request", "body": body[:LIMIT], "more_body": True},
                {"type": "http.request", "body": body[LIMIT:], "more_body": False}]
    sent: list[dict] = []

    async def receive():
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    run(lambda: app.server(scope, receive, send))
    assert sent[0]["status"] == 413
    assert calls == []
