"""A component outside propwire, added through its declaration alone (a Component class with `_verbs` and a
`_bundle`) plus a hand-written UMD bundle: both drivers play its verbs, the renderer loads the bundle on first
use, and the bundle's components run on the page's own React (docs/components.md)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from propwire import Dash, Input, Output, html
from propwire.components import spec
from propwire.components.base import ID, INTEGER, LIST, NODE, STRING, Component
from propwire.components.spec import Bundle, Verb
from propwire.testing import WrongComponent

BUNDLE = Path(__file__).resolve().parent / "toy_bundle"


class Toy:
    """The toy library's classes, declared for one module's tests and forgotten after."""

    def __init__(self) -> None:
        script = Bundle(script="/assets/toy.js")

        class Counter(Component):
            _namespace, _type = "toy", "Counter"
            _props = {"id": ID, "clicks": INTEGER, "label": STRING}
            _verbs = {"click": Verb("clicks", "count")}
            _bundle = script

        class Field(Component):
            _namespace, _type = "toy", "Field"
            _props = {"id": ID, "children": NODE, "text": STRING}
            _verbs = {"type": Verb("text")}
            _bundle = script

        class Picker(Component):
            _namespace, _type = "toy", "Picker"
            _props = {"id": ID, "options": LIST, "choice": STRING}
            _verbs = {"select": Verb("choice")}
            _bundle = script

        class Tags(Component):
            _namespace, _type = "toy", "Tags"
            _props = {"id": ID, "options": LIST, "value": LIST}
            _verbs = {"check": Verb("value", "toggle")}
            _bundle = script

        self.Counter, self.Field, self.Picker, self.Tags = Counter, Field, Picker, Tags
        self.classes = [Counter, Field, Picker, Tags]


@pytest.fixture(scope="module")
def toy() -> Iterator[Toy]:
    made = Toy()
    yield made
    for cls in made.classes:
        spec.forget(cls)


def toy_app(toy: Toy) -> Dash:
    # the bundle is served from the app's assets, but not linked in the head: the renderer loads it on first use
    app = Dash(__name__, assets_folder=str(BUNDLE), assets_ignore=r"\.js$")
    app.layout = html.Div([
        toy.Counter(id="counter", label="Hits", clicks=0),
        toy.Field("Name", id="field"),
        toy.Picker(id="picker", options=["a", "b"], choice="a"),
        toy.Tags(id="tags", options=["x", "y"], value=[]),
        html.Div(id="out"),
    ], id="box")

    @app.callback(Output("out", "children"), Input("counter", "clicks"), Input("field", "text"),
                  Input("picker", "choice"), Input("tags", "value"), Input("box", "n_clicks"))
    def show(clicks: Any, text: Any, choice: Any, tags: Any, box: Any) -> str:
        return f"{clicks}|{text}|{choice}|{','.join(tags or [])}|{box}"

    return app


def test_the_declared_verbs_drive_the_component(propwire_driver: Callable[..., Any], toy: Toy) -> None:
    page = propwire_driver(toy_app(toy))
    assert page.text("out") == "0|None|a||None"
    page.click("counter")  # counts `clicks`, as declared; the click bubbles to the html.Div around it
    assert page.text("out") == "1|None|a||1"
    assert page.prop("counter", "clicks") == 1
    page.type("field", "hello")
    assert page.text("out") == "1|hello|a||1"
    page.select("picker", "b")
    page.check("tags", "y")
    page.check("tags", "x")
    assert page.text("out") == "1|hello|b|y,x|3"  # each checkbox click bubbles to the box
    page.check("tags", "y")
    assert page.prop("tags", "value") == ["x"]
    assert [c.name for c in page.calls()] == ["show"]
    assert page.errors() == []


def test_a_verb_the_declaration_lacks_is_refused(propwire_driver: Callable[..., Any], toy: Toy) -> None:
    page = propwire_driver(toy_app(toy))
    with pytest.raises(WrongComponent, match="cannot type into 'counter': it is a toy.Counter, not "):
        page.type("counter", "x")
    with pytest.raises(WrongComponent, match="cannot select 'field': it is a toy.Field"):
        page.select("field", "x")
    with pytest.raises(WrongComponent, match="cannot press Enter in 'field'"):
        page.type("field", "x", enter=True)
    assert page.text("out") == "0|None|a||None"
