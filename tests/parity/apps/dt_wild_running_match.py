"""`running=` with a MATCH output (the clicked button's label) and an ALL output (every button disabled)."""
import time

from ._shim import ALL, MATCH, Dash, Input, Output, html, log

app = Dash()
app.layout = [
    html.Div([html.Button("Test1", id={"component": "button", "index": "1"}),
              html.Button("Test2", id={"component": "button", "index": "2"})], id="buttons"),
    html.Div(html.Div(id={"component": "output", "index": "1"}), id="output1"),
    html.Div(html.Div(id={"component": "output", "index": "2"}), id="output2"),
]


@app.callback(Output({"component": "output", "index": MATCH}, "children"),
              Input({"component": "button", "index": MATCH}, "n_clicks"),
              running=[(Output({"component": "button", "index": MATCH}, "children"), "running", "finished"),
                       (Output({"component": "button", "index": ALL}, "disabled"), True, False)],
              prevent_initial_call=True)
def on_click(n):
    log("on_click", n)
    time.sleep(0.2)
    return f"done {n}"


STEPS = [("click", {"component": "button", "index": "1"}), ("click", {"component": "button", "index": "2"})]
