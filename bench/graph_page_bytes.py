"""Bytes of the first Graph page, propwire vs Dash 4.4.1 in one run: everything the browser downloads (HTML,
scripts, styles, callback answers) until the graph is plotted, for a page with common traces (a bar and a
scatter: propwire's cartesian plotly.js) and a page with a polar trace (propwire's full plotly.js).

    PYTHONPATH=$PWD /tmp/venv/bin/python bench/graph_page_bytes.py

Each framework serves the same app source from its own process (`app.run`, debug off), a fresh browser context
each (empty cache). Bytes are the encoded response bodies as Chromium received them (after any
Content-Encoding), summed over every response of the page. Bytes do not vary between runs: one round.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright
from servers import bench_env, free_port, serve, stop

HERE = Path(__file__).resolve().parent
APP = [str(HERE / "graph_small_app.py")]


def start(framework: str, page: str, script: list[str] | None = None,
          options: dict | None = None) -> tuple[subprocess.Popen, str]:
    """A server for `page` of this bench's app (or of `script`, e.g. [path of another bench app]) on a free port;
    `options` are Dash() options every app of it gets (bench/shim.py's BENCH_DASH_OPTIONS). Dash's FastAPI
    backend (`backend="fastapi"`) is served by uvicorn importing the app module, which then builds `server` for
    the page named by BENCH_GRAPH_PAGE; the others run the script, whose `app.run` serves it."""
    port = free_port()
    env = {**bench_env(framework), "BENCH_DASH_OPTIONS": json.dumps(options or {}), "BENCH_GRAPH_PAGE": page}
    path = Path((script or APP)[0])
    if (options or {}).get("backend") == "fastapi":
        argv = [sys.executable, "-m", "uvicorn", "--app-dir", str(path.parent), "--host", "127.0.0.1", "--port",
                str(port), "--log-level", "warning", f"{path.stem}:server"]
    else:
        argv = [sys.executable, str(path), page, str(port)]
    return serve(argv, port, f"{framework} {page}", env)


class Flight:
    """A page's requests in flight, and those finished; `quiet()` waits as "networkidle" would. Dash's WebSocket
    callbacks run in a SharedWorker whose script request Playwright never sees finish (so "networkidle" never
    comes there): that request's bytes count if it finishes, but it is not waited for."""

    def __init__(self, page) -> None:
        self.page, self.n, self.done = page, 0, []
        page.on("request", lambda r: self._moved(r, 1))
        page.on("requestfinished", lambda r: (self.done.append(r), self._moved(r, -1)))
        page.on("requestfailed", lambda r: self._moved(r, -1))

    def _moved(self, request, by: int) -> None:
        if "dash-ws-worker" not in request.url:
            self.n += by

    def quiet(self, ms: int = 500) -> None:
        """Until nothing has been in flight for `ms`."""
        still = 0
        while still < ms:
            self.page.wait_for_timeout(50)
            still = still + 50 if self.n <= 0 else 0


def page_bytes(browser, url: str) -> tuple[int, int]:
    """(bytes, responses) of one load of `url` until its graph is plotted and the network is idle."""
    context = browser.new_context()
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("http://127.0.0.1:") else r.abort())
    page = context.new_page()
    flight = Flight(page)
    page.goto(url)
    page.wait_for_selector("#g .main-svg", timeout=60_000)
    flight.quiet()
    total = sum(r.sizes()["responseBodySize"] for r in flight.done)
    context.close()
    return total, len(flight.done)


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
