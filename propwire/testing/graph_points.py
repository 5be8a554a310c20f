"""The event prop values a dcc.Graph sets for a click, hover, selection or relayout, derived from its figure,
for the headless client (`click_point`, `hover_point`, `select_points`, `relayout`).

What the browser sends (recorded from Dash 4.4.1 in Chromium, tests/testing/test_graph_points.py): plotly.js's
event points filtered by Dash (objects dropped, `customdata` taken from the trace):

    scatter: {curveNumber, pointNumber, pointIndex, x, y, <every per-point array of the trace at the point,
              under its dotted name: text, marker.color, marker.size, hovertext...>, customdata,
              xPixel, yPixel, bbox}
    bar:     the same, plus `label` (the category) and `value` (the bar's length)

`clickData` also carries a `timestamp` (ms), hover and selection do not; a box selection adds
`range: {x: [x0, x1], y: [y0, y1]}` (its axes' names), a lasso `lassoPoints: {x: [...], y: [...]}`.

What the headless client cannot derive, and leaves out: `xPixel`, `yPixel` and `bbox` (they need the drawn
plot), `pointNumbers` of histogram bins, and the points of trace types other than scatter / scattergl / bar
(asking for one is an error that says so).

Example:
    >>> fig = {"data": [{"type": "scatter", "x": [1, 2], "y": [5, 6], "customdata": ["a", "b"]}]}
    >>> point_data(fig, 0, 1)
    {'curveNumber': 0, 'pointNumber': 1, 'pointIndex': 1, 'x': 2, 'y': 6, 'customdata': 'b'}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from propwire.api.typed_arrays import decode_typed_array, is_typed_array_spec

SUPPORTED = ("scatter", "scattergl", "bar")

# Trace attributes holding arrays that are not one value per point (plotly.js leaves them out of events).
_NOT_PER_POINT = {"x", "y", "colorscale", "selectedpoints", "colorbar", "transforms", "dimensions", "ticktext",
                  "tickvals", "range", "xbins", "ybins", "domain", "meta"}
# plotly.js renames some attributes in point data.
_POINT_KEYS = {"ids": "id", "labels": "label", "values": "value", "marker.colors": "color"}


class GraphPointError(ValueError):
    """A point asked of a figure that has no such point (or no data the client can derive)."""


def _values(value: Any) -> Any:
    """An array attribute as a Python sequence: typed-array specs decoded, numpy arrays as lists."""
    if is_typed_array_spec(value):
        return decode_typed_array(value).tolist()
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        return value.tolist()
    return value


def _trace(figure: Any, curve: int, graph: str) -> Mapping[str, Any]:
    figure = figure.to_plotly_json() if hasattr(figure, "to_plotly_json") else figure
    data = (figure or {}).get("data") or [] if isinstance(figure, Mapping) else []
    if not isinstance(curve, int) or not 0 <= curve < len(data):
        raise GraphPointError(f"graph {graph}: no trace {curve!r} (its figure has {len(data)} traces)")
    trace = data[curve]
    kind = trace.get("type", "scatter")
    if kind not in SUPPORTED:
        raise GraphPointError(
            f"graph {graph}: trace {curve} is a {kind!r} trace; the headless client derives points of "
            f"{', '.join(SUPPORTED)} traces only (set the event prop with client.set_props instead)"
        )
    return trace


def _length(trace: Mapping[str, Any]) -> int:
    lengths = [len(_values(trace[key])) for key in ("x", "y") if trace.get(key) is not None]
    return min(lengths) if lengths else 0


def _coordinate(trace: Mapping[str, Any], axis: str, point: int) -> Any:
    """The point's x (or y); with no array, plotly's `x0 + point * dx` (0 and 1 by default)."""
    values = trace.get(axis)
    if values is not None:
        return _values(values)[point]
    start, step = trace.get(f"{axis}0", 0), trace.get(f"d{axis}", 1)
    return start + point * step


def _array_attributes(trace: Mapping[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """(dotted name, values) of every per-point array of a trace, nested dicts (marker, line...) included."""
    found: list[tuple[str, Any]] = []
    for key, value in trace.items():
        name = prefix + key
        if key in _NOT_PER_POINT or name == "customdata":
            continue
        if isinstance(value, Mapping) and not is_typed_array_spec(value):
            found.extend(_array_attributes(value, name + "."))
        elif is_typed_array_spec(value) or (isinstance(value, (list, tuple)) or hasattr(value, "tolist")) and not (
            isinstance(value, (str, bytes))
        ):
            found.append((name, value))
    return found


def point_data(figure: Any, curve: int, point: int, *, graph: str = "?") -> dict[str, Any]:
    """One point as Dash puts it in clickData / hoverData / selectedData (without the pixel fields).

    Example: ``point_data(fig, curve=0, point=3)["customdata"]``."""
    trace = _trace(figure, curve, graph)
    n = _length(trace)
    if not isinstance(point, int) or not 0 <= point < n:
        raise GraphPointError(f"graph {graph}: trace {curve} has no point {point!r} (it has {n} points)")
    out: dict[str, Any] = {"curveNumber": curve, "pointNumber": point, "pointIndex": point,
                           "x": _coordinate(trace, "x", point), "y": _coordinate(trace, "y", point)}
    if trace.get("type") == "bar":
        horizontal = trace.get("orientation") == "h"
        out["label"], out["value"] = (out["y"], out["x"]) if horizontal else (out["x"], out["y"])
    for name, values in _array_attributes(trace):
        values = _values(values)
        if point < len(values):
            out.setdefault(_POINT_KEYS.get(name, name), values[point])
    if trace.get("customdata") is not None:
        customdata = _values(trace["customdata"])
        if point < len(customdata):
            out["customdata"] = customdata[point]
    return out


def as_sent(value: Any) -> Any:
    """An event value as the browser's JSON carries it: JavaScript has one number type, so a whole float (8.0, as
    a decoded float64 array gives it) arrives as the int 8; everything else as it is.

    Example: ``as_sent({"points": [{"y": 8.0, "x": 2.5}]}) == {"points": [{"y": 8, "x": 2.5}]}``."""
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, Mapping):
        return {k: as_sent(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [as_sent(v) for v in value]
    return value


def click_data(figure: Any, curve: int, point: int, timestamp: int, *, graph: str = "?") -> dict[str, Any]:
    """`clickData` for a click on one point; Dash 4 stamps it so a second click on the point is a change.

    Example: ``click_data(fig, 0, 3, timestamp=now_ms())``."""
    return {"points": [point_data(figure, curve, point, graph=graph)], "timestamp": timestamp}


def hover_data(figure: Any, curve: int, point: int, *, graph: str = "?") -> dict[str, Any]:
    """`hoverData` for the pointer over one point. Example: ``hover_data(fig, 0, 3)["points"][0]["x"]``."""
    return {"points": [point_data(figure, curve, point, graph=graph)]}


def _axes(trace: Mapping[str, Any]) -> tuple[str, str]:
    return str(trace.get("xaxis") or "x"), str(trace.get("yaxis") or "y")


def _box_around(figure: Any, points: list[dict[str, Any]], graph: str) -> dict[str, list[Any]]:
    """A box selection's `range` when the test gives none: the smallest box holding the points, keyed by the
    first point's axes. Needs numeric coordinates (a category axis's range is in pixels' data units)."""
    x_axis, y_axis = _axes(_trace(figure, points[0]["curveNumber"], graph))
    xs, ys = [p["x"] for p in points], [p["y"] for p in points]
    if not all(isinstance(v, (int, float)) for v in xs + ys):
        raise GraphPointError(f"graph {graph}: give select_points a range= for points on a category or date axis")
    return {x_axis: [min(xs), max(xs)], y_axis: [min(ys), max(ys)]}


