"""dcc.Tabs / Tab, Loading, Tooltip, Button, ConfirmDialog(+Provider): declarations, defaults and prop checks."""

import pytest

from propwire import dcc, html
from propwire.components.base import PropError


def props(component):
    return component.to_plotly_json()["props"]


def test_tabs_without_value_pick_the_first_tabs_value_or_tab_1():
    assert dcc.Tabs([dcc.Tab(label="a", value="x"), dcc.Tab(label="b", value="y")]).value == "x"
    # Dash 4.4.1 looks at the first child only: a first Tab without value gives "tab-1"
    assert dcc.Tabs([dcc.Tab(label="a"), dcc.Tab(label="b", value="y")]).value == "tab-1"
    assert dcc.Tabs().value == "tab-1"
    assert dcc.Tabs(dcc.Tab(label="only", value="o")).value == "o"
    assert dcc.Tabs([dcc.Tab(value="x")], value="given").value == "given"


def test_tab_label_may_be_a_component_and_positional_args_follow_dash():
    tab = dcc.Tab(html.P("body"), html.B("bold"), "v", True)
    assert tab.label.to_plotly_json()["type"] == "B" and tab.value == "v" and tab.disabled is True
    tabs = dcc.Tabs([tab], "v", "content", "parent")
    assert (tabs.content_className, tabs.parent_className) == ("content", "parent")


def test_wrong_props_fail_where_written():
    with pytest.raises(PropError, match="vertical"):
        dcc.Tabs(vertical="yes")
    with pytest.raises(PropError, match="type"):
        dcc.Loading(type="spinner")
    with pytest.raises(PropError, match="display"):
        dcc.Loading(display="always")
    with pytest.raises(PropError, match="direction"):
        dcc.Tooltip(direction="up")
    with pytest.raises(PropError, match="type"):
        dcc.Button(type="link")
    with pytest.raises(PropError, match="submit_n_clicks"):
        dcc.ConfirmDialog(submit_n_clicks="1")
    with pytest.raises(PropError, match="no prop 'loading_state_x'"):
        dcc.Loading(loading_state_x=1)


def test_tabs_persist_their_value():
    tabs = dcc.Tabs(id="t", persistence=True, children=[dcc.Tab(value="a"), dcc.Tab(value="b")])
    assert tabs.persistence is True and tabs._persisted == ("value",)
    with pytest.raises(PropError, match="persisted_props"):
        dcc.Tabs(persisted_props=["children"])

def test_counters_start_unset_as_in_dash():
    assert props(dcc.Button("go", id="b")) == {"children": "go", "id": "b"}
    assert props(dcc.ConfirmDialog(id="c", message="sure?")) == {"id": "c", "message": "sure?"}
    provider = dcc.ConfirmDialogProvider(html.Button("x"), id="p", message="m")
    assert provider.children.to_plotly_json()["type"] == "Button"
