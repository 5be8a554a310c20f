"""dcc.Loading and dcc.Tooltip: what shows over or beside other components while they load or are hovered.

A Loading's spinner shows while an output of a component inside it is pending. propwire knows that from its
own plan of the user action's callbacks (the event stream says which outputs are still to come), so the
spinner needs no request of its own and covers exactly the outputs the running callbacks write.
"""

from __future__ import annotations

from propwire.components import dcc_signatures as typed
from propwire.components.base import BOOL, DICT, NODE, NUMBER, STRING, Component, enum
from propwire.components.dcc_props import _BOX
from propwire.components.spec import Bundle

__all__ = ["Loading", "Tooltip"]


class Loading(typed.Loading, Component):
    """Shows a spinner over its children while an output inside it is pending.

    `target_components` ({id: prop, or a list of props, or "*"}) limits
    which outputs count; `delay_show` / `delay_hide` (ms) keep short loads from flashing; `display` forces the
    spinner ("show") or keeps it off ("hide").

    Example: ``dcc.Loading(dcc.Graph(id="chart"), type="circle", delay_show=200)``
    """

    _namespace = "dcc"
    _type = "Loading"
    _bundle = Bundle("loading")
    _positional = ("children", "type", "fullscreen", "debug", "style", "parent_className", "parent_style",
                   "overlay_style", "color", "display", "delay_hide", "delay_show", "show_initially",
                   "target_components", "custom_spinner", "className", "persistence", "persisted_props",
                   "persistence_type", "id")
    _props = {
        **_BOX,
        "children": NODE,
        "type": enum("graph", "cube", "circle", "dot", "default"),
        "fullscreen": BOOL,
        "debug": BOOL,
        "parent_className": STRING,
        "parent_style": DICT,
        "overlay_style": DICT,
        "color": STRING,
        "display": enum("auto", "show", "hide"),
        "delay_hide": NUMBER,
        "delay_show": NUMBER,
        "show_initially": BOOL,
        "target_components": DICT,
        "custom_spinner": NODE,
    }


class Tooltip(typed.Tooltip, Component):
    """A box at an absolute position (`bbox`, as a Graph's hoverData gives it) holding `children`.

    Example::

        dcc.Tooltip(id="tip")
        # @callback(Output("tip", "show"), Output("tip", "bbox"), Output("tip", "children"),
        #           Input("graph", "hoverData"))  -> True, hoverData["points"][0]["bbox"], [...]
    """

    _namespace = "dcc"
    _type = "Tooltip"
    _bundle = Bundle("tooltip")
    _positional = ("children", "id", "className", "style", "bbox", "show", "direction", "border_color",
                   "background_color", "loading_text", "zindex", "targetable")
    _props = {
        **_BOX,
        "children": NODE,
        "bbox": DICT,  # {x0, y0, x1, y1} in px, relative to the page
        "show": BOOL,
        "direction": enum("top", "right", "bottom", "left"),
        "border_color": STRING,
        "background_color": STRING,
        "loading_text": STRING,
        "zindex": NUMBER,
        "targetable": BOOL,
    }
