"""The headless Client itself: pattern-matching ids, Patch, set_props follow-ups, cookies, errors, each verb."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import pytest

from propwire import ALL, MATCH, Dash, Input, Output, Patch, State, callback_context, dcc, html, no_update, set_props
from propwire.api.exceptions import PreventUpdate
from propwire.testing import Client, ComponentNotFound, EventRejected, WrongComponent
from propwire.testing.components import js_number, parse_number, text_of

Drive = Callable[..., Client]


def statuses(page: Client) -> list[tuple[str, str]]:
    return [(c.name, c.status) for c in page.calls()]


# -- pattern-matching ids --------------------------------------------------------------------

def todo_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("add", id="add"), html.Div(id="items", children=[]), html.Div(id="total")])

    @app.callback(Output("items", "children"), Input("add", "n_clicks"), State("items", "children"),
                  prevent_initial_call=True)
    def add(n, children):
        item = html.Div([dcc.Input(id={"type": "item", "index": n}, value=f"v{n}"),
                         html.Span(id={"type": "echo", "index": n})])
        return children + [item]

    @app.callback(Output("total", "children"), Input({"type": "item", "index": ALL}, "value"))
    def total(values):
        return ",".join(values)

    @app.callback(Output({"type": "echo", "index": MATCH}, "children"),
                  Input({"type": "item", "index": MATCH}, "value"))
    def echo(value):
        return value.upper()

    return app


def test_pattern_matching_ids_are_expanded_and_matched(propwire_client: Drive) -> None:
    page = propwire_client(todo_app())
    assert page.text("total") == ""
    page.click("add")
    page.click("add")
    assert page.text("total") == "v1,v2"
    assert page.exists({"type": "item", "index": 2})
    assert page.text({"index": 2, "type": "echo"}) == "V2"  # key order does not matter
    page.type({"type": "item", "index": 1}, "hello")
    assert page.text("total") == "hello,v2"
    assert page.text({"type": "echo", "index": 1}) == "HELLO"
    assert page.text({"type": "echo", "index": 2}) == "V2"
    assert [(c.name, c.triggered) for c in page.calls()] == [
        ("total", ['{"index":1,"type":"item"}.value']), ("echo", ['{"index":1,"type":"item"}.value'])]


def test_missing_dict_id_is_named_in_the_error(propwire_client: Drive) -> None:
    page = propwire_client(todo_app())
    with pytest.raises(ComponentNotFound, match=r'no component with id \{"index":9,"type":"item"\} in the page'):
        page.type({"type": "item", "index": 9}, "x")


# -- Patch, set_props, running ---------------------------------------------------------------

def test_patch_results_are_applied_to_the_props(propwire_client: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("more", id="more"), html.Ul(id="list", children=[html.Li("a")]),
                           html.Div("styled", id="box", style={"color": "red"})])

    @app.callback(Output("list", "children"), Output("box", "style"), Input("more", "n_clicks"),
                  prevent_initial_call=True)
    def more(n):
        items, style = Patch(), Patch()
        items.append(html.Li(f"item {n}"))
        style["fontWeight"] = "bold"
        return items, style

    page = propwire_client(app)
    page.click("more")
    page.click("more")
    assert page.text("list") == "aitem 1item 2"
    assert page.prop("box", "style") == {"color": "red", "fontWeight": "bold"}
    assert page.calls()[0].outputs == ["list.children", "box.style"]


def test_set_props_named_in_the_callback_runs_its_listeners_in_the_same_event(propwire_client: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("go", id="go"), dcc.Input(id="side", value=""), html.Div(id="out"),
                           html.Div(id="echo")])

    @app.callback(Output("out", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
    def go(n):
        set_props("side", {"value": f"set {n}"})
        return f"clicked {n}"

    @app.callback(Output("echo", "children"), Input("side", "value"), prevent_initial_call=True)
    def echo(value):
        return f"echo: {value}"

    page = propwire_client(app)
    page.click("go")
    assert page.text("echo") == "echo: set 1"
    assert statuses(page) == [("go", "ran"), ("echo", "ran")]
    assert [c.event for c in page.calls()] == [1, 1]


def test_set_props_on_an_undescribed_component_comes_back_as_a_follow_up(propwire_client: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("go", id="go"), dcc.Input(id="side", value=""), html.Div(id="out"),
                           html.Div(id="echo")])
    update = set_props  # under another name the graph cannot see it: the listener is deferred

    @app.callback(Output("out", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
    def go(n):
        update("side", {"value": f"set {n}"})
        return f"clicked {n}"

    @app.callback(Output("echo", "children"), Input("side", "value"), prevent_initial_call=True)
    def echo(value):
        return f"echo: {value}"

    page = propwire_client(app)
    page.click("go")
    assert page.prop("side", "value") == "set 1"
    assert page.text("echo") == "echo: set 1"
    assert statuses(page) == [("go", "ran"), ("echo", "deferred"), ("echo", "ran")]
    assert [c.event for c in page.calls()] == [1, 1, 2]  # the follow-up is a second event


def test_running_props_are_set_while_the_callback_runs_and_reset_after(propwire_client: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("run", id="run"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("run", "n_clicks"), prevent_initial_call=True,
                  running=[(Output("run", "disabled"), True, False)])
    def work(n):
        return f"done {n}"

    page = propwire_client(app)
    page.click("run")
    assert page.text("out") == "done 1"
    assert page.prop("run", "disabled") is False


# -- cookies ---------------------------------------------------------------------------------

class RecordingApp:
    """The app, with its ASGI server wrapped to note the Cookie header of each request."""

    def __init__(self, app: Dash):
        self.engine = app.engine
        self.server = self  # an ASGI app itself
        self._inner = app.server
        self.cookie_headers: list[str] = []

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            self.cookie_headers.append(dict(scope["headers"]).get(b"cookie", b"").decode())
        await self._inner(scope, receive, send)


def test_cookies_from_headers_and_late_cookie_lines_are_kept_and_sent(propwire_client: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("login", id="login"), html.Div(id="a"), html.Div(id="b")])

    @app.callback(Output("a", "children"), Input("login", "n_clicks"), prevent_initial_call=True)
    def fast(n):
        callback_context.response.set_cookie("early", "1")
        return "fast"

    @app.callback(Output("b", "children"), Input("login", "n_clicks"), prevent_initial_call=True)
    async def slow(n):
        await asyncio.sleep(0.2)  # finishes after the headers went out: its cookie comes as a `cookies` line
        callback_context.response.set_cookie("late", "2")
        return "slow"

    recording = RecordingApp(app)
    page = propwire_client(recording)
    page.click("login")
    assert page.cookies == {"early": "1", "late": "2"}
    page.open("/")
    assert "early=1" in recording.cookie_headers[-1] and "late=2" in recording.cookie_headers[-1]


# -- errors ----------------------------------------------------------------------------------

def test_callback_errors_are_reported_without_internals_and_the_app_keeps_working(propwire_client: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("boom", id="boom"), html.Button("ok", id="ok"), html.Div(id="out"),
                           html.Div(id="after")])

    @app.callback(Output("out", "children", allow_duplicate=True), Input("boom", "n_clicks"),
                  prevent_initial_call=True)
    def explode(n):
        raise ValueError("secret internals")

    @app.callback(Output("after", "children"), Input("out", "children"), prevent_initial_call=True)
    def downstream(value):
        return "should not run"

    @app.callback(Output("out", "children", allow_duplicate=True), Input("ok", "n_clicks"),
                  prevent_initial_call=True)
    def fine(n):
        return "fine"

    page = propwire_client(app)
    page.click("boom")
    assert statuses(page) == [("explode", "error: callback 'explode' failed; see the server log")]
    assert page.errors() == ["callback 'explode' failed; see the server log"]
    assert "secret" not in " ".join(page.errors())
    assert page.text("after") == ""
    page.click("ok")
    assert page.text("out") == "fine"
    assert page.text("after") == "should not run"


def test_prevent_update_and_no_update_statuses(propwire_client: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Input(id="n", type="number", value=1), html.Div(id="a"), html.Div(id="b")])

    @app.callback(Output("a", "children"), Output("b", "children"), Input("n", "value"))
    def show(n):
        if n is None:
            raise PreventUpdate
        return (no_update, f"odd {n}") if n % 2 else (f"even {n}", no_update)

    page = propwire_client(app)
    assert (page.text("a"), page.text("b")) == ("", "odd 1")
    page.type("n", "4")
    assert (page.text("a"), page.text("b")) == ("even 4", "odd 1")
    page.type("n", "")
    assert statuses(page) == [("show", "skipped: PreventUpdate")]


def test_an_id_typo_in_a_verb_suggests_the_id_of_the_page(propwire_client: Drive) -> None:
    """The error names the page's closest id (issue 19): `cityname` for `city-name`; a far id gets no guess."""
    app = Dash(__name__)
    app.layout = html.Div([dcc.Input(id="city-name"), html.Div(id="out")])
    page = propwire_client(app)
    with pytest.raises(ComponentNotFound, match=r"no component with id 'cityname' in the page; did you mean "
                                                r"'city-name'\?$"):
        page.type("cityname", "Oslo")
    with pytest.raises(ComponentNotFound, match=r"no component with id 'zzz' in the page$"):
        page.prop("zzz", "value")
    with pytest.raises(WrongComponent, match=r"which has no prop 'valeu'; did you mean 'value'\? Allowed props"):
        page.set_prop("city-name", "valeu", "x")


