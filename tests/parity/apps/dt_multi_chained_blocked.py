"""Country -> city options -> city value -> display: the display never sees a city of the other country."""
import time

from ._shim import Dash, Input, Output, dcc, html, log

ALL_OPTIONS = {"America": ["New York City", "San Francisco", "Cincinnati"],
               "Canada": ["Montreal", "Toronto", "Ottawa"]}

app = Dash(__name__)
app.layout = html.Div([
    dcc.RadioItems(id="countries-radio", options=[{"label": k, "value": k} for k in ALL_OPTIONS], value="America"),
    html.Hr(), dcc.RadioItems(id="cities-radio"), html.Hr(), html.Div(id="display-selected-values"),
])


@app.callback(Output("cities-radio", "options"), Input("countries-radio", "value"))
def set_cities_options(country):
    log("set_cities_options", country)
    return [{"label": i, "value": i} for i in ALL_OPTIONS[country]]


@app.callback(Output("cities-radio", "value"), Input("cities-radio", "options"))
def set_cities_value(options):
    log("set_cities_value", options)
    return options[0]["value"]


@app.callback(Output("display-selected-values", "children"), Input("countries-radio", "value"),
              Input("cities-radio", "value"))
def set_display_children(country, city):
    log("set_display_children", country, city, city in ALL_OPTIONS[country])
    time.sleep(0.2)
    return f"{city} is a city in {country}"


STEPS = [("select", "countries-radio", "Canada"), ("select", "cities-radio", "Ottawa"),
         ("select", "countries-radio", "America")]
