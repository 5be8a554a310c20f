"""Dash() options on the page: meta_tags, update_title, a custom index_string whose header and footer
(outside the app's root) show on both frameworks, and app.config read in a callback."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

INDEX = """<!DOCTYPE html>
<html>
<head>{%metas%}<title>{%title%}</title>{%favicon%}{%css%}</head>
<body>
<div id="brand">Acme analytics</div>
{%app_entry%}
<footer>{%config%}{%scripts%}{%renderer%}</footer>
<div id="support">help@acme.example</div>
</body>
</html>"""

app = Dash(__name__, title="Sales", update_title="Working...", index_string=INDEX,
           meta_tags=[{"name": "description", "content": "Sales & margins"}], suppress_callback_exceptions=True)
app.layout = html.Div([dcc.Input(id="name", value="Ada"), html.Div(id="greeting"), html.Div(id="settings")])


@callback(Output("greeting", "children"), Input("name", "value"))
def greet(name):
    log("greet", name)
    return f"Hello {name}"


@callback(Output("settings", "children"), Input("name", "value"))
def settings(name):
    log("settings", name)
    config = app.config
    return (f"{config.requests_pathname_prefix} {config.update_title} {config.suppress_callback_exceptions} "
            f"{app.get_relative_path('/page-2')} {app.strip_relative_path('/page-2/')} {app.get_asset_url('x.png')}")


STEPS = [
    ("type", "name", "Bob"),
    ("type", "name", ""),
]