def test_verbs_on_missing_or_wrong_components_raise_clear_errors(propwire_client: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("b", id="btn"), dcc.Input(id="field"), html.Div(id="out"),
                           dcc.Checklist(["x", "y"], [], id="boxes"), html.Button("off", id="off", disabled=True)])
    page = propwire_client(app)
    with pytest.raises(ComponentNotFound, match="no component with id 'x' in the page"):
        page.click("x")
    with pytest.raises(ComponentNotFound):
        page.text("x")
    with pytest.raises(WrongComponent, match="cannot type into 'btn': it is an html.Button"):
        page.type("btn", "hi")
    with pytest.raises(WrongComponent, match="cannot click 'field': it is a dcc.Input"):
        page.click("field")
    with pytest.raises(WrongComponent, match="cannot select 'boxes'"):
        page.select("boxes", "x")
    with pytest.raises(ValueError, match="'boxes' has no option 'z'; its options are: 'x', 'y'"):
        page.check("boxes", "z")
    with pytest.raises(WrongComponent, match="disabled"):
        page.click("off")
    assert not page.exists("x") and page.exists("btn")


# -- the verbs -------------------------------------------------------------------------------

def echo_app(component: Any, *props: str) -> Dash:
    """An app that shows in #echo the props of `component` that last changed, as 'prop=value' pairs."""
    app = Dash(__name__)
    app.layout = html.Div([component, html.Div(id="echo")])

    @app.callback(Output("echo", "children"), [Input(component.id, p) for p in props], prevent_initial_call=True)
    def echo(*values):
        return " ".join(f"{p}={v!r}" for p, v in zip(props, values))

    return app


