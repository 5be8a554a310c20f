"""Each example of the seed page, in Chromium, behaves as the page's text says."""

from playwright.sync_api import expect

from .conftest import wait_idle


def test_prevent_update_shows_secret_only_after_click(open_app):
    page = open_app("prevent_update")
    expect(page.locator("#body-div")).to_have_text("")
    page.click("#show-secret")
    expect(page.locator("#body-div")).to_have_text("Elephants are the only animal that can't jump")
    assert page.errors == []


def test_prime_keeps_previous_factorization_and_shows_error(open_app):
    page = open_app("no_update_error")
    num = page.locator("#num")
    num.fill("12")
    wait_idle(page)
    expect(page.locator("#out")).to_have_text("")  # debounce=True: nothing before Enter
    num.press("Enter")
    expect(page.locator("#out")).to_have_text("12 is 2 * 2 * 3")
    num.fill("7")
    num.press("Enter")
    expect(page.locator("#err")).to_have_text("7 is prime!")
    expect(page.locator("#out")).to_have_text("12 is 2 * 2 * 3")
    num.fill("15")
    num.blur()  # blur also sends with debounce=True
    expect(page.locator("#out")).to_have_text("15 is 3 * 5")
    expect(page.locator("#err")).to_have_text("")


def test_callback_context_names_the_button_clicked(open_app):
    page = open_app("callback_context")
    pre = page.locator("#container pre")
    expect(pre).to_contain_text('"triggered": []')
    expect(pre).to_contain_text('"btn-1.n_clicks": null')
    page.click("#btn-2")
    expect(page.locator("#container td").nth(3)).to_have_text("btn-2")
    expect(page.locator("#container td").nth(1)).to_have_text("1")
    expect(pre).to_contain_text('"prop_id": "btn-2.n_clicks"')
    page.click("#btn-3")
    expect(page.locator("#container td").nth(3)).to_have_text("btn-3")


def test_initial_call_runs_with_n_clicks_none(open_app):
    page = open_app("initial_call")
    expect(page.locator("#first_output_1")).to_have_text("n_clicks is None")
    expect(page.locator("#second_output_1")).to_have_text("n_clicks is None")
    page.click("#button_1")
    expect(page.locator("#first_output_1")).to_have_text("n_clicks is 1")
    expect(page.locator("#second_output_1")).to_have_text("n_clicks is 1")


RECORD_CHANGES = """() => {
  window.changes = [];
  for (const id of ['first_output_3', 'second_output_3', 'third_output_3']) {
    const el = document.getElementById(id);
    new MutationObserver(() => window.changes.push([id, performance.now(), el.textContent]))
      .observe(el, {childList: true, characterData: true, subtree: true});
  }
}"""


def test_third_callback_waits_for_slow_one_after_slow_then_fast(open_app):
    page = open_app("indirect_fast_slow")
    page.evaluate(RECORD_CHANGES)
    page.click("#button_4")  # slow (5 s)
    page.wait_for_timeout(300)
    page.click("#button_3")  # fast
    expect(page.locator("#first_output_3")).to_contain_text("in the fast callback")
    wait_idle(page, timeout=20_000)
    changes = page.evaluate("window.changes")
    first = [t for i, t, _ in changes if i == "first_output_3"]
    second = [t for i, t, _ in changes if i == "second_output_3"]
    third = [t for i, t, _ in changes if i == "third_output_3"]
    assert first and second and third
    assert first[0] < second[0], "the fast callback shows before the slow one finishes"
    assert min(third) >= second[0], "the third callback changed before the slow one finished"
    assert page.errors == []


def test_prevent_initial_call_leaves_layout_then_chain_runs(open_app):
    page = open_app("prevent_initial_call")
    for i in (1, 2, 3, 4):
        name = ["first", "second", "third", "fourth"][i - 1]
        expect(page.locator(f"#{name}_output_2")).to_have_text("callback not executed")
    page.click("#button_2")
    expect(page.locator("#first_output_2")).to_contain_text("in the first callback")
    wait_idle(page, timeout=20_000)
    expect(page.locator("#third_output_2")).to_contain_text("in the second callback")
    expect(page.locator("#fourth_output_2")).to_contain_text("in the third callback")


def test_inserted_input_fires_update_layout_div_not_update_output(open_app):
    page = open_app("inserted_components")
    expect(page.locator("#layout-div")).to_have_text("hello world")
    expect(page.locator("#output")).to_have_text("")
    page.locator("#input").fill("typed")
    expect(page.locator("#output")).to_have_text("typed")
    expect(page.locator("#layout-div")).to_have_text("typed")


def test_slider_and_input_stay_in_sync(open_app):
    page = open_app("slider_input")
    handle = page.locator("#slider-circular [role=slider]")
    expect(handle).to_have_attribute("aria-valuenow", "3")
    handle.focus()
    handle.press("ArrowRight")
    expect(page.locator("#input-circular")).to_have_value("4")
    page.locator("#input-circular").fill("15")
    expect(handle).to_have_attribute("aria-valuenow", "15")


def test_celsius_and_fahrenheit_convert_both_ways(open_app):
    page = open_app("temperature")
    page.locator("#celsius").fill("100")
    expect(page.locator("#fahrenheit")).to_have_value("212")
    page.locator("#fahrenheit").fill("32")
    expect(page.locator("#celsius")).to_have_value("0")


def test_all_checklist_and_cities_stay_in_sync(open_app):
    page = open_app("checklists")
    cities = ["New York City", "Montréal", "San Francisco"]
    page.get_by_label("All").check()
    for city in cities:
        expect(page.get_by_label(city)).to_be_checked()
    page.get_by_label("Montréal").uncheck()
    expect(page.get_by_label("All")).not_to_be_checked()
    page.get_by_label("Montréal").check()
    expect(page.get_by_label("All")).to_be_checked()
    page.get_by_label("All").uncheck()
    for city in cities:
        expect(page.get_by_label(city)).not_to_be_checked()
