"""Dash() options and app attributes (issue 16 part 5): app.config, the prefixes' rules, the path helpers,
app.css / app.scripts, and no option accepted silently (each unsupported one a warning or error naming it)."""

from __future__ import annotations

import os
import socket
import warnings

import pytest

from propwire import Dash, Input, Output, html, page_container, register_page
from propwire.exceptions import InvalidConfig, ResourceException, UnsupportedRelativePath
from propwire.testing import Client as HeadlessClient
from propwire.web.listen import listen

from .conftest import Client


def _app(**options) -> Dash:
    app = Dash(__name__, **options)
    app.layout = html.Div("hello", id="root")
    return app


def _caught(make) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        make()
    return [str(w.message) for w in caught]


def test_config_reads_the_options_by_dash_names():
    app = _app(title="Sales", suppress_callback_exceptions=True, url_base_pathname="/sales/", compress=True,
               meta_tags=[{"name": "x", "content": "y"}], update_title=None, assets_url_path="files")
    config = app.config
    assert config.title == "Sales" and config.suppress_callback_exceptions is True and config.compress is True
    assert (config.url_base_pathname, config.routes_pathname_prefix, config.requests_pathname_prefix) == \
        ("/sales/", "/sales/", "/sales/")
    assert config.meta_tags == [{"name": "x", "content": "y"}] and config.update_title is None
    assert config["assets_url_path"] == "files" and config.serve_locally is True


def test_config_settings_after_the_constructor_take_effect():
    app = Dash(__name__)
    app.layout = html.Div([html.Div(id="later")])
    app.config.suppress_callback_exceptions = True  # the multi-page app's line, as in Dash
    assert app.suppress_callback_exceptions is True
    app.config.external_stylesheets.append("https://cdn.example/late.css")
    app.config.update_title = "Working..."
    page = Client(app).get("/").text
    assert "https://cdn.example/late.css" in page and '"updateTitle":"Working..."' in page


@pytest.mark.parametrize("key", ["compress", "serve_locally", "routes_pathname_prefix", "assets_url_path", "name"])
def test_constructor_only_config_keys_are_read_only(key):
    app = _app()
    with pytest.raises(AttributeError, match="Read-only"):
        setattr(app.config, key, "/x/")


def test_config_refuses_a_new_key():
    app = _app()
    with pytest.raises(AttributeError, match="Invalid config key"):
        app.config.supress_callback_exceptions = True  # the typo is refused, not a key nothing reads
    with pytest.raises(AttributeError):
        app.config.nothing_like_this


@pytest.mark.parametrize("options, message", [
    ({"url_base_pathname": "/a/", "requests_pathname_prefix": "/a/"}, "requests_pathname_prefix"),
    ({"url_base_pathname": "/a/", "routes_pathname_prefix": "/a/"}, "routes_pathname_prefix"),
    ({"routes_pathname_prefix": "a/"}, "start with `/`"),
    ({"routes_pathname_prefix": "/a"}, "end with `/`"),
    ({"requests_pathname_prefix": "a/"}, "`requests_pathname_prefix` needs to start with `/`"),
])
def test_bad_prefixes_are_dash_errors(options, message):
    with pytest.raises(InvalidConfig, match=message.replace("`", ".")):
        Dash(__name__, **options)


def test_prefixes_from_the_environment_and_the_app_name(monkeypatch):
    monkeypatch.setenv("DASH_URL_BASE_PATHNAME", "/env/")
    assert _app().config.routes_pathname_prefix == "/env/"
    monkeypatch.delenv("DASH_URL_BASE_PATHNAME")
    monkeypatch.setenv("DASH_APP_NAME", "myapp")
    config = _app().config
    assert (config.routes_pathname_prefix, config.requests_pathname_prefix) == ("/", "/myapp/")


def test_path_helpers_follow_the_requests_prefix():
    app = _app(requests_pathname_prefix="/team/sales/")
    assert app.get_relative_path("/page-2") == "/team/sales/page-2"
    assert app.get_relative_path("") == "/team/sales/"
    assert app.strip_relative_path("/team/sales/page-2/sub/") == "page-2/sub"
    assert app.strip_relative_path("/team/sales") == "" and app.strip_relative_path(None) is None
    assert app.get_asset_url("img/logo.png") == "/team/sales/assets/img/logo.png"
    with pytest.raises(UnsupportedRelativePath):
        app.get_relative_path("page-2")
    with pytest.raises(UnsupportedRelativePath):
        app.strip_relative_path("/elsewhere/page-2")
    root = _app()
    assert root.get_relative_path("/a") == "/a" and root.strip_relative_path("/a/") == "a"
    assert root.get_relative_path("") == "/"