def test_click_counts_and_bubbles_to_enclosing_elements(propwire_client: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Div(html.Button("in", id="inner"), id="outer"), html.Div(id="echo")])

    @app.callback(Output("echo", "children"), Input("inner", "n_clicks"), Input("outer", "n_clicks"))
    def echo(inner, outer):
        return f"{inner} {outer}"

    page = propwire_client(app)
    assert page.text("echo") == "None None"
    page.click("inner")
    page.click("inner")
    assert page.text("echo") == "2 2"
    assert page.prop("inner", "n_clicks_timestamp") >= int(time.time() * 1000) - 60_000
    page.click("outer")
    assert page.text("echo") == "2 3"


def test_type_without_debounce_sends_and_enter_counts(propwire_client: Drive) -> None:
    page = propwire_client(echo_app(dcc.Input(id="i"), "value", "n_submit"))
    page.type("i", "abc")
    assert page.text("echo") == "value='abc' n_submit=None"  # unset until counted, as in Dash 4.4.1
    page.type("i", "abc", enter=True)
    assert page.text("echo") == "value='abc' n_submit=1"
    assert page.prop("i", "n_submit_timestamp") is not None


def test_type_with_debounce_true_waits_for_enter_or_blur(propwire_client: Drive) -> None:
    page = propwire_client(echo_app(dcc.Input(id="i", debounce=True), "value", "n_blur"))
    page.type("i", "hi")
    assert page.calls() == [] and page.prop("i", "value") is None
    page.blur("i")
    assert page.text("echo") == "value='hi' n_blur=1"
    assert len(page.calls()) == 1  # value and n_blur in one event


