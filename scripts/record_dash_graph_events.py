"""Record Dash 4.4.1's dcc.Graph event data in Chromium (a one-off script, not a test): writes
/tmp/graphdata/dash_shapes.json, from which tests/testing/data/dash_graph_events.json was taken.
Run: /tmp/venv/bin/python scripts/record_dash_graph_events.py (serves Dash on 127.0.0.1:8791)."""

import json
import threading
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
from dash import Dash, Input, Output, State, dcc, html
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

fig = go.Figure()
fig.add_trace(
    go.Scatter(
        x=np.array([1, 2, 3, 4, 5]),
        y=np.array([10.0, 11.5, 9.0, 12.0, 8.5]),
        mode="markers",
        customdata=[["a", 1], ["b", 2], ["c", 3], ["d", 4], ["e", 5]],
        text=list("VWXYZ"),
        marker={"size": 14, "color": ["red", "green", "blue", "orange", "purple"]},
        name="s",
    )
)
fig.add_trace(go.Bar(x=["p", "q", "r"], y=[3, 5, 2], xaxis="x2", yaxis="y2", customdata=[7, 8, 9], name="b"))
fig.update_layout(
    width=800,
    height=400,
    dragmode="select",
    margin=dict(l=40, r=10, t=10, b=30),
    xaxis=dict(domain=[0, 0.45]),
    xaxis2=dict(domain=[0.55, 1], anchor="y2"),
    yaxis2=dict(anchor="x2"),
    legend=dict(orientation="h", x=0.2, y=-0.12),  # below the plot, clear of the modebar
    annotations=[dict(x=3, y=9, text="note", captureevents=True, showarrow=True)],
)
app = Dash(__name__)
props = ["clickData", "hoverData", "selectedData", "relayoutData", "restyleData", "clickAnnotationData"]
app.layout = html.Div(
    [dcc.Graph(id="g", figure=fig), html.Button("st", id="btn")]
    + [html.Pre(id=f"o-{p}") for p in props]
    + [html.Pre(id="o-state")]
)
for p in props:
    app.callback(Output(f"o-{p}", "children"), Input("g", p))(lambda v: json.dumps(v))


@app.callback(Output("o-state", "children"), Input("btn", "n_clicks"), State("g", "figure"), prevent_initial_call=True)
def st(n, f):
    return json.dumps({"x": f["data"][0]["x"], "y": f["data"][0]["y"], "keys": sorted(f["data"][0])})


srv = make_server("127.0.0.1", 8791, app.server, threaded=True)
threading.Thread(target=srv.serve_forever, daemon=True).start()
out = {}
with sync_playwright() as p:
    b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    pg = b.new_page(viewport={"width": 1000, "height": 700})
    pg.goto("http://127.0.0.1:8791/")
    pg.wait_for_selector(".scatterlayer .point")
    pg.wait_for_timeout(800)

    def read(p):
        pg.wait_for_timeout(500)
        return json.loads(pg.inner_text(f"#o-{p}") or "null")

    pts = pg.query_selector_all(".scatterlayer .point")
    bx = pts[3].bounding_box()
    cx, cy = bx["x"] + bx["width"] / 2, bx["y"] + bx["height"] / 2
    pg.mouse.move(cx, cy)
    out["hover_scatter"] = read("hoverData")
    pg.mouse.click(cx, cy)
    out["click_scatter"] = read("clickData")
    bars = pg.query_selector_all(".barlayer .point")
    bb = bars[1].bounding_box()
    pg.mouse.move(bb["x"] + bb["width"] / 2, bb["y"] + bb["height"] - 5)
    out["hover_bar"] = read("hoverData")
    pg.mouse.click(bb["x"] + bb["width"] / 2, bb["y"] + bb["height"] - 5)
    out["click_bar"] = read("clickData")
    # box select around points 1 and 3 of the scatter (point 2 lies lower), starting inside the plot area
    b1 = pts[1].bounding_box()
    b3 = pts[3].bounding_box()
    pg.mouse.move(b1["x"] - 8, min(b1["y"], b3["y"]) - 8)
    pg.mouse.down()
    pg.mouse.move(b3["x"] + 22, max(b1["y"], b3["y"]) + 22, steps=10)
    pg.mouse.up()
    out["select_box"] = read("selectedData")
    pg.evaluate("Plotly.relayout(document.querySelector('#g .js-plotly-plot'), {dragmode: 'lasso'})")
    pg.wait_for_timeout(300)
    pg.mouse.move(b1["x"] - 10, b1["y"] - 60)
    pg.mouse.down()
    for dx, dy in [(60, -60), (b3["x"] - b1["x"] + 30, 0), (b3["x"] - b1["x"] + 30, 120), (-10, 120), (-10, -60)]:
        pg.mouse.move(b1["x"] + dx, b1["y"] + dy, steps=5)
    pg.mouse.up()
    out["select_lasso"] = read("selectedData")
    out["relayout_after_lasso"] = read("relayoutData")
    pg.evaluate("Plotly.relayout(document.querySelector('#g .js-plotly-plot'), {dragmode: 'zoom'})")
    pg.wait_for_timeout(300)
    pg.mouse.move(b1["x"] - 5, b1["y"] - 40)
    pg.mouse.down()
    pg.mouse.move(b3["x"] + 10, b3["y"] + 40, steps=10)
    pg.mouse.up()
    out["relayout_zoom"] = read("relayoutData")
    pg.mouse.dblclick(b1["x"] + 3, b1["y"] + 3)
    out["relayout_autoscale"] = read("relayoutData")
    pg.click("#btn")
    out["state_figure"] = read("state")
    note = pg.query_selector(".annotation-text-g")
    if note:
        nb = note.bounding_box()
        pg.mouse.click(nb["x"] + nb["width"] / 2, nb["y"] + nb["height"] / 2)
        out["click_annotation"] = read("clickAnnotationData")
    leg = pg.query_selector_all(".legendtoggle")
    if leg:
        lb = leg[0].bounding_box()
        pg.wait_for_timeout(600)  # past plotly's double-click delay since the last click
        pg.mouse.click(lb["x"] + lb["width"] / 2, lb["y"] + lb["height"] / 2)
        pg.wait_for_timeout(1000)  # a legend click acts after plotly's double-click delay
        out["restyle_legend"] = read("restyleData")
        out["legend_boxes"] = [e.bounding_box() for e in leg]
    b.close()
srv.shutdown()
Path("/tmp/graphdata").mkdir(exist_ok=True)
Path("/tmp/graphdata/dash_shapes.json").write_text(json.dumps(out, indent=1))
print(json.dumps({k: out.get(k) for k in ("click_annotation", "restyle_legend", "select_box")}, indent=1))
