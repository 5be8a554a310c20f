"""Server callbacks/s and p99 under load over each framework's transports, one run (issue 18).

    python bench/socket_throughput.py [--quick] [--no-aa] [--rounds N] [--seconds S] [--out socket-throughput]

The servers are bench/transports.py's sides on the click app, two workers each: `dash` (Flask, gunicorn -w 2),
`dash_ws` (Dash's FastAPI backend with WebSocket callbacks, uvicorn --workers 2), `propwire` (its event
socket), `propwire_http` (every event a POST) and `propwire_aa` (a second `propwire`: the A/A ratio). Chromium
clicks the button once on each side's page, and the event it sent is kept: the POST (Playwright's request
events) or the WebSocket message (page.on("websocket") for propwire's socket; Dash's socket lives in a
SharedWorker, which Playwright does not show, so its frames come from the worker's own CDP session). Then 16
clients replay that event in a closed loop, each waiting for its answer before sending again: bench/load.c
for the POSTs, bench/ws_load.c over the sockets (a fresh seq / requestId per message). Rounds are
interleaved, the sides' order rotating; every sample is kept in the JSON.

`--check` (on by default; `--no-check` skips it) then proves the tools count only answers that happened:
fresh servers of each side, whose click callback counts its calls into files (bench_app's BENCH_COUNT_DIR),
get a fixed number of events from the tools; the servers' count must equal the tools' `good` count.

Writes bench/results/NAME.json and NAME.md: per side the median (p10–p90) of callbacks/s, p50 and p99, and
the ratios of the medians propwire / dash, propwire / dash_ws, propwire_http / dash, propwire_aa / propwire.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import run
from run import rotate, summary, text_is
from transports import Browser, Server

BENCH = Path(__file__).resolve().parent
SIDES = ("dash", "dash_ws", "propwire", "propwire_http", "propwire_aa")
SOCKET = {"dash_ws": "dash", "propwire": "propwire", "propwire_aa": "propwire"}  # side: ws_load's --ws-kind
RATIOS = (("propwire", "dash"), ("propwire", "dash_ws"), ("propwire_http", "dash"), ("propwire_aa", "propwire"))
TARGETS = {("propwire", "dash"): ("≥ 5", "≤ 0.3"), ("propwire", "dash_ws"): ("≥ 2", "≤ 0.5")}
CLIENTS, EXPECT = 16, "clicked "


class DashWorkerFrames:
    """The WebSocket messages Dash's SharedWorker sends, from a browser-level CDP session: each new shared
    worker is attached (not flattened, so its events arrive as Target.receivedMessageFromTarget) and its
    Network domain enabled."""

    def __init__(self, browser: Any):
        self.cdp = browser.new_browser_cdp_session()
        self.sent: list[str] = []
        self.attached: set[str] = set()
        self.cdp.on("Target.targetCreated", self._created)
        self.cdp.on("Target.receivedMessageFromTarget", self._message)
        self.cdp.send("Target.setDiscoverTargets", {"discover": True})

    def _created(self, event: dict) -> None:
        info = event["targetInfo"]
        if info["type"] == "shared_worker" and info["targetId"] not in self.attached:
            self.attached.add(info["targetId"])
            session = self.cdp.send("Target.attachToTarget", {"targetId": info["targetId"], "flatten": False})
            self.cdp.send("Target.sendMessageToTarget", {"sessionId": session["sessionId"], "message": json.dumps(
                {"id": 1, "method": "Network.enable"})})

    def _message(self, event: dict) -> None:
        message = json.loads(event["message"])
        if message.get("method") == "Network.webSocketFrameSent":
            self.sent.append(message["params"]["response"]["payloadData"])


def recorded_events(servers: dict[str, Server], sides: tuple[str, ...], log: Any) -> dict[str, dict]:
    """Each side's click event as Chromium sent it: {"url", "body", "content_type"} for a POST, {"url",
    "message"} for a socket message (the last one sent for the click)."""
    from playwright.sync_api import sync_playwright

    events: dict[str, dict] = {}
    with sync_playwright() as playwright:
        browser = Browser(playwright)
        try:
            dash_frames = DashWorkerFrames(browser.browser)
            for side in sides:
                tab = browser.tab(text_is("out", "clicked None"))
                frames: list[tuple[str, str]] = []
                tab.page.on("websocket", lambda ws, f=frames: ws.on("framesent", lambda p: f.append((ws.url, p))))
                tab.page.goto(servers[side].url, wait_until="commit")
                tab.page.wait_for_function("() => window.__bench && window.__bench.readyAt !== null",
                                           timeout=120_000, polling=20)
                tab.idle()
                before = len(tab.posts), len(frames), len(dash_frames.sent)
                tab.page.click("#btn")
                tab.page.wait_for_function(text_is("out", "clicked 1"), timeout=30_000, polling=20)
                tab.idle()
                events[side] = _click_event(side, servers[side], tab.posts[before[0]:], frames[before[1]:],
                                            dash_frames.sent[before[2]:])
                log(f"{side}: the click went as {'a socket message' if 'message' in events[side] else 'a POST'}")
                tab.close()
        finally:
            browser.browser.close()
    return events


def _click_event(side: str, server: Server, posts: list[dict], frames: list[tuple[str, str]],
                 dash_sent: list[str]) -> dict:
    """The click's event among what the page sent after the click, in the form the load tools replay."""
    if side in SOCKET:
        if side == "dash_ws":
            sent = [m for m in dash_sent if '"callback_request"' in m]
            url = f"ws://127.0.0.1:{server.port}/_dash-ws-callback"
        else:
            sent = [p for _, p in frames if isinstance(p, str) and '"seq"' in p]
            url = frames[-1][0] if frames else ""
        if not sent:
            raise RuntimeError(f"{side}: the click sent no socket message (posts: {len(posts)})")
        return {"url": url, "message": sent[-1]}
    if not posts:
        raise RuntimeError(f"{side}: the click sent no POST")
    return {"url": posts[-1]["url"], "body": posts[-1]["body"], "content_type": posts[-1]["content_type"]}


