"""Issue 19's verbs as docs/testing.md states them, in the headless Client and in Chromium alike (the
`propwire_driver` fixture runs each test in both), each checked against Dash 4.4.1 in Chromium: text that is
no number typed into a number field leaves it empty and sends None; `select(multi, None)` is the clear x, which
leaves a multi Dropdown's value `[]`; an id typo names the page's closest id."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pytest

from propwire import Dash, Input, Output, dcc, html, set_props
from propwire.testing import Client, ComponentNotFound, WrongComponent

Drive = Callable[..., Any]


def echo_app(component: Any) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([component, html.Div(id="echo")])

    @app.callback(Output("echo", "children"), Input(component.id, "value"), prevent_initial_call=True)
    def echo(value):
        return f"value={value!r}"

    return app


def test_text_that_is_no_number_empties_a_number_field_and_sends_none(propwire_driver: Drive) -> None:
    page = propwire_driver(echo_app(dcc.Input(id="n", type="number", value=3)))
    page.type("n", "12")
    assert page.text("echo") == "value=12"
    page.type("n", "abc")  # Dash 4.4.1 in Chromium: the field is left empty, the value None
    assert page.text("echo") == "value=None" and page.field_text("n") == ""
    page.type("n", "7")
    assert page.text("echo") == "value=7"


def test_select_none_clears_a_multi_dropdown_to_an_empty_list(propwire_driver: Drive) -> None:
    page = propwire_driver(echo_app(dcc.Dropdown(["a", "b", "c"], ["a", "b"], id="m", multi=True)))
    page.select("m", None)  # Dash 4.4.1's clear x on a multi Dropdown: value []
    assert page.text("echo") == "value=[]" and page.prop("m", "value") == []


def test_a_dropdown_that_is_not_clearable_cannot_be_cleared(propwire_driver: Drive) -> None:
    page = propwire_driver(echo_app(dcc.Dropdown(["a", "b"], ["a"], id="m", multi=True, clearable=False)))
    with pytest.raises(WrongComponent, match="'m' cannot be cleared"):
        page.select("m", None)


def test_an_id_typo_names_the_closest_id_of_the_page(propwire_driver: Drive) -> None:
    page = propwire_driver(echo_app(dcc.Input(id="city-name")))
    with pytest.raises(ComponentNotFound, match=r"did you mean 'city-name'\?"):
        page.type("cityname", "Oslo")


def set_props_app(target: str, prop: str = "children", **options: Any) -> Dash:
    app = Dash(__name__, **options)
    app.layout = html.Div([html.Button("go", id="btn"), html.Div(id="city-name"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    def fire(n):
        set_props(target, {prop: "Oslo"})
        return "done"

    return app


SET_PROPS_TYPO = ("Callback 'fire': set_props names an id not in the page: set_props('cityname', ...) was ignored: no "
                  "component of the page has that id; did you mean 'city-name'? If it comes later, set "
                  "Dash(suppress_callback_exceptions=True).")


def test_set_props_to_an_id_typo_is_reported_naming_the_callback_and_the_closest_id(propwire_driver: Drive) -> None:
    # Dash 4.4.1 in Chromium: the update is dropped and "ID running component not found in layout" is reported
    # (console.error; the dev tools too in debug), naming neither the callback nor a fix.
    page = propwire_driver(set_props_app("cityname"))
    page.click("btn")
    assert page.text("out") == "done" and page.text("city-name") == ""
    assert page.errors() == [SET_PROPS_TYPO]


def test_a_background_jobs_set_props_to_an_id_typo_is_reported_as_a_callbacks_is(propwire_driver: Drive,
                                                                                  tmp_path: Any) -> None:
    # The job's set_props reaches the page as it happens (a progress line), not with the result: checked there.
    import diskcache

    from propwire import DiskcacheManager

    app = Dash(__name__, background_callback_manager=DiskcacheManager(diskcache.Cache(str(tmp_path / "cache"))))
    app.layout = html.Div([html.Button("go", id="btn"), html.Div(id="city-name"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), background=True, prevent_initial_call=True)
    def fire(n):
        set_props("cityname", {"children": "Oslo"})
        set_props("city-name", {"title": "t"})
        return "done"

    page = propwire_driver(app)
    page.click("btn")
    page.wait()
    assert page.text("out") == "done" and page.prop("city-name", "title") == "t"
    assert page.errors() == [SET_PROPS_TYPO]


def test_set_props_to_an_absent_id_is_silent_with_suppress_callback_exceptions(propwire_driver: Drive) -> None:
    page = propwire_driver(set_props_app("cityname", suppress_callback_exceptions=True))
    page.click("btn")
    assert page.text("out") == "done" and page.errors() == []


def test_set_props_to_a_present_id_is_no_error(propwire_driver: Drive) -> None:
    page = propwire_driver(set_props_app("city-name"))
    page.click("btn")
    assert page.text("city-name") == "Oslo" and page.errors() == []


def test_set_props_prop_typo_warns_in_debug_mode_with_the_closest_prop(caplog: pytest.LogCaptureFixture) -> None:
    # Dash 4.4.1 in Chromium (debug too): the prop is dropped without a word, the page goes on; so does propwire's,
    # and in debug mode the server's log names the callback, the class and the fix.
    app = set_props_app("city-name", "childen")
    app.debug = True
    with Client(app) as page, caplog.at_level(logging.WARNING, logger="propwire"):
        page.open()
        page.click("btn")
        assert page.text("out") == "done" and page.text("city-name") == "" and page.errors() == []
    warned = [r.getMessage() for r in caplog.records if "set_props" in r.getMessage()]
    assert len(warned) == 1
    assert warned[0].startswith("callback 'fire' (")
    assert warned[0].endswith(": set_props('city-name', {'childen': ...}): html.Div has no prop 'childen'; did you "
                              "mean 'children'? The page ignores it, as Dash's does.")


def test_set_props_prop_typo_is_silent_without_debug(caplog: pytest.LogCaptureFixture) -> None:
    with Client(set_props_app("city-name", "childen")) as page, caplog.at_level(logging.WARNING, logger="propwire"):
        page.open()
        page.click("btn")
        assert page.text("out") == "done"
    assert not [r for r in caplog.records if "set_props" in r.getMessage()]
