"""The home page: what each page of the app shows, and a date picker whose day a callback reads."""

from datetime import date

from propwire import Input, Output, callback, dcc, html, register_page

register_page(__name__, path="/", name="Home", order=0)

layout = html.Div([
    html.H2("Home", id="home-title"),
    html.P("Pick a page above: each link changes the page without reloading it, and the new page's callbacks "
           "run in the same round trip as the navigation."),
    html.Ul([
        html.Li("Files: upload a CSV, read its summary and its rows in tabs, download it with a total column."),
        html.Li("Clientside: a callback written in JavaScript that runs in the browser."),
    ]),
    html.Label("When do you start? ", htmlFor="start-day"),
    dcc.DatePickerSingle(id="start-day", date="2024-05-17", display_format="YYYY-MM-DD", clearable=True),
    html.P(id="start-out"),
])


@callback(Output("start-out", "children"), Input("start-day", "date"))
def weekday(day):
    return f"You start on a {date.fromisoformat(day[:10]):%A}." if day else "No day picked yet."
