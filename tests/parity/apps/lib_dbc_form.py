"""A dbc form (Input, Select, Checklist, Button) whose State a callback reads, opening a dbc.Modal and writing a status line."""
import dash_bootstrap_components as dbc

from ._shim import Dash, Input, Output, State, ctx, html, log, no_update

app = Dash(__name__)
app.layout = dbc.Container([
    dbc.Input(id="name", placeholder="Your name", type="text"),
    dbc.Select(id="color", options=[{"label": "Red", "value": "red"}, {"label": "Blue", "value": "blue"}],
               value="red"),
    dbc.Checklist(id="extras", options=[{"label": "Newsletter", "value": "news"}, {"label": "Updates", "value": "upd"}],
                  value=[]),
    dbc.Button("Submit", id="submit", color="primary"),
    html.Div(id="status"),
    dbc.Modal([
        dbc.ModalHeader(dbc.ModalTitle("Thanks")),
        dbc.ModalBody(id="summary"),
        dbc.ModalFooter(dbc.Button("Close", id="close")),
    ], id="modal", is_open=False),
])


@app.callback(Output("modal", "is_open"), Output("summary", "children"), Output("status", "children"),
              Input("submit", "n_clicks"), Input("close", "n_clicks"),
              State("name", "value"), State("color", "value"), State("extras", "value"), prevent_initial_call=True)
def toggle(submit, close, name, color, extras):
    log("toggle", submit, close, name, color, extras, ctx.triggered_id)
    if ctx.triggered_id == "close":
        return False, no_update, "closed"
    return True, f"{name} likes {color}", f"sent {submit} with {'+'.join(extras) or 'nothing'}"


STEPS = [
    ("type", "name", "Ada"),
    ("select", "color", "blue"),
    ("check", "extras", "upd"),
    ("click", "submit"),
    ("click", "close"),
    ("type", "name", "Bob"),
    ("check", "extras", "news"),
    ("check", "extras", "upd"),
    ("click", "submit"),
]
