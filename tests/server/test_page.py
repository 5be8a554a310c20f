"""GET /<any path>: the page carries the layout and graph, then streams the initial callbacks' results."""

from __future__ import annotations

import re

import pytest

from propwire import Dash, Input, Output, State, dcc, html
from propwire.api.serialize import to_json_value

from .conftest import Client, kinds, page_config, page_pushes


def chain_app() -> Dash:
    app = Dash(title="Chain")
    app.layout = html.Div([html.Button("go", id="btn"), html.Div("a0", id="a"), html.Div("b0", id="b")])

    @app.callback(Output("a", "children"), Input("btn", "n_clicks"))
    def make_a(n):
        return f"a{n}"

    @app.callback(Output("b", "children"), Input("a", "children"), State("btn", "n_clicks"))
    def make_b(a, n):
        return f"b({a})"

    return app


def test_page_carries_layout_graph_and_event_url():
    app = chain_app()
    response = Client(app).get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</body></html>")
    assert "<title>Chain</title>" in page
    assert '<script id="_pw-config" type="application/json">' in page
    assert re.search(r'<script type="module" async src="/_propwire/static/propwire.js" nonce="[\w-]+"></script>', page)

    config = page_config(page)
    assert set(config) >= {"layout", "graph", "eventUrl", "debug", "unknown"}
    assert config["eventUrl"] == "/_propwire/event"
    assert config["debug"] is False
    assert config["unknown"] == []
    assert config["layout"] == to_json_value(app.layout)[0]

    graph = config["graph"]
    assert set(graph) == {"props", "triggers", "callbacks"}
    props = graph["props"]
    assert sorted(props) == ["a.children", "b.children", "btn.n_clicks"]
    assert graph["triggers"] == {"btn.n_clicks": [0], "a.children": [1]}
    assert len(graph["callbacks"]) == 2
    for entry in graph["callbacks"]:
        assert set(entry) == {"name", "values", "ids", "writes"}  # no "closure": nothing in the browser read it
    # Named in every mode (not only debug): the page's messages say "Callback 'make_a'", never "Callback 0".
    assert [entry["name"] for entry in graph["callbacks"]] == ["make_a", "make_b"]
    names = lambda indices: {props[i] for i in indices}  # noqa: E731
    first, second = graph["callbacks"]
    # callback 0's read set covers itself and callback 1 downstream of it
    assert names(first["values"]) == {"btn.n_clicks", "a.children"}
    assert sorted(first["ids"]) == ["a", "b", "btn"]
    assert names(first["writes"]) == {"a.children", "b.children"}
    assert names(second["values"]) == {"a.children", "btn.n_clicks"}
    assert names(second["writes"]) == {"b.children"}


def test_initial_results_stream_in_the_same_response_after_the_config():
    page = Client(chain_app()).get("/").text
    pushes = page_pushes(page)
    assert kinds(pushes) == ["plan", "result", "result", "done"]
    assert pushes[0] == {"plan": {"callbacks": [0, 1], "props": ["a.children", "b.children"]}}
    assert pushes[1]["result"]["outputs"] == {"a.children": "aNone"}
    assert pushes[1]["result"]["triggered"] == []  # an initial call
    assert pushes[2]["result"]["outputs"] == {"b.children": "b(aNone)"}
    assert pushes[-1] == {"done": {"seq": 0}}
    assert page.index('id="_pw-config"') < page.index("propwire.push(")
    # the queue that holds pushes until the bundle loads is defined before the first push
    assert page.index("window.propwire=") < page.index("propwire.push(")


def test_seed_initial_call(load_example):
    app = load_example("initial_call")
    page = Client(app).get("/").text
    pushes = page_pushes(page)
    assert kinds(pushes) == ["plan", "result", "done"]
    assert pushes[1]["result"]["outputs"] == {"first_output_1.children": "n_clicks is None",
                                              "second_output_1.children": "n_clicks is None"}
    push_scripts = [s for s in re.split(r'<script nonce="[\w-]+">', page) if s.startswith("propwire.push(")]
    assert any("n_clicks is None" in s for s in push_scripts)
    # the layout still carries the values before the initial call; the push updates them
    assert "callback not executed" in str(page_config(page)["layout"])


@pytest.mark.parametrize("name", ["callback_context", "checklists", "initial_call", "inserted_components",
                                  "no_update_error", "prevent_initial_call", "prevent_update", "slider_input",
                                  "temperature"])
