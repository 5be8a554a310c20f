"""The demo's multi-page app (examples/multipage/) driven by the headless client: navigation between its
pages, the CSV through dcc.Upload, the tabs, the processed file through dcc.Download. The clientside page's
callback is JavaScript, which the headless client does not run: opening that page raises ClientsideUnsupported
saying so (tests/browser/test_demo_multipage.py runs it in Chromium)."""

from __future__ import annotations

import runpy
from pathlib import Path
from typing import Any

import pytest

import propwire.app
from propwire.testing import ClientsideUnsupported

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CSV = b"fruit,jan,feb\napple,3,4\npear,5,1.5\n"


def multipage_app() -> Any:
    """examples/multipage/app.py as `python app.py` runs it: at /, its pages imported, its callbacks claimed."""
    propwire.app.GLOBAL_CALLBACKS.clear()
    app = runpy.run_path(str(EXAMPLES / "multipage" / "app.py"))["app"]
    app.engine
    return app


@pytest.fixture
def client(propwire_client):
    client = propwire_client(multipage_app(), "/")
    yield client
    assert client.errors() == []


def test_home_and_navigation_by_link(client):
    assert client.text("home-title") == "Home"
    assert client.text("start-out") == "You start on a Friday."
    client.type_date("start-day", "2024-06-03")
    assert client.text("start-out") == "You start on a Monday."
    assert [client.prop(f"nav-{name}", "href") for name in ("home", "files", "clientside")] == \
        ["/", "/files", "/clientside"]
    client.click("nav-files")  # a dcc.Link: one event brings the page and its callbacks' results
    assert client.prop("_pages_location", "pathname") == "/files"
    assert client.text("upload-status") == "No file yet."
    assert client.text("tab-content") == "Upload a CSV to see it here."
    assert client.prop("_pages_store", "data") == {"title": "Files: upload and download"}
    client.click("nav-home")
    assert client.text("home-title") == "Home"


def test_upload_summary_tabs_and_download(client):
    client.navigate("/files")
    client.upload("upload", "fruit.csv", CSV)
    assert client.text("upload-status") == "Read fruit.csv: 2 rows."
    assert client.text("summary-shape") == "2 rows, columns: fruit, jan, feb"
    assert client.prop("summary-sums", "children")[1]["props"]["children"] == "feb: sum 5.5"
    client.click("tab-rows")
    assert client.prop("tabs", "value") == "rows"
    assert client.exists("rows-table") and not client.exists("summary-shape")
    client.click("tab-summary")
    assert client.text("summary-shape").startswith("2 rows")
    client.click("download-btn")
    [saved] = client.downloads
    assert saved.filename == "totals-fruit.csv"
    assert saved.content.decode() == "fruit,jan,feb,total\napple,3,4,7\npear,5,1.5,6.5\n"


def test_no_download_before_an_upload(client):
    client.navigate("/files")
    client.click("download-btn")
    assert client.downloads == []


def test_the_clientside_page_says_it_needs_a_browser(propwire_client):
    client = propwire_client(multipage_app(), "/")
    with pytest.raises(ClientsideUnsupported, match="inline JS"):
        client.navigate("/clientside")


def test_under_the_demo_prefix(propwire_client):
    """As the demo serves it: $DASH_URL_BASE_PATHNAME=/multipage/, the links and the router under the prefix."""
    propwire.app.GLOBAL_CALLBACKS.clear()
    app = runpy.run_path(str(EXAMPLES / "demo.py"))["load_multipage"]()
    client = propwire_client(app, "/multipage/")
    assert client.text("home-title") == "Home"
    assert client.prop("nav-files", "href") == "/multipage/files"
    client.click("nav-files")
    assert client.text("upload-status") == "No file yet."
    assert client.errors() == []
