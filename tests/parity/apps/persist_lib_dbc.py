"""dash-bootstrap-components inputs with persistence=True (dbc.Input, dbc.Select, dbc.Checklist: `value`, their
library's default) keep what the user chose across a reload and in a new tab, and the initial callback sees it;
a dbc.Input without persistence starts again."""
import dash_bootstrap_components as dbc

from ._shim import Dash, Input, Output, callback, html, log

app = Dash(__name__)
app.layout = dbc.Container([
    dbc.Input(id="name", value="start", persistence=True),
    dbc.Select(id="color", options=[{"label": "Red", "value": "red"}, {"label": "Blue", "value": "blue"}],
               value="red", persistence=True),
    dbc.Checklist(id="extras", options=[{"label": "News", "value": "news"}, {"label": "Updates", "value": "upd"}],
                  value=[], persistence=True),
    dbc.Input(id="plain", value="start"),
    html.Div(id="out"),
])


@callback(Output("out", "children"), Input("name", "value"), Input("color", "value"), Input("extras", "value"),
          Input("plain", "value"))
def show(name, color, extras, plain):
    log("show", name, color, extras, plain)
    return f"name={name} color={color} extras={'+'.join(extras or [])} plain={plain}"


STEPS = [
    ("type", "name", "Ada"),
    ("select", "color", "blue"),
    ("check", "extras", "upd"),
    ("type", "plain", "other"),
    ("reload",),
    ("type", "name", "Bob"),
    ("new_tab",),
    ("check", "extras", "news"),
    ("reload",),
]
