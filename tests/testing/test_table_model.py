"""The headless client's mirror of DataTable's derivations: filter, sort, paging, cells, derived_* props."""

from __future__ import annotations

import pytest

from propwire.testing import table_filter as f
from propwire.testing import table_js as js
from propwire.testing import table_model as m

ROWS = [{"id": 10, "n": 3, "s": "b"}, {"id": 11, "n": 1, "s": "a"}, {"id": 12, "n": None, "s": "c"},
        {"id": 13, "n": 2, "s": "B"}, {"id": 14, "n": "5", "s": "ab"}]


def test_js_rules_for_numbers_strings_and_equality():
    assert js.to_number(" 12 ") == 12 and js.to_number("0x10") == 16 and js.to_number(None) == 0
    assert js.is_numeric("1e3") and not js.is_numeric(" ") and not js.is_numeric(True) and not js.is_numeric("x")
    assert js.less("10", 9) is False and js.less("10", "9") is True  # strings compare as strings
    assert js.less("x", 1) is False and js.less(1, "x") is False  # NaN compares false both ways
    assert js.strict_equal(1, 1.0) and not js.strict_equal(1, "1") and not js.strict_equal(True, 1)
    assert js.to_string(5.0) == "5" and js.to_string(True) == "true" and js.json_number(4.0) == 4


@pytest.mark.parametrize(("query", "kept"), [
    ("{n} > 1", [0, 3, 4]),                 # "5" > 1 as JS numbers; null is not > 1
    ("{n} = 5", [4]),                       # numeric strings equal numbers
    ("{s} contains b", [0, 4]),
    ("{s} icontains b", [0, 3, 4]),
    ("{s} = B", [3]),
    ("{s} ieq b", [0, 3]),
    ("{n} >= 2 && {s} != ab", [0, 3]),
    ("{n} lt 2 or {s} = c", [1, 2]),        # || binds loosest
    ("{s} = 'ab'", [4]),
    ("{a}", [0, 1, 2, 3, 4]),               # invalid for DataTable: nothing is filtered out
    ("", [0, 1, 2, 3, 4]),
])
def test_native_filter_keeps_the_rows_datatable_keeps(query, kept):
    assert f.keep(query, ROWS) == kept


def test_the_query_structure_is_datatables_tree():
    tree = f.structure("{n} s> 50 && {s} contains 'x y'")
    assert tree == {"subType": "&&", "type": "logical-operator", "value": "&&",
                    "left": {"subType": ">", "type": "relational-operator", "value": "s>",
                             "left": {"subType": "field", "type": "expression", "value": "n"},
                             "right": {"subType": "value", "type": "expression", "value": 50}},
                    "right": {"subType": "contains", "type": "relational-operator", "value": "contains",
                              "left": {"subType": "field", "type": "expression", "value": "s"},
                              "right": {"subType": "value", "type": "expression", "value": "x y"}}}
    assert f.structure("") is None and f.structure("{n} >") is None


@pytest.mark.parametrize(("query", "what"), [("({n} = 1)", "parenthesis"), ("{n} is nil", "is nil"),
                                             ("!{n} = 1", "'!'"), ("{d} datestartswith 2020", "datestartswith")])
def test_unsupported_syntax_says_what_and_what_is_supported(query, what):
    with pytest.raises(f.UnsupportedFilter, match=what) as err:
        f.lex(query)
    assert "supports comparisons" in str(err.value)


def test_native_sort_is_stable_and_puts_nully_last_both_ways():
    props = {"data": ROWS, "sort_action": "native"}
    asc = m.view({**props, "sort_by": [{"column_id": "n", "direction": "asc"}]})
    assert asc.virtual_indices == [1, 3, 0, 4, 2]
    desc = m.view({**props, "sort_by": [{"column_id": "n", "direction": "desc"}]})
    assert desc.virtual_indices == [4, 0, 3, 1, 2]
    as_null = m.view({**props, "sort_as_null": [3], "sort_by": [{"column_id": "n", "direction": "asc"}],
                      "columns": [{"id": "n", "name": "n"}]})
    assert as_null.virtual_indices[-2:] == [0, 2]  # 3 counts as null: last, in data order


