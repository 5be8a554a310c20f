"""Where a click's time goes (issue 18's click → DOM), against the floor this browser and machine allow.

    python bench/click_breakdown.py [--quick] [--out click-breakdown]

Four servers, each in its own process group on 127.0.0.1: Dash 4.4.1 on Flask (`dash`), Dash on its FastAPI
backend with WebSocket callbacks (`dash_ws`), propwire over its event socket (`propwire`), all serving
bench_app's one-callback click app, and `floor`: bench/echo_app.py, a bare ASGI WebSocket echo under uvicorn
whose page writes the answer into a div — the least a click → DOM over a WebSocket can cost here.

Every side is clicked in each round, in rotating order, timed in headless Chromium as bench/run.py times it.
On propwire's and the floor's pages the page's WebSocket is watched too (an init script wraps `send` and the
`message` handlers), which splits each click into: click → send (the page's work before the event goes),
send → answer (network, server, and the browser's delivery of the frame), answer → DOM (parsing, applying,
React's commit). Dash's WebSocket side sends from a SharedWorker, which the page cannot watch, so Dash gets
totals only. Then the server alone: a Python WebSocket client sends propwire the very event Chromium sent,
and the floor its message, alternately, 60 ms apart (the pace of the clicks above, so the servers are as idle
between messages as they are for a user), and times each answer: propwire's minus the floor's is the time
of propwire's event path on the server. Writes bench/results/OUT.json (every sample) and OUT.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from typing import Any

import run
import transports
from run import Ctx, rotate, summary, text_is
from servers import free_port

SIDES = ("dash", "dash_ws", "propwire", "floor")
WATCHED = ("propwire", "floor")
GAP_S = 0.06

# Installed before the page's scripts: the times of the page's WebSocket sends and of its message handlers.
WATCH_INIT = """(() => {
  const t = window.__ws = {sends: [], msgs: [], last: null};
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (d) { t.sends.push(performance.now()); t.last = d; return send.call(this, d); };
  const wrap = (fn) => function (e) { t.msgs.push(performance.now()); return fn.call(this, e); };
  const desc = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage');
  Object.defineProperty(WebSocket.prototype, 'onmessage', {
    set(fn) { desc.set.call(this, fn && wrap(fn)); }, get() { return desc.get.call(this); }});
})();"""

# One click, timed as bench/run.py's CLICK_TO_DOM times it, with the watched sends and messages after it.
CLICK = """async ([clickId, targetId]) => {
  const w = window.__ws; if (w) { w.sends.length = 0; w.msgs.length = 0; }
  const target = document.getElementById(targetId), before = target.textContent;
  const began = performance.now();
  const done = new Promise((resolve) => { const obs = new MutationObserver(() => {
    if (target.textContent !== before) { obs.disconnect(); resolve(performance.now()); } });
    obs.observe(document, {childList: true, characterData: true, subtree: true}); });
  document.getElementById(clickId).click();
  const end = await done;
  if (!w || !w.sends.length || !w.msgs.length) return {total: end - began};
  return {total: end - began, to_send: w.sends[0] - began, to_answer: w.msgs[0] - w.sends[0],
          to_dom: end - w.msgs[0]};
}"""


class Floor:
    """bench/echo_app.py under uvicorn with two workers, as the framework sides have."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = run.Server("floor", "click")
        self.server.port, self.server.url = self.port, self.url
        self.server.command = lambda: [sys.executable, "-m", "uvicorn", "--workers", "2", "--host", "127.0.0.1",  # type: ignore[method-assign]
                                       "--port", str(self.port), "--log-level", "warning", "echo_app:app"]

    def start(self) -> None:
        self.server.start()

    def wait_http(self) -> None:
        self.server.wait_http()

    def stop(self) -> None:
        self.server.stop()


def browser_clicks(ctx: Ctx, servers: dict[str, Any], repeat: int, warmup: int) -> dict[str, Any]:
    """Each round clicks every side's page (rotating order); returns the samples and propwire's event body."""
    tabs: dict[str, run.Tab] = {}
    samples: dict[str, list[dict[str, float]]] = {side: [] for side in SIDES}
    try:
        for side in SIDES:
            tab = tabs[side] = ctx.browser.tab(text_is("out", "clicked None"))  # the floor's: once its socket is open
            if side in WATCHED:
                tab.page.add_init_script(WATCH_INIT)
            tab.page.goto(servers[side].url, wait_until="commit")
            tab.page.wait_for_function("() => window.__bench && window.__bench.readyAt !== null", polling=20)
            tab.idle()
        for i in range(warmup + repeat):
            for side in rotate(SIDES, i):
                got = tabs[side].page.evaluate(CLICK, ["btn", "out"])
                tabs[side].idle()
                tabs[side].page.evaluate(run.SETTLED)
                if i >= warmup:
                    samples[side].append(got)
        body = tabs["propwire"].page.evaluate("() => window.__ws.last")
    finally:
        for tab in tabs.values():
            tab.close()
    return {"samples": samples, "event": json.loads(body)}


