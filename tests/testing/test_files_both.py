"""upload() and downloads in the headless Client and in Chromium alike (the `propwire_driver` fixture runs each
test in both): the same contents, names and saved files on each."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

import pytest

from propwire import Dash, Input, Output, dcc, html
from propwire.testing import WrongComponent

Drive = Callable[..., Any]


def upload_app(**options: Any) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Upload(html.Div("drop"), id="up", **options), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("up", "contents"), Input("up", "filename"),
                  prevent_initial_call=True)
    def show(contents, filename):
        return repr((contents, filename))

    return app


def test_upload_of_one_file_sets_its_data_url_and_name(propwire_driver: Drive) -> None:
    page = propwire_driver(upload_app())
    page.upload("up", "t.csv", b"a,b\n1,2\n")
    url = "data:text/csv;base64," + base64.b64encode(b"a,b\n1,2\n").decode()
    assert page.text("out") == repr((url, "t.csv"))
    assert page.prop("up", "filename") == "t.csv"


def test_upload_of_several_files_into_a_multiple_upload(propwire_driver: Drive) -> None:
    page = propwire_driver(upload_app(multiple=True))
    page.upload("up", [("a.txt", b"one"), ("b.bin", b"\x00\x01", "application/x-thing")])
    urls = ["data:text/plain;base64," + base64.b64encode(b"one").decode(),
            "data:application/x-thing;base64," + base64.b64encode(b"\x00\x01").decode()]
    assert page.text("out") == repr((urls, ["a.txt", "b.bin"]))


def test_upload_outside_accept_is_left_out_and_said_in_errors(propwire_driver: Drive) -> None:
    page = propwire_driver(upload_app(accept=".csv"))
    page.upload("up", "notes.txt", b"x")
    assert page.text("out") == "" and any("left out" in e and "notes.txt" in e for e in page.errors())
    page.upload("up", "ok.csv", b"1")
    assert page.prop("up", "filename") == "ok.csv"


def test_upload_refuses_a_disabled_upload_and_several_files_into_one(propwire_driver: Drive) -> None:
    with pytest.raises(WrongComponent, match="cannot upload into 'up': it is disabled"):
        propwire_driver(upload_app(disabled=True)).upload("up", "a.txt", b"1")
    with pytest.raises(WrongComponent, match="cannot upload 2 files into 'up': it takes one"):
        propwire_driver(upload_app()).upload("up", [("a.txt", b"1"), ("b.txt", b"2")])
    with pytest.raises(WrongComponent, match="it is a html.Div, not a dcc.Upload"):
        propwire_driver(upload_app()).upload("out", "a.txt", b"1")


def download_app(tmp_path: Any) -> Dash:
    path = tmp_path / "report.bin"
    path.write_bytes(b"\x89file\x00")
    app = Dash(__name__)
    app.layout = html.Div([html.Button("s", id="s"), html.Button("b", id="b"), html.Button("f", id="f"),
                           dcc.Download(id="dl")])

    @app.callback(Output("dl", "data"), Input("s", "n_clicks"), prevent_initial_call=True)
    def string(n):
        return dcc.send_string("a,b\n1,2\n", "t.csv")

    @app.callback(Output("dl", "data", allow_duplicate=True), Input("b", "n_clicks"), prevent_initial_call=True)
    def raw(n):
        return dcc.send_bytes(b"\x00\xffbytes", "b.dat")

    @app.callback(Output("dl", "data", allow_duplicate=True), Input("f", "n_clicks"), prevent_initial_call=True)
    def file(n):
        return dcc.send_file(str(path))

    return app


def test_downloads_of_send_string_bytes_and_file(propwire_driver: Drive, tmp_path: Any) -> None:
    page = propwire_driver(download_app(tmp_path))
    for button in ("s", "b", "f"):
        page.click(button)
    saved = [(d.id, d.filename, d.content) for d in page.downloads]
    assert saved == [("dl", "t.csv", b"a,b\n1,2\n"), ("dl", "b.dat", b"\x00\xffbytes"),
                     ("dl", "report.bin", b"\x89file\x00")]


def test_two_downloads_saving_files_of_one_name_are_told_apart(propwire_driver: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("one", id="one"), html.Button("two", id="two"),
                           dcc.Download(id="first"), dcc.Download(id={"kind": "dl", "n": 2}, type="text/csv")])

    @app.callback(Output("first", "data"), Input("one", "n_clicks"), prevent_initial_call=True)
    def first(n):
        return {"content": "from the first", "filename": "same.txt"}

    @app.callback(Output({"kind": "dl", "n": 2}, "data"), Input("two", "n_clicks"), prevent_initial_call=True)
    def second(n):
        return {"content": "from the second", "filename": "same.txt"}

    page = propwire_driver(app)
    page.click("one")
    page.click("two")  # now both Downloads hold data naming same.txt: the second's file is still its own
    saved = [(d.id, d.filename, d.content, d.type) for d in page.downloads]
    assert saved == [("first", "same.txt", b"from the first", "text/plain"),
                     ('{"kind":"dl","n":2}', "same.txt", b"from the second", "text/csv")]
