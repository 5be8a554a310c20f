# A Dash app with its imports changed: `from dash import ...` became `from propwire import ...`.
from propwire import Dash, Input, Output, State, callback, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([
    dcc.Input(id="task", placeholder="New task"),
    html.Button("Add", id="add"),
    dcc.Store(id="tasks", data=[]),
    html.Ul(id="list"),
])


@callback(Output("tasks", "data"), Input("add", "n_clicks"), State("task", "value"), State("tasks", "data"),
          prevent_initial_call=True)
def add(n_clicks, task, tasks):
    return tasks + [task]


@callback(Output("list", "children"), Input("tasks", "data"))
def show(tasks):
    return [html.Li(task) for task in tasks]


with Client(app).open() as client:  # one click: add, then show, in a single request
    client.type("task", "write docs")
    client.click("add")
    assert client.text("list") == "write docs"

if __name__ == "__main__":
    app.run(debug=True)
