"""register_page and page_registry as Dash 4.4.1 has them: defaults, templates, order, validation errors."""

from __future__ import annotations

import sys

import pytest

import propwire
from propwire import Dash, html, page_registry, register_page
from propwire.exceptions import InvalidConfig, NoLayoutException, PageError
from propwire.pages import parse_query, path_to_page


@pytest.fixture
def app(tmp_path):
    (tmp_path / "assets").mkdir()
    return Dash(__name__, use_pages=True, pages_folder="", assets_folder=str(tmp_path / "assets"))


def test_the_names_are_exported_as_dash_has_them():
    assert propwire.register_page is register_page and propwire.page_registry is page_registry
    ids = [c.id for c in propwire.page_container.children]
    assert ids == ["_pages_location", "_pages_content", "_pages_store", "_pages_dummy"]
    assert propwire.page_container.children[0].refresh == "callback-nav"


def test_defaults_come_from_the_module_name(app):
    register_page("pages.weekly_analytics", layout=html.Div("w"))
    page = page_registry["pages.weekly_analytics"]
    assert (page["path"], page["name"], page["title"], page["description"]) == (
        "/pages/weekly-analytics", "Weekly analytics", "Weekly analytics", "")
    assert page["supplied_path"] is None and page["supplied_name"] is None and page["supplied_title"] is None
    assert page["relative_path"] == "/pages/weekly-analytics" and page["order"] is None


def test_the_keys_are_dashs_in_dashs_order(app):
    register_page("p", path="/p", layout=html.Div(), custom="kept")
    assert list(page_registry["p"]) == [
        "module", "supplied_path", "path_template", "path", "supplied_name", "name", "supplied_title", "title",
        "description", "order", "supplied_order", "supplied_layout", "custom", "supplied_image", "image",
        "image_url", "redirect_from", "layout", "relative_path"]


def test_a_template_gives_the_default_path_and_its_variables(app):
    register_page("report", path_template="/report/<report_id>/<part>", layout=html.Div())
    assert page_registry["report"]["path"] == "/report/none/none"
    page, found = path_to_page("report/7/summary")
    assert page["module"] == "report" and found == {"report_id": "7", "part": "summary"}
    assert path_to_page("elsewhere/7") == ({}, None)


def test_a_template_variable_that_is_no_python_name_names_the_page(app):
    with pytest.raises(ValueError, match=r"register_page\('bad'\).*`class`"):
        register_page("bad", path_template="/x/<class>", layout=html.Div())
    with pytest.raises(ValueError, match="`my-id`"):
        register_page("bad", path_template="/x/<my-id>", layout=html.Div())


def test_order_numbers_then_strings_then_none_then_module(app):
    for module, order in [("e", None), ("d", "b"), ("c", 2), ("b", 1.5), ("a", None), ("f", "a")]:
        register_page(module, layout=html.Div(), order=order)
    assert list(page_registry) == ["b", "c", "f", "d", "a", "e"]


def test_home_is_first_unless_a_page_has_an_order(app):
    register_page("zeta", path="/", layout=html.Div())
    register_page("alpha", layout=html.Div())
    assert list(page_registry) == ["zeta", "alpha"] and page_registry["zeta"]["order"] == 0
    register_page("beta", layout=html.Div(), order=5)
    assert page_registry["zeta"]["order"] is None and list(page_registry) == ["beta", "alpha", "zeta"]


def test_the_app_title_is_the_default_title_when_given(tmp_path):
    Dash(__name__, use_pages=True, pages_folder="", title="Sales", description="Numbers")
    register_page("home", path="/", layout=html.Div())
    assert page_registry["home"]["title"] == "Sales" and page_registry["home"]["description"] == "Numbers"


def test_the_image_is_found_in_assets(app, tmp_path):
    (tmp_path / "assets" / "logo.png").write_bytes(b"")
    (tmp_path / "assets" / "weekly-report.svg").write_bytes(b"")
    register_page("pages.weekly_report", layout=html.Div())
    register_page("other", layout=html.Div())
    assert page_registry["pages.weekly_report"]["image"] == "weekly-report.svg"
    assert page_registry["other"]["image"] == "logo.png"


def test_a_prefix_goes_into_relative_path(tmp_path):
    Dash(__name__, use_pages=True, pages_folder="", url_base_pathname="/sales/")
    register_page("home", path="/", layout=html.Div())
    register_page("q", path="/q", layout=html.Div())
    assert [p["relative_path"] for p in page_registry.values()] == ["/sales/", "/sales/q"]


def test_a_new_pages_app_starts_a_fresh_registry(app):
    register_page("old", layout=html.Div())
    Dash(__name__, use_pages=True, pages_folder="")
    assert "old" not in page_registry


def test_errors_name_what_is_wrong(app, tmp_path):
    with pytest.raises(PageError, match="must be a string"):
        register_page(object())  # type: ignore[arg-type]
    with pytest.raises(InvalidConfig, match="no_such_folder"):
        Dash(__name__, pages_folder="no_such_folder")
    fresh = Dash(__name__, use_pages=True, pages_folder="")
    register_page("nolayout")
    fresh.layout = html.Div(propwire.page_container)
    with pytest.raises(NoLayoutException, match="`nolayout`"):
        fresh.engine  # noqa: B018 - building the engine checks the registry