def test_seed_examples_serve_their_page(load_example, name):
    # (indirect_fast_slow is left out: its initial call sleeps five seconds)
    app = load_example(name)
    response = Client(app).get("/")
    assert response.status_code == 200
    config = page_config(response.text)
    assert config["graph"] == app.graph_for_client()
    pushes = page_pushes(response.text)
    assert pushes[0].keys() == {"plan"} and pushes[-1] == {"done": {"seq": 0}}
    assert "error" not in kinds(pushes), pushes


def test_seed_prevent_update_skips_at_load(load_example):
    pushes = page_pushes(Client(load_example("prevent_update")).get("/").text)
    assert kinds(pushes) == ["plan", "skip", "done"]
    assert pushes[1]["skip"]["reason"] == "PreventUpdate"


PAYLOAD = "</script><script>alert(1)</script>"


def test_user_strings_cannot_close_the_script_elements():
    app = Dash(title=PAYLOAD)
    app.layout = html.Div([html.Div(PAYLOAD, id="x", title="<!--"), html.Button(id="btn"), html.Div(id="out"),
                           html.Div(id="nested")])

    @app.callback(Output("out", "children"), Output("nested", "children"), Input("btn", "n_clicks"))
    def echo(n):
        return PAYLOAD.replace("1", "2") + "<!--\u2028", html.P(PAYLOAD.replace("1", "3"), id="p")

    page = Client(app).get("/").text
    for mark in ("1", "2", "3"):
        assert f"<script>alert({mark})" not in page
        assert f"alert({mark})</script>" not in page
    assert "<!--" not in page
    assert "\u2028" not in page
    # every </script> in the page closes one of propwire's own scripts
    assert page.count("</script>") == page.count("<script")
    # and the data still arrives intact
    config = page_config(page)
    assert config["layout"]["props"]["children"][0]["props"]["children"] == PAYLOAD
    outputs = page_pushes(page)[1]["result"]["outputs"]
    assert outputs["out.children"] == PAYLOAD.replace("1", "2") + "<!--\u2028"
    assert outputs["nested.children"]["props"]["children"] == PAYLOAD.replace("1", "3")


def location_app() -> Dash:
    app = Dash()
    app.layout = html.Div([dcc.Location(id="url"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("url", "pathname"), State("url", "search"))
    def show(pathname, search):
        return f"path={pathname} search={search}"

    return app


def test_any_path_serves_the_page_and_fills_location():
    client = Client(location_app())
    response = client.get("/some/deep/path")
    assert response.status_code == 200
    config = page_config(response.text)
    location = config["layout"]["props"]["children"][0]
    assert location["props"]["pathname"] == "/some/deep/path"
    assert location["props"]["search"] == ""
    assert sorted(config["unknown"]) == ["url.hash", "url.href"]  # only the browser knows these
    outputs = page_pushes(response.text)[1]["result"]["outputs"]
    assert outputs == {"out.children": "path=/some/deep/path search="}

    outputs = page_pushes(client.get("/reports/2024?year=2024&q=a%20b").text)[1]["result"]["outputs"]
    assert outputs == {"out.children": "path=/reports/2024 search=?year=2024&q=a%20b"}

    outputs = page_pushes(client.get("/").text)[1]["result"]["outputs"]
    assert outputs == {"out.children": "path=/ search="}


def test_path_is_escaped_too():
    page = Client(location_app()).get("/x</script><script>alert(1)</script>").text
    assert "<script>alert(1)" not in page and "alert(1)</script>" not in page


def test_seed_inserted_components_at_a_deep_path(load_example):
    pushes = page_pushes(Client(load_example("inserted_components")).get("/a/b").text)
    results = [p["result"] for p in pushes if "result" in p]
    # display_page runs with the path and inserts input and output; update_output (whose output came in with
    # its input) is prevented, update_layout_div (output already in the page) is triggered by the insertion
    assert [r["cb"] for r in results] == [0, 2]
    assert results[0]["outputs"]["content.children"]["props"]["children"][0]["props"]["id"] == "input"
    assert results[1]["outputs"] == {"layout-div.children": "hello world"}
    assert results[1]["triggered"] == ["input.value"]
    assert "error" not in kinds(pushes)


def test_layout_function_is_called_per_page_load():
    count = []
    app = Dash()

    def layout():
        count.append(1)
        return html.Div([html.Div(f"load {len(count)}", id="n"), html.Button(id="btn")])

    app.layout = layout
    client = Client(app)
    app.engine  # builds the graph (calls the layout once)
    before = len(count)
    first = page_config(client.get("/").text)["layout"]
    second = page_config(client.get("/").text)["layout"]
    assert len(count) == before + 2
    assert first != second


def test_favicon_is_empty_not_the_page():
    response = Client(chain_app()).get("/favicon.ico")
    assert response.status_code == 204 and response.content == b""
