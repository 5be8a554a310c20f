"""The app bench/isolation.py serves: a stuck callback, a slow one and a fast one (through bench/shim.py).

    BENCH_FRAMEWORK=propwire uvicorn isolation_app:server      BENCH_FRAMEWORK=dash python isolation_app.py PORT

A negative n_clicks is a warm-up click: every callback then returns at once (so an earlier propwire, which moved
callbacks onto the event loop after three fast calls, had moved these there before they block).
"""

from __future__ import annotations

import sys
import threading
import time

from shim import FRAMEWORK, Dash, Input, Output, html

NEVER = threading.Event()  # nobody sets it: a stuck call waits as on a lock that is never released
options = {} if FRAMEWORK == "dash" else {"timeout": None}  # propwire: no time limit, the worst case

app = Dash(__name__)
app.layout = html.Div([html.Button(id="stuck"), html.Button(id="slow"), html.Button(id="go"),
                       html.Div(id="held"), html.Div(id="took"), html.Div(id="out")])


@app.callback(Output("held", "children"), Input("stuck", "n_clicks"), prevent_initial_call=True, **options)
def stuck(n):
    if n is not None and n > 0:
        NEVER.wait()
    return "warm"


@app.callback(Output("took", "children"), Input("slow", "n_clicks"), prevent_initial_call=True)
def slow(n):
    if n is not None and n > 0:
        time.sleep(3)
    return "slept"


@app.callback(Output("out", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
def fast(n):
    return f"fast {n}"


server = app.server

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]), debug=False)  # Flask's dev server: a thread per request
