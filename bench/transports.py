"""propwire's two event transports against Dash's two, side by side in one run (issue 18).

    python bench/transports.py [--quick] [--out transports]

Five servers of the same app source (bench/bench_app.py through bench/shim.py), each in its own process group
on 127.0.0.1, two workers each:

- `dash`: Dash 4.4.1 on Flask, `gunicorn -w 2` (its default setup);
- `dash_ws`: Dash 4.4.1 on its FastAPI backend with WebSocket callbacks (`Dash(backend="fastapi",
  websocket_callbacks=True)`), `uvicorn --workers 2`: Dash's fastest configuration;
- `propwire`: propwire as it ships, events over its event socket (docs/protocol.md), `uvicorn --workers 2`;
- `propwire_http`: propwire with `websocket_callbacks=False`, events as POSTs;
- `propwire_aa`: a second server exactly like `propwire`, for the A/A ratio (`propwire_aa / propwire`): how far
  apart two identical sides come out in this run, the noise floor every other ratio is read against.

Click → DOM is timed in headless Chromium as bench/run.py times it (a MutationObserver, performance.now()),
every side clicked in each round in rotating order. Scenarios: one click, a chain of 10 callbacks, one input
read by 50 callbacks, all on loopback; the chain of 10 again with a 50 ms round trip between page and server
(`chain10_50ms`: every side behind bench/delay_proxy.py, which delays HTTP and WebSocket bytes alike, where
Chromium's network emulation, which bench/run.py's 50 ms rows use, delays only HTTP requests); a page of 400
callbacks (bench_app.many_app), its first visits until every callback's initial call shows (`ready400`) and a
click on it (`click400`). Writes bench/results/NAME.json (every sample) and NAME.md (the table: medians,
p10–p90, and each propwire side over each Dash side).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Any

import run
from delay_proxy import DelayProxy
from run import ClickSet, Ctx, interleaved_clicks, text_is

SIDES = ("dash", "dash_ws", "propwire", "propwire_http", "propwire_aa")
OPTIONS = {"dash_ws": {"backend": "fastapi", "websocket_callbacks": True},
           "propwire_http": {"websocket_callbacks": False}}
RATIOS = (("propwire", "dash"), ("propwire", "dash_ws"), ("propwire_http", "dash"), ("propwire", "propwire_http"),
          ("propwire_aa", "propwire"))


class Server(run.Server):
    """run.Server, for the four sides: Dash's WebSocket side on uvicorn, and each side's Dash() options."""

    def __init__(self, side: str, scenario: str, n: int = 0):
        super().__init__(side, scenario, n)
        self.framework = "dash" if side.startswith("dash") else "propwire"

    def command(self) -> list[str]:
        if self.side == "dash":
            return super().command()
        return [sys.executable, "-m", "uvicorn", "--workers", "2", "--host", "127.0.0.1", "--port", str(self.port),
                "--log-level", "warning", "--no-access-log", "bench_app:server"]

    def start(self) -> float:
        os.environ["BENCH_DASH_OPTIONS"] = json.dumps(OPTIONS.get(self.side, {}))
        try:
            return super().start()
        finally:
            os.environ.pop("BENCH_DASH_OPTIONS", None)


class Browser(run.Browser):
    """run.Browser, whose tabs do not wait for Dash's WebSocket worker: Dash runs its WebSocket callbacks in a
    SharedWorker, and Playwright never sees the request of that worker's script finish."""

    def tab(self, predicate: str | None = None, latency_ms: int = 0) -> Any:
        tab = super().tab(predicate, latency_ms)
        tab.page.on("request", lambda r: setattr(tab, "inflight", tab.inflight - 1) if "dash-ws-worker" in r.url
                    else None)
        return tab


SCENARIOS = {  # name: (app, ready predicate, click id, targets, latency ms)
    "click": ("click", text_is("out", "clicked None"), "btn", ["out"], 0),
    "chain10": ("chain10", "!!document.getElementById('s9')", "btn", ["s9"], 0),
    "chain10_50ms": ("chain10", "!!document.getElementById('s9')", "btn", ["s9"], 50),  # through DelayProxy
    "fanout50": ("fanout50", "!!document.getElementById('o49')", "btn", ["o49"], 0),
    "ready400": ("many", "", "", [], 0),  # first visits to the page with 400 callbacks, until all have shown
    "click400": ("many", "MANY_READY", "b0", ["o0"], 0),  # a click on that page
}


