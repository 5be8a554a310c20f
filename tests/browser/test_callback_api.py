"""The rest of the callback API in Chromium: pattern matching, flexible signatures, Patch, set_props, running."""


from playwright.sync_api import expect

from .conftest import wait_idle


def test_todo_app_adds_checks_and_deletes_items(open_app):
    page = open_app("callbacks/todo")
    expect(page.locator("#totals")).to_have_text("0 of 0 done")
    for text in ("milk", "eggs", "bread"):
        page.locator("#new-item").fill(text)
        page.click("#add")
        wait_idle(page)
    expect(page.locator("#totals")).to_have_text("0 of 3 done")
    expect(page.locator("#new-item")).to_have_value("")
    page.get_by_label("eggs").check()
    expect(page.locator("#totals")).to_have_text("1 of 3 done")
    expect(page.locator('[id=\'{"index":2,"type":"status"}\']')).to_have_text(" ✓ done")
    expect(page.locator('[id=\'{"index":1,"type":"status"}\']')).to_have_text("")
    page.click("#clear-done")
    expect(page.locator("#totals")).to_have_text("0 of 2 done")
    expect(page.get_by_label("eggs")).to_have_count(0)
    page.get_by_label("milk").check()
    page.get_by_label("bread").check()
    wait_idle(page)
    page.click("#clear-done")
    expect(page.locator("#totals")).to_have_text("0 of 0 done")  # the last ALL input removed: an empty list


def test_allsmaller_running_sum(open_app):
    page = open_app("callbacks/running_sum")
    sums = page.locator("span")
    expect(sums).to_have_text([" running sum: 1", " running sum: 3", " running sum: 6", " running sum: 10",
                               " running sum: 15"])
    page.locator('[id=\'{"index":1,"type":"value"}\']').fill("10")
    expect(sums.nth(1)).to_have_text(" running sum: 11")
    expect(sums.nth(0)).to_have_text(" running sum: 1")


def test_flexible_signature(open_app):
    page = open_app("callbacks/flexible")
    expect(page.locator("#area")).to_have_text("area 12 cm²")
    expect(page.locator("#grouping")).to_have_text("changed: nothing (initial call)")
    page.locator("#height").fill("5")
    expect(page.locator("#perimeter")).to_have_text("perimeter 16 cm")
    expect(page.locator("#grouping")).to_have_text("changed: height")


def test_patch_appends_without_resending_the_list_and_set_props_updates_another_component(open_app):
    page = open_app("callbacks/patch_list")
    expect(page.locator("#items li")).to_have_count(1000)
    page.events.clear()
    page.answers.clear()
    page.click("#add")
    expect(page.locator("#items li")).to_have_count(1001)
    expect(page.locator("#items li").last).to_have_text("new item 1")
    expect(page.locator("#note")).to_have_text("added 1 item(s)")
    wait_idle(page)
    [(_, sent)] = page.events  # one event, over the event socket
    request_bytes, response_bytes = len(sent), sum(map(len, page.answers))
    assert 0 < request_bytes < 500 and 50 < response_bytes < 1000, (request_bytes, response_bytes)  # the 1,000 items travel neither way
    page.click("#reset")  # a second callback writes the same prop (allow_duplicate)
    expect(page.locator("#items li")).to_have_count(1)
    expect(page.locator("#items li")).to_have_text("fresh start")


def test_running_props_while_a_callback_runs_and_on_error(open_app):
    page = open_app("callbacks/running")
    page.click("#work")
    expect(page.locator("#work")).to_be_disabled()
    expect(page.locator("#state")).to_have_text("working…")
    expect(page.locator("#result")).to_have_text("done 1")
    expect(page.locator("#work")).to_be_enabled()
    expect(page.locator("#state")).to_have_text("idle")
    page.click("#fail")
    expect(page.locator("#error")).to_have_text("handled: the work failed")
    assert page.errors == []


def test_newest_input_wins_when_typing_fast_into_a_slow_callback(open_app):
    import time

    from propwire import Dash, Input, Output, dcc, html

    app = Dash(__name__)
    app.layout = html.Div([dcc.Input(id="in", value=""), html.Div(id="out"), html.Div(id="len")])

    @app.callback(Output("out", "children"), Input("in", "value"), prevent_initial_call=True)
    def slow_echo(value):
        time.sleep(0.6 if len(value) == 1 else 0.05)  # the first keystroke's answer comes back last
        return value

    @app.callback(Output("len", "children"), Input("out", "children"), prevent_initial_call=True)
    def length(out):
        return f"{len(out)} chars"

    page = open_app(app)
    page.locator("#in").press_sequentially("abc", delay=30)
    wait_idle(page)
    expect(page.locator("#out")).to_have_text("abc")
    expect(page.locator("#len")).to_have_text("3 chars")
    page.wait_for_timeout(700)
    expect(page.locator("#out")).to_have_text("abc")
