"""Numeric arrays of a figure travel as plotly's {"dtype", "bdata"} specs (propwire/api/typed_arrays.py)."""

from __future__ import annotations

import base64

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from propwire.api.serialize import dumps, loads, to_json_value
from propwire.api.typed_arrays import (
    decode_typed_array,
    encode_array,
    encode_figure,
    figure_to_lists,
    is_typed_array_spec,
)

N = 200_000


def test_a_200000_point_numpy_trace_is_a_small_bdata_form():
    x = np.linspace(0.0, 7.0, N)
    y = np.sin(x * 1000.0)
    data = dumps(encode_figure({"data": [{"type": "scattergl", "x": x, "y": y}], "layout": {}}))
    as_lists = dumps({"data": [{"type": "scattergl", "x": x.tolist(), "y": y.tolist()}], "layout": {}})
    trace = loads(data)["data"][0]
    assert trace["x"]["dtype"] == "f8" and trace["y"]["dtype"] == "f8"
    # base64 of 2 x 200,000 x 8 bytes, plus a few dozen bytes of JSON around it
    assert len(data) < 2 * N * 8 * 4 / 3 + 200
    assert len(data) < len(as_lists) / 1.5  # ~19 characters a number as JSON, 10.7 as base64 f8
    assert np.array_equal(decode_typed_array(trace["y"]), y)


def test_the_bytes_are_little_endian_whatever_the_input_order():
    big = np.array([1.5, -2.0, 3.25], dtype=">f8")
    spec = encode_array(big)
    assert base64.b64decode(spec["bdata"]) == np.array([1.5, -2.0, 3.25], dtype="<f8").tobytes()
    assert decode_typed_array(spec).tolist() == [1.5, -2.0, 3.25]


def test_int64_narrows_like_plotly_and_stays_a_list_when_it_cannot():
    assert encode_array(np.array([0, 100], dtype="int64"))["dtype"] == "i1"
    assert encode_array(np.array([0, 40000], dtype="int64"))["dtype"] == "i4"
    assert encode_array(np.array([0, 2**40], dtype="int64")) == [0, 2**40]
    assert encode_array(np.array([1, 300], dtype="uint64"))["dtype"] == "u2"


@pytest.mark.parametrize("dtype", ["int8", "uint8", "int16", "uint16", "int32", "uint32", "float32", "float64"])
def test_every_plotly_dtype_round_trips(dtype):
    values = np.arange(7).astype(dtype)
    spec = encode_array(values)
    assert is_typed_array_spec(spec)
    back = decode_typed_array(spec)
    assert back.dtype == np.dtype(dtype) and back.tolist() == values.tolist()


def test_the_same_form_as_plotly_py_for_the_same_arrays():
    x, y = np.arange(5), np.linspace(0, 1, 5)
    z = np.arange(6.0).reshape(2, 3)
    ours = encode_figure({"data": [{"type": "scatter", "x": x, "y": y}, {"type": "heatmap", "z": z}]})
    theirs = go.Figure([go.Scatter(x=x, y=y), go.Heatmap(z=z)]).to_plotly_json()
    for mine, plotlys in zip(ours["data"], theirs["data"]):
        for key in ("x", "y", "z"):
            if key in mine:
                assert mine[key] == plotlys[key], key
    assert ours["data"][1]["z"]["shape"] == "2, 3"
    assert decode_typed_array(ours["data"][1]["z"]).tolist() == z.tolist()


def test_nan_survives_where_json_would_make_it_null():
    spec = encode_array(np.array([1.0, np.nan, 3.0]))
    assert np.isnan(decode_typed_array(spec)[1])


def test_nested_arrays_series_and_untouched_values():
    marker = {"color": np.array([1, 2, 3], dtype="int32"), "size": 4}
    fig = {"data": [{"x": pd.Series([1.0, 2.0]), "marker": marker, "text": ["a", "b"]}], "layout": {"title": "t"}}
    out = encode_figure(fig)
    assert out["data"][0]["x"]["dtype"] == "f8"
    assert out["data"][0]["marker"] == {"color": encode_array(marker["color"]), "size": 4}
    assert out["data"][0]["text"] == ["a", "b"] and out["layout"] == {"title": "t"}
    assert isinstance(fig["data"][0]["marker"]["color"], np.ndarray)  # the app's figure is not changed


def test_non_numeric_arrays_become_lists():
    assert encode_array(np.array(["a", "b"])) == ["a", "b"]
    assert encode_array(np.array([True, False])) == [True, False]
    assert encode_array(np.array(["2024-01-01", "2024-01-02"], dtype="datetime64[D]")) == ["2024-01-01", "2024-01-02"]
    assert encode_array(np.array([], dtype="float64")) == []


def test_a_plotly_figure_object_keeps_plotlys_own_encoding():
    fig = go.Figure(go.Scatter(x=np.arange(4), y=np.arange(4) * 0.5))
    out = encode_figure(fig)
    assert out["data"][0]["y"] == fig.to_plotly_json()["data"][0]["y"]


def test_what_a_chained_callback_sees_is_the_spec_form():
    """The engine hands downstream callbacks the JSON form of an output: the specs, as Dash's State does."""
    plain, _line = to_json_value(encode_figure({"data": [{"y": np.array([1.0, 2.0])}]}))
    assert is_typed_array_spec(plain["data"][0]["y"])
    assert figure_to_lists(plain) == {"data": [{"y": [1.0, 2.0]}]}


def test_decode_rejects_what_is_not_a_spec():
    with pytest.raises(ValueError, match="typed-array spec"):
        decode_typed_array({"dtype": "f16", "bdata": ""})