REPEATS = {"ready400": (5, 3), "click400": (20, 8), "chain10_50ms": (20, 8)}  # (full, --quick); the rest (30, 10)
# The 400-callback page (bench_app.many_app): ready when the last callback's initial call shows.
MANY = 400
MANY_READY = text_is(f"o{MANY - 1}", f"{MANY - 1}: 0")
MANY_TIMEOUT_S = 600.0  # Dash 4.4.1 needs about a minute for the page on this machine


class Proxied:
    """A side's server as the browser sees it through a DelayProxy: only its URL differs."""

    def __init__(self, proxy: DelayProxy):
        self.url = proxy.url


def measure(ctx: Ctx, name: str, repeat: int) -> None:
    app, ready, button, targets, latency = SCENARIOS[name]
    servers = {side: Server(side, app, MANY if app == "many" else 0) for side in SIDES}
    proxies: list[DelayProxy] = []
    try:
        for server in servers.values():
            server.start()
        for server in servers.values():
            server.wait_http()
        if latency:
            proxies = [DelayProxy(server.port, latency) for server in servers.values()]
            for proxy in proxies:
                proxy.start()
        if name == "ready400":  # no warm-up round: Dash takes about a minute per load of this page
            return run.page_loads(ctx, name, app, MANY_READY, repeat, servers=servers, warm=False,
                                  timeout_s=MANY_TIMEOUT_S)
        ready = MANY_READY if ready == "MANY_READY" else ready
        pages = {side: Proxied(proxy) for side, proxy in zip(servers, proxies)} if latency else servers
        interleaved_clicks(ctx, [ClickSet(name, pages, ready, lambda i: button, lambda i: targets)],  # type: ignore[arg-type]
                           repeat, warmup=3 if not latency else 2, ready_s=MANY_TIMEOUT_S)
    finally:
        for proxy in proxies:
            proxy.stop()
        for server in servers.values():
            server.stop()


def table(results: dict[str, Any]) -> str:
    head = ["scenario", *SIDES, *(f"{a} / {b}" for a, b in RATIOS)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name in SCENARIOS:
        row = results.get(name)
        if not row:
            continue
        cells = [name, *(run.fmt(row.get(side), "ms") for side in SIDES)]
        for a, b in RATIOS:
            cells.append(f"{row[a]['median'] / row[b]['median']:.2f}" if row.get(a) and row.get(b) else "—")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--out", default="transports", help="results file stem under bench/results/")
    parser.add_argument("--only", default="", help=f"comma-separated subset of: {', '.join(SCENARIOS)}")
    args = parser.parse_args()
    chosen = [s for s in args.only.split(",") if s] or list(SCENARIOS)
    if set(chosen) - set(SCENARIOS):
        sys.exit(f"unknown scenario(s): {sorted(set(chosen) - set(SCENARIOS))}")
    from playwright.sync_api import sync_playwright

    began = time.monotonic()
    results: dict[str, Any] = {}
    errors: dict[str, str] = {}

    def log(msg: str) -> None:
        print(f"[{time.monotonic() - began:6.1f}s] {msg}", flush=True)

    with sync_playwright() as playwright:
        browser = Browser(playwright)
        ctx = Ctx(browser, args.quick, SIDES, results, log)
        machine = run.machine_info(browser.browser.version)
        for name in chosen:
            load = os.getloadavg()[0]
            log(f"-- {name} (load average {load:.2f})")
            try:
                measure(ctx, name, ctx.reps(*REPEATS.get(name, (30, 10))))
                results.setdefault("load_average", {})[name] = [round(load, 2), round(os.getloadavg()[0], 2)]
            except Exception as exc:  # one broken scenario must not lose the others' figures
                errors[name] = f"{type(exc).__name__}: {exc}"[:2000]
                log(f"{name} FAILED: {errors[name]}")
        browser.browser.close()
    report = table(results)
    doc = {"machine": machine, "quick": args.quick, "sides": list(SIDES), "options": OPTIONS,
           "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "seconds": time.monotonic() - began, "errors": errors,
           "results": results, "table": report}
    run.write_results(args.out, doc, [
        f"# Event transports: propwire vs Dash ({'quick' if args.quick else 'full'} run, {doc['when']})", "",
        f"Machine: {machine['cpu']}, {machine['cpus']} CPUs; Chromium {machine['chromium']}; {run.commit_of(machine)}. "
        "Click → DOM in ms: median (p10–p90); ratios of medians."], report)

if __name__ == "__main__":
    main()
