"""DataTable's `columns.name` keeps only the columns' names (DataTable's persistence transform): names a callback
wrote come back after a reload into the layout's columns (a second rename after the reload builds on the kept
name), and the callbacks reading `columns` see them."""
from ._shim import Dash, Input, Output, State, callback, dash_table, html, log

COLUMNS = [{"id": "city", "name": "City"}, {"id": "pop", "name": "Population"}]
DATA = [{"city": "Oslo", "pop": 700}, {"city": "Bergen", "pop": 285}]

app = Dash(__name__)
app.layout = html.Div([
    html.Button("Rename", id="rename"),
    dash_table.DataTable(id="t", columns=COLUMNS, data=DATA, persistence=True),
    html.Div(id="names"),
])


@callback(Output("t", "columns"), Input("rename", "n_clicks"), State("t", "columns"), prevent_initial_call=True)
def rename(n, columns):
    log("rename", n, columns)
    return [{**columns[0], "name": columns[0]["name"] + "+"}, columns[1]]


@callback(Output("names", "children"), Input("t", "columns"))
def names(columns):
    log("names", columns)
    return " / ".join(f"{c['id']}:{c['name']}" for c in columns)


STEPS = [
    ("click", "rename"),
    ("reload",),
    ("click", "rename"),
    ("reload",),
]
