"""Start-up validation accepts what Dash 4.4.1 accepts (issue 11, items 10 and 22) and says clearly what it
does not take: call forms, app-wide prevent_initial_callbacks with allow_duplicate, options."""

from __future__ import annotations

import pytest

from propwire import Dash, Input, Output, State, dcc, html
from propwire.api.exceptions import ValidationError


def make_app(*children, **options) -> Dash:
    app = Dash(**options)
    app.layout = html.Div(list(children))
    return app


def test_app_wide_prevent_initial_callbacks_covers_an_allow_duplicate_output():
    app = make_app(html.Button(id="a"), html.Button(id="b"), html.Div(id="out"), prevent_initial_callbacks=True)
    app.callback(Output("out", "children"), Input("a", "n_clicks"))(lambda n: n)
    app.callback(Output("out", "children", allow_duplicate=True), Input("b", "n_clicks"))(lambda n: n)
    assert app.engine


def test_allow_duplicate_without_any_prevent_initial_call_is_still_refused():
    app = make_app(html.Button(id="b"), html.Div(id="out"))

    def dup(n):
        return n

    with pytest.raises(ValidationError, match="prevent_initial_call"):
        app.callback(Output("out", "children", allow_duplicate=True), Input("b", "n_clicks"))(dup)


def test_prevent_initial_call_given_positionally_after_the_dependencies():
    app = make_app(html.Button(id="b"), html.Div(id="out"))
    app.callback(Output("out", "children"), Input("b", "n_clicks"), True)(lambda n: n)
    assert app.engine.graph.callbacks[0].prevent_initial_call is True


def test_dict_groupings_given_positionally():
    app = make_app(html.Button(id="b"), dcc.Input(id="t"), html.Div(id="x"), html.Div(id="y"))

    def f(n, text):
        return {"a": n, "p": text}

    app.callback({"a": Output("x", "children"), "p": Output("y", "children")},
                 {"n": Input("b", "n_clicks"), "text": State("t", "value")})(f)
    cb = app.engine.graph.callbacks[0]
    assert [o.id_str for o in cb.outputs] == ["x", "y"] and cb.keyword
    assert [d.id_str for d in cb.inputs] == ["b"] and [d.id_str for d in cb.states] == ["t"]


def test_unknown_options_are_warned_about_and_dash_only_ones_refused():
    app = make_app(html.Button(id="b"), html.Div(id="out"))
    with pytest.warns(UserWarning, match=r"unknown option\(s\) \['colour'\] ignored"):
        app.callback(Output("out", "children"), Input("b", "n_clicks"), colour="red")(lambda n: n)
    with pytest.raises(TypeError, match=r"does not support the Dash option\(s\) \['api_endpoint'\]"):
        app.callback(Output("out", "title"), Input("b", "n_clicks"), api_endpoint="/x")(lambda n: n)


def test_memoize_option_that_cannot_work_is_refused_naming_the_callback():
    app = make_app(html.Button(id="b"), html.Div(id="out"))

    def f(n):
        return n

    with pytest.raises(ValidationError, match=r"callback 'f' .*memoize= takes True, a ttl in seconds"):
        app.callback(Output("out", "children"), Input("b", "n_clicks"), memoize="yes")(f)
