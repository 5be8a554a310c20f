"""Engine tests: each example of the seed page behaves as the page's text says."""


from .harness import Page


def test_prevent_update_keeps_body_until_clicked():
    page = Page.from_example("prevent_update")
    page.load()
    assert page.get("body-div.children") is None
    assert page.kinds() == ["plan", "skip"]
    page.act({"show-secret.n_clicks": 1})
    assert page.get("body-div.children") == "Elephants are the only animal that can't jump"


def test_no_update_keeps_previous_factors_while_showing_prime_error():
    page = Page.from_example("no_update_error")
    page.load()
    page.act({"num.value": 12})
    assert page.get("out.children") == "12 is 2 * 2 * 3"
    assert page.get("err.children") == ""
    page.act({"num.value": 7})
    assert page.get("out.children") == "12 is 2 * 2 * 3"
    assert page.get("err.children") == "7 is prime!"


def test_callback_context_reports_the_clicked_button():
    page = Page.from_example("callback_context")
    page.load()
    text = str(page.get("container.children"))
    assert '"triggered": []' in text and '"btn-1.n_clicks": null' in text
    page.act({"btn-2.n_clicks": 1})
    text = str(page.get("container.children"))
    assert "btn-2" in text and '"prop_id": "btn-2.n_clicks"' in text


def test_initial_call_replaces_the_layout_text():
    page = Page.from_example("initial_call")
    page.load()
    assert page.get("first_output_1.children") == "n_clicks is None"
    assert page.get("second_output_1.children") == "n_clicks is None"
    page.act({"button_1.n_clicks": 1})
    assert page.get("first_output_1.children") == "n_clicks is 1"


def test_fast_then_slow_third_waits_for_the_slow_one():
    page = Page.from_example("indirect_fast_slow")
    page.load()
    # Initial load: third runs once, after both of its upstream callbacks.
    assert page.ran()[-1] == "third_callback" and page.ran().count("third_callback") == 1
    # "slow" is running (its outputs are pending) when "fast" is clicked: third is not run yet.
    lines = page.act({"button_3.n_clicks": 1}, pending={"second_output_3.children", "third_output_3.children"})
    assert page.ran() == ["first_callback"]
    assert any("deferred" in l for l in lines)
    # Without anything pending, fast runs first and third after it in the same response.
    page.act({"button_3.n_clicks": 2})
    assert page.ran() == ["first_callback", "third_callback"]


def test_prevent_initial_call_example_runs_nothing_at_load_then_the_chain():
    page = Page.from_example("prevent_initial_call")
    page.load()
    assert page.ran() == []
    assert page.get("fourth_output_2.children") == "callback not executed"
    page.act({"button_2.n_clicks": 1})
    assert page.ran() == ["first_callback", "second_callback", "third_output"]
    assert page.get("fourth_output_2.children").startswith("in the third callback")


def test_inserted_components_fire_update_layout_div_not_update_output(capsys):
    page = Page.from_example("inserted_components")
    page.load()
    out = capsys.readouterr().out
    assert ">>> update_layout_div" in out and ">>> update_output" not in out
    assert page.get("layout-div.children") == "hello world"
    assert page.get("output.children") is None


def test_slider_and_input_stay_in_sync():
    page = Page.from_example("slider_input")
    page.load()
    page.act({"slider-circular.value": 12})
    assert page.get("input-circular.value") == 12
    page.act({"input-circular.value": 5})
    assert page.get("slider-circular.value") == 5


def test_celsius_and_fahrenheit_convert_both_ways():
    page = Page.from_example("temperature")
    page.load()
    page.act({"celsius.value": 100})
    assert page.get("fahrenheit.value") == 212.0
    page.act({"fahrenheit.value": 32})
    assert page.get("celsius.value") == 0.0


def test_all_checklist_and_cities_stay_in_sync():
    page = Page.from_example("checklists")
    page.load()
    page.act({"all-checklist.value": ["All"]})
    assert page.get("city-checklist.value") == ["New York City", "Montréal", "San Francisco"]
    page.act({"city-checklist.value": ["Montréal"]})
    assert page.get("all-checklist.value") == []
    page.act({"city-checklist.value": ["New York City", "Montréal", "San Francisco"]})
    assert page.get("all-checklist.value") == ["All"]
