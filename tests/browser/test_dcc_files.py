"""dcc.Upload and dcc.Download in Chromium: picking, dropping and refusing files; saving what a callback sends.
Each checks the headless Client gives the same values (testing/files.py mirrors the renderer)."""

from __future__ import annotations

import base64
import json

from playwright.sync_api import expect

from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

from .conftest import wait_idle


def upload_app(**upload_props):
    """An Upload whose contents, filename and last_modified #echo shows as JSON (last_modified as its type)."""
    app = Dash(__name__)
    app.layout = html.Div([dcc.Upload(html.Div("Drop or pick", id="zone-text"), id="up", **upload_props),
                           html.Div(id="echo")])

    @app.callback(Output("echo", "children"), Input("up", "contents"), Input("up", "filename"),
                  Input("up", "last_modified"), prevent_initial_call=True)
    def echo(contents, filename, stamp):
        stamps = stamp if isinstance(stamp, list) else [stamp]
        return json.dumps({"contents": contents, "filename": filename,
                           "stamps": [type(s).__name__ for s in stamps]})

    return app


def file(name, content, mime):
    return {"name": name, "mimeType": mime, "buffer": content}


def headless_echo(app, *files):
    with Client(app) as client:
        client.open()
        client.upload("up", list(files))
        return json.loads(client.text("echo")), client.errors()


def test_picked_file_arrives_as_a_data_url_as_headless(open_app):
    app = upload_app()
    page = open_app(app)
    page.locator("#up input[type=file]").set_input_files(file("t.csv", b"a,b\n1,2\n", "text/csv"))
    wait_idle(page)
    expect(page.locator("#echo")).not_to_be_empty()
    shown = json.loads(page.locator("#echo").text_content())
    assert shown["contents"] == "data:text/csv;base64," + base64.b64encode(b"a,b\n1,2\n").decode()
    assert shown["filename"] == "t.csv" and shown["stamps"] in (["float"], ["int"])
    headless, _ = headless_echo(app, ("t.csv", b"a,b\n1,2\n", "text/csv"))
    assert headless["contents"] == shown["contents"] and headless["filename"] == "t.csv"


def test_empty_and_untyped_files_read_as_chromium_does(open_app):
    app = upload_app(multiple=True)
    page = open_app(app)
    page.locator("#up input[type=file]").set_input_files([file("empty.txt", b"", "text/plain"),
                                                          file("blob", b"\x00\x01", "")])
    expect(page.locator("#echo")).not_to_be_empty()
    shown = json.loads(page.locator("#echo").text_content())
    headless, _ = headless_echo(app, ("empty.txt", b"", "text/plain"), ("blob", b"\x00\x01", ""))
    assert shown["contents"] == headless["contents"] == ["data:text/plain;base64,",
                                                           "data:application/octet-stream;base64,AAE="]
    assert shown["filename"] == headless["filename"] == ["empty.txt", "blob"]


def test_a_file_over_max_size_is_left_out_with_a_console_warning(open_app):
    app = upload_app(max_size=4, accept=".txt")
    page = open_app(app)
    warnings = []
    page.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
    field = page.locator("#up input[type=file]")
    field.set_input_files(file("big.txt", b"12345", "text/plain"))
    field.set_input_files(file("ok.csv", b"1", "text/csv"))
    field.set_input_files(file("ok.txt", b"1234", "text/plain"))
    expect(page.locator("#echo")).to_contain_text("ok.txt")
    expected = ['propwire: dcc.Upload "up" left out "big.txt": it is 5 bytes, over max_size=4',
                'propwire: dcc.Upload "up" left out "ok.csv": its type "text/csv" is not in accept=".txt"']
    assert warnings == expected
    with Client(app) as client:
        client.open()
        client.upload("up", "big.txt", b"12345")
        client.upload("up", "ok.csv", b"1")
        assert client.text("echo") == ""
        assert client.errors() == [w.removeprefix("propwire: ") for w in expected]


def test_click_opens_the_file_dialog_unless_disable_click(open_app):
    page = open_app(upload_app())
    with page.expect_file_chooser() as chooser:
        page.locator("#zone-text").click()
    chooser.value.set_files(file("c.txt", b"hi", "text/plain"))
    expect(page.locator("#echo")).to_contain_text('"filename": "c.txt"')
    page = open_app(upload_app(disable_click=True))
    page.on("filechooser", lambda _: (_ for _ in ()).throw(AssertionError("no dialog should open")))
    page.locator("#zone-text").click()
    page.wait_for_timeout(300)
    assert page.locator("#echo").text_content() == ""


DROP = """async ([names, multiple]) => {
  const zone = document.querySelector('#up > div');
  const dt = new DataTransfer();
  names.forEach((n) => dt.items.add(new File(['x'.repeat(n.length)], n, {type: 'text/plain'})));
  zone.dispatchEvent(new DragEvent('dragenter', {dataTransfer: dt, bubbles: true}));
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));  // React has drawn the drag
  const during = zone.getAttribute('style');
  zone.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true}));
  return during;
}"""


