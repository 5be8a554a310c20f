"""dcc.Graph: a plotly.js figure with its user events (click, hover, select, zoom) as props callbacks read.

plotly.py is optional: a figure is a dict, or any object with `to_plotly_json()` / `to_dict()` (a plotly
`Figure`), turned into its dict where it is set, so the layout and callbacks only ever hold JSON-able values
and `import propwire` never imports plotly. Its numpy arrays become typed-array specs there
(propwire.api.typed_arrays, docs/graph.md), as callback outputs named `figure` do.
"""

from __future__ import annotations

from typing import Any

from propwire.api.typed_arrays import encode_figure
from propwire.components import dcc_signatures as typed
from propwire.components.base import BOOL, DICT, ID, LIST, STRING, Component, PropType
from propwire.components.spec import Bundle

__all__ = ["Graph", "figure_dict"]


def _figure_like(value: Any) -> bool:
    return isinstance(value, dict) or callable(getattr(value, "to_plotly_json", None)) or callable(
        getattr(value, "to_dict", None))


# Not enum(True, False, "auto"): 1 == True would pass it.
RESPONSIVE = PropType("True, False or 'auto'", lambda v: isinstance(v, bool) or v == "auto", "bool | Literal['auto']")
FIGURE = PropType("a dict or a plotly Figure (an object with to_plotly_json() or to_dict())", _figure_like,
                  "dict[str, Any] | ComponentLike")


def figure_dict(value: Any) -> Any:
    """The dict form of a figure: a dict as it is, a plotly Figure through `to_plotly_json()` (or `to_dict()`).

    Example: ``figure_dict(go.Figure(go.Bar(y=[1, 2])))["data"][0]["type"] == "bar"``
    """
    if value is None or isinstance(value, dict):
        return value
    to_json = getattr(value, "to_plotly_json", None)
    out = to_json() if callable(to_json) else value.to_dict()
    if not isinstance(out, dict):
        raise TypeError(f"a figure's to_plotly_json()/to_dict() must give a dict, got {type(out).__name__}")
    return out


class Graph(typed.Graph, Component):
    """A plotly.js chart; `clickData`, `hoverData`, `selectedData`, `relayoutData`... are set by the user.

    The renderer loads plotly.js on demand, the smaller cartesian bundle when every trace of the figure is one
    of its types (scatter, scattergl, bar, pie, histogram, box, heatmap, ...), the full one otherwise.

    Example: ``dcc.Graph(id="g", figure={"data": [{"type": "bar", "y": [3, 1, 2]}]})``
    """

    _namespace = "dcc"
    _type = "Graph"
    _bundle = Bundle("graph", "Graph", lazy=True)
    # Dash 4.4.1's order, so positional arguments mean the same thing.
    _positional = ("id", "responsive", "clickData", "clickAnnotationData", "hoverData", "clear_on_unhover",
                   "selectedData", "relayoutData", "extendData", "prependData", "restyleData", "figure", "style",
                   "className", "mathjax", "animate", "animation_options", "config")
    _props = {
        "id": ID,
        "responsive": RESPONSIVE,
        "clickData": DICT,
        "clickAnnotationData": DICT,
        "hoverData": DICT,
        "clear_on_unhover": BOOL,
        "selectedData": DICT,
        "relayoutData": DICT,
        "extendData": LIST | DICT,
        "prependData": LIST | DICT,
        "restyleData": LIST,
        "figure": FIGURE,
        "style": DICT,
        "className": STRING,
        "mathjax": BOOL,
        "animate": BOOL,
        "animation_options": DICT,
        "config": DICT,
    }
    # No _defaults: as in Dash, a callback reading a prop the layout did not set (figure too) gets None; the
    # renderer applies plotly's own defaults (an empty figure, responsive "auto").

    def _set(self, name: str, value: Any) -> None:
        if name == "figure" and value is not None and _figure_like(value):
            value = encode_figure(figure_dict(value))
        super()._set(name, value)
