"""html.* elements: declared props, wildcards, void elements, JSON form."""

import pytest

from propwire import html
from propwire.components.base import PropError
from propwire.components.html_elements import ELEMENTS, GLOBAL_ATTRIBUTES, VOID


def test_every_table_element_is_a_class_with_globals():
    assert sorted(html.__all__) == sorted(ELEMENTS)
    for name, attrs in ELEMENTS.items():
        cls = getattr(html, name)
        assert cls._namespace == "html" and cls._type == name
        expected = set(GLOBAL_ATTRIBUTES) | set(attrs)
        if name in VOID:
            expected.discard("children")
        assert set(cls._props) == expected, name
        assert cls.__doc__.startswith(f"The <{name.lower()}> element.")


def test_positional_children_and_json_shape():
    div = html.Div([html.P("x")], id="a", className="box")
    assert div.to_plotly_json() == {
        "type": "Div",
        "namespace": "html",
        "props": {"id": "a", "children": [html.P("x")], "className": "box"},
    }
    assert div.children[0].to_plotly_json() == {"type": "P", "namespace": "html", "props": {"children": "x"}}


def test_element_attributes_use_react_spelling():
    assert html.Td("1", colSpan=2, rowSpan="3", headers="h").colSpan == 2
    assert html.Label("Name", htmlFor="name").htmlFor == "name"
    assert html.A("docs", href="/docs", target="_blank", referrerPolicy="no-referrer").href == "/docs"
    with pytest.raises(PropError, match="'colspan'"):
        html.Td("1", colspan=2)


def test_unknown_prop_names_component_prop_and_allowed():
    with pytest.raises(PropError) as err:
        html.Div("x", id="a", href="/nope")
    message = str(err.value)
    assert "html.Div" in message and "'href'" in message
    assert "Allowed props:" in message and "className" in message and "n_clicks" in message


def test_wrong_type_names_id_prop_and_expected_type():
    with pytest.raises(PropError) as err:
        html.Div("x", style="color: red", id="box")
    message = str(err.value)
    assert "html.Div" in message and "'box'" in message and "'style'" in message and "a dict" in message
    with pytest.raises(PropError, match="n_clicks.*an integer"):
        html.Button("go", id="b", n_clicks="3")
    with pytest.raises(PropError, match="'dir' must be one of 'ltr', 'rtl', 'auto'"):
        html.P("x", dir="up")


def test_data_and_aria_wildcards():
    div = html.Div("x", **{"data-row": 3, "aria-label": "row three"})
    assert div.to_plotly_json()["props"] == {"children": "x", "data-row": 3, "aria-label": "row three"}
    with pytest.raises(PropError, match="'datarow'"):
        html.Div(datarow=3)


@pytest.mark.parametrize("name", sorted(VOID))
def test_void_elements_reject_children(name):
    cls = getattr(html, name)
    assert "children" not in cls._props
    assert cls(id="v").to_plotly_json() == {"type": name, "namespace": "html", "props": {"id": "v"}}
    with pytest.raises(PropError, match=f"html.{name} has no prop 'children'"):
        cls(children="text")
    with pytest.raises(PropError, match=f"html.{name} has no prop 'children'"):
        cls("text")  # positionally too (Dash's order puts children first, so it is no longer "no positional arguments")


def test_string_id_with_dot_rejected_dict_id_accepted():
    with pytest.raises(PropError, match="'id' must be a non-empty string without '.'"):
        html.Div(id="a.b")
    with pytest.raises(PropError):
        html.Div(id="")
    assert html.Div(id={"type": "item", "index": 1}).id == {"type": "item", "index": 1}


def test_html_has_no_construction_defaults():
    assert html.Button("go", id="b").to_plotly_json()["props"] == {"id": "b", "children": "go"}


def test_assignment_is_validated():
    div = html.Div(id="a")
    div.className = "wide"
    assert div.className == "wide"
    with pytest.raises(PropError, match="'hidden'"):
        div.hidden = "yes"
    assert div.hidden is None
