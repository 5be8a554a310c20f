"""dcc.DatePickerSingle in Chromium: the calendar popup picks a day (greyed days take no click), its month
buttons move and stop at min/max allowed, typed text is read by display_format, the clear x unsets the date, a
persisted pick survives a reload, and only a page with a picker fetches its chunk."""

from playwright.sync_api import expect

from propwire import Dash, Input, Output, dcc, html


def _app(**picker):
    app = Dash(__name__)
    app.layout = html.Div([dcc.DatePickerSingle(id="day", **picker), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("day", "date"))
    def show(date):
        return f"date={date}"

    return app


def test_calendar_click_picks_a_day_and_closes(open_app):
    page = open_app(_app(date="2024-05-17", min_date_allowed="2024-05-03", max_date_allowed="2024-06-20",
                         disabled_days=["2024-05-21"], first_day_of_week=1))
    expect(page.locator("#out")).to_have_text("date=2024-05-17")
    page.locator("#day").click()
    cal = page.locator(".dash-datepicker-content")
    # the header: the active month and its year (month_format 'MMMM YYYY'); no month captions for one month
    expect(cal.locator(".dash-datepicker-header-month")).to_have_text("May")
    expect(cal.locator(".dash-datepicker-header-year")).to_have_text("2024")
    expect(cal.locator(".dash-datepicker-calendar-month-header")).to_have_count(0)
    expect(cal.locator("th").first).to_have_text("Mo")
    expect(cal.locator("[data-date='2024-05-17']")).to_have_class("dash-datepicker-calendar-date-inside "
                                                                   "dash-datepicker-calendar-date-selected")
    cal.locator("[data-date='2024-05-21']").click()  # a disabled day: nothing happens
    cal.locator("[data-date='2024-05-02']").click()  # before min_date_allowed
    expect(cal).to_have_count(1)  # a pick would have closed it
    expect(page.locator("#out")).to_have_text("date=2024-05-17")
    expect(cal.get_by_label("Previous month")).to_be_disabled()
    cal.locator("[data-date='2024-05-22']").click()
    expect(page.locator("#out")).to_have_text("date=2024-05-22")
    expect(page.locator("#day")).to_have_value("2024-05-22")
    expect(cal).to_have_count(0)  # closed on select (stay_open_on_select is off)
    page.locator("#day").click()
    page.get_by_label("Next month").click()
    expect(page.locator(".dash-datepicker-header-month")).to_have_text("June")
    expect(page.get_by_label("Next month")).to_be_disabled()  # July is after max_date_allowed
    page.locator("[data-date='2024-06-03']").click()
    expect(page.locator("#out")).to_have_text("date=2024-06-03")


def test_typed_text_by_display_format_and_clear(open_app):
    page = open_app(_app(display_format="D MMM YYYY", clearable=True, reopen_calendar_on_clear=True))
    expect(page.locator("#out")).to_have_text("date=None")
    expect(page.locator("#day")).to_have_attribute("placeholder", "Select Date")
    page.locator("#day").fill("9 Feb 2025")
    page.locator("#day").press("Enter")
    expect(page.locator("#out")).to_have_text("date=2025-02-09")
    page.locator("#day").fill("not a day")  # no day: dropped, the field shows the date again
    page.locator("#day").press("Enter")
    expect(page.locator("#day")).to_have_value("9 Feb 2025")
    page.locator("#day").fill("10 Feb 2025")  # leaving the field reads nothing (Dash 4.4.1); Tab does
    page.locator("#day").blur()
    page.wait_for_timeout(300)
    expect(page.locator("#out")).to_have_text("date=2025-02-09")
    page.locator("#day").press("Tab")
    expect(page.locator("#out")).to_have_text("date=2025-02-10")
    page.locator("#day-wrapper .dash-datepicker-clear").click()
    expect(page.locator("#out")).to_have_text("date=None")
    expect(page.locator("#day")).to_have_value("")
    expect(page.locator(".dash-datepicker-content")).to_have_count(1)  # reopen_calendar_on_clear


def test_persisted_date_survives_reload_and_chunk_is_lazy(open_app):
    page = open_app(_app(date="2024-05-17", persistence=True))
    page.locator("#day").fill("2024-05-30")
    page.locator("#day").press("Enter")
    expect(page.locator("#out")).to_have_text("date=2024-05-30")
    page.reload()
    expect(page.locator("#out")).to_have_text("date=2024-05-30")
    assert any("pw-datepicker" in s for s in page.evaluate(
        "() => performance.getEntriesByType('resource').map(e => e.name)"))
    other = open_app(_plain())
    expect(other.locator("#plain")).to_have_text("no picker")
    assert not any("pw-datepicker" in s for s in other.evaluate(
        "() => performance.getEntriesByType('resource').map(e => e.name)"))


def _plain():
    app = Dash(__name__)
    app.layout = html.Div("no picker", id="plain")
    return app


def _range_app(**picker):
    app = Dash(__name__)
    app.layout = html.Div([dcc.DatePickerRange(id="stay", **picker), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("stay", "start_date"), Input("stay", "end_date"))
    def show(start, end):
        return f"{start} to {end}"

    return app


def test_range_calendar_picks_start_then_end_with_minimum_nights(open_app):
    page = open_app(_range_app(start_date="2024-05-02", end_date="2024-05-06", minimum_nights=2, clearable=True))
    expect(page.locator("#out")).to_have_text("2024-05-02 to 2024-05-06")
    expect(page.locator("#stay-end-date")).to_have_value("2024-05-06")
    page.locator("#stay").click()
    cal = page.locator(".dash-datepicker-content")
    expect(cal.locator(".dash-datepicker-calendar-month-header")).to_have_text(["May 2024", "June 2024"])  # two months by default
    expect(cal.locator("[data-date='2024-05-04']")).to_have_class(
        "dash-datepicker-calendar-date-inside dash-datepicker-calendar-date-in-range")
    cal.locator("[data-date='2024-05-05']").click()  # a new start within minimum_nights of the end: end cleared
    expect(page.locator("#out")).to_have_text("2024-05-05 to None")  # singledate: sent as picked
    cal.locator("[data-date='2024-05-06']").click()  # before start + 2 nights: greyed, no pick
    expect(cal).to_have_count(1)
    cal.locator("[data-date='2024-05-07']").click()
    expect(page.locator("#out")).to_have_text("2024-05-05 to 2024-05-07")
    expect(cal).to_have_count(0)
    page.locator("#stay-wrapper .dash-datepicker-clear").click()
    expect(page.locator("#out")).to_have_text("None to None")
    expect(page.locator("#stay")).to_have_value("")


def test_range_bothdates_waits_for_both_and_custom_field_ids(open_app):
    page = open_app(_range_app(updatemode="bothdates", start_date_id="from", end_date_id="to",
                               start_date_placeholder_text="From"))
    expect(page.locator("#out")).to_have_text("None to None")
    expect(page.locator("#from")).to_have_attribute("placeholder", "From")
    page.locator("#from").click()
    page.locator("[data-date]").filter(has_text="10").first.click()
    expect(page.locator("#from")).not_to_have_value("")  # shown, held back
    page.wait_for_timeout(300)
    expect(page.locator("#out")).to_have_text("None to None")
    page.locator("#to").fill("2099-01-01")
    page.locator("#to").press("Enter")
    expect(page.locator("#out")).to_contain_text(" to 2099-01-01")
    assert page.locator("#out").inner_text().split(" to ")[0] == page.locator("#from").input_value()


def test_layout_props_portal_months_orientation_rtl_day_size(open_app):
    page = open_app(_app(date="2024-05-17", with_full_screen_portal=True, number_of_months_shown=2,
                         calendar_orientation="vertical", is_RTL=True, day_size=40, month_format="MMM YY",
                         show_outside_days=False))
    expect(page.locator(".dash-datepicker")).to_have_attribute("dir", "rtl")
    page.locator("#day").click()
    content = page.locator(".dash-datepicker-portal-full .dash-datepicker-content")
    expect(content).to_be_visible()
    assert content.bounding_box()["width"] == page.viewport_size["width"]  # the full screen
    expect(content.locator(".dash-datepicker-calendar-month-header")).to_have_text(["May 24", "Jun 24"])
    expect(content.locator(".dash-datepicker-header-year")).to_have_text("24")  # 'YY' as a number, as Dash's
    may, june = (content.locator(".dash-datepicker-calendar-month-header").nth(i).bounding_box() for i in (0, 1))
    assert june["y"] > may["y"] and june["x"] == may["x"]  # stacked
    assert round(content.locator("[data-date='2024-05-17']").bounding_box()["width"]) == 40
    expect(content.locator("[data-date='2024-04-30']")).to_have_count(0)  # show_outside_days=False
    page.locator("#day").press("Escape")
    expect(page.locator(".dash-datepicker-content")).to_have_count(0)
