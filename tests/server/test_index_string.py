"""The page's HTML: meta_tags, index_string / interpolate_index with Dash's placeholders (the initial results
still streamed into it), the favicon from assets, Dash's assets_ignore rule."""

from __future__ import annotations

import asyncio
import threading

import pytest

from propwire import Dash, Input, Output, dcc, html
from propwire.exceptions import InvalidIndexException

from .conftest import Client, page_config, page_pushes

TEMPLATE = """<!DOCTYPE html><html><head>{%metas%}<title>{%title%}</title>{%favicon%}{%css%}</head>
<body><header id="brand">Acme</header>{%app_entry%}<footer>{%config%}{%scripts%}{%renderer%}</footer>
<p id="after">support</p></body></html>"""


def _app(**options) -> Dash:
    app = Dash(__name__, **options)
    app.layout = html.Div([dcc.Input(id="name", value="Ada"), html.P(id="greeting")])

    @app.callback(Output("greeting", "children"), Input("name", "value"))
    def greet(name):
        return f"Hello {name}"

    return app


def test_meta_tags_are_escaped_and_dash_defaults_come_first():
    page = Client(_app(meta_tags=[{"name": "description", "content": 'a "quoted" <b>'},
                                  {"property": "og:title", "content": "Sales"}])).get("/").text
    head = page[:page.index("</head>")]
    assert '<meta name="description" content="a &quot;quoted&quot; &lt;b&gt;">' in head
    assert '<meta property="og:title" content="Sales">' in head
    assert head.index('<meta charset="UTF-8">') < head.index('name="viewport"') < head.index('name="description"')


def test_own_charset_and_viewport_replace_dash_defaults():
    page = Client(_app(meta_tags=[{"charset": "ISO-8859-1"}, {"name": "viewport", "content": "width=500"},
                                  {"http-equiv": "X-UA-Compatible", "content": "IE=11"}])).get("/").text
    assert page.count("charset=") == 1 and page.count('name="viewport"') == 1 and page.count("X-UA-Compatible") == 1
    assert 'content="width=500"' in page


def test_custom_index_string_keeps_the_page_streaming():
    page = Client(_app(index_string=TEMPLATE, title="Sales")).get("/").text
    assert page.startswith("<!DOCTYPE html>") and "<title>Sales</title>" in page
    assert page.index('id="brand"') < page.index('id="_pw-root"') < page.index("propwire.js")
    pushes = page_pushes(page)
    assert any(p.get("result", {}).get("outputs") == {"greeting.children": "Hello Ada"} for p in pushes)
    # the results stream in after {%renderer%}; the template's rest comes after them
    assert page.rindex("propwire.push(") < page.index('id="after"')
    assert page.rstrip().endswith("</html>")


def test_index_string_set_on_the_app_and_read_per_page():
    app = _app()
    client = Client(app)
    assert 'id="brand"' not in client.get("/").text
    app.index_string = TEMPLATE
    assert 'id="brand"' in client.get("/").text and app.index_string == TEMPLATE


@pytest.mark.parametrize("missing", ["{%app_entry%}", "{%config%}", "{%scripts%}", "{%renderer%}"])
def test_a_missing_placeholder_is_named(missing):
    with pytest.raises(InvalidIndexException, match=missing.replace("%", ".")):
        Dash(__name__, index_string=TEMPLATE.replace(missing, ""))
    app = _app()
    with pytest.raises(InvalidIndexException, match=missing.replace("%", ".")):
        app.index_string = TEMPLATE.replace(missing, "")


def test_renderer_before_the_app_entry_is_an_error_saying_why():
    bad = "<html><body>{%config%}{%scripts%}{%renderer%}{%app_entry%}</body></html>"
    with pytest.raises(InvalidIndexException, match=r"\{%renderer%\} must come after \{%app_entry%\}"):
        Dash(__name__, index_string=bad)


def test_interpolate_index_overridden_in_a_subclass():
    class Branded(Dash):
        def interpolate_index(self, **kwargs):
            return ("<!DOCTYPE html><html><head>{metas}<title>{title}</title>{css}</head><body>"
                    "<div id='custom-header'>Acme</div>{app_entry}{config}{scripts}{renderer}"
                    "<div id='custom-footer'>end</div></body></html>").format(**kwargs)

    app = Branded(__name__)
    app.layout = html.P("hi", id="p")
    page = Client(app).get("/").text
    assert "custom-header" in page and page_config(page)["layout"]["props"]["children"] == "hi"
    assert page.index("propwire.js") < page.index("custom-footer")


