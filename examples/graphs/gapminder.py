"""dcc.Graph: a plotly.express line chart of the gapminder data plotly ships (no download), filtered by a
dropdown; a click on a point drills down into that country (a bar chart and a table of its figures); and a live
chart that an Interval grows through `extendData`, keeping the last MAX_POINTS points. The same source runs on
Dash (only the imports differ)."""

import math

import plotly.express as px

from propwire import Dash, Input, Output, State, callback, dcc, html

DF = px.data.gapminder()  # 142 countries, 1952-2007 every 5 years; bundled with plotly
METRICS = {"lifeExp": "Life expectancy (years)", "gdpPercap": "GDP per capita (US$)", "pop": "Population"}
START = ["France", "Japan", "Brazil", "Kenya"]
MAX_POINTS = 30  # the live chart keeps this many points: extendData's max points
CELL = {"padding": "2px 10px", "textAlign": "right"}


def reading(n: int) -> float:
    """The live chart's value at tick n: made up, the same on every run (the demo's tests read exact values)."""
    return round(20 + 5 * math.sin(n / 4) + (n * 37 % 10) / 10, 2)


def trend_figure(countries: list[str], metric: str):
    """One line per chosen country, its points clickable; each point carries its country in customdata."""
    rows = DF[DF.country.isin(countries)]
    fig = px.line(rows, x="year", y=metric, color="country", markers=True, custom_data=["country"],
                  labels={metric: METRICS[metric], "year": "Year"}, log_y=metric != "lifeExp")
    fig.update_xaxes(title_text=None)  # the years speak for themselves; the hover label still says "Year"
    fig.update_layout(margin={"l": 60, "r": 10, "t": 30, "b": 30}, height=360, hovermode="closest",
                      legend_title_text="", title=f"{METRICS[metric]}: click a point to drill down")
    return fig


def country_figure(country: str, year: int):
    """The country's population year by year, the clicked year's bar highlighted."""
    rows = DF[DF.country == country]
    colors = ["#d62728" if y == year else "#8fa8c8" for y in rows.year]
    fig = px.bar(rows, x="year", y="pop", labels={"pop": "Population", "year": "Year"}, title=f"{country}: population")
    fig.update_traces(marker_color=colors)
    fig.update_xaxes(title_text=None)
    fig.update_layout(margin={"l": 60, "r": 10, "t": 40, "b": 30}, height=260)
    return fig


def country_table(country: str, year: int) -> html.Table:
    """The country's figures, one row a year; the clicked year in bold."""
    rows = DF[DF.country == country]
    head = html.Tr([html.Th(h, style=CELL) for h in ("Year", "Life expectancy", "Population", "GDP per capita")])
    body = [html.Tr([html.Td(str(r.year), style=CELL), html.Td(f"{r.lifeExp:.1f}", style=CELL),
                     html.Td(f"{r.pop:,}", style=CELL), html.Td(f"{r.gdpPercap:,.0f}", style=CELL)],
                    style={"fontWeight": "bold"} if r.year == year else {})
            for r in rows.itertuples()]
    return html.Table([html.Thead(head), html.Tbody(body)], style={"borderCollapse": "collapse"})


LIVE = {"data": [{"type": "scatter", "mode": "lines+markers", "x": [], "y": [], "name": "reading"}],
        "layout": {"height": 260, "margin": {"l": 40, "r": 10, "t": 30, "b": 30},
                   "title": {"text": f"Live: one reading a second, the last {MAX_POINTS} kept"},
                   "yaxis": {"range": [10, 30]}}}

app = Dash(__name__, title="Graph demo")
app.layout = html.Div([
    html.H1("dcc.Graph"),
    html.Div([
        dcc.Dropdown(id="countries", options=sorted(DF.country.unique()), value=START, multi=True,
                     style={"flex": 3}),
        dcc.RadioItems(id="metric", options=[{"label": v, "value": k} for k, v in METRICS.items()],
                       value="lifeExp", inline=True, style={"flex": 2, "marginLeft": "1em"}),
    ], style={"display": "flex", "alignItems": "center"}),
    dcc.Graph(id="trend", figure=trend_figure(START, "lifeExp")),
    html.H2(id="drill-title", children="Click a point above"),
    html.Div([
        dcc.Graph(id="drill-graph", figure={"data": [], "layout": {"height": 260}}, style={"flex": 1}),
        html.Div(id="drill-table", style={"flex": 1, "fontSize": "0.9em"}),
    ], style={"display": "flex", "gap": "1em"}),
    html.H2("Live"),
    html.Div([
        html.Button("Pause", id="pause"),
        html.Button("Read the figure", id="read", style={"marginLeft": "0.5em"}),
        html.Span(id="live-status", style={"marginLeft": "1em"}),
    ]),
    dcc.Graph(id="live", figure=LIVE),
    html.P(id="live-read"),
    dcc.Interval(id="tick", interval=1000),
], style={"fontFamily": "sans-serif", "maxWidth": 1000, "margin": "0 auto"})


@callback(Output("trend", "figure"), Input("countries", "value"), Input("metric", "value"), prevent_initial_call=True)
def filter_trend(countries, metric):
    """A new figure for the chosen countries: Plotly.react redraws the same plot."""
    return trend_figure(countries or [], metric)


@callback(Output("drill-title", "children"), Output("drill-graph", "figure"), Output("drill-table", "children"),
          Input("trend", "clickData"), prevent_initial_call=True)
def drill_down(click):
    """clickData's point carries the country (customdata) and the year (x), as on Dash."""
    point = click["points"][0]
    country, year = point["customdata"][0], int(point["x"])
    return f"{country} in {year}", country_figure(country, year), country_table(country, year)


@callback(Output("live", "extendData"), Output("live-status", "children"), Input("tick", "n_intervals"),
          prevent_initial_call=True)
def grow(n):
    """One point a tick, sent alone: extendData appends it to trace 0 and drops the oldest past MAX_POINTS."""
    return [{"x": [[n]], "y": [[reading(n)]]}, [0], MAX_POINTS], f"tick {n}"


@callback(Output("tick", "disabled"), Output("pause", "children"), Input("pause", "n_clicks"), prevent_initial_call=True)
def pause(clicks):
    paused = clicks % 2 == 1
    return paused, "Resume" if paused else "Pause"


@callback(Output("live-read", "children"), Input("read", "n_clicks"), State("live", "figure"), prevent_initial_call=True)
def read_figure(_clicks, figure):
    """The figure as State has grown with every extendData (as Dash's does): what the chart shows."""
    xs, ys = figure["data"][0]["x"], figure["data"][0]["y"]
    if not xs:
        return "No readings yet."
    return f"{len(xs)} points, ticks {xs[0]} to {xs[-1]}, last reading {ys[-1]}"


if __name__ == "__main__":
    app.run(debug=True)
