"""A callback inserting a component with persistence on: the browser may replace its persisted props with kept
edits as it inserts it, so the engine does not know them and their readers come back deferred (propwire/core/
layout.py, docs/components.md "Persistence")."""

from __future__ import annotations

from propwire.core.layout import LayoutView


def _input(**props):
    return {"namespace": "dcc", "type": "Input", "props": {"value": "start", **props}}


def test_inserted_persisted_props_are_unknown_to_the_engine():
    view = LayoutView({"box.children": None}, {"box": []})
    view.set("box.children", [_input(id="kept", persistence=True), _input(id="plain"),
                              _input(id="off", persistence=False), _input(id="none", persistence=1, persisted_props=[])])
    assert not view.knows_value("kept.value")
    assert view.knows_value("kept.persistence")
    assert view.knows_value("plain.value") and view.knows_value("off.value") and view.knows_value("none.value")


def test_a_value_the_browser_then_sends_is_known_again():
    view = LayoutView({"box.children": None}, {"box": []})
    view.set("box.children", _input(id="kept", persistence="k"))
    view.set("kept.value", "typed")
    assert view.knows_value("kept.value") and view.get("kept.value") == "typed"
