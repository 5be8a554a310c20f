"""A Patch's list operations on typed-array specs (`patched["data"][0]["y"].extend([...])` on a plotly.express
figure): the engine (propwire.api.patch) and the headless client (propwire.testing.patching) give the values
of tests/unit/data/patch_typed_arrays.json, which renderer/test/patch.test.ts checks the renderer against."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from propwire.api.patch import apply_patch
from propwire.api.typed_arrays import is_typed_array_spec, spec_of_values, spec_values
from propwire.testing.patching import apply_ops

CASES = json.loads((Path(__file__).parent / "data" / "patch_typed_arrays.json").read_text())["cases"]


def _first_spec(value):
    """The one spec a case's expected value holds at its patched path (cases patch one path, or the figure)."""
    while isinstance(value, dict) and not is_typed_array_spec(value):
        value = next(iter(value.values()))
    return value


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_the_engine_and_the_headless_client_give_the_expected_value(case):
    assert apply_patch(case["value"], case["ops"]) == case["expected"]
    assert apply_ops(case["value"], case["ops"]) == case["expected"]
    if case["values"] is not None:
        assert spec_values(_first_spec(case["expected"])) == pytest.approx(case["values"])


def test_a_spec_of_many_values_round_trips_and_the_original_is_left_alone():
    values = [i * 0.5 for i in range(100_000)]
    spec = spec_of_values(values, "f8")
    figure = {"data": [{"type": "scattergl", "y": spec}]}
    patched = apply_patch(figure, [["extend", ["data", 0, "y"], [1.25, -3]]])
    assert spec_values(patched["data"][0]["y"]) == values + [1.25, -3]
    assert figure["data"][0]["y"] is spec and spec_values(spec) == values


def test_removing_a_value_the_spec_lacks_changes_nothing_headless():
    value = {"y": {"dtype": "i1", "bdata": "AAEC"}}
    assert apply_ops(value, [["remove", ["y"], 7]]) == value


def test_the_numbers_and_the_rest():
    assert spec_of_values([True], "i1") == [True]  # booleans are not numbers here, as in JavaScript
    assert spec_of_values([2.0, -128], "i1") == {"dtype": "i1", "bdata": "AoA="}  # integral floats fit
    assert spec_of_values([float("nan")], "i4")["dtype"] == "f8"
    assert spec_of_values([float("inf")], "f4")["dtype"] == "f4"
    assert spec_of_values([1e39], "f4")["dtype"] == "f8"  # past f4's range
