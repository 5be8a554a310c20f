"""dcc.* components: positional args, defaults, prop types, cross-prop checks, client-owned props."""

import pytest

from propwire import dcc, html
from propwire.components.base import PropError


def props(component):
    return component.to_plotly_json()["props"]


def test_checklist_positional_and_defaults():
    checklist = dcc.Checklist(["All"], [], id="x", inline=True)
    assert checklist.to_plotly_json() == {
        "type": "Checklist",
        "namespace": "dcc",
        "props": {"id": "x", "options": ["All"], "value": [], "inline": True},
    }
    assert props(dcc.Checklist(["a", "b"], id="c")) == {"id": "c", "options": ["a", "b"], "value": [], "inline": False}


def test_default_lists_are_not_shared():
    a, b = dcc.Checklist(["x"], id="a"), dcc.Checklist(["x"], id="b")
    a.value.append("x")
    assert b.value == []


def test_option_shapes():
    assert dcc.Dropdown({"nyc": "New York"}, "nyc", id="d").options == {"nyc": "New York"}
    options = [{"label": "One", "value": 1, "disabled": True}, {"label": html.B("Two"), "value": 2}]
    assert dcc.RadioItems(options, 1, id="r").value == 1
    with pytest.raises(PropError, match="dcc.Dropdown.*'options'"):
        dcc.Dropdown([{"label": "no value"}], id="d")
    with pytest.raises(PropError, match="'options'"):
        dcc.Checklist("abc", id="c")


def test_radio_value_is_scalar_without_default():
    assert "value" not in props(dcc.RadioItems(["a", "b"], id="r"))
    with pytest.raises(PropError, match=r"dcc.RadioItems \(id='r'\): prop 'value'"):
        dcc.RadioItems(["a"], ["a"], id="r")


def test_dropdown_defaults_and_multi_value():
    assert props(dcc.Dropdown(["a", "b"], ["a"], True, id="d")) == {
        "id": "d",
        "options": ["a", "b"],
        "value": ["a"],
        "multi": True,
        "clearable": True,
        "searchable": True,
    }


def test_input_defaults_and_types():
    assert props(dcc.Input(id="i")) == {"id": "i", "type": "text", "debounce": False}
    assert dcc.Input(3, id="i", type="number", debounce=0.5, min=0, max="10").value == 3
    with pytest.raises(PropError) as err:
        dcc.Input(type="date", id="when")
    message = str(err.value)
    assert "dcc.Input" in message and "'when'" in message and "'type'" in message and "'password'" in message
    with pytest.raises(PropError, match=r"\(id='i'\): prop 'value' must be a string or a number, got list"):
        dcc.Input([1], id="i")


def test_textarea_defaults():
    # n_blur and n_clicks stay unset (callbacks read None) until counted, as in Dash 4.4.1
    assert props(dcc.Textarea("hi", id="t")) == {"id": "t", "value": "hi"}


def test_slider_positional_marks_with_int_keys():
    slider = dcc.Slider(min=0, max=20, marks={i: str(i) for i in range(21)}, value=3)
    assert slider.marks[20] == "20" and slider.value == 3
    assert props(dcc.Slider(0, 10, 1, {0: "lo", 10: "hi"}, 5, id="s")) == {
        "id": "s",
        "min": 0,
        "max": 10,
        "step": 1,
        "marks": {0: "lo", 10: "hi"},
        "value": 5,
        "updatemode": "mouseup",
    }
    assert dcc.Slider(0, 1, marks={"0.5": {"label": "half", "style": {"color": "red"}}}).marks
    with pytest.raises(PropError, match="'marks'"):
        dcc.Slider(0, 1, marks={"middle": "x"})


def test_slider_min_above_max_rejected():
    with pytest.raises(PropError) as err:
        dcc.Slider(10, 0, id="s")
    message = str(err.value)
    assert "dcc.Slider" in message and "'s'" in message and "'min'" in message and "'max'" in message
    slider = dcc.Slider(0, 10, id="s")
    with pytest.raises(PropError, match="'min'"):
        slider.min = 11
    assert slider.min == 0


def test_range_slider():
    rs = dcc.RangeSlider(0, 100, 10, value=[20, 80], id="r", allowCross=False, pushable=5, count=1)
    assert rs.value == [20, 80]
    with pytest.raises(PropError, match="a list of a number"):
        dcc.RangeSlider(0, 100, value=5, id="r")
    with pytest.raises(PropError, match="dcc.RangeSlider.*'min'"):
        dcc.RangeSlider(5, 1)


