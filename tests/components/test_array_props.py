"""numpy arrays and pandas Series / Index are taken as options, marks, values and numbers (as Dash takes them:
its JSON encoder calls `tolist`), stored as plain Python so callbacks, equality and JSON see lists."""

import numpy as np
import pandas as pd
import pytest

from propwire import dcc
from propwire.api.serialize import dumps
from propwire.components.base import PropError


def test_numpy_options_and_multi_value_become_lists() -> None:
    dd = dcc.Dropdown(np.array(["a", "b", "c"]), np.array(["b"]), multi=True, id="dd")
    assert dd.options == ["a", "b", "c"] and type(dd.options[0]) is str
    assert dd.value == ["b"]
    assert b'"options":["a","b","c"]' in dumps(dd)


def test_pandas_series_and_index_as_options() -> None:
    frame = pd.DataFrame({"city": ["Oslo", "Rome"], "n": [1, 2]})
    assert dcc.Checklist(frame["city"], id="c").options == ["Oslo", "Rome"]
    assert dcc.RadioItems(frame.index, 1, id="r").options == [0, 1]
    assert dcc.Dropdown(frame["city"].unique(), id="d").options == ["Oslo", "Rome"]


def test_numpy_numbers_and_marks_of_a_slider() -> None:
    years = np.array([1952, 1957, 1962])
    s = dcc.Slider(years.min(), years.max(), step=None, value=years[1],
                   marks={str(y): str(y) for y in years}, id="s")
    assert (s.min, s.max, s.value) == (1952, 1962, 1957) and type(s.min) is int
    r = dcc.RangeSlider(0, 10, value=np.array([2, 8]), id="r")
    assert r.value == [2, 8] and type(r.value[0]) is int


def test_arrays_are_still_checked_after_conversion() -> None:
    with pytest.raises(PropError, match="prop 'value' must be a list of a number"):
        dcc.RangeSlider(0, 10, value=np.array(["a", "b"]), id="r")
    with pytest.raises(PropError, match="prop 'min' must be a number"):
        dcc.Slider(np.array([1, 2]), 10, id="s")
