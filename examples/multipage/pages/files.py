"""Upload a CSV, see it in tabs, download a processed copy: dcc.Upload, dcc.Store, dcc.Tabs and dcc.Download.

The uploaded file is parsed once into a dcc.Store; the tabs and the download read the store, so the file
travels to the server once.
"""

import base64
import csv
import io

from propwire import Input, Output, State, callback, dcc, html, register_page
from propwire.exceptions import PreventUpdate

register_page(__name__, name="Files", order=1, title="Files: upload and download")

layout = html.Div([
    html.H2("Files"),
    dcc.Upload(html.Div(["Drop a CSV here or ", html.A("pick one")]), id="upload", accept=".csv,text/csv",
               style={"border": "1px dashed #888", "padding": "1em", "textAlign": "center"}),
    html.P("No file yet.", id="upload-status"),
    dcc.Store(id="table"),
    dcc.Tabs(id="tabs", value="summary", children=[
        dcc.Tab(label="Summary", value="summary", id="tab-summary"),
        dcc.Tab(label="Rows", value="rows", id="tab-rows"),
    ]),
    html.Div(id="tab-content"),
    html.Button("Download with totals", id="download-btn"),
    dcc.Download(id="download"),
])


def _number(text):
    """The cell as a number, or None for a cell that is not one."""
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def _numeric_columns(table):
    """The columns whose every cell is a number: the ones a sum means something for."""
    rows = table["rows"]
    return [c for c in table["columns"] if rows and all(_number(row[c]) is not None for row in rows)]


@callback(Output("table", "data"), Output("upload-status", "children"),
          Input("upload", "contents"), State("upload", "filename"))
def read_csv(contents, filename):
    if contents is None:
        raise PreventUpdate
    text = base64.b64decode(contents.split(",", 1)[1]).decode("utf-8")
    reader = csv.DictReader(io.StringIO(text))
    rows = list(reader)
    columns = list(reader.fieldnames or [])
    return {"name": filename, "columns": columns, "rows": rows}, f"Read {filename}: {len(rows)} rows."


@callback(Output("tab-content", "children"), Input("tabs", "value"), Input("table", "data"))
def show_tab(tab, table):
    if table is None:
        return html.P("Upload a CSV to see it here.")
    if tab == "rows":
        head = html.Tr([html.Th(c) for c in table["columns"]])
        body = [html.Tr([html.Td(row[c]) for c in table["columns"]]) for row in table["rows"]]
        return html.Table([html.Thead(head), html.Tbody(body)], id="rows-table")
    numeric = _numeric_columns(table)
    sums = [html.Li(f"{c}: sum {sum(_number(r[c]) for r in table['rows']):g}") for c in numeric]
    return html.Div([
        html.P(f"{len(table['rows'])} rows, columns: {', '.join(table['columns'])}", id="summary-shape"),
        html.Ul(sums, id="summary-sums"),
    ])


@callback(Output("download", "data"), Input("download-btn", "n_clicks"), State("table", "data"),
          prevent_initial_call=True)
def download(n_clicks, table):
    if table is None:
        raise PreventUpdate
    numeric = _numeric_columns(table)
    out = io.StringIO()
    writer = csv.DictWriter(out, [*table["columns"], "total"], lineterminator="\n")
    writer.writeheader()
    for row in table["rows"]:
        writer.writerow({**row, "total": f"{sum(_number(row[c]) for c in numeric):g}"})
    return dcc.send_string(out.getvalue(), "totals-" + (table["name"] or "data.csv"))