def test_duplicate_paths_name_both_pages(app):
    register_page("one", path="/same", layout=html.Div())
    register_page("two", path="/same", layout=html.Div())
    app.layout = propwire.page_container
    with pytest.raises(PageError, match=r"\['one', 'two'\].*'/same'"):
        app.engine  # noqa: B018


def test_a_layout_without_the_page_container_is_an_error(app):
    register_page("one", path="/", layout=html.Div())
    app.layout = html.Div("no container")
    with pytest.raises(PageError, match="page_container"):
        app.engine  # noqa: B018


def test_query_arguments_are_strings_or_lists():
    assert parse_query("?a=1&b=2&b=3&c=") == {"a": "1", "b": ["2", "3"], "c": ""}
    assert parse_query("") == {} and parse_query(None) == {}


def test_a_pages_folder_is_imported_as_dash_does(tmp_path):
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "_private").mkdir()
    page = "from propwire import html, register_page\nregister_page(__name__)\nlayout = html.Div({text!r})\n"
    (folder / "top_page.py").write_text(page.format(text="top"))
    (folder / "sub" / "deep_page.py").write_text(page.format(text="deep"))
    (folder / "_private" / "hidden.py").write_text("raise RuntimeError('register_page: not a page')\n")
    (folder / "_helper.py").write_text("raise RuntimeError('register_page: not a page')\n")
    (folder / "plain.py").write_text("raise RuntimeError('never imported: it registers no page')\n")
    (folder / "nolayout.py").write_text("from propwire import register_page\nregister_page(__name__)\n")
    with pytest.raises(NoLayoutException, match=r"pages\.nolayout"):
        Dash(__name__, pages_folder=str(folder))
    (folder / "nolayout.py").unlink()
    Dash(__name__, pages_folder=str(folder))  # a folder other than "pages" turns use_pages on
    # a folder outside the app's own: its whole path, dotted, names the modules (as in Dash)
    base = ".".join(folder.parts[1:])
    assert {m: (p["path"], p["layout"].children) for m, p in page_registry.items()} == {
        f"{base}.sub.deep_page": ("/sub/deep-page", "deep"), f"{base}.top_page": ("/top-page", "top")}
    assert sys.modules[f"{base}.top_page"].layout is page_registry[f"{base}.top_page"]["layout"]


def test_a_pages_folder_beside_the_app_gives_short_module_names(tmp_path, monkeypatch):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "home.py").write_text(
        "from propwire import html, register_page\nregister_page(__name__, path='/')\nlayout = html.Div('h')\n")
    (tmp_path / "shop.py").write_text("from propwire import Dash\napp = Dash(__name__, use_pages=True)\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "shop", raising=False)
    try:
        __import__("shop")
    finally:
        sys.modules.pop("pages.home", None)  # the page module must not outlive the test
    assert list(page_registry) == ["pages.home"] and page_registry["pages.home"]["path"] == "/"


def test_register_page_within_a_callback_is_an_error(app):
    from propwire import Input, Output
    from propwire.testing import Client

    @app.callback(Output("out", "children"), Input("go", "n_clicks"), prevent_initial_call=True,
                  on_error=lambda e: f"{type(e).__name__}: {e}")
    def late(n):
        register_page("late", layout=html.Div())
        return "registered"

    register_page("home", path="/", layout=html.Div())
    app.layout = html.Div([html.Button(id="go"), html.Div(id="out"), propwire.page_container])
    client = Client(app, strict=False).open("/")
    client.click("go")
    assert client.text("out").startswith("PageError: register_page('late') cannot be called within a callback")
    assert "late" not in page_registry


def test_async_layout_and_title_functions_are_awaited_as_dashs_async_router_does(app):
    import asyncio

    from propwire import Input, Output, pages_app
    from propwire.testing import Client

    async def item(item_id=None, **query):
        await asyncio.sleep(0)
        return html.Div([html.Span(f"item {item_id} {sorted(query.items())}", id="body"), html.Div(id="echo")])

    async def title(item_id=None):
        await asyncio.sleep(0)
        return f"Item {item_id}"

    register_page("items", path_template="/items/<item_id>", layout=item, title=title)
    register_page("home", path="/", layout=html.Div("home", id="home"))

    @app.callback(Output("echo", "children"), Input("body", "children"))
    def echo(text):  # ids only in the async layout: found in the validation layout, no callback error
        return f"echo {text}"

    app.layout = html.Div([propwire.page_container])
    client = Client(app).open("/")
    client.navigate("/items/7?a=1")
    assert client.text("body") == "item 7 [('a', '1')]"
    assert client.text("echo") == "echo item 7 [('a', '1')]"
    assert client.prop("_pages_store", "data") == {"title": "Item 7"}
    tab, metas = pages_app.page_head(app, "http://x/items/9", "/items/9")
    assert tab == "Item 9" and {"property": "og:title", "content": "Item 9"} in metas


def test_an_async_layout_that_raises_in_the_validation_layout_names_the_page(app):
    async def broken():
        raise ValueError("no database")

    register_page("reports", path="/reports", layout=broken)
    app.layout = html.Div([propwire.page_container])
    with pytest.raises(PageError, match="page 'reports'.*no database"):
        app.engine
