"""`running=`: a button disabled and a label shown while a slow callback runs; errors handled by on_error."""

import time

from propwire import Dash, Input, Output, callback, html

app = Dash(__name__, title="running")
app.layout = html.Div([
    html.Button("Work", id="work"),
    html.Button("Fail", id="fail"),
    html.Div("idle", id="state"),
    html.Div(id="result"),
    html.Div(id="error"),
])


@callback(Output("result", "children"), Input("work", "n_clicks"), prevent_initial_call=True,
          running=[(Output("work", "disabled"), True, False), (Output("state", "children"), "working…", "idle")])
def work(n):
    time.sleep(1.0)
    return f"done {n}"


def show_error(exc):
    return f"handled: {exc}"


@callback(Output("error", "children"), Input("fail", "n_clicks"), prevent_initial_call=True, on_error=show_error)
def fail(n):
    raise ValueError("the work failed")


if __name__ == "__main__":
    app.run(debug=True)
