"""dash-mantine-components: a Select (value as Input, data replaced by a callback) in a MantineProvider, and a
Button whose leftSection (a children prop other than `children`) holds a span a callback updates, and a Slider
whose marks[].label (a component inside a list of dicts) holds another."""
import dash_mantine_components as dmc

from ._shim import Dash, Input, Output, html, log

app = Dash(__name__)
app.layout = dmc.MantineProvider([
    dmc.Select(id="fruit", label="Fruit", value="apple",
               data=[{"label": "Apple", "value": "apple"}, {"label": "Banana", "value": "banana"}]),
    html.Div(id="picked"),
    dmc.Button("More fruit", id="more", leftSection=html.Span("0", id="more-count")),
    dmc.Slider(id="level", value=50, marks=[{"value": 0, "label": html.Span("low 0", id="low")},
                                            {"value": 100, "label": "high"}]),
])


@app.callback(Output("picked", "children"), Input("fruit", "value"))
def picked(value):
    log("picked", value)
    return f"picked {value}"


@app.callback(Output("fruit", "data"), Output("more-count", "children"), Output("low", "children"),
              Input("more", "n_clicks"), prevent_initial_call=True)
def more(n):
    log("more", n)
    data = [{"label": "Apple", "value": "apple"}, {"label": "Banana", "value": "banana"},
            {"label": "Cherry", "value": "cherry"}]
    return data, str(n), f"low {n}"


STEPS = [
    ("select", "fruit", "banana"),
    ("click", "more"),
    ("select", "fruit", "cherry"),
    ("click", "more"),
]