def test_type_with_debounce_seconds_is_sent_at_the_end(propwire_client: Drive) -> None:
    page = propwire_client(echo_app(dcc.Input(id="i", debounce=0.5), "value"))
    page.type("i", "slow")
    assert page.text("echo") == "value='slow'"


def test_number_fields_send_numbers_or_none(propwire_client: Drive) -> None:
    page = propwire_client(echo_app(dcc.Input(id="n", type="number", min=0, max=10), "value"))
    page.type("n", "4")
    assert page.prop("n", "value") == 4 and isinstance(page.prop("n", "value"), int)
    page.type("n", "11")  # out of range: the browser says invalid, the value is None
    assert page.prop("n", "value") is None
    page.type("n", "abc")  # no number: the field is left empty and sends None (tests/testing/test_client_issue19.py)
    assert page.prop("n", "value") is None and page.field_text("n") == ""


def test_parse_number_follows_the_browser_validity_rules() -> None:
    assert parse_number("42", {}) == 42
    assert parse_number("4.0", {}) == 4
    assert parse_number("", {}) is None
    assert parse_number("2.5", {}) is None  # the default step is 1
    assert parse_number("2.5", {"step": "any"}) == 2.5
    assert parse_number("2.5", {"step": 0.5}) == 2.5
    assert parse_number("3", {"min": 1, "step": 2}) == 3
    assert parse_number("4", {"min": 1, "step": 2}) is None
    assert parse_number("98.6", {}, 98.6) == 98.6  # steps count from the value the field already had
    assert parse_number("36.6", {}, 37) is None


def test_textarea_and_blur(propwire_client: Drive) -> None:
    page = propwire_client(echo_app(dcc.Textarea(id="t"), "value", "n_blur"))
    page.type("t", "line one\nline two")
    assert page.text("echo") == "value='line one\\nline two' n_blur=None"
    page.blur("t")
    assert page.prop("t", "n_blur") == 1


def test_select_dropdown_single_multi_and_radio(propwire_client: Drive) -> None:
    page = propwire_client(echo_app(dcc.Dropdown(["a", "b", "c"], "a", id="d"), "value"))
    page.select("d", "c")
    assert page.text("echo") == "value='c'"
    page.select("d", None)
    assert page.prop("d", "value") is None
    with pytest.raises(ValueError, match="one value, not a list"):
        page.select("d", ["a"])

    page = propwire_client(echo_app(dcc.Dropdown(["a", "b", "c"], [], id="m", multi=True), "value"))
    page.select("m", ["c", "a"])
    assert page.prop("m", "value") == ["c", "a"]

    page = propwire_client(echo_app(dcc.RadioItems({"r": "Red", "g": "Green"}, "r", id="r"), "value"))
    page.select("r", "g")
    assert page.text("echo") == "value='g'"
    page.select("r", "g")  # the checked radio: nothing happens
    assert page.calls() == []


def test_check_toggles_in_the_order_checked(propwire_client: Drive) -> None:
    page = propwire_client(echo_app(dcc.Checklist(["x", "y", "z"], [], id="c"), "value"))
    page.check("c", "z")
    page.check("c", "x")
    assert page.prop("c", "value") == ["z", "x"]  # a newly checked option goes at the end, as in Dash 4.4.1
    page.check("c", "z")
    assert page.text("echo") == "value=['x']"


def test_navigate_and_links_move_every_location(propwire_client: Drive) -> None:
    app = Dash(__name__, suppress_callback_exceptions=True)
    app.layout = html.Div([dcc.Location(id="url"), dcc.Link("Reports", href="/reports?year=2024", id="link"),
                           html.Div(id="page")])

    @app.callback(Output("page", "children"), Input("url", "pathname"), State("url", "search"))
    def route(pathname, search):
        return f"page {pathname}{search}"

    page = propwire_client(app, "/start")
    assert page.text("page") == "page /start"
    assert page.prop("url", "href") == "http://127.0.0.1/start"
    page.click("link")
    assert page.text("page") == "page /reports?year=2024"
    page.navigate("/other#top")
    assert page.text("page") == "page /other"
    assert page.prop("url", "hash") == "#top"