def template(side: str, message: str) -> str:
    """The message with its number (propwire's seq, Dash's requestId counter) replaced by ws_load's @@N@@."""
    if SOCKET[side] == "propwire":
        out, n = re.subn(r'"seq":\s*\d+', '"seq":@@N@@', message, count=1)
    else:
        out, n = re.subn(r'("requestId":\s*"[^"]*?)\d+"', r'\1@@N@@"', message, count=1)
    if n != 1:
        raise RuntimeError(f"{side}: no seq/requestId to number in the recorded message: {message[:200]}")
    return out


class Load:
    """Runs a side's load tool with its recorded event: load.c for a POST, ws_load.c for a socket message."""

    def __init__(self, events: dict[str, dict], port_of: dict[str, int]):
        self.files: dict[str, Path] = {}
        self.events, self.port_of = events, port_of
        for side, event in events.items():
            path = Path(tempfile.mkstemp(prefix=f"bench-event-{side}-", suffix=".json")[1])
            path.write_text(template(side, event["message"]) if side in SOCKET else event["body"])
            self.files[side] = path

    def command(self, side: str, seconds: float, max_requests: int = 0, port: int = 0) -> list[str]:
        url = re.sub(r"127\.0\.0\.1:\d+", f"127.0.0.1:{port or self.port_of[side]}", self.events[side]["url"])
        common = ["--url", url, "--clients", str(CLIENTS), "--seconds", str(seconds), "--expect", EXPECT]
        common += ["--max-requests", str(max_requests)] if max_requests else []
        if side in SOCKET:
            return [str(run.load_tool("ws_load")), "--ws-kind", SOCKET[side], "--message-file", str(self.files[side]), *common]
        return [str(run.load_tool()), "--body-file", str(self.files[side]),
                "--header", f"Content-Type: {self.events[side]['content_type']}", *common]

    def __call__(self, side: str, seconds: float, max_requests: int = 0, port: int = 0) -> dict:
        done = subprocess.run(self.command(side, seconds, max_requests, port), capture_output=True, text=True,
                              timeout=seconds + 60)
        if done.returncode:
            raise RuntimeError(f"{side}: load tool exited {done.returncode}: {done.stderr[-1000:]}")
        return json.loads(done.stdout)

    def close(self) -> None:
        for path in self.files.values():
            path.unlink(missing_ok=True)


def measure(load: Load, sides: tuple[str, ...], rounds: int, seconds: float, log: Any) -> dict[str, list[dict]]:
    """A 1 s warm-up per side, then `rounds` rounds of every side in rotating order: every run's figures."""
    for side in sides:
        load(side, 1.0)
    runs: dict[str, list[dict]] = {side: [] for side in sides}
    for i in range(rounds):
        for side in rotate(sides, i):
            runs[side].append(load(side, seconds))
            r = runs[side][-1]
            log(f"round {i + 1} {side}: {r['per_second']:.0f}/s p50 {r['p50_ms']:.2f} ms p99 {r['p99_ms']:.2f} ms "
                f"errors {r['errors']}")
    return runs


def check(load: Load, sides: tuple[str, ...], events: int, log: Any) -> dict[str, dict]:
    """Known answer: counted servers (fresh, no page visited them) get `events` events from the tools; their
    callback's own count of calls must equal the tools' `good`."""
    out: dict[str, dict] = {}
    for side in sides:
        with tempfile.TemporaryDirectory(prefix=f"bench-count-{side}-") as directory:
            server = Server(side, "click")
            os.environ["BENCH_COUNT_DIR"] = directory
            try:
                server.start()
            finally:
                os.environ.pop("BENCH_COUNT_DIR", None)
            try:
                server.wait_port()  # no GET / : only the tool's events may call the callback
                got = load(side, 30.0, max_requests=events, port=server.port)
            finally:
                server.stop()
            calls = sum(int(p.read_text().strip() or 0) for p in Path(directory).glob("calls-*"))
        out[side] = {"sent": events, "good": got["good"], "errors": got["errors"], "server_calls": calls,
                     "matches": calls == got["good"] and got["errors"] == 0 and got["good"] == events}
        log(f"check {side}: tool good {got['good']} (errors {got['errors']}), server counted {calls} calls: "
            f"{'OK' if out[side]['matches'] else 'MISMATCH'}")
    return out


