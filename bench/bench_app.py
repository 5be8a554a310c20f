"""The benchmark apps: one source, run on Dash or propwire through `shim` (BENCH_FRAMEWORK).

    BENCH_SCENARIO=click BENCH_FRAMEWORK=dash gunicorn -w 2 bench_app:server          (from bench/)
    BENCH_SCENARIO=click BENCH_FRAMEWORK=propwire uvicorn --workers 2 bench_app:server

BENCH_SCENARIO picks the app, BENCH_N its size where it has one. Every app is plain Dash-API code.
"""

from __future__ import annotations

import os

from shim import MATCH, Dash, Input, Output, State, dcc, html  # noqa: F401

SCENARIO = os.environ.get("BENCH_SCENARIO", "click")
N = int(os.environ.get("BENCH_N", "0") or 0)


def click_app() -> Dash:
    """One button, one callback (with its initial call: the page is ready when `out` says 'clicked None').
    With BENCH_COUNT_DIR set, each process also keeps its count of calls in a file there (the load tools'
    known answer: bench/socket_throughput.py --check)."""
    app = Dash(__name__)
    app.layout = html.Div([html.Button("click", id="btn"), html.Div(id="out")])
    count = _call_counter(os.environ.get("BENCH_COUNT_DIR", ""))

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def clicked(n_clicks):
        count()
        return f"clicked {n_clicks}"

    return app


def _call_counter(directory: str):
    """A function counting its calls into DIRECTORY/calls-<pid> (a no-op without a directory): callbacks may run
    on several threads (Dash's WebSocket callbacks use a pool), hence the lock."""
    if not directory:
        return lambda: None
    import threading
    lock, calls, fd = threading.Lock(), [0], [-1]

    def count() -> None:
        with lock:
            if fd[0] < 0:  # opened in the worker process, after any fork
                fd[0] = os.open(os.path.join(directory, f"calls-{os.getpid()}"), os.O_WRONLY | os.O_CREAT, 0o644)
            calls[0] += 1
            os.pwrite(fd[0], b"%20d\n" % calls[0], 0)
    return count


def chain_app(length: int = 10) -> Dash:
    """A button and a chain of `length` callbacks, each reading the previous one's output."""
    app = Dash(__name__)
    app.layout = html.Div([html.Button("click", id="btn")] + [html.Div(id=f"s{i}") for i in range(length)])

    @app.callback(Output("s0", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    def first(n_clicks):
        return f"{n_clicks}-0"

    def link(i: int) -> None:
        @app.callback(Output(f"s{i}", "children"), Input(f"s{i - 1}", "children"), prevent_initial_call=True)
        def step(previous):
            return f"{previous.split('-')[0]}-{i}"

    for i in range(1, length):
        link(i)
    return app


def fanout_app(width: int = 50) -> Dash:
    """One input read by `width` callbacks, each with its own output."""
    app = Dash(__name__)
    app.layout = html.Div([html.Button("click", id="btn"),
                           html.Div([html.Div(id=f"o{i}") for i in range(width)], id="outs")])

    def fan(i: int) -> None:
        @app.callback(Output(f"o{i}", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
        def one(n_clicks):
            return f"{n_clicks}/{i}"

    for i in range(width):
        fan(i)
    return app


def render_app(components: int = 5000) -> Dash:
    """A static layout of `components` components (rows of 5), then a marker `last` (no callbacks)."""
    app = Dash(__name__)
    rows = [html.Div([html.Span(f"row {i}"), html.B(str(i)), html.I("item"), html.Span(f"{i * 7 % 13}")],
                     className="row") for i in range(components // 5)]
    app.layout = html.Div([html.Div(rows), html.Div("end", id="last")])
    return app


_WORDS = ("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda")


def big_app() -> Dash:
    """A click whose callback returns a ~2 MB string into a Pre."""
    BIG = " ".join(f"{_WORDS[i % len(_WORDS)]}{i}" for i in range(260_000))[:2_000_000]  # built here: ~50 ms
    app = Dash(__name__)
    app.layout = html.Div([html.Button("click", id="btn"), html.Pre(id="out")])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    def clicked(n_clicks):
        return f"{n_clicks}: {BIG}"

    return app


def bigout_app(size: int) -> Dash:
    """A click whose callback returns a fresh `size`-character string (bench/memory_big_outputs.py)."""
    app = Dash(__name__)
    app.layout = html.Div([html.Button("click", id="btn"), html.Pre(id="out")])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    def clicked(n_clicks):
        return f"{n_clicks}:" + "x" * (size - 8)  # built per call, as a query result would be

    return app


def match_app(n: int, initial: bool) -> Dash:
    """`n` pattern-matching button/span pairs and one MATCH callback (with initial calls when `initial`)."""
    app = Dash(__name__)
    app.layout = html.Div([
        html.Div([html.Button(f"button {i}", id={"type": "btn", "index": i}),
                  html.Span("", id={"type": "out", "index": i})]) for i in range(n)
    ])

    @app.callback(Output({"type": "out", "index": MATCH}, "children"),
                  Input({"type": "btn", "index": MATCH}, "n_clicks"), prevent_initial_call=not initial)
    def clicked(n_clicks):
        return f"ready {n_clicks}"

    return app


def many_app(n: int) -> Dash:
    """`n` button/output pairs, each with a callback of its own (with its initial call): a page with `n`
    callbacks, where Dash users report multi-second freezes at a few hundred."""
    app = Dash(__name__)
    app.layout = html.Div([html.Div([html.Button(f"button {i}", id=f"b{i}"), html.Span(id=f"o{i}")])
                           for i in range(n)])

    def pair(i: int) -> None:
        @app.callback(Output(f"o{i}", "children"), Input(f"b{i}", "n_clicks"))
        def clicked(n_clicks):
            return f"{i}: {n_clicks or 0}"

    for i in range(n):
        pair(i)
    return app


BUILDERS = {
    "many": lambda: many_app(N or 400),
    "click": click_app,
    "chain10": lambda: chain_app(10),
    "fanout50": lambda: fanout_app(50),
    "render5000": lambda: render_app(N or 5000),
    "big2mb": big_app,
    "match": lambda: match_app(N or 200, initial=False),
    "ready": lambda: match_app(N or 200, initial=True),
    "bigout": lambda: bigout_app(N or 50_000_000),
}

app = BUILDERS[SCENARIO]()
server = app.server
