"""Seed "Determining which Input has fired with dash.callback_context": three buttons; the table counts clicks,
names the most recent button, and a Pre shows ctx.states, ctx.triggered and ctx.inputs as JSON."""
import json

from ._shim import Dash, Input, Output, callback, ctx, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Button("Button 1", id="btn-1"),
    html.Button("Button 2", id="btn-2"),
    html.Button("Button 3", id="btn-3"),
    html.Div(id="container"),
])


@callback(Output("container", "children"),
          Input("btn-1", "n_clicks"), Input("btn-2", "n_clicks"), Input("btn-3", "n_clicks"))
def display(btn1, btn2, btn3):
    log("display", btn1, btn2, btn3, ctx.triggered_id)
    button_id = ctx.triggered_id if not None else "No clicks yet"
    ctx_msg = json.dumps({"states": ctx.states, "triggered": ctx.triggered, "inputs": ctx.inputs}, indent=2)
    return html.Div([
        html.Table([
            html.Tr([html.Th("Button 1"), html.Th("Button 2"), html.Th("Button 3"), html.Th("Most Recent Click")]),
            html.Tr([html.Td(btn1 or 0), html.Td(btn2 or 0), html.Td(btn3 or 0), html.Td(button_id, id="recent")]),
        ]),
        html.Pre(ctx_msg, id="ctx-msg"),
    ])


STEPS = [
    ("click", "btn-1"),
    ("click", "btn-3"),
    ("click", "btn-1"),
    ("click", "btn-2"),
]
