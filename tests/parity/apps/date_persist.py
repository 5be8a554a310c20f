"""Persistence of the date pickers: a typed date (a Range's typed start and end) survives a reload while the
layout's dates are unchanged; persisted_props limits a Range to its end date."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.DatePickerSingle(id="day", date="2024-05-17", persistence=True),
    dcc.DatePickerRange(id="stay", start_date="2024-05-02", end_date="2024-05-10", persistence="user-1",
                        persisted_props=["end_date"]),
    html.Div(id="out"),
])


@callback(Output("out", "children"), Input("day", "date"), Input("stay", "start_date"), Input("stay", "end_date"))
def show(day, start, end):
    log("show", day, start, end)
    return f"{day} | {start} to {end}"


STEPS = [
    ("type_date", "day", "2024-05-30"),
    ("type_date", "stay", "2024-05-04"),
    ("type_end_date", "stay", "2024-05-12"),
    ("reload",),
]
