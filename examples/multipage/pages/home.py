"""The home page: what each page of the app shows."""

from propwire import html, register_page

register_page(__name__, path="/", name="Home", order=0)

layout = html.Div([
    html.H2("Home", id="home-title"),
    html.P("Pick a page above: each link changes the page without reloading it, and the new page's callbacks "
           "run in the same round trip as the navigation."),
    html.Ul([
        html.Li("Files: upload a CSV, read its summary and its rows in tabs, download it with a total column."),
        html.Li("Clientside: a callback written in JavaScript that runs in the browser."),
    ]),
])
