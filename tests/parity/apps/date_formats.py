"""dcc.DatePickerSingle / DatePickerRange display_format as Dash 4.4.1 writes it (moment tokens drawn by date-fns:
Do, ddd, dddd, Q, X, quoted text) for date, datetime and datetime-string values; typed text read by the format
with date-fns' rules ('YYYY' takes "25" as the year 25), else by the browser's Date ("Feb 11 2025" in a
DD/MM/YYYY field); an emptied field unsets the date, and a Range's emptied end field its end."""
import datetime

from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.DatePickerSingle(id="ordinal", date=datetime.date(2024, 5, 7), display_format="MMM Do, YYYY"),
    dcc.DatePickerSingle(id="weekday", date=datetime.datetime(2024, 5, 7, 23, 30), display_format="dddd, D MMMM YYYY"),
    dcc.DatePickerSingle(id="short", date="2024-05-07 10:30:00", display_format="ddd DD.MM.YY 'Q'Q"),
    dcc.DatePickerSingle(id="stamp", date="2024-05-07", display_format="X"),
    dcc.DatePickerSingle(id="dmy", date="2024-05-17", display_format="DD/MM/YYYY"),
    dcc.DatePickerRange(id="stay", start_date="2024-05-10", end_date="2024-05-20", display_format="D MMM YY"),
    html.Div(id="out"),
    html.Div(id="out2"),
])


@callback(Output("out", "children"), Input("ordinal", "date"), Input("weekday", "date"), Input("dmy", "date"))
def show(ordinal, weekday, dmy):
    log("show", ordinal, weekday, dmy)
    return f"{ordinal} | {weekday} | {dmy}"


@callback(Output("out2", "children"), Input("stay", "start_date"), Input("stay", "end_date"))
def show_stay(start, end):
    log("show_stay", start, end)
    return f"stay: {start} to {end}"


STEPS = [
    ("type_date", "ordinal", "jun 2nd, 2024"),
    ("type_date", "weekday", "Friday, 17 May 2024"),
    ("type_date", "weekday", "2024-05-17"),       # the same day as typed: no change
    ("type_date", "dmy", "9/2/25"),               # YYYY reads the year 25
    ("type_date", "dmy", "Feb 11 2025"),          # not the format: the browser's Date reads it
    ("type_date", "dmy", "31/02/2025"),           # no day: the field shows the date again
    ("type_date", "dmy", ""),                     # emptied: date None
    ("type_date", "stay", "3 Jun 24"),
    ("type_end_date", "stay", ""),                # emptied end: end_date None
    ("type_date", "stay", ""),                    # emptied start: nothing changes
]