def test_interpolate_index_that_drops_a_piece_is_named_at_page_time():
    class Broken(Dash):
        def interpolate_index(self, **kwargs):
            return "<html><body>{app_entry}{scripts}{renderer}</body></html>".format(**kwargs)

    app = Broken(__name__)
    app.layout = html.P("hi", id="p")
    with pytest.raises(InvalidIndexException, match=r"\{%config%\}"):
        Client(app).get("/")


def test_a_placeholder_inside_the_layout_is_not_filled():
    app = Dash(__name__)
    app.layout = html.P("{%css%} and {%title%}", id="p")
    assert page_config(Client(app).get("/").text)["layout"]["props"]["children"] == "{%css%} and {%title%}"


def test_the_first_chunk_goes_out_before_a_slow_initial_callback_in_a_custom_index():
    from .conftest import run

    released = threading.Event()
    app = Dash(__name__, index_string=TEMPLATE)
    app.layout = html.Div([html.P(id="slow")])

    @app.callback(Output("slow", "children"), Input("slow", "id"))
    def slow(_):
        return "released" if released.wait(5) else "timed out"

    scope = {"type": "http", "http_version": "1.1", "method": "GET", "scheme": "http", "path": "/",
             "raw_path": b"/", "query_string": b"", "root_path": "", "server": ("127.0.0.1", 80),
             "client": ("127.0.0.1", 1), "headers": [(b"host", b"127.0.0.1"), (b"sec-fetch-dest", b"document")]}
    bodies: list[bytes] = []
    requests = [{"type": "http.request", "body": b"", "more_body": False}]

    async def receive():
        if requests:
            return requests.pop()
        await asyncio.sleep(3600)  # the browser stays connected

    async def send(message):
        if message["type"] == "http.response.body":
            bodies.append(message.get("body", b""))
            if b'id="_pw-root"' in message.get("body", b""):
                released.set()  # the page's top arrived while the callback still waits

    run(lambda: asyncio.wait_for(app.server(scope, receive, send), 20))
    page = b"".join(bodies).decode()
    assert "released" in page and 'id="after"' in page
    assert b"propwire.js" in bodies[0] and b'id="after"' not in bodies[0]


def test_favicon_from_assets_with_dash_rule(tmp_path):
    assets = tmp_path / "assets"
    (assets / "icons").mkdir(parents=True)
    (assets / "favicon.ico").write_bytes(b"\x00")
    (assets / "icons" / "favicon.ico").write_bytes(b"\x01")
    app = Dash(__name__, assets_folder=str(assets))
    app.layout = html.P("x", id="x")
    head = Client(app).get("/").text.split("</head>")[0]
    # Dash walks the folders in order and keeps the last favicon.ico it meets
    assert '<link rel="icon" type="image/x-icon" href="/assets/icons/favicon.ico?m=' in head
    assert Client(app).get("/assets/icons/favicon.ico").content == b"\x01"
    plain = Dash(__name__, assets_folder=str(tmp_path / "none"))
    plain.layout = html.P("x", id="x")
    assert 'rel="icon"' not in Client(plain).get("/").text
    hidden = Dash(__name__, assets_folder=str(assets), include_assets_files=False)
    hidden.layout = html.P("x", id="x")
    assert 'rel="icon"' not in Client(hidden).get("/").text


def test_assets_ignore_is_searched_in_file_names_as_in_dash(tmp_path):
    assets = tmp_path / "assets"
    (assets / "drafts").mkdir(parents=True)
    (assets / "drafts" / "keep.css").write_text(".a {}")
    (assets / "skip-me.css").write_text(".b {}")
    (assets / "drafts" / "skip-too.css").write_text(".c {}")
    app = Dash(__name__, assets_folder=str(assets), assets_ignore=r"^skip")
    app.layout = html.P("x", id="x")
    head = Client(app).get("/").text.split("</head>")[0]
    assert "drafts/keep.css" in head and "skip-me.css" not in head and "skip-too.css" not in head
    folder_rule = Dash(__name__, assets_folder=str(assets), assets_ignore=r"^drafts")
    folder_rule.layout = html.P("x", id="x")
    assert "drafts/keep.css" in Client(folder_rule).get("/").text  # a folder's name is not a file's
