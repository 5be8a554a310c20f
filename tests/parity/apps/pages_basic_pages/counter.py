from tests.parity.apps._shim import Input, Output, callback, html, log, register_page

register_page(__name__, order=2, title="The counter", redirect_from=["/old-counter"])


def layout(**kwargs):
    return html.Div([html.H2("Counter", id="counter-title"), html.Button("+", id="counter-inc"),
                     html.Div(id="counter-count")])


@callback(Output("counter-count", "children"), Input("counter-inc", "n_clicks"), prevent_initial_call=True)
def counter_count(n):
    log("counter_count", n)
    return f"counter clicks {n}"
