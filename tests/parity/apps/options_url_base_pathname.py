"""An app under a prefix (url_base_pathname): the page, its events and its links live under /sales/, and
dcc.Location's pathname carries the prefix, which strip_relative_path takes off."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

START_PATH = "/sales/reports"

app = Dash(__name__, url_base_pathname="/sales/", update_title=None)
app.layout = html.Div([
    dcc.Location(id="url"),
    dcc.Link("Page 2", id="to-2", href=app.get_relative_path("/page-2")),
    html.Button("Go", id="go"),
    html.Div(id="where"),
    html.Div(id="clicks"),
])


@callback(Output("where", "children"), Input("url", "pathname"))
def where(pathname):
    log("where", pathname)
    return f"{pathname} -> {app.strip_relative_path(pathname)!r}"


@callback(Output("clicks", "children"), Input("go", "n_clicks"))
def clicks(n):
    log("clicks", n)
    return f"clicked {n} under {app.config.requests_pathname_prefix}"


STEPS = [
    ("click", "go"),
    ("click", "to-2"),
    ("click", "go"),
    ("navigate", "/sales/page-3/"),
]