async def server_rtts(servers: dict[str, Any], event: dict[str, Any], repeat: int) -> dict[str, list[float]]:
    """The answer times of propwire's event and the floor's message from a Python client, alternately."""
    import websockets

    times: dict[str, list[float]] = {"propwire": [], "floor": []}
    pw_url = servers["propwire"].url.replace("http", "ws") + "/_propwire/ws"
    async with websockets.connect(pw_url, origin=servers["propwire"].url) as pw, \
            websockets.connect(servers["floor"].url.replace("http", "ws") + "/ws") as floor:
        for i in range(10 + repeat):
            seq = event["seq"] + 1 + i
            body = {**event, "seq": seq, "changed": {"btn.n_clicks": seq}, "values": {"btn.n_clicks": seq}}
            for side in rotate(("propwire", "floor"), i):
                began = time.perf_counter()
                if side == "floor":
                    await floor.send("click")
                    await floor.recv()
                else:
                    await pw.send(json.dumps(body))
                    while b'"done"' not in await pw.recv():
                        pass
                if i >= 10:
                    times[side].append((time.perf_counter() - began) * 1000)
                await asyncio.sleep(GAP_S)
    return times


def phase_stats(rows: list[dict[str, float]]) -> dict[str, Any]:
    return {key: summary([r[key] for r in rows if key in r]) for key in ("total", "to_send", "to_answer", "to_dom")
            if any(key in r for r in rows)}


def fmt(stat: dict[str, Any] | None, unit: str = "ms") -> str:
    """Two decimals: the phases are fractions of a millisecond."""
    if not stat or stat["median"] is None:
        return "–"
    return f"{stat['median']:.2f} ({stat['p10']:.2f}–{stat['p90']:.2f})"


def table(results: dict[str, Any]) -> str:
    phases = results["phases"]
    rows = ["| | " + " | ".join(SIDES) + " |", "|---|" + "---|" * len(SIDES)]
    rows.append("| click → DOM | " + " | ".join(fmt(phases[s]["total"], "ms") for s in SIDES) + " |")
    for key, label in (("to_send", "click → send"), ("to_answer", "send → answer"), ("to_dom", "answer → DOM")):
        rows.append(f"| {label} | " + " | ".join(fmt(phases[s].get(key), "ms") if s in WATCHED else "–"
                                                 for s in SIDES) + " |")
    server = results["server"]
    rows.append("| server, Python client (60 ms apart) | – | – | " + fmt(server["propwire"], "ms") + " | "
                + fmt(server["floor"], "ms") + " |")
    med = {s: phases[s]["total"]["median"] for s in SIDES}
    rows += ["", f"Targets: ≤ 0.15 × Dash on Flask = {0.15 * med['dash']:.2f} ms, ≤ 0.3 × Dash WebSocket = "
                 f"{0.3 * med['dash_ws']:.2f} ms. The floor is {med['floor']:.2f} ms "
                 f"({med['floor'] / med['dash']:.2f} × Dash on Flask, {med['floor'] / med['dash_ws']:.2f} × Dash WebSocket); "
                 f"propwire is {med['propwire']:.2f} ms ({med['propwire'] / med['dash']:.2f} / "
                 f"{med['propwire'] / med['dash_ws']:.2f}), {med['propwire'] - med['floor']:.2f} ms above the floor. "
                 f"Server's own event path: {server['propwire']['median'] - server['floor']['median']:.2f} ms."]
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer clicks (a smoke run, not for the README)")
    parser.add_argument("--out", default="click-breakdown")
    args = parser.parse_args()
    repeat, warmup = (20, 3) if args.quick else (60, 5)
    from playwright.sync_api import sync_playwright

    servers: dict[str, Any] = {s: transports.Server(s, "click") for s in SIDES if s != "floor"}
    servers["floor"] = Floor()
    try:
        for server in servers.values():
            server.start()
        for server in servers.values():
            server.wait_http()
        with sync_playwright() as pw:
            browser = transports.Browser(pw)
            ctx = Ctx(browser=browser, quick=args.quick, sides=SIDES, results={}, log=print)
            clicked = browser_clicks(ctx, servers, repeat, warmup)
            version = browser.browser.version
        rtts = asyncio.run(server_rtts(servers, clicked["event"], 100 if args.quick else 300))
    finally:
        for server in servers.values():
            server.stop()
    results = {"phases": {s: phase_stats(clicked["samples"][s]) for s in SIDES},
               "server": {s: summary(v) for s, v in rtts.items()}}
    doc = {"machine": run.machine_info(version), "results": results, "samples": clicked["samples"],
           "server_samples": rtts}
    heading = [f"# Click → DOM, phase by phase, against the floor ({'quick' if args.quick else 'full'} run, "
               f"{time.strftime('%Y-%m-%dT%H:%M:%S%z')})", "",
               f"{run.commit_of(doc['machine'])}; Chromium {version}. Medians (p10–p90), ms. See bench/click_breakdown.py."]
    run.write_results(args.out, doc, heading, table(results))


if __name__ == "__main__":
    main()
