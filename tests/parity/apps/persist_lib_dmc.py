"""dash-mantine-components inputs with persistence=True keep their value across a reload (dmc.TextInput and
dmc.Select: `value`, the default dmc's JavaScript declares), and the initial callback sees it."""
import dash_mantine_components as dmc

from ._shim import Dash, Input, Output, callback, html, log

app = Dash(__name__)
app.layout = dmc.MantineProvider([
    dmc.TextInput(id="name", value="start", persistence=True),
    dmc.Select(id="fruit", value="apple", persistence=True,
               data=[{"label": "Apple", "value": "apple"}, {"label": "Banana", "value": "banana"}]),
    html.Div(id="out"),
])


@callback(Output("out", "children"), Input("name", "value"), Input("fruit", "value"))
def show(name, fruit):
    log("show", name, fruit)
    return f"name={name} fruit={fruit}"


STEPS = [
    ("type", "name", "Ada"),
    ("select", "fruit", "banana"),
    ("reload",),
    ("type", "name", "Bob"),
    ("reload",),
]