def test_paging_filter_and_sort_give_viewport_and_derived_props():
    data = [{"id": i, "v": i % 7} for i in range(23)]
    props = {"data": data, "page_size": 5, "page_current": 1, "sort_action": "native", "filter_action": "native",
             "filter_query": "{v} > 2", "sort_by": [{"column_id": "v", "direction": "desc"}], "selected_rows": [6, 4]}
    d = m.derived(props)
    assert d["derived_virtual_indices"] == sorted((i for i in range(23) if i % 7 > 2), key=lambda i: -(i % 7))
    assert d["derived_viewport_indices"] == d["derived_virtual_indices"][5:10]
    assert d["derived_viewport_row_ids"] == d["derived_viewport_indices"]  # ids equal the indices here
    assert d["derived_virtual_selected_rows"] == [d["derived_virtual_indices"].index(6),
                                                  d["derived_virtual_indices"].index(4)]
    assert d["derived_virtual_selected_row_ids"] == [6, 4]
    assert d["derived_filter_query_structure"]["subType"] == ">"
    assert m.page_count(props, m.view(props)) == 3


def test_cells_sort_cycle_and_reconcile():
    v = m.view({"data": [{"a": 1, "b": 2}], "columns": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}]})
    assert m.make_cell(v, 0, 1) == {"row": 0, "column": 1, "column_id": "b"}  # no id in the row: no row_id
    assert [m.header_click_direction(s, "a") for s in ([], [{"column_id": "a", "direction": "asc"}],
                                                       [{"column_id": "a", "direction": "desc"}])] \
        == ["asc", "desc", "none"]
    multi = m.next_sort([{"column_id": "a", "direction": "asc"}], "b", "desc", "multi")
    assert multi == [{"column_id": "a", "direction": "asc"}, {"column_id": "b", "direction": "desc"}]
    assert m.next_sort(multi, "a", "none", "multi") == [{"column_id": "b", "direction": "desc"}]
    assert m.next_sort(multi, "a", "desc", "single") == [{"column_id": "a", "direction": "desc"}]
    assert m.reconcile("7.0", {"id": "x", "type": "numeric"}) == 7
    assert m.reconcile("x", {"id": "x", "type": "numeric"}) is m.REJECTED
    assert m.reconcile("7", {"id": "x"}) == "7"


def test_the_filter_row_writes_clauses_as_datatable_does():
    from propwire.testing import table_filter_row as row

    num, txt = {"id": "n", "type": "numeric"}, {"id": "s"}
    assert row.clause("> 7", num, "s") == "{n} s> 7"
    assert row.clause("7", num, "s") == "{n} s= 7"          # a bare value: the numeric column's =
    assert row.clause("ab", txt, "i") == "{s} icontains ab"  # a text column's contains, the cell's case
    assert row.clause("ieq x", txt, "s") == "{s} ieq x"      # an operator with its own case keeps it
    assert row.clause("a b", txt, "s") == '{s} scontains "a b"'
    assert row.clause(">", num, "s") == "" and row.clause("  ", num, "s") == ""
    with pytest.raises(f.UnsupportedFilter):
        row.clause("is nil", num, "s")
    read = row.read_back("{n} > 1 && {s} contains a", "&&", [num, txt], lambda c: "s")
    assert list(read.items()) == [("s", "{s} scontains a"), ("n", "{n} s> 1")]  # DataTable reads the last first
    assert row.read_back("{n} > 1 && {n} < 5", "&&", [num, txt], lambda c: "s") is None  # a column twice
    assert row.merge({"n": "{n} s> 1", "x": "{x} s= 2"}, {"s": "{s} scontains b", "n": "{n} s> 3"}) \
        == {"n": "{n} s> 3", "s": "{s} scontains b"}
    assert row.joined({"n": "{n} s> 3", "s": ""}, "||") == "{n} s> 3"
