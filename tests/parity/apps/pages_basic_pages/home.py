from tests.parity.apps._shim import Input, Output, callback, html, log, register_page

register_page(__name__, path="/", description="The home page")

layout = html.Div([html.H2("Home", id="home-title"), html.Button("+", id="home-inc"), html.Div(id="home-count")])


@callback(Output("home-count", "children"), Input("home-inc", "n_clicks"))
def home_count(n):
    log("home_count", n)
    return f"home clicks {n}"
