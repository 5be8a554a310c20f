"""Each dcc component's real interaction in Chromium: what the user does reaches callbacks."""

import json

from playwright.sync_api import expect

from propwire import Dash, Input, Output, State, dcc, html

from .conftest import wait_idle


def echo_app(component, *props):
    """An app showing, in #echo, the JSON of the given props of `component` whenever one changes."""
    app = Dash(__name__)
    app.layout = html.Div([component, html.Div(id="echo")])
    cid = component.id

    @app.callback(Output("echo", "children"), [Input(cid, p) for p in props], prevent_initial_call=True)
    def echo(*values):
        return json.dumps(dict(zip(props, values)), ensure_ascii=False)

    return app


def echoed(page):
    return json.loads(page.locator("#echo").text_content())


def test_input_every_keystroke_without_debounce(open_app):
    page = open_app(echo_app(dcc.Input(id="i", type="text"), "value"))
    page.locator("#i").press_sequentially("abc")
    expect(page.locator("#echo")).to_have_text('{"value": "abc"}')


def test_input_debounce_true_sends_on_enter_and_blur(open_app):
    page = open_app(echo_app(dcc.Input(id="i", debounce=True), "value", "n_submit", "n_blur"))
    page.locator("#i").press_sequentially("hi")
    wait_idle(page)
    expect(page.locator("#echo")).to_have_text("")
    page.locator("#i").press("Enter")
    expect(page.locator("#echo")).to_contain_text('"value": "hi"')
    assert echoed(page)["n_submit"] == 1
    page.locator("#i").press_sequentially("!")
    page.locator("#i").blur()
    expect(page.locator("#echo")).to_contain_text('"value": "hi!"')
    assert echoed(page)["n_blur"] == 1


def test_input_debounce_seconds_waits_for_a_pause(open_app):
    page = open_app(echo_app(dcc.Input(id="i", debounce=0.5), "value"))
    page.locator("#i").press_sequentially("slow", delay=50)
    page.wait_for_timeout(200)
    expect(page.locator("#echo")).to_have_text("")
    expect(page.locator("#echo")).to_have_text('{"value": "slow"}', timeout=3000)


def test_number_input_gives_numbers_or_none(open_app):
    page = open_app(echo_app(dcc.Input(id="n", type="number"), "value"))
    page.locator("#n").fill("42")
    expect(page.locator("#echo")).to_have_text('{"value": 42}')
    page.locator("#n").fill("")
    expect(page.locator("#echo")).to_have_text('{"value": null}')


def test_keys_that_are_no_number_leave_a_number_input_empty_and_none(open_app):
    """What docs/testing.md says `type(id, "abc")` does, by real keys (Dash 4.4.1 in Chromium: field '', None)."""
    page = open_app(echo_app(dcc.Input(id="n", type="number"), "value"))
    page.locator("#n").fill("42")
    expect(page.locator("#echo")).to_have_text('{"value": 42}')
    page.locator("#n").press("Control+A")
    page.locator("#n").press_sequentially("abc")
    expect(page.locator("#echo")).to_have_text('{"value": null}')
    assert page.locator("#n").input_value() == ""


def test_textarea(open_app):
    page = open_app(echo_app(dcc.Textarea(id="t"), "value"))
    page.locator("#t").fill("line one\nline two")
    expect(page.locator("#echo")).to_have_text('{"value": "line one\\nline two"}')


def test_radio_items(open_app):
    page = open_app(echo_app(dcc.RadioItems(["red", "green"], "red", id="r"), "value"))
    page.get_by_label("green").check()
    expect(page.locator("#echo")).to_have_text('{"value": "green"}')
    expect(page.get_by_label("red")).not_to_be_checked()


def test_checklist_with_dict_options(open_app):
    page = open_app(echo_app(dcc.Checklist({"a": "Alpha", "b": "Beta"}, [], id="c"), "value"))
    page.get_by_label("Beta").check()
    expect(page.locator("#echo")).to_have_text('{"value": ["b"]}')
    page.get_by_label("Alpha").check()  # a newly checked option goes at the end, as in Dash 4.4.1
    expect(page.locator("#echo")).to_have_text('{"value": ["b", "a"]}')