def selected_data(
    figure: Any,
    points: Sequence[tuple[int, int]],
    *,
    range: Mapping[str, Sequence[Any]] | None = None,  # noqa: A002 - Dash's own name for it
    lasso: Mapping[str, Sequence[Any]] | None = None,
    graph: str = "?",
) -> dict[str, Any]:
    """`selectedData` for a box (`range`, default: the box around the points) or lasso (`lasso`, the
    polygon's x and y lists) selection of `points`, given as (curve, point) pairs.

    Example: ``selected_data(fig, [(0, 1), (0, 2)])["range"]``."""
    if range is not None and lasso is not None:
        raise GraphPointError(f"graph {graph}: a selection is a box (range=) or a lasso (lasso=), not both")
    chosen = [point_data(figure, curve, point, graph=graph) for curve, point in points]
    out: dict[str, Any] = {"points": chosen}
    if lasso is not None:
        out["lassoPoints"] = {axis: list(values) for axis, values in lasso.items()}
    elif range is not None:
        out["range"] = {axis: list(values) for axis, values in range.items()}
    elif chosen:
        out["range"] = _box_around(figure, chosen, graph)
    return out


def box_selections(box: Mapping[str, Sequence[Any]]) -> dict[str, Any]:
    """The `relayoutData` that follows a box selection: plotly.js keeps the box in `layout.selections` (as Dash
    4.4.1 shows it in Chromium: a dotted rect on the box's axes, corners as the drag went).

    Example: ``box_selections({"x": [1, 3], "y": [10, 40]})["selections"][0]["x1"] == 3``."""
    (x_axis, xs), (y_axis, ys) = list(box.items())[:2]
    return {"selections": [{"line": {"dash": "dot", "width": 1}, "type": "rect", "x0": xs[0], "x1": xs[1],
                            "xref": x_axis, "y0": ys[0], "y1": ys[1], "yref": y_axis}]}


