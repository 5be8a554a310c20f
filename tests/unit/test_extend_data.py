"""extendData / prependData applied to a figure dict as plotly.js's extendTraces / prependTraces do."""

from __future__ import annotations

import numpy as np
import pytest

from propwire.api.extend_data import extend_figure, parse_extend_value
from propwire.api.typed_arrays import decode_typed_array, encode_array


def fig(*traces):
    return {"data": [dict(t) for t in traces], "layout": {"title": {"text": "live"}}}


def test_extend_appends_to_each_named_trace():
    before = fig({"x": [1, 2], "y": [10, 20]}, {"x": [0], "y": [5]})
    after = extend_figure(before, [{"x": [[3], [1]], "y": [[30], [6]]}, [0, 1]])
    assert after["data"] == [{"x": [1, 2, 3], "y": [10, 20, 30]}, {"x": [0, 1], "y": [5, 6]}]
    assert before["data"][0] == {"x": [1, 2], "y": [10, 20]}  # the figure passed in is untouched
    assert after["layout"] is before["layout"]


def test_max_points_keeps_the_last_values_when_extending_and_the_first_when_prepending():
    before = fig({"y": [1, 2, 3, 4]})
    assert extend_figure(before, [{"y": [[5, 6]]}, [0], 3])["data"][0]["y"] == [4, 5, 6]
    assert extend_figure(before, [{"y": [[5, 6]]}, [0], 3], prepend=True)["data"][0]["y"] == [5, 6, 1]


def test_a_window_at_100000_points_stays_100000_points():
    n = 100_000
    figure = fig({"x": list(range(n)), "y": [0.0] * n})
    for tick in range(3):
        figure = extend_figure(figure, [{"x": [[n + tick]], "y": [[1.0]]}, [0], n])
    assert len(figure["data"][0]["x"]) == n
    assert figure["data"][0]["x"][0] == 3 and figure["data"][0]["x"][-1] == n + 2


def test_the_update_alone_names_traces_by_position():
    after = extend_figure(fig({"y": [1]}, {"y": [2]}), {"y": [[3], [4]]})
    assert [t["y"] for t in after["data"]] == [[1, 3], [2, 4]]


def test_negative_indices_count_from_the_end_and_traces_not_named_are_shared():
    before = fig({"y": [1]}, {"y": [2]})
    after = extend_figure(before, [{"y": [[9]]}, [-1]])
    assert after["data"][1]["y"] == [2, 9] and after["data"][0] is before["data"][0]


def test_dotted_attributes_reach_nested_arrays():
    before = fig({"y": [1], "marker": {"size": [4], "symbol": "circle"}})
    after = extend_figure(before, [{"y": [[2]], "marker.size": [[8]]}, [0]])
    assert after["data"][0]["marker"] == {"size": [4, 8], "symbol": "circle"}
    assert before["data"][0]["marker"]["size"] == [4]


def test_max_points_per_attribute_and_trace():
    before = fig({"x": [1, 2, 3], "y": [1, 2, 3]})
    after = extend_figure(before, [{"x": [[4]], "y": [[4]]}, [0], {"x": [2], "y": [10]}])
    assert after["data"][0] == {"x": [3, 4], "y": [1, 2, 3, 4]}
    with pytest.raises(ValueError, match="'y': one number per trace"):
        extend_figure(before, [{"x": [[4]], "y": [[4]]}, [0], {"x": [2]}])


def test_max_points_edge_values_follow_plotly():
    before = fig({"y": [1, 2, 3]})
    assert extend_figure(before, [{"y": [[4]]}, [0], 0])["data"][0]["y"] == []
    assert extend_figure(before, [{"y": [[4]]}, [0], 2.7])["data"][0]["y"] == [3, 4]
    # a list is not plotly's per-attribute form: no cap (Dash 4.4.1 in Chromium, tests/parity graph_extend_forms)
    assert extend_figure(before, [{"y": [[4]]}, [0], [2]])["data"][0]["y"] == [1, 2, 3, 4]
    assert extend_figure(before, [{"y": [[4]]}, [0], -1])["data"][0]["y"] == [1, 2, 3, 4]
    assert extend_figure(before, [{"y": [[4]]}, [0], None])["data"][0]["y"] == [1, 2, 3, 4]


def test_typed_array_traces_stay_typed_arrays():
    before = fig({"y": encode_array(np.array([1.5, 2.5, 3.5]))})
    after = extend_figure(before, [{"y": [[4.5]]}, [0], 3])
    assert after["data"][0]["y"]["dtype"] == "f8"
    assert decode_typed_array(after["data"][0]["y"]).tolist() == [2.5, 3.5, 4.5]
    prepended = extend_figure(before, [{"y": [encode_array(np.array([0.5]))]}, [0]], prepend=True)
    assert decode_typed_array(prepended["data"][0]["y"]).tolist() == [0.5, 1.5, 2.5, 3.5]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ([{"y": [[1]]}, [3]], "trace index 3 is out of range for a figure of 1 traces"),
        ([{"y": [[1], [2]]}, [0]], "'y' must hold one array per trace index"),
        ([{"y": [5]}, [0]], "'y' holds 5, not an array"),
        ([{"z": [[1]]}, [0]], "cannot extend trace 0's 'z'"),
        ("points", "expected a dict of arrays"),
        ([{"y": [[1]]}, "0"], "trace indices must be a list of integers"),
    ],
)
def test_malformed_values_are_errors_naming_the_prop(value, message):
    with pytest.raises(ValueError, match="extendData") as info:
        extend_figure(fig({"y": [0]}), value)
    assert message in str(info.value)


def test_prepend_errors_name_prependData():
    with pytest.raises(ValueError, match="prependData"):
        extend_figure(fig({"y": [0]}), "nope", prepend=True)


def test_a_single_integer_index_is_one_trace():
    assert parse_extend_value([{"y": [[1]]}, 0, 5]).indices == [0]
