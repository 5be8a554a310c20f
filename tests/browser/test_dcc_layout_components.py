"""dcc.Tabs, Loading, Button, ConfirmDialog and Tooltip in Chromium: the DOM classes apps style, and behaviour
only a browser shows (a spinner during a slow callback, the confirm() box's message, the breakpoint)."""

import time

from playwright.sync_api import expect

from propwire import Dash, Input, Output, dcc, html

from .conftest import wait_idle


def test_loading_spinner_covers_a_slow_output_then_goes(open_app):
    app = Dash(__name__)
    app.layout = html.Div([
        html.Button("go", id="go"),
        dcc.Loading(html.Div("idle", id="out"), id="spin", type="dot"),
        dcc.Loading(html.Div(id="side"), id="other", target_components={"side": "title"}),
    ])

    @app.callback(Output("out", "children"), Output("side", "children"), Input("go", "n_clicks"),
                  prevent_initial_call=True)
    def slow(n):
        time.sleep(1.0)
        return f"done {n}", "side"

    page = open_app(app)
    expect(page.locator("#spin .dash-spinner")).to_have_count(0)
    page.locator("#go").click()
    expect(page.locator("#spin .dash-spinner.dash-dot-spinner")).to_be_visible()
    expect(page.locator("#out")).to_be_hidden()  # the children stay in the page, hidden under the spinner
    expect(page.locator("#other .dash-spinner")).to_have_count(0)  # its target is `title`, not `children`
    expect(page.locator("#out")).to_have_text("done 1", timeout=5000)
    expect(page.locator("#spin .dash-spinner")).to_have_count(0)
    expect(page.locator("#out")).to_be_visible()
    expect(page.locator("#side")).to_have_text("side")


