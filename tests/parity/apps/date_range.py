"""dcc.DatePickerRange: typed start and end dates set start_date / end_date one at a time ("singledate"), neither
their order nor minimum_nights checked on typed text (Dash 4.4.1), a day before min_date_allowed dropped; the
clear x unsets both; a "bothdates" Range (display_format DD/MM/YYYY) sends only once both dates are typed."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.DatePickerRange(id="stay", start_date="2024-05-02", end_date="2024-05-10", min_date_allowed="2024-05-01",
                        minimum_nights=2, clearable=True),
    dcc.DatePickerRange(id="both", updatemode="bothdates", display_format="DD/MM/YYYY",
                        start_date_placeholder_text="From", end_date_placeholder_text="To"),
    html.Div(id="out"),
    html.Div(id="out2"),
])


@callback(Output("out", "children"), Input("stay", "start_date"), Input("stay", "end_date"))
def show(start, end):
    log("show", start, end)
    return f"stay: {start} to {end}"


@callback(Output("out2", "children"), Input("both", "start_date"), Input("both", "end_date"))
def show_both(start, end):
    log("show_both", start, end)
    return f"both: {start} to {end}"


STEPS = [
    ("type_date", "stay", "2024-05-09"),      # within minimum_nights of the end: typed text is not checked
    ("type_end_date", "stay", "2024-05-21"),
    ("type_date", "stay", "2024-05-25"),      # after the end: kept too
    ("clear_date", "stay"),
    ("type_date", "stay", "2024-04-20"),      # before min_date_allowed: dropped, the field empty again
    ("type_date", "both", "03/02/2025"),      # held back until the end is there too
    ("type_end_date", "both", "09/02/2025"),
]