def table(results: dict[str, dict], sides: tuple[str, ...]) -> str:
    lines = ["| side | callbacks/s | p50 ms | p99 ms | errors |", "|---|---|---|---|---|"]
    for side in sides:
        r = results[side]
        lines.append(f"| {side} | {run.fmt(r['per_second'], '/s')} | {run.fmt(r['p50_ms'], 'ms')} | "
                     f"{run.fmt(r['p99_ms'], 'ms')} | {r['errors']} of {r['requests']} |")
    lines += ["", "| ratio | callbacks/s | target | p99 | target |", "|---|---|---|---|---|"]
    for a, b in RATIOS:
        if a in results and b in results:
            rate = results[a]["per_second"]["median"] / results[b]["per_second"]["median"]
            p99 = results[a]["p99_ms"]["median"] / results[b]["p99_ms"]["median"]
            t_rate, t_p99 = TARGETS.get((a, b), ("—", "—"))
            lines.append(f"| {a} / {b} | {rate:.2f} | {t_rate} | {p99:.2f} | {t_p99} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="2 rounds of 2 s (a smoke run)")
    parser.add_argument("--rounds", type=int, default=0, help="rounds (default 5, --quick 2)")
    parser.add_argument("--seconds", type=float, default=0, help="seconds per run (default 8, --quick 2)")
    parser.add_argument("--no-aa", action="store_true", help="without propwire_aa")
    parser.add_argument("--no-check", action="store_true", help="skip the known-answer check")
    parser.add_argument("--check-events", type=int, default=2000, help="events per side in the check")
    parser.add_argument("--out", default="socket-throughput")
    args = parser.parse_args()
    rounds = args.rounds or (2 if args.quick else 5)
    seconds = args.seconds or (2.0 if args.quick else 8.0)
    sides = tuple(s for s in SIDES if not (args.no_aa and s == "propwire_aa"))
    began = time.monotonic()
    log = lambda msg: print(f"[{time.monotonic() - began:6.1f}s] {msg}", flush=True)  # noqa: E731
    load_average = {"before": os.getloadavg()}
    servers = {side: Server(side, "click") for side in sides}
    try:
        for server in servers.values():
            server.start()
        for server in servers.values():
            server.wait_http()
        events = recorded_events(servers, sides, log)
        load = Load(events, {side: server.port for side, server in servers.items()})
        try:
            runs = measure(load, sides, rounds, seconds, log)
            load_average["after_rounds"] = os.getloadavg()
            for server in servers.values():
                server.stop()
            checked = {} if args.no_check else check(load, tuple(s for s in sides if s != "propwire_aa"),
                                                    args.check_events, log)
        finally:
            load.close()
    finally:
        for server in servers.values():
            server.stop()
    results = {side: {"per_second": summary([r["per_second"] for r in runs[side]]),
                      "p50_ms": summary([r["p50_ms"] for r in runs[side]]),
                      "p99_ms": summary([r["p99_ms"] for r in runs[side]]),
                      "errors": sum(r["errors"] for r in runs[side]), "requests": sum(r["requests"] for r in runs[side]),
                      "error_sample": sorted({e for r in runs[side] for e in r["error_sample"]})[:3],
                      "runs": runs[side]} for side in sides}
    report = table(results, sides)
    machine = run.machine_info("n/a (recorded events only)")
    doc = {"machine": machine, "quick": args.quick, "rounds": rounds, "seconds_per_run": seconds, "clients": CLIENTS,
           "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "load_average": load_average,
           "recorded_events": {s: {k: re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:PORT", v) for k, v in e.items()}
                               for s, e in events.items()},
           "results": results, "check": checked, "table": report}
    run.write_results(args.out, doc, [
        f"# Server callbacks/s under {CLIENTS} closed-loop clients ({'quick' if args.quick else 'full'} run, "
        f"{doc['when']})", "",
        f"Machine: {machine['cpu']}, {machine['cpus']} CPUs; {run.commit_of(machine)}; load average "
        f"{load_average['before'][0]:.2f} before. {rounds} rounds of {seconds:g} s per side, interleaved; "
        "medians (p10–p90) over the rounds, ratios of medians. Known-answer check: "
        + (", ".join(f"{s} {'OK' if c['matches'] else 'MISMATCH'}" for s, c in checked.items()) or "skipped")],
        report)
    if checked and not all(c["matches"] for c in checked.values()):
        raise SystemExit("the known-answer check failed: see the JSON's `check`")


if __name__ == "__main__":
    main()
