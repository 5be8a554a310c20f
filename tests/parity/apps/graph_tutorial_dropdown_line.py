"""A dropdown-filtered px.line of the gapminder data: pick countries, the line chart of their life expectancy is
redrawn; a hover on a point says which country and year."""
import plotly.express as px

from ._shim import Dash, Input, Output, callback, dcc, html, log

DATA = px.data.gapminder()
COUNTRIES = ["Canada", "Chile", "Japan", "Kenya", "Norway"]

app = Dash(__name__)
app.layout = html.Div([
    dcc.Dropdown(id="countries", options=COUNTRIES, value=["Canada"], multi=True),
    dcc.Graph(id="lines"),
    html.Div(id="hovered"),
])


@callback(Output("lines", "figure"), Input("countries", "value"))
def draw(countries):
    log("draw", countries)
    rows = DATA[DATA["country"].isin(countries or [])]
    fig = px.line(rows, x="year", y="lifeExp", color="country", markers=True, width=600, height=360,
                  range_y=[30, 85])
    fig.update_layout(hovermode="closest")
    return fig


@callback(Output("hovered", "children"), Input("lines", "hoverData"), prevent_initial_call=True)
def hovered(hover):
    point = hover["points"][0]
    log("hovered", point["curveNumber"], point["x"], point["y"])
    return f"{point['x']}: {point['y']}"


STEPS = [
    ("select", "countries", ["Canada", "Kenya"]),
    ("graph_hover", "lines", 1, 5),
    ("select", "countries", ["Canada", "Kenya", "Japan"]),
    ("graph_hover", "lines", 2, 11),
]