def test_drop_sets_contents_and_shows_the_active_style_while_dragging(open_app):
    page = open_app(upload_app(multiple=True, style={"width": "100px"}))
    during = page.evaluate(DROP, [["a.txt", "bb.txt"], True])
    assert "border-color: rgb(102, 204, 102)" in during and "width: 100px" in during
    expect(page.locator("#echo")).to_contain_text('"filename": ["a.txt", "bb.txt"]')
    assert "border-color" not in page.locator("#up > div").get_attribute("style")


def test_single_upload_rejects_a_drag_of_two_and_takes_the_first_dropped(open_app):
    page = open_app(upload_app(className="zone", className_reject="refusing"))
    page.evaluate("""() => {
      const dt = new DataTransfer();
      ['a.txt', 'b.txt'].forEach((n) => dt.items.add(new File(['x'], n, {type: 'text/plain'})));
      document.querySelector('#up > div').dispatchEvent(new DragEvent('dragenter', {dataTransfer: dt, bubbles: true}));
    }""")
    expect(page.locator("#up > div")).to_have_class("zone refusing")
    page.evaluate(DROP, [["a.txt", "b.txt"], False])
    expect(page.locator("#echo")).to_contain_text('"filename": "a.txt"')
    expect(page.locator("#up > div")).to_have_class("zone")


def test_disabled_upload_takes_no_drop(open_app):
    page = open_app(upload_app(disabled=True))
    assert "opacity: 0.5" in page.locator("#up > div").get_attribute("style")
    page.evaluate(DROP, [["a.txt"], False])
    page.wait_for_timeout(300)
    assert page.locator("#echo").text_content() == ""
    assert page.locator("#up input[type=file]").is_disabled()


def download_app():
    app = Dash(__name__)
    app.layout = html.Div([html.Button("text", id="t"), html.Button("bytes", id="b"), dcc.Download(id="dl")])

    @app.callback(Output("dl", "data"), Input("t", "n_clicks"), prevent_initial_call=True)
    def text(n):
        return dcc.send_string(f"a,b\n{n},é\n", "table.csv", type="text/csv")

    @app.callback(Output("dl", "data", allow_duplicate=True), Input("b", "n_clicks"), prevent_initial_call=True)
    def raw(n):
        return dcc.send_bytes(bytes(range(256)) * n, "all.bin")

    return app


def test_download_saves_each_file_a_callback_sends_as_headless(open_app, tmp_path):
    app = download_app()
    page = open_app(app)
    saved = []
    for button in ("t", "t", "b"):
        with page.expect_download() as info:
            page.locator(f"#{button}").click()
        path = tmp_path / f"{len(saved)}"
        info.value.save_as(path)
        saved.append((info.value.suggested_filename, path.read_bytes()))
    assert saved == [("table.csv", "a,b\n1,é\n".encode()), ("table.csv", "a,b\n2,é\n".encode()),
                     ("all.bin", bytes(range(256)))]
    with Client(app) as client:
        client.open()
        for button in ("t", "t", "b"):
            client.click(button)
        assert [(d.filename, d.content) for d in client.downloads] == saved
        assert [d.type for d in client.downloads] == ["text/csv", "text/csv", ""]


def test_stream_sends_the_file_to_disk_and_only_its_handle_in_the_event(open_app, tmp_path):
    app = Dash(__name__, upload_folder=str(tmp_path), max_upload_bytes=4_000_000)
    app.layout = html.Div([dcc.Upload("Drop big files", id="up", stream=True, multiple=True), html.Div(id="echo")])

    @app.callback(Output("echo", "children"), Input("up", "contents"), Input("up", "filename"),
                  prevent_initial_call=True)
    def echo(handles, names):
        paths = [dcc.uploaded_path(h) for h in handles]
        return json.dumps([[n, p.stat().st_size, p.read_bytes()[:4].hex()] for n, p in zip(names, paths)])

    page = open_app(app)
    page.events.clear()
    big = bytes(range(256)) * 12_000  # 3 MB
    page.locator("#up input[type=file]").set_input_files([file("a.bin", big, "application/octet-stream"),
                                                          file("b.txt", b"tiny", "text/plain")])
    expect(page.locator("#echo")).to_have_text(json.dumps([["a.bin", len(big), "00010203"],
                                                           ["b.txt", 4, b"tiny".hex()]]))
    assert page.events and max(len(body) for _, body in page.events) < 10_000  # the handles travel, not the 3 MB
    with page.expect_console_message(lambda m: m.type == "error" and "HTTP 413" in m.text) as refused:
        page.locator("#up input[type=file]").set_input_files(file("c.bin", b"x" * 4_000_001, ""))
    assert 'the server refused "c.bin" (HTTP 413): the upload is 4000001 bytes' in refused.value.text
    assert len(list(tmp_path.iterdir())) == 2  # nothing of the refused file stays
    with Client(app) as client:
        client.open()
        client.upload("up", [("a.bin", big)])
        assert json.loads(client.text("echo")) == [["a.bin", len(big), "00010203"]]
