"""Files in the assets folder: linked from the page, served under /assets/, nothing outside it."""

from __future__ import annotations

import inspect
import re

import pytest

from propwire import Dash, html

from .conftest import Client, asgi_get

SECRET = "TOP-SECRET-CONTENT"


@pytest.fixture
def assets_app(tmp_path):
    assets = tmp_path / "assets"
    (assets / "sub").mkdir(parents=True)
    (assets / "style.css").write_text("body { color: rebeccapurple; }")
    (assets / "app.js").write_text("window.assetLoaded = true;")
    (assets / "sub" / "more.css").write_text(".more { margin: 0; }")
    (tmp_path / "secret.txt").write_text(SECRET)
    (tmp_path / "pyproject.toml").write_text(SECRET)
    app = Dash(__name__, assets_folder=str(assets), external_stylesheets=["https://cdn.example/x.css"],
               external_scripts=[{"src": "https://cdn.example/y.js", "defer": "defer"}])
    app.layout = html.Div("hello", id="root")
    return app


def test_absolute_assets_folder_is_used_as_is(assets_app, tmp_path):
    assert assets_app.assets_folder == (tmp_path / "assets").resolve()


def test_page_links_assets_and_external_resources(assets_app):
    page = Client(assets_app).get("/").text
    head = page[:page.index("</head>")]
    # scripts go where Dash's {%scripts%} is: after the app's root and config, before propwire's bundle
    scripts = page[page.index('id="_pw-config"'):page.index("/propwire.js")]
    assert len(re.findall(r'<script [^>]*src="[^"]+"[^>]*nonce="[^"]+"', scripts)) == 2  # both run under the CSP
    head, scripts = (re.sub(r' nonce="[^"]+"', "", part) for part in (head, scripts))
    assert '<link rel="stylesheet" href="/assets/style.css">' in head
    assert '<link rel="stylesheet" href="/assets/sub/more.css">' in head
    assert '<script src="/assets/app.js"></script>' in scripts
    assert '<link rel="stylesheet" href="https://cdn.example/x.css">' in head
    assert '<script src="https://cdn.example/y.js" defer="defer"></script>' in scripts
    # external stylesheets before the app's own assets, as in Dash
    assert head.index("cdn.example/x.css") < head.index("/assets/style.css")


def test_assets_are_served(assets_app):
    client = Client(assets_app)
    response = client.get("/assets/style.css")
    assert response.status_code == 200
    assert response.text == "body { color: rebeccapurple; }"
    assert response.headers["content-type"].startswith("text/css")
    response = client.get("/assets/app.js")
    assert response.status_code == 200 and response.text == "window.assetLoaded = true;"
    assert "javascript" in response.headers["content-type"]
    assert client.get("/assets/sub/more.css").text == ".more { margin: 0; }"


def test_missing_asset_is_404_not_the_page(assets_app):
    client = Client(assets_app)
    for path in ("/assets/nope.css", "/assets/sub", "/assets/", "/assets/sub/"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "error" in response.json()


@pytest.mark.parametrize("path", ["/assets/../secret.txt", "/assets/../pyproject.toml", "/assets/sub/../../secret.txt",
                                  "/assets/%2e%2e/secret.txt", "/assets/..%2fsecret.txt", "/assets/..%2Fpyproject.toml",
                                  "/assets/%2e%2e%2fsecret.txt"])
def test_traversal_out_of_the_assets_folder_is_404(assets_app, path):
    # through HTTP (the client may normalise '..' away, then this is just some other page)...
    response = Client(assets_app).get(path)
    assert SECRET not in response.text
    # ...and straight through ASGI, with the path exactly as written, percent-decoded as a server would
    from urllib.parse import unquote

    status, body = asgi_get(assets_app, unquote(path))
    assert status == 404, (path, status)
    assert SECRET.encode() not in body


def test_absolute_path_in_assets_url_is_404(assets_app, tmp_path):
    status, body = asgi_get(assets_app, "/assets/" + str(tmp_path / "secret.txt"))
    assert status == 404 and SECRET.encode() not in body
    status, _ = asgi_get(assets_app, "/assets//etc/passwd")
    assert status == 404


def test_app_without_assets_folder_serves_the_page(tmp_path):
    app = Dash(__name__, assets_folder=str(tmp_path / "missing"))
    app.layout = html.Div("x")
    response = Client(app).get("/")
    assert response.status_code == 200 and "/assets/" not in response.text
    assert Client(app).get("/assets/style.css").status_code == 404


def test_run_binds_to_localhost_by_default():
    # don't start a server: the default is in the signature
    assert inspect.signature(Dash.run).parameters["host"].default == "127.0.0.1"
    assert Dash.run_server is Dash.run


@pytest.mark.parametrize("raw", ["/assets/style.css%00", "/assets/a%00b.css", "/assets/%00"])
def test_a_nul_in_an_asset_path_is_a_404(assets_app, raw):
    status, body = asgi_get(assets_app, raw.replace("%00", "\x00"))
    assert status == 404 and b"NUL" in body
    assert Client(assets_app).get(raw).status_code == 404  # percent-encoded, as a browser sends it


@pytest.fixture
def dotted_app(tmp_path):
    assets = tmp_path / "assets"
    (assets / ".git").mkdir(parents=True)
    (assets / ".git" / "config").write_text(SECRET)
    (assets / ".env").write_text(SECRET)
    (assets / ".well-known").mkdir()
    (assets / ".well-known" / "security.txt").write_text("Contact: me")
    (assets / ".hidden.css").write_text(SECRET)
    (assets / "drafts").mkdir()
    (assets / "drafts" / "skip.css").write_text(".skip {}")
    (assets / "main.css").write_text(".main {}")
    app = Dash(__name__, assets_folder=str(assets), assets_serve_dotfiles=[".well-known/security.txt"],
               assets_path_ignore=["^drafts$"])
    app.layout = html.Div("x", id="x")
    return app


@pytest.mark.parametrize("path", ["/assets/.env", "/assets/.git/config", "/assets/.hidden.css",
                                  "/assets/sub/../.env", "/assets/.well-known/../.env"])
def test_dotfiles_and_dot_directories_are_not_served(dotted_app, path):
    status, body = asgi_get(dotted_app, path)
    assert status == 404 and SECRET.encode() not in body


def test_a_listed_dotfile_is_served(dotted_app):
    response = Client(dotted_app).get("/assets/.well-known/security.txt")
    assert response.status_code == 200 and response.text == "Contact: me"


def test_dotfiles_and_ignored_assets_are_not_linked_but_ignored_ones_are_served(dotted_app):
    page = Client(dotted_app).get("/").text
    head = page[:page.index("</head>")]
    assert "/assets/main.css" in head and ".hidden.css" not in head and "drafts/skip.css" not in head
    assert Client(dotted_app).get("/assets/drafts/skip.css").status_code == 200  # as in Dash: still served