def test_dropdown_single_select_and_clear(open_app):
    options = [{"label": "New York", "value": "NYC"}, {"label": "Montreal", "value": "MTL"}]
    page = open_app(echo_app(dcc.Dropdown(options, None, id="d"), "value"))
    page.locator("#d").click()
    page.get_by_text("Montreal", exact=True).click()
    expect(page.locator("#echo")).to_have_text('{"value": "MTL"}')
    page.locator("#d input").fill("New")
    page.keyboard.press("Enter")
    expect(page.locator("#echo")).to_have_text('{"value": "NYC"}')


def test_dropdown_multi(open_app):
    page = open_app(echo_app(dcc.Dropdown(["a", "b", "c"], [], multi=True, id="d"), "value"))
    page.locator("#d").click()
    page.get_by_text("b", exact=True).click()
    page.locator("#d").click()
    page.get_by_text("c", exact=True).click()
    expect(page.locator("#echo")).to_have_text('{"value": ["b", "c"]}')


def test_the_clear_x_of_a_multi_dropdown_leaves_an_empty_list(open_app):
    """What `select(id, None)` does to a multi Dropdown (docs/testing.md): [] as in Dash 4.4.1, not None."""
    page = open_app(echo_app(dcc.Dropdown(["a", "b", "c"], ["a", "b"], multi=True, id="d"), "value"))
    page.locator("#d [class*=clear-indicator]").click()
    expect(page.locator("#echo")).to_have_text('{"value": []}')


