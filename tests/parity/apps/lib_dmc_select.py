"""dash-mantine-components: a Select (value as Input, data replaced by a callback) in a MantineProvider, and a
Button whose leftSection (a children prop other than `children`) holds a span a callback updates."""
import dash_mantine_components as dmc
from _shim import Dash, Input, Output, html, log

app = Dash(__name__)
app.layout = dmc.MantineProvider([
    dmc.Select(id="fruit", label="Fruit", value="apple",
               data=[{"label": "Apple", "value": "apple"}, {"label": "Banana", "value": "banana"}]),
    html.Div(id="picked"),
    dmc.Button("More fruit", id="more", leftSection=html.Span("0", id="more-count")),
])


@app.callback(Output("picked", "children"), Input("fruit", "value"))
def picked(value):
    log("picked", value)
    return f"picked {value}"


@app.callback(Output("fruit", "data"), Output("more-count", "children"), Input("more", "n_clicks"),
              prevent_initial_call=True)
def more(n):
    log("more", n)
    data = [{"label": "Apple", "value": "apple"}, {"label": "Banana", "value": "banana"},
            {"label": "Cherry", "value": "cherry"}]
    return data, str(n)


STEPS = [
    ("select", "fruit", "banana"),
    ("click", "more"),
    ("select", "fruit", "cherry"),
    ("click", "more"),
]