def test_loading_delay_show_keeps_a_short_load_from_flashing(open_app):
    app = Dash(__name__)
    app.layout = html.Div([html.Button("go", id="go"),
                           dcc.Loading(html.Div(id="out"), id="spin", delay_show=5000, debug=True)])

    @app.callback(Output("out", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
    def slow(n):
        time.sleep(0.5)
        return n

    page = open_app(app)
    seen = []
    page.expose_function("seen", lambda n: seen.append(n))
    page.evaluate("""() => new MutationObserver(() =>
        window.seen(document.querySelectorAll('#spin .dash-spinner').length)).observe(document.body,
        {subtree: true, childList: true})""")
    page.locator("#go").click()
    expect(page.locator("#out")).to_have_text("1", timeout=5000)
    wait_idle(page)
    assert all(n == 0 for n in seen), "the spinner showed although the load was shorter than delay_show"


def test_tabs_classes_content_and_breakpoint(open_app):
    app = Dash(__name__)
    app.layout = html.Div([dcc.Tabs(id="tabs", vertical=True, parent_className="mine", content_className="body",
                                    children=[
        dcc.Tab(label="A", id="ta", children=html.P("alpha", id="pa"), selected_className="picked"),
        dcc.Tab(label="B", id="tb", children=html.P("beta", id="pb"), width=120),
        dcc.Tab(label="C", id="tc", disabled=True, children="gamma"),
    ])])
    page = open_app(app)
    expect(page.locator("#tabs")).to_have_class("tab-container tab-container--vert")
    expect(page.locator("#tabs-parent")).to_have_class("tab-parent tab-parent--vert tab-parent--above-breakpoint mine")
    expect(page.locator("#ta")).to_have_class("tab tab--selected picked")
    expect(page.locator("#tc")).to_have_class("tab tab--disabled")
    expect(page.locator("#tb")).to_have_css("width", "120px")
    expect(page.locator(".tab-content.tab-content--vert.body #pa")).to_have_text("alpha")
    expect(page.locator("#pb")).to_have_count(0)  # only the picked tab's children are in the page
    page.locator("#tb").click()
    expect(page.locator("#pb")).to_have_text("beta")
    expect(page.locator("#pa")).to_have_count(0)
    expect(page.locator("#ta")).to_have_class("tab")
    page.locator("#tc").click()
    wait_idle(page)
    expect(page.locator("#pb")).to_have_text("beta")  # a disabled tab takes no click
    page.set_viewport_size({"width": 600, "height": 600})  # below mobile_breakpoint (800): headers stack
    expect(page.locator("#tabs-parent")).to_have_class("tab-parent tab-parent--vert mine")


def test_button_counts_clicks_and_blurs(open_app):
    app = Dash(__name__)
    app.layout = html.Div([dcc.Button("b", id="b", className="big"), html.Div(id="echo")])

    @app.callback(Output("echo", "children"), Input("b", "n_clicks"), Input("b", "n_blur"))
    def echo(clicks, blurs):
        return f"{clicks}/{blurs}"

    page = open_app(app)
    expect(page.locator("#b")).to_have_class("dash-button big")
    expect(page.locator("#b")).to_have_attribute("type", "button")
    page.locator("#b").click()
    expect(page.locator("#echo")).to_have_text("1/None")
    page.locator("#b").blur()
    expect(page.locator("#echo")).to_have_text("1/1")


def test_confirm_dialog_shows_its_message_in_window_confirm(open_app):
    app = Dash(__name__)
    app.layout = html.Div([dcc.ConfirmDialog(id="sure", message="Delete <b>all</b>?"), html.Button("ask", id="ask"),
                           html.Div(id="out")])

    @app.callback(Output("sure", "displayed"), Input("ask", "n_clicks"), prevent_initial_call=True)
    def ask(n):
        return True

    @app.callback(Output("out", "children"), Input("sure", "submit_n_clicks"), Input("sure", "cancel_n_clicks"),
                  prevent_initial_call=True)
    def answered(ok, cancel):
        return f"{ok} {cancel}"

    page = open_app(app)
    messages = []

    def answer(dialog):
        messages.append((dialog.type, dialog.message))
        dialog.accept() if len(messages) == 1 else dialog.dismiss()

    page.on("dialog", answer)
    page.locator("#ask").click()
    expect(page.locator("#out")).to_have_text("1 None")
    page.locator("#ask").click()
    expect(page.locator("#out")).to_have_text("1 1")
    assert messages == [("confirm", "Delete <b>all</b>?")] * 2  # the message as text, once per displayed=True


def test_tooltip_sits_at_its_bbox(open_app):
    app = Dash(__name__)
    app.layout = html.Div([dcc.Tooltip(html.B("<i>tip</i>", id="t"), id="tip", direction="left",
                                       bbox={"x0": 40, "y0": 30, "x1": 60, "y1": 50}, background_color="pink")])
    page = open_app(app)
    box = page.locator(".dcc-tooltip-bounding-box")
    expect(box).to_have_css("left", "40px")
    expect(box).to_have_css("top", "30px")
    expect(box).to_have_css("width", "20px")
    expect(page.locator(".hover.hover-left #tip.hover-content #t")).to_have_text("<i>tip</i>")


def test_loading_spins_from_the_click_through_a_chain_in_one_request(open_app):
    """The plan says at once that the chain's last callback will write the output inside the Loading, so the
    spinner is up before the first callback is done, and the whole chain is one request."""
    app = Dash(__name__)
    app.layout = html.Div([
        html.Button("go", id="go"),
        html.Div(id="mid"),
        dcc.Loading(html.Div("idle", id="out"), id="spin"),
    ])

    @app.callback(Output("mid", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
    def first(n):
        time.sleep(0.8)
        return f"mid {n}"

    @app.callback(Output("out", "children"), Input("mid", "children"), prevent_initial_call=True)
    def second(mid):
        time.sleep(0.3)
        return f"out of {mid}"

    page = open_app(app)
    events = page.events
    events.clear()
    page.locator("#go").click()
    expect(page.locator("#spin .dash-spinner")).to_be_visible(timeout=600)  # before `first` returns
    expect(page.locator("#mid")).to_have_text("")
    expect(page.locator("#out")).to_have_text("out of mid 1", timeout=5000)
    expect(page.locator("#spin .dash-spinner")).to_have_count(0)
    assert len(events) == 1
