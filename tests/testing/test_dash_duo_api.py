"""propwire's dash_duo fixture beyond what Dash's ported tests use: locators, keys, element reads, waits' errors,
logs, windows, storage, snapshots and the options it refuses (propwire/testing/duo*.py)."""

from __future__ import annotations

import pytest

from propwire import Dash, Input, Output, State, dcc, html
from propwire.testing.duo import (
    By,
    DuoElement,
    Keys,
    NoSuchElementException,
    StaleElementReferenceException,
    ThreadServer,
    TimeoutException,
)


def form_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([
        dcc.Input(id="name", value="ada"),
        html.Button("Go", id="go", className="btn big"),
        html.Div(id="out", style={"color": "rgb(255, 0, 0)"}),
        html.Div("hidden text", id="hidden", style={"display": "none"}),
        html.A("Read the docs", href="#docs", id="link"),
        dcc.Dropdown(id="dd", options=["red", "green", "blue"], value="red"),
        html.Div(id="picked"),
        dcc.Store(id="local", storage_type="local"),
    ])

    @app.callback(Output("out", "children"), Input("go", "n_clicks"), Input("name", "n_submit"),
                  State("name", "value"))
    def greet(n, submits, name):
        return f"{name} {n} {submits}"

    @app.callback(Output("picked", "children"), Output("local", "data"), Input("dd", "value"))
    def pick(value):
        return f"picked {value}", {"colour": value}

    return app


def test_locators_and_element_reads(dash_duo):
    dash_duo.start_server(form_app())
    dash_duo.wait_for_text_to_equal("#out", "ada None None")
    assert dash_duo.find_element("name", "ID").get_attribute("value") == "ada"
    assert dash_duo.driver.find_element(By.ID, "go").text == "Go"
    assert dash_duo.find_element("big", "CLASS_NAME").tag_name == "button"
    assert dash_duo.driver.find_element(By.LINK_TEXT, "Read the docs").get_attribute("id") == "link"
    assert dash_duo.driver.find_element(By.PARTIAL_LINK_TEXT, "the docs").get_dom_attribute("href") == "#docs"
    assert dash_duo.driver.find_element(By.XPATH, "//button[@id='go']").get_attribute("class") == "btn big"
    assert dash_duo.find_element("#go").get_attribute("disabled") is None
    hidden = dash_duo.find_element("#hidden")
    assert hidden.text == "" and not hidden.is_displayed() and hidden.get_property("textContent") == "hidden text"
    assert dash_duo.find_element("#go").is_displayed() and dash_duo.find_element("#go").is_enabled()
    assert dash_duo.find_element("#out").value_of_css_property("color") == "rgb(255, 0, 0)"
    outer = dash_duo.find_element("#_pw-root")
    assert [e.get_attribute("id") for e in outer.find_elements(By.CSS_SELECTOR, "button")] == ["go"]
    assert outer.find_element(By.XPATH, ".//button").get_attribute("id") == "go"  # relative to the element
    assert dash_duo.find_element("#go").find_elements(By.XPATH, ".//button") == []
    assert dash_duo.find_element("#go").size["width"] > 0
    assert dash_duo.find_elements(".nothing-here") == []
    with pytest.raises(NoSuchElementException, match=r"no element matches css selector='#nothing-here'$"):
        dash_duo.find_element("#nothing-here")
    with pytest.raises(NoSuchElementException, match=r"='#nmae'; did you mean 'name'\?$"):  # an id typo (issue 19)
        dash_duo.find_element("#nmae")
    with pytest.raises(NoSuchElementException, match=r"id='outt'; did you mean 'out'\?$"):
        dash_duo.driver.find_element(By.ID, "outt")
    with pytest.raises(ValueError, match="unknown locator strategy"):
        dash_duo.driver.find_element("by magic", "x")


def test_keys_and_input_helpers(dash_duo):
    dash_duo.start_server(form_app())
    field = dash_duo.find_element("#name")
    field.send_keys("x", Keys.ENTER)  # selenium types at the end of the field; Enter is dcc.Input's n_submit
    dash_duo.wait_for_text_to_equal("#out", "adax None 1")
    field.send_keys(Keys.BACKSPACE, Keys.SHIFT, "b", Keys.NULL, "c", Keys.ENTER)  # SHIFT held until NULL
    dash_duo.wait_for_text_to_equal("#out", "adaBc None 2")
    dash_duo.clear_input(field)
    assert field.get_attribute("value") == ""
    field.send_keys("z")
    dash_duo.multiple_click("#go", 2)
    dash_duo.wait_for_text_to_equal("#out", "z 2 2")
    field.clear()
    assert field.get_attribute("value") == ""
    with pytest.raises(ValueError, match="U\\+E00B"):
        field.send_keys("\ue00b")  # PAUSE: no key for it in a page


def test_dropdown_and_storage(dash_duo):
    dash_duo.start_server(form_app())
    dash_duo.wait_for_text_to_equal("#picked", "picked red")
    dash_duo.select_dcc_dropdown("#dd", "blue")
    dash_duo.wait_for_text_to_equal("#picked", "picked blue")
    dash_duo.select_dcc_dropdown("#dd", index=1)
    dash_duo.wait_for_text_to_equal("#picked", "picked green")
    assert dash_duo.get_local_storage("local") == {"colour": "green"}
    dash_duo.clear_storage()
    assert dash_duo.get_local_storage("local") is None
    with pytest.raises(ValueError, match="no option with value='purple'"):
        dash_duo.select_dcc_dropdown("#dd", "purple")