def click_annotation_data(figure: Any, index: int, timestamp: int, *, graph: str = "?") -> dict[str, Any]:
    """`clickAnnotationData` for a click on annotation `index` (one with `captureevents`, as plotly.js needs):
    {index, annotation: the annotation as the layout gives it, timestamp}.

    Example: ``click_annotation_data(fig, 0, timestamp=now_ms())["annotation"]["text"]``."""
    figure = figure.to_plotly_json() if hasattr(figure, "to_plotly_json") else figure
    notes = ((figure or {}).get("layout") or {}).get("annotations") or []
    if not isinstance(index, int) or not 0 <= index < len(notes):
        raise GraphPointError(f"graph {graph}: no annotation {index!r} (its layout has {len(notes)})")
    if not notes[index].get("captureevents"):
        raise GraphPointError(f"graph {graph}: annotation {index} has no captureevents=True, so plotly.js "
                              f"sends no click for it")
    return {"index": index, "annotation": dict(notes[index]), "timestamp": timestamp}


def legend_click(figure: Any, curve: int, *, graph: str = "?") -> tuple[list[Any], dict[str, Any]]:
    """A click on trace `curve`'s legend item: (`restyleData`, the figure plotly.js leaves). plotly.js hides a
    shown trace (`visible` "legendonly") and shows a hidden one, and writes `visible` into the figure's
    trace, so the figure read as State afterwards says so (as in Dash).

    Example: ``legend_click(fig, 0)[0] == [{"visible": ["legendonly"]}, [0]]``."""
    figure = figure.to_plotly_json() if hasattr(figure, "to_plotly_json") else figure
    data = list((figure or {}).get("data") or [])
    if not isinstance(curve, int) or not 0 <= curve < len(data):
        raise GraphPointError(f"graph {graph}: no trace {curve!r} (its figure has {len(data)} traces)")
    visible: Any = True if data[curve].get("visible") == "legendonly" else "legendonly"
    data[curve] = {**data[curve], "visible": visible}
    return [{"visible": [visible]}, [curve]], {**figure, "data": data}


