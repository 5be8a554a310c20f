"""LayoutView.matching: a bound MATCH id is a lookup; it must give what a scan of every id gives."""

import itertools
import json

from propwire import ALL, ALLSMALLER, MATCH, html
from propwire.api.dependencies import id_matches
from propwire.api.serialize import to_json_value
from propwire.core.layout import LayoutView


def page(children: list) -> LayoutView:
    return LayoutView.from_layout(to_json_value(html.Div(children, id="root"))[0])


def scan(view: LayoutView, pattern: dict, binding=None) -> list[str]:
    """The reference: every present dict id checked one by one, in layout order."""
    return [i for i in view.present if i.startswith("{") and id_matches(pattern, json.loads(i), binding)]


IDS = [{"type": "btn", "index": i} for i in range(5)] + [
    {"type": "out", "index": 2}, {"type": "out", "index": 2.0, "x": 1}, {"type": "flag", "index": True},
    {"type": "flag", "index": 1.5}, {"type": "btn", "index": "2"},
]


def test_every_pattern_and_binding_agrees_with_a_scan():
    view = page([html.Div(id=i) for i in IDS])
    patterns = [{"type": t, "index": w} for t, w in itertools.product(["btn", "out", "flag", "none"],
                                                                       [MATCH, ALL, ALLSMALLER, 2, "2", 1.0])]
    patterns += [{"type": "out", "index": MATCH, "x": MATCH}, {"type": MATCH, "index": 2}, {"index": MATCH}]
    bindings = [None, (("index", 2),), (("index", 2.0),), (("index", True),), (("index", "2"),),
                (("index", 2), ("x", 1)), (("type", "btn"),), (("type", "btn"), ("index", 3))]
    for pattern, binding in itertools.product(patterns, bindings):
        assert view.matching(pattern, binding) == scan(view, pattern, binding), (pattern, binding)


def test_id_values_compare_as_in_the_browser():
    """3 and 3.0 are one number (as in JavaScript); True is not 1 (was: found, as Python's True == 1 would have it)."""
    view = page([html.Div(id={"type": "flag", "index": True}), html.Div(id={"type": "flag", "index": 3.0}),
                 html.Div(id={"type": "flag", "index": 1})])
    flag = {"type": "flag", "index": MATCH}
    assert view.matching(flag, (("index", 1),)) == ['{"index":1,"type":"flag"}']
    assert view.matching(flag, (("index", True),)) == ['{"index":true,"type":"flag"}']
    assert view.matching(flag, (("index", 3),)) == ['{"index":3.0,"type":"flag"}']
    assert view.matching({"type": "flag", "index": True}) == ['{"index":true,"type":"flag"}']


def test_lookups_follow_components_added_and_removed():
    view = page([html.Div(id="box", children=[html.Span(id={"type": "item", "index": 1})])])
    item = {"type": "item", "index": MATCH}
    assert view.matching(item, (("index", 1),)) == ['{"index":1,"type":"item"}']
    view.set("box.children", to_json_value([html.Span(id={"type": "item", "index": 2})])[0])
    assert view.matching(item, (("index", 1),)) == []
    assert view.matching(item, (("index", 2),)) == ['{"index":2,"type":"item"}']
    view.set("box.children", "just text")
    assert view.matching(item, (("index", 2),)) == [] and view.matching({"type": "item", "index": ALL}) == []