def test_waits_say_what_they_found(dash_duo):
    dash_duo.start_server(form_app())
    dash_duo.wait_for_style_to_equal("#out", "color", "rgb(255, 0, 0)")
    dash_duo.wait_for_class_to_equal("#go", "btn big")
    dash_duo.wait_for_contains_class("#go", "big")
    assert isinstance(dash_duo.wait_for_element_by_id("go"), DuoElement)
    dash_duo.wait_for_no_elements(".nothing-here")
    with pytest.raises(TimeoutException, match="waiting for selector #later"):
        dash_duo.wait_for_element("#later", timeout=0.3)
    with pytest.raises(TimeoutException, match="waiting for element id later"):
        dash_duo.wait_for_element_by_id("later", timeout=0.3)
    with pytest.raises(TimeoutException, match="style val => color blue"):
        dash_duo.wait_for_style_to_equal("#out", "color", "blue", timeout=0.3)
    with pytest.raises(TimeoutException, match="classname -> small not found inside element"):
        dash_duo.wait_for_contains_class("#go", "small", timeout=0.3)
    with pytest.raises(TimeoutException, match="#go still in the page"):
        dash_duo.wait_for_no_elements("#go", timeout=0.3)


def test_stale_element_after_rerender(dash_duo):
    app = Dash(__name__)
    app.layout = html.Div([html.Button("swap", id="swap"), html.Div(html.Span("one", id="inner"), id="box")])

    @app.callback(Output("box", "children"), Input("swap", "n_clicks"), prevent_initial_call=True)
    def swap(n):
        return html.B(f"new {n}", id="inner")  # another tag: React makes a new node (a Span it would reuse)

    dash_duo.start_server(app)
    old = dash_duo.find_element("#inner")
    dash_duo.find_element("#swap").click()
    dash_duo.wait_for_text_to_equal("#inner", "new 1")
    with pytest.raises(StaleElementReferenceException):
        old.text  # noqa: B018 - the read is the test


def test_logs_scripts_and_windows(dash_duo, tmp_path, monkeypatch):
    dash_duo.start_server(form_app())
    assert dash_duo.get_logs() == []
    dash_duo.driver.execute_script("console.error('boom', arguments[0])", 7)
    logs = dash_duo.get_logs()
    assert [(e["level"], e["message"]) for e in logs] == [("SEVERE", "boom 7")]
    dash_duo.reset_log_timestamp()
    assert dash_duo.get_logs() == []
    button = dash_duo.driver.execute_script("return document.getElementById('go')")
    assert isinstance(button, DuoElement) and button.text == "Go"
    assert dash_duo.driver.execute_script("return arguments[0].id", button) == "go"
    assert dash_duo.driver.title and dash_duo.driver.current_url == dash_duo.server_url + "/"
    assert not dash_duo.redux_state_is_loading
    with pytest.raises(NotImplementedError, match="propwire keeps no Redux store"):
        dash_duo.redux_state_paths  # noqa: B018 - the read is the test
    dash_duo.open_new_tab(dash_duo.server_url + "/")
    assert len(dash_duo.driver.window_handles) == 2
    dash_duo.toggle_window()
    dash_duo.wait_for_text_to_equal("#out", "ada None None")
    dash_duo.toggle_window()
    dash_duo.find_element("#go").click()
    dash_duo.wait_for_text_to_equal("#out", "ada 1 None")
    monkeypatch.setenv("PROPWIRE_DUO_SNAPSHOTS", str(tmp_path / "shots"))
    dash_duo.percy_snapshot("after click", wait_for_callbacks=True)
    assert (tmp_path / "shots" / "after_click.png").read_bytes()[:4] == b"\x89PNG"
    dash_duo.take_snapshot("failure")
    assert (tmp_path / "download" / "failure.png").exists()


def test_server_options(dash_duo):
    import dash  # the test extra's oracle: a Dash app is refused with the way to run it

    with pytest.raises(TypeError, match="-p no:propwire"):
        dash_duo.start_server(dash.Dash(__name__))
    with pytest.raises(ValueError, match="127.0.0.1 only"):
        dash_duo.start_server(form_app(), host="0.0.0.0")
    with pytest.warns(UserWarning, match="dev_tools_ui"):
        dash_duo.start_server(form_app(), debug=True, use_reloader=False, dev_tools_ui=True)
    dash_duo.wait_for_text_to_equal("#out", "ada None None")


def test_dash_br_on_a_thread_server(dash_br):
    with ThreadServer() as server:  # dash_br: a browser on a server the test started itself
        server(form_app())
        dash_br.server_url = server.url
        dash_br.wait_for_text_to_equal("#picked", "picked red")
        dash_br.visit_and_snapshot("/", hook_id="picked", stay_on_page=True)
        assert dash_br.driver.current_url == server.url + "/"


def test_a_dash_duo_app_gets_no_default_stylesheet_unless_it_asks(dash_duo):
    """Dash's tests were written against Dash's unstyled page (docs/app.md#the-default-stylesheet)."""
    plain, themed = Dash(__name__), Dash(__name__, default_stylesheet=True)
    assert plain.default_stylesheet is False and themed.default_stylesheet is True
    plain.layout = html.Div("plain", id="plain")
    dash_duo.start_server(plain)
    dash_duo.wait_for_text_to_equal("#plain", "plain")
    sheets = dash_duo.driver.execute_script("return Array.from(document.styleSheets).map(s => s.href || '')")
    assert any(s.endswith("/propwire.css") for s in sheets) and not any("propwire-theme.css" in s for s in sheets)