def relayout_data(update: Mapping[str, Any], *, graph: str = "?") -> dict[str, Any]:
    """`relayoutData` for a zoom, pan or autoscale: plotly's own update, which Dash passes on unchanged,
    e.g. {"xaxis.range[0]": 1, "xaxis.range[1]": 3} or {"xaxis.autorange": True, "yaxis.autorange": True}.

    Example: ``relayout_data({"xaxis.autorange": True})``."""
    if not isinstance(update, Mapping) or not update or not all(isinstance(k, str) for k in update):
        raise GraphPointError(f"graph {graph}: relayout takes a non-empty dict of plotly layout paths, got {update!r:.80}")
    return dict(update)


def _part(figure: Any, key: str) -> Any:
    """The figure's `data` or `layout` (a plotly Figure taken as its dict); None when it has none."""
    figure = figure.to_plotly_json() if hasattr(figure, "to_plotly_json") else figure
    return figure.get(key) if isinstance(figure, Mapping) else None


def relayout_at_load(figure: Any, responsive: Any = "auto") -> dict[str, Any] | None:
    """What a Graph sets as `relayoutData` once it is first drawn: `{"autosize": True}` unless its size is fixed.

    Dash's Graph (and propwire's renderer) fit the plot to its container after the first plot; plotly.js does
    nothing for a layout with both `width` and `height`, and otherwise relayouts with {autosize: true}, which
    the Graph hands on as relayoutData: a callback with relayoutData as an Input runs once more at load.
    `responsive=True` drops the layout's size first (the plot follows its container), so it always autosizes.

    Example: ``relayout_at_load({"layout": {"width": 400}}) == {"autosize": True}``."""
    layout = _part(figure, "layout")
    layout = layout if isinstance(layout, Mapping) else {}
    if responsive is not True and layout.get("width") and layout.get("height"):
        return None
    return {"autosize": True}


def _selectable(trace: Mapping[str, Any]) -> bool:
    """Whether a box selection picks points of this trace: shown, with markers or text (a lines-only trace
    has no points to pick), scatter's default mode being lines+markers under 20 points, else lines."""
    if trace.get("visible", True) is not True:
        return False
    if trace.get("type", "scatter") == "bar":
        return True
    mode = trace.get("mode")
    if mode is None:
        mode = "lines+markers" if _length(trace) < 20 else "lines"
    return "markers" in mode or "text" in mode


def points_in_box(figure: Any, x_range: Sequence[Any], y_range: Sequence[Any], *, xaxis: str = "x",
                  yaxis: str = "y", graph: str = "?") -> list[tuple[int, int]]:
    """The (curve, point) pairs a box selection from (x0, y0) to (x1, y1) picks, in plotly's order (trace by
    trace, point by point): the points of the shown traces on these axes inside the box, a bar by its middle
    (half its length). Numeric axes only.

    Example: ``points_in_box(fig, [1.5, 3.5], [5, 45]) == [(0, 1), (0, 2)]``."""
    (x0, x1), (y0, y1) = sorted(x_range), sorted(y_range)
    picked: list[tuple[int, int]] = []
    for curve, trace in enumerate(_part(figure, "data") or []):
        _trace(figure, curve, graph)  # a trace type the client cannot derive points of is an error
        if _axes(trace) != (xaxis, yaxis) or not _selectable(trace):
            continue
        for point in range(_length(trace)):
            x, y = _coordinate(trace, "x", point), _coordinate(trace, "y", point)
            if not all(isinstance(v, (int, float)) for v in (x, y)):
                raise GraphPointError(f"graph {graph}: trace {curve} has a category or date point {(x, y)!r}; "
                                      f"the headless client boxes numeric points only")
            if trace.get("type") == "bar":
                x, y = (x / 2, y) if trace.get("orientation") == "h" else (x, y / 2)
            if x0 <= x <= x1 and y0 <= y <= y1:
                picked.append((curve, point))
    return picked