def test_a_callback_setting_the_pathname_moves_the_page(propwire_client: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Location(id="url"), html.Button("go", id="go"), html.Div(id="where")])

    @app.callback(Output("url", "pathname"), Input("go", "n_clicks"), prevent_initial_call=True)
    def go(n):
        return "/done"

    @app.callback(Output("where", "children"), Input("url", "href"))
    def where(href):
        return href

    page = propwire_client(app)
    page.click("go")
    assert page.url == "http://127.0.0.1/done"
    assert page.text("where") == "http://127.0.0.1/done"


def test_local_store_persists_across_page_loads(propwire_client: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Store(id="s", storage_type="local"), html.Button("+", id="inc"),
                           html.Div(id="count"), html.Div(id="stamp")])

    @app.callback(Output("s", "data"), Input("inc", "n_clicks"), State("s", "data"), prevent_initial_call=True)
    def inc(n, data):
        return (data or 0) + 1

    @app.callback(Output("count", "children"), Input("s", "data"))
    def show(data):
        return f"count {data}"

    @app.callback(Output("stamp", "children"), Input("s", "modified_timestamp"), prevent_initial_call=True)
    def stamp(ts):
        return "stamped" if ts else "no stamp"

    page = propwire_client(app)
    assert page.text("count") == "count None"
    page.click("inc")
    page.click("inc")
    assert page.text("count") == "count 2"
    assert page.text("stamp") == "stamped"
    assert page.local_storage["s"] == "2"
    assert int(page.local_storage["s-timestamp"]) == page.prop("s", "modified_timestamp")  # the stamp is kept too
    page.open("/")  # a reload: the stored data comes back
    assert page.text("count") == "count 2"


def test_text_is_like_text_content(propwire_client: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([
        html.Div(["a", 1, 2.0, 0.5, html.B(["b", html.I("c")]), dcc.Input(value="not text")], id="mix"),
        dcc.Markdown("# Title\n\nSome *text*", id="md"),
    ])
    page = propwire_client(app)
    assert page.text("mix") == "a120.5bc"
    assert page.text("md") == "# Title\n\nSome *text*"


def test_js_number_spelling() -> None:
    assert [js_number(v) for v in (1, 2.0, 0.5, 1e21, 1.5e-7, 1e-5, -3.25)] == [
        "1", "2", "0.5", "1e+21", "1.5e-7", "0.00001", "-3.25"]
    assert text_of({"a": 1}) == '{"a":1}'


# -- overlapping actions ---------------------------------------------------------------------

def test_slow_then_fast_the_third_callback_waits_for_the_slow_one(propwire_client: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("fast", id="fast"), html.Button("slow", id="slow"),
                           html.Div(id="one"), html.Div(id="two"), html.Div(id="three")])
    seen: list[tuple[Any, Any]] = []

    @app.callback(Output("one", "children"), Input("fast", "n_clicks"), prevent_initial_call=True)
    def first(n):
        return f"fast {n}"

    @app.callback(Output("two", "children"), Input("slow", "n_clicks"), prevent_initial_call=True)
    async def second(n):
        await asyncio.sleep(0.4)
        return f"slow {n}"

    @app.callback(Output("three", "children"), Input("one", "children"), Input("two", "children"),
                  prevent_initial_call=True)
    def third(one, two):
        seen.append((one, two))
        return f"{one} + {two}"

    page = propwire_client(app)
    page.click("slow", wait=False)
    time.sleep(0.1)
    page.click("fast")  # waits for everything still running, the slow event included
    assert page.text("three") == "fast 1 + slow 1"
    assert seen[-1] == ("fast 1", "slow 1")
    assert ("fast 1", None) not in seen, "third ran with the slow output still pending (S2)"
    assert page.errors() == []


def test_a_rejected_event_raises_or_is_recorded(propwire_client: Drive) -> None:
    app = Dash(__name__, max_event_bytes=200)
    app.layout = html.Div([dcc.Input(id="i"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("i", "value"), prevent_initial_call=True)
    def show(value):
        return value

    page = propwire_client(app)
    with pytest.raises(EventRejected, match=r"Event 1 was rejected \(HTTP 413\)"):
        page.type("i", "x" * 500)
    lenient = propwire_client(app, strict=False)
    lenient.type("i", "y" * 500)
    assert lenient.errors() and "HTTP 413" in lenient.errors()[0]
    lenient.type("i", "short")  # the page keeps working
    assert lenient.text("out") == "short"
