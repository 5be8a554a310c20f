"""dcc.DatePickerSingle: a datetime in the layout reaches the callback as its ISO text and shows as its day; typed
dates set `date` (read by display_format), a day outside min/max allowed or a disabled day is dropped, as is a
text naming no day; the clear x unsets it; a second picker with a display_format and no date."""
import datetime

from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.DatePickerSingle(id="day", date=datetime.datetime(2024, 5, 17, 10, 30), min_date_allowed="2024-05-03",
                         max_date_allowed=datetime.date(2024, 6, 20), disabled_days=["2024-05-25"],
                         clearable=True),
    dcc.DatePickerSingle(id="other", display_format="DD/MM/YYYY", placeholder="Pick a day"),
    html.Div(id="out"),
    html.Div(id="out2"),
])


@callback(Output("out", "children"), Input("day", "date"))
def show(date):
    log("show", date)
    return f"day: {date}"


@callback(Output("out2", "children"), Input("other", "date"))
def show_other(date):
    log("show_other", date)
    return f"other: {date}"


STEPS = [
    ("type_date", "day", "2024-05-20"),
    ("type_date", "day", "2024-07-01"),  # after max_date_allowed: dropped
    ("type_date", "day", "2024-05-25"),  # a disabled day: dropped
    ("type_date", "day", "not a date"),
    ("type_date", "day", "2024-05-03"),
    ("clear_date", "day"),
    ("type_date", "other", "09/02/2025"),
    ("type_date", "other", "2025-02-10"),  # not in DD/MM/YYYY: dropped
]
