"""1,000 concurrent sessions, each acting once a second for 60 s, against 2 workers (issue 18): propwire over its
event socket and over HTTP, against Dash on Flask and Dash's WebSocket callbacks, one run.

    python bench/sessions.py [--quick] [--sessions 1000] [--seconds 60] [--out sessions]

The servers are bench/transports.py's four sides (the click app, 2 workers each, 127.0.0.1). The event each
session sends is the one the browser sent: Chromium clicks the button once on Dash's and propwire's HTTP
pages, and their POST bodies are replayed — as POSTs (`dash`, `propwire_http`), as socket messages
(`propwire`: the POST body is the message, docs/protocol.md), and inside Dash's `callback_request` message
(`dash_ws`). The load comes from bench/session_load.py, one process, the sides measured one after another.

Reported per side: p50 and p99 of send → answer (ms), events and errors, and the servers' RSS (all
processes) idle and with every session connected, whose difference over the sessions is the RSS per
session. Writes bench/results/NAME.json (every sample) and NAME.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import run
from run import ClickSet, Ctx, interleaved_clicks, text_is
from transports import Browser, Server

SIDES = ("dash", "dash_ws", "propwire", "propwire_http")
RECORDED = {"dash": "dash", "dash_ws": "dash", "propwire": "propwire_http", "propwire_http": "propwire_http"}
KIND = {"dash": "http", "dash_ws": "ws-dash", "propwire": "ws-propwire", "propwire_http": "http"}
PATH = {"dash": "/_dash-update-component", "dash_ws": "/_dash-ws-callback", "propwire": "/_propwire/ws",
        "propwire_http": "/_propwire/event"}
RATIOS = (("propwire", "dash"), ("propwire", "dash_ws"), ("propwire_http", "dash"))


def recorded_bodies(servers: dict[str, Server], log: Any) -> dict[str, dict]:
    """The click's POST body on Dash's and on propwire's HTTP page, as Chromium sent them."""
    from playwright.sync_api import sync_playwright

    sides = ("dash", "propwire_http")
    with sync_playwright() as playwright:
        browser = Browser(playwright)
        try:
            ctx = Ctx(browser, True, sides, {}, log)
            got = interleaved_clicks(ctx, [ClickSet("record", servers, text_is("out", "clicked None"),
                                                    lambda i: "btn", lambda i: ["out"], 0)], 1, warmup=0)
        finally:
            browser.browser.close()
    return {side: json.loads(got["record"]["posts"][side][-1]["body"]) for side in sides}


def load(side: str, server: Server, body: dict, args: argparse.Namespace) -> dict[str, Any]:
    """One side under the sessions' load: the generator's figures, and the servers' RSS idle and loaded."""
    scheme = "ws" if KIND[side].startswith("ws") else "http"
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(body, f)
    idle = server.rss_mb()
    cmd = [sys.executable, str(Path(__file__).with_name("session_load.py")), "--kind", KIND[side],
           "--url", f"{scheme}://127.0.0.1:{server.port}{PATH[side]}", "--body-file", f.name,
           "--sessions", str(args.sessions), "--seconds", str(args.seconds), "--ramp", str(args.ramp),
           "--expect", "clicked "]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        ramped = json.loads(proc.stdout.readline())
        peak: list[float] = []
        sampler = threading.Thread(target=_sample_rss, args=(server, args.seconds, peak), daemon=True)
        sampler.start()
        out, _ = proc.communicate(timeout=args.seconds + args.ramp + 120)
        sampler.join()
    finally:
        if proc.poll() is None:
            proc.kill()
        Path(f.name).unlink(missing_ok=True)
    if proc.returncode:
        raise RuntimeError(f"{side}: session_load exited {proc.returncode}")
    result = json.loads(out)
    loaded = max(peak) if peak else server.rss_mb()
    result.update(ramped, rss_idle_mb=round(idle, 1), rss_loaded_mb=round(loaded, 1),
                  rss_per_session_kib=round((loaded - idle) * 1024 / max(1, args.sessions), 1))
    return result


def _sample_rss(server: Server, seconds: float, into: list[float]) -> None:
    """The servers' RSS every second while the sessions act."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        into.append(server.rss_mb())
        time.sleep(1.0)


def table(results: dict[str, Any]) -> str:
    head = ["side", "sessions connected", "events", "errors", "p50 ms", "p99 ms", "RSS idle MB", "RSS loaded MB",
            "RSS per session KiB"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for side in SIDES:
        r = results.get(side)
        if r:
            lines.append(f"| {side} | {r['ramped']} | {r['events']} | {r['errors']} | {r['p50_ms']} | {r['p99_ms']} | "
                         f"{r['rss_idle_mb']} | {r['rss_loaded_mb']} | {r['rss_per_session_kib']} |")
    lines += ["", "| ratio | p99 | RSS loaded |", "|---|---|---|"]
    for a, b in RATIOS:
        ra, rb = results.get(a), results.get(b)
        if ra and rb and ra["p99_ms"] and rb["p99_ms"]:
            lines.append(f"| {a} / {b} | {ra['p99_ms'] / rb['p99_ms']:.2f} | "
                         f"{ra['rss_loaded_mb'] / rb['rss_loaded_mb']:.2f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="200 sessions for 15 s")
    parser.add_argument("--sessions", type=int, default=0)
    parser.add_argument("--seconds", type=float, default=0)
    parser.add_argument("--out", default="sessions")
    args = parser.parse_args()
    args.sessions = args.sessions or (200 if args.quick else 1000)
    args.seconds = args.seconds or (15.0 if args.quick else 60.0)
    args.ramp = 10.0 if not args.quick else 3.0
    began = time.monotonic()
    log = lambda msg: print(f"[{time.monotonic() - began:7.1f}s] {msg}", flush=True)  # noqa: E731
    servers = {side: Server(side, "click") for side in SIDES}
    results: dict[str, Any] = {}
    errors: dict[str, str] = {}
    try:
        for server in servers.values():
            server.start()
        for server in servers.values():
            server.wait_http()
        bodies = recorded_bodies(servers, log)
        for side in SIDES:
            log(f"-- {side}: {args.sessions} sessions for {args.seconds:.0f} s")
            try:
                results[side] = load(side, servers[side], bodies[RECORDED[side]], args)
                r = results[side]
                log(f"{side}: p50 {r['p50_ms']} ms  p99 {r['p99_ms']} ms  errors {r['errors']}  "
                    f"RSS {r['rss_idle_mb']} -> {r['rss_loaded_mb']} MB")
            except Exception as exc:  # one broken side must not lose the others' figures
                errors[side] = f"{type(exc).__name__}: {exc}"[:2000]
                log(f"{side} failed: {errors[side]}")
    finally:
        for server in servers.values():
            server.stop()
    report = table(results)
    machine = run.machine_info("n/a (recorded bodies only)")
    doc = {"machine": machine, "sessions": args.sessions, "seconds": args.seconds, "ramp": args.ramp,
           "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "errors": errors, "results": results, "table": report}
    run.write_results(args.out, doc, [
        f"# {args.sessions} sessions, one event a second each, {args.seconds:.0f} s ({doc['when']})", "",
        f"Machine: {machine['cpu']}, {machine['cpus']} CPUs; {run.commit_of(machine)}. Servers: 2 workers each; "
        "load: bench/session_load.py (one process, the sides one after another)."], report)

if __name__ == "__main__":
    main()