@pytest.mark.parametrize("option, value", [("show_undo_redo", True), ("eager_loading", True),
                                           ("extra_hot_reload_paths", ["data/"])])
def test_unsupported_options_warn_naming_the_option(option, value):
    messages = _caught(lambda: Dash(__name__, **{option: value}))
    assert any(f"Dash({option}=" in m for m in messages), messages


@pytest.mark.parametrize("option, value", [("show_undo_redo", False), ("eager_loading", False),
                                           ("extra_hot_reload_paths", []), ("background_callback_manager", None),
                                           ("server", True), ("serve_locally", True)])
def test_the_neutral_value_of_an_unsupported_option_is_no_warning(option, value):
    assert _caught(lambda: Dash(__name__, **{option: value})) == []


@pytest.mark.parametrize("server", [object(), "flask"])
def test_server_other_than_true_false_or_a_flask_app_is_an_error_naming_it(server):
    with pytest.raises(TypeError, match=r"Dash\(server="):
        Dash(__name__, server=server)


def test_serve_locally_false_warns_and_lets_appended_resources_link():
    messages = _caught(lambda: Dash(__name__, serve_locally=False))
    assert any("serve_locally=False" in m for m in messages)


def test_appended_css_and_scripts_follow_dash_rules():
    app = _app()
    app.css.append_css({"external_url": "https://cdn.example/local-only.css"})  # served locally: not linked
    app.css.append_css({"external_url": "https://cdn.example/always.css", "external_only": True})
    app.scripts.config.serve_locally = False  # Dash's old pattern
    app.scripts.append_script({"external_url": ["https://cdn.example/a.js", "https://cdn.example/b.js"]})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        page = Client(app).get("/").text
    assert "always.css" in page and "local-only.css" not in page
    assert any("local-only.css" in str(w.message) and "external_stylesheets" in str(w.message) for w in caught)
    assert page.index("cdn.example/a.js") < page.index("cdn.example/b.js") < page.index("/propwire.js")
    with pytest.raises(ResourceException, match="external_url"):
        app.css.append_css({"relative_package_path": "x.css", "namespace": "pkg"})


def test_plugins_are_plugged_in_and_a_non_plugin_is_an_error():
    seen = []

    class Plugin:
        def plug(self, app):
            seen.append(app)

    app = _app(plugins=[Plugin()])
    assert seen == [app]
    with pytest.raises(TypeError, match="plug"):
        Dash(__name__, plugins=[object()])


def test_run_options_propwire_does_not_use_warn_naming_each(monkeypatch):
    import uvicorn

    served = []
    def run(app, fd, **kw):  # the socket app.run bound, on the port asked for
        with socket.socket(fileno=os.dup(fd)) as sock:
            served.append(sock.getsockname()[1])

    monkeypatch.setattr(uvicorn, "run", run)
    app = _app()
    port = listen("127.0.0.1", 0)
    free = port.getsockname()[1]
    port.close()
    messages = _caught(lambda: app.run(port=free, dev_tools_ui=False, proxy="http://0.0.0.0:8050::https://x",
                                       threaded=True, dev_tools_props_check=None))
    assert served == [free]
    assert any("dev_tools_ui=False" in m for m in messages) and any("proxy=" in m for m in messages)
    assert any("threaded=True" in m and "Flask" in m for m in messages)
    assert not any("dev_tools_props_check" in m for m in messages)  # None: Dash's "not given"


def test_use_async_false_refuses_an_async_callback_naming_it():
    app = _app(use_async=False)

    @app.callback(Output("root", "title"), Input("root", "n_clicks"))
    async def titled(n):
        return str(n)

    with pytest.raises(InvalidConfig, match=r"callback 'titled'.*use_async=False"):
        app.engine


def test_use_async_false_refuses_an_async_page_layout_naming_the_page():
    app = Dash(__name__, use_pages=True, pages_folder="", use_async=False)

    async def slow():
        return html.Div("late")

    register_page("slow", path="/", layout=slow)
    app.layout = html.Div(page_container)
    with pytest.raises(InvalidConfig, match=r"page 'slow': its layout is an async function"):
        app.engine


@pytest.mark.parametrize("value", [True, None])
def test_use_async_true_or_none_serves_an_async_callback(value):
    app = _app(use_async=value)

    @app.callback(Output("root", "title"), Input("root", "n_clicks"))
    async def titled(n):
        return f"n={n}"

    assert app.use_async is True
    with HeadlessClient(app).open() as client:
        assert client.prop("root", "title") == "n=None"
        client.click("root")
        assert client.prop("root", "title") == "n=1"


def test_use_async_other_than_a_bool_is_a_type_error():
    with pytest.raises(TypeError, match=r"use_async=\.\.\.\) takes True, False or None, got 'yes'"):
        _app(use_async="yes")