def test_slider_by_keys_and_drag(open_app):
    page = open_app(echo_app(dcc.Slider(0, 10, 1, value=5, id="s"), "value"))
    handle = page.locator("#s [role=slider]")
    expect(handle).to_have_attribute("aria-valuenow", "5")
    handle.focus()
    handle.press("ArrowRight")
    expect(page.locator("#echo")).to_have_text('{"value": 6}')
    box = page.locator("#s").bounding_box()
    hbox = handle.bounding_box()
    page.mouse.move(hbox["x"] + hbox["width"] / 2, hbox["y"] + hbox["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.999, hbox["y"] + hbox["height"] / 2, steps=5)
    page.mouse.up()
    expect(page.locator("#echo")).to_have_text('{"value": 10}')


def test_range_slider_keys(open_app):
    page = open_app(echo_app(dcc.RangeSlider(0, 10, 1, value=[2, 8], id="rs"), "value"))
    handles = page.locator("#rs [role=slider]")
    expect(handles).to_have_count(2)
    handles.nth(0).focus()
    handles.nth(0).press("ArrowRight")
    expect(page.locator("#echo")).to_have_text('{"value": [3, 8]}')


def test_link_changes_location_without_reload(open_app):
    app = Dash(__name__)
    app.layout = html.Div([dcc.Location(id="url"), dcc.Link("Go to page 2", href="/page-2", id="link"),
                           html.Div(id="page")])

    @app.callback(Output("page", "children"), Input("url", "pathname"))
    def show(pathname):
        return f"You are on {pathname}"

    page = open_app(app)
    expect(page.locator("#page")).to_have_text("You are on /")
    page.evaluate("window.notReloaded = true")
    page.click("#link")
    expect(page.locator("#page")).to_have_text("You are on /page-2")
    assert page.evaluate("window.notReloaded") is True
    assert page.url.endswith("/page-2")
    page.go_back()
    expect(page.locator("#page")).to_have_text("You are on /")


def test_store_local_survives_reload(open_app):
    app = Dash(__name__)
    app.layout = html.Div([dcc.Store(id="store", storage_type="local"), html.Button("add", id="add"),
                           html.Div(id="shown")])

    @app.callback(Output("store", "data"), Input("add", "n_clicks"), State("store", "data"), prevent_initial_call=True)
    def add(n, data):
        return (data or 0) + 1

    @app.callback(Output("shown", "children"), Input("store", "data"))
    def show(data):
        return f"stored {data}"

    page = open_app(app)
    expect(page.locator("#shown")).to_have_text("stored None")
    # one click at a time: two overlapping clicks both read the State before either answer (as in Dash), and
    # each click calls the callback exactly once (issue 11 item 6), so they could both compute 1
    page.click("#add")
    expect(page.locator("#shown")).to_have_text("stored 1")
    page.click("#add")
    expect(page.locator("#shown")).to_have_text("stored 2")
    page.reload()
    wait_idle(page)
    expect(page.locator("#shown")).to_have_text("stored 2")


def test_interval_counts(open_app):
    app = Dash(__name__)
    app.layout = html.Div([dcc.Interval(id="tick", interval=100, max_intervals=3), html.Div(id="n")])

    @app.callback(Output("n", "children"), Input("tick", "n_intervals"))
    def show(n):
        return f"ticks {n}"

    page = open_app(app)
    expect(page.locator("#n")).to_have_text("ticks 3", timeout=5000)
    page.wait_for_timeout(400)
    expect(page.locator("#n")).to_have_text("ticks 3")


def test_markdown_escapes_html_unless_allowed(open_app):
    app = Dash(__name__)
    app.layout = html.Div([dcc.Markdown("# Title\n\n<b id='raw'>bold</b>", id="md"),
                           dcc.Markdown("<i id='ok'>yes</i>", id="md2", dangerously_allow_html=True)])
    page = open_app(app)
    expect(page.locator("#md h1")).to_have_text("Title")
    expect(page.locator("#raw")).to_have_count(0)
    expect(page.locator("#md")).to_contain_text("<b id='raw'>bold</b>")
    expect(page.locator("#ok")).to_have_text("yes")


def test_user_strings_render_as_text(open_app):
    app = Dash(__name__)
    app.layout = html.Div([html.Button("go", id="b"), html.Div("<img src=x onerror=alert(1)>", id="t")])
    page = open_app(app)
    expect(page.locator("#t")).to_have_text("<img src=x onerror=alert(1)>")
    expect(page.locator("#t img")).to_have_count(0)


def test_dropdown_search_value_follows_each_key_and_keeps_focus(open_app):
    """Each key typed is a search_value; options a callback loads from it do not take the field's focus (the
    menu and the field are not remounted); the menu is outside the component, as Dash 4's popover."""
    app = Dash(__name__)
    cities = ["Montreal", "Madrid", "Paris", "Moscow"]
    app.layout = html.Div([dcc.Dropdown(id="dd"), html.Div(id="echo")])

    @app.callback(Output("dd", "options"), Output("echo", "children"), Input("dd", "search_value"),
                  prevent_initial_call=True)
    def load(search):
        return [c for c in cities if search and search in c], json.dumps(search)

    page = open_app(app)
    page.locator("#dd--input").press_sequentially("Mos", delay=60)
    expect(page.locator("#echo")).to_have_text('"Mos"')
    expect(page.locator("#dd--input")).to_be_focused()
    expect(page.locator(".pw-dropdown__option")).to_have_text(["Moscow"])
    assert page.locator("#dd .pw-dropdown__menu").count() == 0  # portalled to <body>
    page.locator(".pw-dropdown__option").click()
    expect(page.locator("#echo")).to_have_text("null")


def test_slider_drag_value_while_held_and_tooltips(open_app):
    """Held and moved, the handle sends drag_value (value waits for the release); an always-visible tooltip
    shows the template with the value after the marks; a hover-only one appears while the pointer is over."""
    app = Dash(__name__)
    app.layout = html.Div([
        dcc.Slider(0, 10, 1, value=2, id="s", tooltip={"always_visible": True, "template": "{value} kg",
                                                      "style": {"color": "rgb(255, 0, 0)"}}),
        dcc.Slider(0, 10, 1, value=4, id="h", tooltip={"placement": "bottom"}),
        html.Div(id="echo"),
    ])

    @app.callback(Output("echo", "children"), Input("s", "drag_value"), Input("s", "value"))
    def echo(drag, value):
        return f"{drag} {value}"

    page = open_app(app)
    expect(page.locator("#echo")).to_have_text("2 2")
    expect(page.locator("#s-tooltip-1-content")).to_have_text("2 kg")
    expect(page.locator("#s-tooltip-1-content")).to_have_css("color", "rgb(255, 0, 0)")
    assert page.locator("#s").inner_text().split()[-2:] == ["2", "kg"]  # after the marks
    expect(page.locator("#h-tooltip-1-content")).to_have_count(0)
    handle = page.locator("#s [role=slider]").bounding_box()
    rail = page.locator("#s .rc-slider").bounding_box()
    y = handle["y"] + handle["height"] / 2
    page.mouse.move(handle["x"] + handle["width"] / 2, y)
    page.mouse.down()
    page.mouse.move(rail["x"] + rail["width"] * 0.6, y, steps=6)
    expect(page.locator("#echo")).to_have_text("6 2")
    expect(page.locator("#s-tooltip-1-content")).to_have_text("6 kg")
    page.mouse.up()
    expect(page.locator("#echo")).to_have_text("6 6")
    page.locator("#h [role=slider]").hover()
    expect(page.locator("#h-tooltip-1-content")).to_have_text("4")
