"""Bytes of the first Graph page, propwire vs Dash 4.4.1 in one run: everything the browser downloads (HTML,
scripts, styles, callback answers) until the graph is plotted, for a page with common traces (a bar and a
scatter: propwire's cartesian plotly.js) and a page with a polar trace (propwire's full plotly.js).

    PYTHONPATH=$PWD /tmp/venv/bin/python bench/graph_page_bytes.py

Each framework serves the same app source from its own process (`app.run`, debug off), a fresh browser context
each (empty cache). Bytes are the encoded response bodies as Chromium received them (after any
Content-Encoding), summed over every response of the page. Bytes do not vary between runs: one round.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright
from servers import bench_env, free_port, serve, stop

HERE = Path(__file__).resolve().parent
APP = '''
import sys
from shim import Dash, Input, Output, dcc, html
polar = sys.argv[1] == "polar"
trace = ({"type": "scatterpolar", "r": [1, 2, 3], "theta": [0, 90, 180]} if polar
         else {"type": "bar", "x": ["a", "b", "c"], "y": [3, 1, 2]})
app = Dash(__name__)
app.layout = html.Div([html.H1("Sales"), dcc.Graph(id="g", figure={"data": [trace, {"type": "scatter", "y": [1, 3, 2]}]
                       if not polar else [trace]}), html.Div(id="out")])
@app.callback(Output("out", "children"), Input("g", "clickData"))
def show(click):
    return str(click)
app.run(port=int(sys.argv[2]), debug=False)
'''


def start(framework: str, page: str, script: list[str] | None = None) -> tuple[subprocess.Popen, str]:
    """A server for `page` of this bench's app (or of `script`, e.g. [path of another bench app]) on a free port."""
    port = free_port()
    return serve([sys.executable, *(script or ["-c", APP]), page, str(port)], port, f"{framework} {page}",
                 bench_env(framework))


def page_bytes(browser, url: str) -> tuple[int, int]:
    """(bytes, responses) of one load of `url` until its graph is plotted and the network is idle."""
    context = browser.new_context()
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("http://127.0.0.1:") else r.abort())
    page = context.new_page()
    done: list = []
    page.on("requestfinished", lambda r: done.append(r))
    page.goto(url)
    page.wait_for_selector("#g .main-svg", timeout=60_000)
    page.wait_for_load_state("networkidle")
    total = sum(r.sizes()["responseBodySize"] for r in done)
    context.close()
    return total, len(done)


def main() -> None:
    servers: dict[tuple[str, str], tuple[subprocess.Popen, str]] = {}
    try:
        for key in [(fw, p) for fw in ("dash", "propwire") for p in ("common", "polar")]:
            servers[key] = start(*key)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            sizes = {key: page_bytes(browser, url) for key, (_proc, url) in servers.items()}
            browser.close()
    finally:
        for proc, _ in servers.values():
            stop(proc)
    print("| page | Dash 4.4.1 bytes (responses) | propwire bytes (responses) | ratio propwire/Dash |")
    print("|---|---|---|---|")
    for page in ("common", "polar"):
        (d, dn), (p, pn) = sizes[("dash", page)], sizes[("propwire", page)]
        print(f"| {page} | {d:,} ({dn}) | {p:,} ({pn}) | {p / d:.2f} |")


if __name__ == "__main__":
    main()
