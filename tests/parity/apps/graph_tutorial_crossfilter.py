"""Crossfiltering, our way: a scatter of every country in 2007; hovering a country's point redraws a second graph
with that country's life expectancy over the years (its hoverData drives the other graph's figure)."""
import plotly.express as px

from ._shim import Dash, Input, Output, callback, dcc, html, log

DATA = px.data.gapminder()
LATEST = DATA[(DATA["year"] == 2007) & (DATA["continent"] == "Oceania")]

app = Dash(__name__)
app.layout = html.Div([
    dcc.Graph(id="all", figure=px.scatter(LATEST, x="gdpPercap", y="lifeExp", hover_name="country",
                                          custom_data=["country"], width=480, height=320)
              .update_traces(marker_size=14).update_layout(hovermode="closest")),
    dcc.Graph(id="one"),
])


@callback(Output("one", "figure"), Input("all", "hoverData"))
def one(hover):
    country = hover["points"][0]["customdata"][0] if hover else "Australia"
    log("one", country)
    rows = DATA[DATA["country"] == country]
    fig = px.line(rows, x="year", y="lifeExp", title=country, width=480, height=280, markers=True)
    return fig.update_layout(hovermode="closest")


STEPS = [
    ("graph_hover", "all", 0, 1),
    ("graph_hover", "all", 0, 0),
    ("graph_hover", "one", 0, 4),
]
