"""Seed "Displaying errors with dash.no_update": a debounced number box; a composite number shows its factors,
a prime shows an error and keeps the last factors (no_update), an empty box prevents the update."""
from ._shim import Dash, Input, Output, PreventUpdate, callback, dcc, html, log, no_update

app = Dash(__name__)
app.layout = html.Div([
    html.P("Enter a composite number to see its prime factors", id="intro"),
    dcc.Input(id="num", type="number", debounce=True, min=2, step=1),
    html.P(id="err", style={"color": "red"}),
    html.P(id="out"),
])


def prime_factors(num):
    n, i, out = num, 2, []
    while i * i <= n:
        if n % i == 0:
            n = int(n / i)
            out.append(i)
        else:
            i += 1 if i == 2 else 2
    out.append(n)
    return out


@callback(Output("out", "children"), Output("err", "children"), Input("num", "value"))
def show_factors(num):
    log("show_factors", num)
    if num is None:
        raise PreventUpdate
    factors = prime_factors(num)
    if len(factors) == 1:
        return no_update, f"{num} is prime!"
    return f"{num} is {' * '.join(str(n) for n in factors)}", ""


STEPS = [
    ("type", "num", "12"),                      # debounced: nothing sent yet
    ("blur", "num"),                            # leaving the field sends 12
    ("type", "num", "7", {"enter": True}),      # a prime: the error, the factors of 12 kept
    ("type", "num", "30", {"enter": True}),
    ("type", "num", "", {"enter": True}),       # empty: PreventUpdate, everything kept
]
