"""The headless Graph event values match what Dash 4.4.1 sets in Chromium (recorded: data/dash_graph_events.json)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import pytest

from propwire.testing.graph_points import (
    GraphPointError,
    click_annotation_data,
    click_data,
    hover_data,
    legend_click,
    point_data,
    relayout_data,
    selected_data,
)

RECORDED = json.loads((Path(__file__).parent / "data" / "dash_graph_events.json").read_text())
PIXELS = ("xPixel", "yPixel", "bbox")  # need the drawn plot: the headless client leaves them out


def figure_of_the_recording() -> dict:
    """The recorded app's figure, as its callback returned it (plotly.py: x and y travel as typed arrays)."""
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=np.array([1, 2, 3, 4, 5]), y=np.array([10.0, 11.5, 9.0, 12.0, 8.5]), mode="markers",
                             customdata=[["a", 1], ["b", 2], ["c", 3], ["d", 4], ["e", 5]], text=list("VWXYZ"),
                             marker={"size": 14, "color": ["red", "green", "blue", "orange", "purple"]}, name="s"))
    fig.add_trace(go.Bar(x=["p", "q", "r"], y=[3, 5, 2], xaxis="x2", yaxis="y2", customdata=[7, 8, 9], name="b"))
    return fig.to_plotly_json()


def without_pixels(event: dict) -> dict:
    return {**event, "points": [{k: v for k, v in p.items() if k not in PIXELS} for p in event["points"]]}


FIGURE = figure_of_the_recording()


def test_figure_is_sent_as_typed_arrays_like_the_recorded_one():
    assert {"dtype", "bdata"} <= set(FIGURE["data"][0]["x"])
    assert FIGURE["data"][0]["x"]["bdata"] == RECORDED["state_figure"]["x"]["bdata"]


def test_click_on_a_scatter_point_matches_dash():
    recorded = without_pixels(RECORDED["click_scatter"])
    ours = click_data(FIGURE, 0, 3, timestamp=recorded["timestamp"], graph="g")
    assert ours == recorded


def test_hover_on_a_scatter_point_matches_dash_and_has_no_timestamp():
    assert hover_data(FIGURE, 0, 3) == without_pixels(RECORDED["hover_scatter"])


def test_click_and_hover_on_a_bar_match_dash():
    recorded = without_pixels(RECORDED["click_bar"])
    assert click_data(FIGURE, 1, 1, timestamp=recorded["timestamp"]) == recorded
    assert hover_data(FIGURE, 1, 1) == without_pixels(RECORDED["hover_bar"])


def test_a_lasso_selection_matches_dash():
    recorded = RECORDED["select_lasso"]
    ours = selected_data(FIGURE, [(0, 1)], lasso=recorded["lassoPoints"])
    assert ours == recorded


def test_a_box_selection_matches_dash():
    recorded = RECORDED["select_box"]
    assert selected_data(FIGURE, [(0, 1), (0, 3)], range=recorded["range"]) == recorded


def test_a_box_selection_gets_the_box_around_its_points_on_the_traces_axes():
    out = selected_data(FIGURE, [(0, 1), (0, 3)])
    assert out["range"] == {"x": [2, 4], "y": [11.5, 12.0]}
    assert [p["pointNumber"] for p in out["points"]] == [1, 3]
    given = selected_data(FIGURE, [(1, 0)], range={"x2": [-0.5, 0.5], "y2": [0, 4]})
    assert given["range"] == {"x2": [-0.5, 0.5], "y2": [0, 4]} and given["points"][0]["label"] == "p"
    with pytest.raises(GraphPointError, match="range= for points on a category"):
        selected_data(FIGURE, [(1, 0)])


def test_relayout_passes_plotlys_update_on_as_dash_does():
    assert relayout_data(RECORDED["relayout_autoscale"]) == {"xaxis.autorange": True, "yaxis.autorange": True}
    with pytest.raises(GraphPointError, match="graph g: relayout takes"):
        relayout_data({}, graph="g")


def test_horizontal_bars_label_is_y_and_value_is_x():
    fig = {"data": [{"type": "bar", "orientation": "h", "y": ["a", "b"], "x": [4, 7]}]}
    assert point_data(fig, 0, 1) == {"curveNumber": 0, "pointNumber": 1, "pointIndex": 1, "x": 7, "y": "b",
                                     "label": "b", "value": 7}


def test_a_trace_without_x_counts_from_x0_by_dx():
    fig = {"data": [{"type": "scatter", "y": [1, 2, 3], "x0": 10, "dx": 5, "ids": ["p", "q", "r"]}]}
    assert point_data(fig, 0, 2) == {"curveNumber": 0, "pointNumber": 2, "pointIndex": 2, "x": 20, "y": 3, "id": "r"}


def test_missing_points_traces_and_unsupported_types_are_clear_errors():
    with pytest.raises(GraphPointError, match="graph g: trace 0 has no point 9 \\(it has 5 points\\)"):
        point_data(FIGURE, 0, 9, graph="g")
    with pytest.raises(GraphPointError, match="no trace 4 \\(its figure has 2 traces\\)"):
        point_data(FIGURE, 4, 0)
    with pytest.raises(GraphPointError, match="'pie' trace; the headless client derives points of scatter"):
        point_data({"data": [{"type": "pie", "values": [1]}]}, 0, 0)


def test_a_click_on_an_annotation_matches_dash():
    recorded = RECORDED["click_annotation"]
    note = {"x": 3, "y": 9, "text": "note", "captureevents": True, "showarrow": True}
    fig = {**FIGURE, "layout": {"annotations": [note]}}
    assert click_annotation_data(fig, 0, recorded["timestamp"]) == recorded
    with pytest.raises(GraphPointError, match="annotation 0 has no captureevents"):
        click_annotation_data({"layout": {"annotations": [{"text": "x"}]}}, 0, 0)
    with pytest.raises(GraphPointError, match="no annotation 2 \\(its layout has 1\\)"):
        click_annotation_data(fig, 2, 0)


def test_a_legend_click_matches_dash_and_toggles():
    restyle, figure = legend_click(FIGURE, 0)
    assert restyle == RECORDED["restyle_legend"]
    assert figure["data"][0]["visible"] == "legendonly" and "visible" not in FIGURE["data"][0]
    assert legend_click(figure, 0)[0] == [{"visible": [True]}, [0]]
