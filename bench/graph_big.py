"""Big-data dcc.Graph, propwire vs Dash 4.4.1 in one run (issue 15's bench): first render of a 200,000-point
scattergl figure, a Patch recolouring one of its traces, an extendData tick at 100,000 points, and the bytes
of the first Graph page. Apps: bench/graph_big_app.py.

    PYTHONPATH=$PWD /tmp/venv/bin/python bench/graph_big.py [--rounds 5] [--clicks 3] [--out graph-big]

Each framework serves the same app source from its own process (`app.run`, debug off); a second propwire
server (`propwire_b`) gives the A/A ratio (propwire_b / propwire), the noise level. `dash_ws` is Dash on its
FastAPI backend with WebSocket callbacks (`Dash(backend="fastapi", websocket_callbacks=True)`, issue 18's
second reference), whose `app.run` serves it with uvicorn. A fifth side, `plotly`, is
bench/graph_floor.py's bare page: the same figure drawn by the same plotly.js with no framework, the button
calling Plotly.react / extendTraces itself; its ratio to Dash is the lowest any framework drawing with this
plotly.js can reach (the "floor" column). Every round loads each
side's pages in a fresh browser context (empty cache), the order of the sides rotating; one uncounted warm-up
load per server first.

How "drawn" is seen, the same way on both: a script installed before the page's own wraps the `emit` plotly.js
puts on the plot element, and on every `plotly_afterplot` checks the plot's own data; the time is taken at the
next animation frame after the first afterplot whose data show the awaited state.
- first render: performance.now() (ms since navigation start) when both traces are plotted with 100,000
  points each;
- Patch: from just before the button's click() to the afterplot whose trace 1 has the click's new colour;
- extendData: from the click to the afterplot whose trace 0 ends with that tick's last x (still 100,000 points).
Bytes: graph_page_bytes.page_bytes (every response body of the page until it is plotted and idle), for the
200,000-point page and for graph_page_bytes.py's small common page. Prints a markdown table; with --out
writes bench/results/NAME.json (every sample) and NAME.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import time
from pathlib import Path

from graph_big_app import TICK, N, colour
from graph_floor import start_floor
from graph_page_bytes import Flight, page_bytes, start
from playwright.sync_api import sync_playwright
from servers import stop

HERE = Path(__file__).resolve().parent
SIDES = ("dash", "dash_ws", "propwire", "propwire_b", "plotly")
DASH_WS = {"backend": "fastapi", "websocket_callbacks": True}
APP = [str(HERE / "graph_big_app.py")]

HOOK = """(() => {
  const pwb = window.__pwb = { first: null, afterplots: 0, want: null };
  const check = (gd) => {
    pwb.afterplots += 1;
    const data = gd._fullData || [];
    if (pwb.first === null && data.length === %(traces)d && data.every((t) => t.x && t.x.length === %(n)d)) {
      pwb.first = -1;
      requestAnimationFrame(() => { pwb.first = performance.now(); });
    }
    if (pwb.want && pwb.want(gd)) {
      const done = pwb.done;
      pwb.want = null;
      requestAnimationFrame(() => done(performance.now() - pwb.t0));
    }
  };
  Object.defineProperty(HTMLElement.prototype, "emit", {
    configurable: true,
    get() { return this.__pwbEmit; },
    set(fn) {
      this.__pwbEmit = function (event, ...rest) {
        const out = fn.call(this, event, ...rest);
        if (event === "plotly_afterplot") check(this);
        return out;
      };
    },
  });
})();"""

CLICK = """([selector, test, arg]) => new Promise((resolve, reject) => {
  const pwb = window.__pwb;
  setTimeout(() => reject(new Error(`no afterplot showed ${test} ${arg} in 60 s`)), 60000);
  const tests = {
    colour: (gd) => gd._fullData[1].marker.color === arg,
    lastx: (gd) => { const x = gd.data[0].x; return x.length === N_POINTS && x[x.length - 1] === arg; },
  };
  pwb.want = tests[test];
  pwb.done = resolve;
  pwb.t0 = performance.now();
  document.querySelector(selector).click();
})""".replace("N_POINTS", str(N))


def settle(page, flight: Flight) -> None:
    """Wait until the page has had no request in flight and no new afterplot for 500 ms (its resize re-plots,
    its mount callbacks): the next click is then timed alone."""
    flight.quiet()
    last = -1
    while (count := page.evaluate("window.__pwb.afterplots")) != last:
        last = count
        page.wait_for_timeout(500)


def visit(browser, url: str, page_name: str, clicks: int) -> tuple[float, list[float]]:
    """One fresh load of a page: (first render ms, [ms of each click: a recolour Patch or an extendData tick])."""
    context = browser.new_context()
    page = context.new_page()
    flight = Flight(page)
    page.add_init_script(HOOK % {"traces": 2 if page_name == "big" else 1, "n": N})
    page.goto(url, wait_until="commit")
    first = page.wait_for_function("() => window.__pwb && window.__pwb.first > 0 ? window.__pwb.first : null",
                                   polling=50, timeout=120_000).json_value()
    settle(page, flight)
    times = []
    for n in range(1, clicks + 1):  # a fresh page: its button's n_clicks counts from 1
        if page_name == "big":
            times.append(page.evaluate(CLICK, ["#recolour", "colour", colour(n)]))
        else:
            times.append(page.evaluate(CLICK, ["#tick", "lastx", N + n * TICK - 1]))
        settle(page, flight)
    context.close()
    return float(first), [float(t) for t in times]


def browser_version(browser) -> str:
    return browser.version


def run(rounds: int, clicks: int) -> dict:
    servers: dict = {}
    small: dict = {}
    samples: dict = {f"{side} {p}": {"first": [], "clicks": []} for side in SIDES for p in ("big", "extend")}
    load_before = Path("/proc/loadavg").read_text().split()[:3]
    try:
        for side in SIDES:
            for p in ("big", "extend"):
                if side == "plotly":
                    servers[(side, p)] = start_floor(p)
                else:
                    servers[(side, p)] = start("dash" if side.startswith("dash") else "propwire", p, APP,
                                               DASH_WS if side == "dash_ws" else None)
        for fw in ("dash", "dash_ws", "propwire"):
            small[fw] = start("dash" if fw.startswith("dash") else fw, "common", None, DASH_WS if fw == "dash_ws" else None)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                "--proxy-server=http://127.0.0.1:9"])
            for (_side, p), (_proc, url) in servers.items():  # warm-up, not counted
                visit(browser, url, p, 1)
            for r in range(rounds):
                order = SIDES[r % len(SIDES):] + SIDES[: r % len(SIDES)]
                for p in ("big", "extend"):
                    for side in order:
                        first, times = visit(browser, servers[(side, p)][1], p, clicks)
                        samples[f"{side} {p}"]["first"].append(first)
                        samples[f"{side} {p}"]["clicks"].extend(times)
            sizes = {fw: page_bytes(browser, servers[(fw, "big")][1]) for fw in ("dash", "dash_ws", "propwire")}
            sizes_small = {fw: page_bytes(browser, url) for fw, (_proc, url) in small.items()}
            version = browser_version(browser)
            browser.close()
    finally:
        for proc, _ in [*servers.values(), *small.values()]:
            stop(proc)
    return {"samples": samples, "bytes_big": sizes, "bytes_common": sizes_small, "rounds": rounds, "clicks": clicks,
            "chromium": version, "python": platform.python_version(), "load_before": load_before,
            "load_after": Path("/proc/loadavg").read_text().split()[:3], "commit": commit(),
            "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


def commit() -> str:
    out = subprocess.run(["git", "-C", str(HERE), "describe", "--always", "--dirty"], capture_output=True, text=True)
    return out.stdout.strip()


def table(result: dict) -> str:
    s = result["samples"]
    med = statistics.median

    def cell(values: list[float]) -> str:
        return f"{med(values):.0f} ({min(values):.0f}–{max(values):.0f})"

    def row(name: str, key: str, page: str, target: str, limit: float) -> str:
        d, w, p, b, f = (s[f"{side} {page}"][key] for side in SIDES)
        ratio = med(p) / med(d)
        return (f"| {name} | {cell(d)} | {cell(w)} | {cell(p)} | {ratio:.2f} | {med(p) / med(w):.2f} | {target} "
                f"| {'yes' if ratio <= limit and med(p) / med(w) <= limit else 'no'} | {med(b) / med(p):.2f} "
                f"| {cell(f)} | {med(f) / med(d):.2f} |")

    lines = [f"{result['rounds']} rounds, {result['clicks']} clicks per load; median ms (min–max)", "",
             "| scenario | Dash 4.4.1 | Dash WebSocket | propwire | ratio | ratio to Dash WS | target | met | A/A "
             "| plotly.js alone | floor |",
             "|---|---|---|---|---|---|---|---|---|---|---|",
             row("first render, 200,000-point scattergl (navigation → points drawn)", "first", "big", "≤ 0.3", 0.3),
             row("Patch recolouring one trace of it (click → new colour drawn)", "clicks", "big", "≤ 0.3", 0.3),
             row("extendData tick at 100,000 points (click → new points drawn)", "clicks", "extend", "—", float("inf"))]
    for name, key in (("first Graph page, 200,000 points", "bytes_big"), ("first Graph page, bar + scatter", "bytes_common")):
        (d, dn), (w, wn), (p, pn) = (result[key][side] for side in ("dash", "dash_ws", "propwire"))
        lines.append(f"| bytes: {name} (responses) | {d:,} ({dn}) | {w:,} ({wn}) | {p:,} ({pn}) | {p / d:.2f} "
                     f"| {p / w:.2f} | ≤ 0.5 | {'yes' if p / d <= 0.5 and p / w <= 0.5 else 'no'} | | | |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--clicks", type=int, default=3)
    parser.add_argument("--out", default=None, help="write bench/results/NAME.json and NAME.md")
    args = parser.parse_args()
    result = run(args.rounds, args.clicks)
    text = table(result)
    print(text)
    if args.out:
        (HERE / "results" / f"{args.out}.json").write_text(json.dumps(result, indent=1))
        (HERE / "results" / f"{args.out}.md").write_text(
            f"# Issue 15: big-data dcc.Graph, propwire vs Dash 4.4.1\n\n`bench/graph_big.py --rounds {args.rounds} "
            f"--clicks {args.clicks}`, commit {result['commit']}, {result['when']}, Chromium {result['chromium']}, "
            f"load average {' '.join(result['load_before'])} before, {' '.join(result['load_after'])} after.\n\n{text}\n")


if __name__ == "__main__":
    main()
