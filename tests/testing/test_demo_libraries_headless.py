"""The demo's component-library pages (examples/libraries/) driven by the headless client: what a user does on
each page, as the props the library's JavaScript would set, and what the callbacks then show.

The client runs no library JavaScript: a click on a component that counts `n_clicks` is `click`, a `value` is
typed or selected (`check` for a checklist), a grid's and a table's own changes have their verbs (`select_rows`,
`click_cell`, `table_page`, `edit_table_cell`), and any other change the library makes itself (the active tab) is
`set_prop`, exactly what the component's `setProps` sends. tests/browser/test_demo_libraries.py plays the same
pages in Chromium.
"""

from __future__ import annotations

import runpy
import textwrap
from pathlib import Path
from typing import Any

import pytest

import propwire.app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
LIBRARIES = EXAMPLES / "libraries"


def page_module(name: str) -> dict[str, Any]:
    """A library page's module namespace: its app, which has claimed the @callback's the page registered (none
    left over for another test's app), and its data."""
    propwire.app.GLOBAL_CALLBACKS.clear()  # leftovers from elsewhere must not join this page's app
    namespace = runpy.run_path(str(LIBRARIES / f"{name}.py"))
    namespace["app"].engine
    return namespace


def test_dbc_form_validates_submits_into_a_modal_and_follows_the_tabs(propwire_client):
    page = propwire_client(page_module("dbc_form")["app"])
    assert (page.prop("email", "valid"), page.prop("email", "invalid")) == (False, False)
    assert page.text("tab-note") == "Active tab: signup"

    page.type("email", "bob@")
    assert (page.prop("email", "valid"), page.prop("email", "invalid")) == (False, True)
    page.click("submit")
    assert page.text("submit-hint") == "Fix the email address first."
    assert page.prop("modal", "is_open") is False

    page.type("email", "bob@example.com")
    assert (page.prop("email", "valid"), page.prop("email", "invalid")) == (True, False)
    page.select("plan", "team")  # dbc.Select and dbc.Checklist take the verbs of their dcc namesakes
    page.check("extras", "news")
    page.click("submit")
    assert page.prop("modal", "is_open") is True
    assert page.text("modal-body") == "bob@example.com signed up for the team plan, with the newsletter."
    assert page.text("submit-hint") == ""
    page.click("close")
    assert page.prop("modal", "is_open") is False

    page.set_prop("tabs", "active_tab", "plans")
    assert page.text("tab-note") == "Active tab: plans"
    assert page.text("plans") == "FreeTeamEnterprise"
    assert page.errors() == []


def test_mantine_select_updates_the_badge_in_the_buttons_left_section(propwire_client):
    module = page_module("mantine")
    page = propwire_client(module["app"])
    assert page.text("flag") == "FR"  # a component inside dmc.Button's leftSection, found and updated by id
    page.select("city", "Tokyo")
    assert page.text("flag") == "JP"
    page.click("show")
    page.click("show")
    assert page.text("weather") == f"Tokyo: {module['CITIES']['Tokyo'][1]}."
    assert page.prop("weather", "hide") is False
    assert page.text("clicks") == "asked 2 times"
    assert page.errors() == []


def test_aggrid_selection_feeds_the_summary_and_buttons_replace_the_rows(propwire_client):
    module = page_module("aggrid")
    df = module["DF"]
    page = propwire_client(module["app"])
    assert len(page.prop("grid", "rowData")) == len(df) == 10_000
    assert page.text("selection") == "No rows selected."

    page.select_rows("grid", [3, 7, 11])  # displayed rows: the grid is not sorted yet
    rows = df.iloc[[3, 7, 11]].to_dict("records")
    assert page.prop("grid", "selectedRows") == rows
    items = sum(r["quantity"] for r in rows)
    worth = sum(r["quantity"] * r["price"] for r in rows)
    assert page.text("selection") == f"3 selected, {items} items, worth {worth:,.2f}"

    page.click_cell("grid", 3, "city")
    assert page.text("clicked") == f"Clicked city = {df.city[3]}"

    page.click("paris-only")
    paris = page.prop("grid", "rowData")
    assert len(paris) == int((df.city == "Paris").sum()) and {r["city"] for r in paris} == {"Paris"}
    assert page.text("row-count") == f"{len(paris):,} rows"
    page.click("all-cities")
    assert len(page.prop("grid", "rowData")) == 10_000 and page.text("row-count") == "10,000 rows"
    assert page.errors() == []


def test_datatable_total_follows_an_edit_and_the_page_number_follows_paging(propwire_client):
    module = page_module("datatable")
    rows = module["ROWS"]
    page = propwire_client(module["app"])

    def expected(data: list[dict]) -> str:
        quantity = sum(float(r["quantity"]) for r in data)
        return f"Total: {quantity:g} items, worth {sum(float(r['quantity']) * r['price'] for r in data):,.2f}"

    assert page.text("total") == expected(rows)
    assert page.text("page") == "Page 1 of 10"
    page.table_page("table", "next")
    assert page.text("page") == "Page 2 of 10"

    page.edit_table_cell("table", 0, "quantity", "50")  # the first row of page 2: data[10]
    edited = [dict(r) for r in rows]
    edited[10]["quantity"] = 50
    assert page.prop("table", "data") == edited
    assert page.text("total") == expected(edited) != expected(rows)
    assert page.errors() == []


def test_the_demo_index_lists_a_library_page_it_cannot_load_with_the_install_command(tmp_path, monkeypatch):
    """A library that is not installed takes its page out of the demo (the index says why), not the demo down."""
    for folder in ("seed", "callbacks", "libraries"):
        (tmp_path / folder).mkdir()
    (tmp_path / "libraries" / "missing.py").write_text("import propwire_no_such_library\n")
    (tmp_path / "libraries" / "fine.py").write_text(textwrap.dedent("""
        from propwire import Dash, html
        app = Dash(__name__)
        app.layout = html.Div("fine", id="fine")
    """))
    demo = runpy.run_path(str(EXAMPLES / "demo.py"))
    monkeypatch.setitem(demo["load_examples"].__globals__, "HERE", tmp_path)
    apps, missing = demo["load_examples"]()
    assert list(apps) == ["libraries/fine"]
    assert missing == {"libraries/missing": "needs propwire_no_such_library: pip install -e '.[demo]'"}

    section = demo["_section"]("libraries", apps, missing)
    items = section[-1].children
    assert [type(i.children).__name__ for i in items] == ["A", "str"]
    assert items[1].children == "libraries/missing (needs propwire_no_such_library: pip install -e '.[demo]')"


def test_an_error_other_than_a_missing_library_still_stops_the_demo(tmp_path, monkeypatch):
    for folder in ("seed", "callbacks", "libraries"):
        (tmp_path / folder).mkdir()
    (tmp_path / "seed" / "broken.py").write_text("import propwire_no_such_module\n")
    demo = runpy.run_path(str(EXAMPLES / "demo.py"))
    monkeypatch.setitem(demo["load_examples"].__globals__, "HERE", tmp_path)
    with pytest.raises(ModuleNotFoundError, match="propwire_no_such_module"):
        demo["load_examples"]()