def test_store_interval_location_positional_id_and_defaults():
    assert props(dcc.Store("s")) == {"id": "s", "storage_type": "memory"}
    assert props(dcc.Interval("t")) == {"id": "t", "interval": 1000, "n_intervals": 0, "max_intervals": -1}
    assert props(dcc.Location("url")) == {"id": "url", "refresh": False}
    assert dcc.Location("url", refresh="callback-nav").refresh == "callback-nav"
    with pytest.raises(PropError, match="'refresh'"):
        dcc.Location("url", refresh="yes")
    with pytest.raises(PropError, match="'storage_type'"):
        dcc.Store("s", storage_type="disk")


def test_client_owned_props():
    assert dcc.Store("s").client_owned_props() == frozenset()
    assert dcc.Store("s", storage_type="local").client_owned_props() == {"data", "modified_timestamp"}
    assert dcc.Store("s", storage_type="session").client_owned_props() == {"data", "modified_timestamp"}
    assert dcc.Location("url").client_owned_props() == {"hash", "href"}
    assert dcc.Input(id="i").client_owned_props() == frozenset()
    assert html.Div().client_owned_props() == frozenset()


def test_link_and_markdown():
    assert props(dcc.Link("Home", "/", id="l")) == {"id": "l", "children": "Home", "href": "/", "refresh": False}
    assert props(dcc.Markdown(["# A", "b"])) == {"children": ["# A", "b"], "dangerously_allow_html": False, "dedent": True}
    with pytest.raises(PropError, match="dcc.Markdown.*'children'"):
        dcc.Markdown(html.P("x"))


def test_unknown_dcc_prop_lists_allowed():
    with pytest.raises(PropError) as err:
        dcc.Interval("t", every=5)
    message = str(err.value)
    assert "dcc.Interval has no prop 'every'" in message
    assert "Allowed props: disabled, id, interval, max_intervals, n_intervals" in message


def test_a_prop_typo_in_a_layout_suggests_the_prop():
    """As an Output typo does (issue 19): the closest prop first, then the list; no guess when none is close."""
    with pytest.raises(PropError, match=r"dcc.Input has no prop 'placholder'; did you mean 'placeholder'\? "
                                        r"Allowed props: autoComplete"):
        dcc.Input(placholder="City")
    with pytest.raises(PropError, match=r"dcc.Input has no prop 'zzz'\. Allowed props"):
        dcc.Input(zzz=1)


def test_components_nest_in_html():
    page = html.Div([dcc.Input(id="i"), html.Br()], id="page")
    assert [c.to_plotly_json()["type"] for c in page._traverse()] == ["Input", "Br"]


def test_persistence_props_are_declared_and_checked():
    for make in (lambda **p: dcc.Input(id="i", **p), lambda **p: dcc.Textarea(id="t", **p),
                 lambda **p: dcc.Checklist(["a"], id="c", **p), lambda **p: dcc.RadioItems(["a"], id="r", **p),
                 lambda **p: dcc.Dropdown(["a"], id="d", **p), lambda **p: dcc.Slider(0, 1, id="s", **p),
                 lambda **p: dcc.RangeSlider(0, 1, id="rs", **p)):
        comp = make(persistence="user-1", persisted_props=["value"], persistence_type="session")
        assert (comp.persistence, comp.persisted_props, comp.persistence_type) == ("user-1", ["value"], "session")
        for bad, message in ((dict(persistence_type="disk"), "'persistence_type' must be one of"),
                             (dict(persisted_props=["options"]), "'persisted_props' must be"),
                             (dict(persistence=[1]), "'persistence' must be")):
            with pytest.raises(PropError, match=message):
                make(**bad)
    at = dcc.Input._positional.index("persistence")  # Dash's order: after className
    assert dcc.Input._positional[at - 1] == "className"
    assert dcc.Input(*[None] * at, True).persistence is True


def test_persisted_props_are_the_browsers_at_load_while_persistence_is_on():
    assert dcc.Input(id="i", persistence=True).client_owned_props() == {"value"}
    assert dcc.Dropdown(["a"], id="d", persistence="k").client_owned_props() == {"value"}
    assert dcc.Input(id="i", persistence=True, persisted_props=[]).client_owned_props() == frozenset()
    for off in (False, 0, ""):
        assert dcc.Input(id="i", persistence=off).client_owned_props() == frozenset()
    assert dcc.Input(id="i").client_owned_props() == frozenset()
