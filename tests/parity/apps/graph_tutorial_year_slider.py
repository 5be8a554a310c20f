"""The tutorial's gapminder bubble chart, our way: a dcc.Slider picks a year, a callback redraws a px.scatter of
that year's countries (log x, bubbles sized by population, coloured by continent); a click names a country."""
import plotly.express as px

from ._shim import Dash, Input, Output, callback, dcc, html, log

DATA = px.data.gapminder()
YEARS = sorted(DATA["year"].unique().tolist())

app = Dash(__name__)
app.layout = html.Div([
    dcc.Graph(id="bubbles"),
    dcc.Slider(id="year", min=YEARS[0], max=YEARS[-1], step=None, value=YEARS[0],
               marks={str(y): str(y) for y in YEARS}),
    html.Div(id="country"),
])


@callback(Output("bubbles", "figure"), Input("year", "value"))
def draw(year):
    log("draw", year)
    rows = DATA[DATA["year"] == year]
    fig = px.scatter(rows, x="gdpPercap", y="lifeExp", size="pop", color="continent", hover_name="country",
                     log_x=True, size_max=50, width=640, height=400, range_x=[200, 60000], range_y=[20, 90])
    fig.update_layout(transition_duration=0, hovermode="closest")
    return fig


@callback(Output("country", "children"), Input("bubbles", "clickData"), prevent_initial_call=True)
def country(click):
    point = click["points"][0]
    log("country", point["hovertext"], point["curveNumber"], round(point["y"], 2))
    return f"{point['hovertext']}: {point['y']:.1f} years"


STEPS = [
    ("slide", "year", 1977),
    ("graph_click", "bubbles", 0, 3),
    ("slide", "year", 2007),
    ("graph_click", "bubbles", 2, 10),  # a bubble no bigger one overlaps (a click inside one picks it)
]
