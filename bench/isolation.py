"""Isolation (issue 12, item 1): client B's event latency while client A's callback is stuck or slow.

    /tmp/venv/bin/python bench/isolation.py [--seconds 4] [--no-dash] [--before-tree PATH]

One server per side on 127.0.0.1, each in its own process group: propwire under `uvicorn` (one worker, so A
and B share one event loop: the harshest case), Dash 4.4.1 under its own threaded dev server (`app.run`).
The app is bench/isolation_app.py. For each side, client B sends events one after the other on a
kept-alive connection (httpx) for `--seconds` (longer than A's 3 s call, so a phase covers a whole one),
timing each full response, in three phases:
- idle: nothing else runs;
- slow: client A keeps a 3 s `time.sleep` callback running (a new click as soon as one returns);
- stuck: client A's callback waits on a lock that is never released (for the rest of the run).
Before measuring, every callback is clicked 5 times with a warm-up value that returns at once.
`--before-tree PATH` adds a side "propwire-before": propwire imported from another checkout (the code before
this change), to show what the change fixed; a request there that gets no answer in 5 s ends its phase.
Prints a markdown table (median, p99, ratio to the side's own idle phase) and writes
bench/results/isolation.json and isolation.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
from servers import free_port

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"
OUTPUT_OF = {"stuck": "held", "slow": "took", "go": "out"}
ANSWER_SECONDS = 5.0


class Side:
    """One framework's server and how its events look on the wire."""

    def __init__(self, name: str, tree: Path | None = None):
        self.name, self.port = name, free_port()
        self.framework = "dash" if name == "dash" else "propwire"
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, BENCH_FRAMEWORK=self.framework, PROPWIRE_SECRET_KEY="bench-only-key",
                   PYTHONPATH=os.pathsep.join([str(BENCH), str(tree or ROOT)]))
        if self.framework == "dash":
            command = [sys.executable, "isolation_app.py", str(self.port)]
        else:
            command = [sys.executable, "-m", "uvicorn", "--host", "127.0.0.1", "--port", str(self.port),
                       "--log-level", "warning", "--no-access-log", "isolation_app:server"]
        self.proc = subprocess.Popen(command, cwd=BENCH, env=env, start_new_session=True,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._wait_ready()

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/", timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError(f"{self.name} did not start")

    def request(self, button: str, n: int) -> tuple[str, bytes]:
        output = OUTPUT_OF[button]
        if self.framework == "dash":
            body = {"output": f"{output}.children", "outputs": {"id": output, "property": "children"},
                    "inputs": [{"id": button, "property": "n_clicks", "value": n}],
                    "changedPropIds": [f"{button}.n_clicks"], "state": []}
            return "/_dash-update-component", json.dumps(body).encode()
        body = {"seq": abs(n), "changed": {f"{button}.n_clicks": n}, "values": {f"{button}.n_clicks": n},
                "present": {button: [], output: []}}
        return "/_propwire/event", json.dumps(body).encode()

    def click(self, client: httpx.Client, button: str, n: int, timeout: float | None = ANSWER_SECONDS) -> None:
        path, body = self.request(button, n)
        answer = client.post(path, content=body, headers={"content-type": "application/json"}, timeout=timeout)
        answer.raise_for_status()

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)  # a stuck thread never lets it exit cleanly
            self.proc.wait(timeout=10)


def measure_b(side: Side, seconds: float) -> dict[str, Any]:
    """Client B's latencies in ms; stops at the first request without an answer in ANSWER_SECONDS."""
    samples: list[float] = []
    with httpx.Client(base_url=side.url) as client:
        try:
            side.click(client, "go", 1)  # the connection is open before timing starts
            end, n = time.perf_counter() + seconds, 2
            while time.perf_counter() < end:
                began = time.perf_counter()
                side.click(client, "go", n)
                samples.append((time.perf_counter() - began) * 1000)
                n += 1
        except httpx.TimeoutException:
            return {"samples": samples, "unanswered": True}
    return {"samples": samples, "unanswered": False}


def client_a(side: Side, button: str, stop: threading.Event) -> threading.Thread:
    """Client A clicking `button` again as soon as each call returns, until `stop` (stuck: one click)."""
    def loop() -> None:
        with httpx.Client(base_url=side.url) as client:
            n = 1
            while not stop.is_set():
                try:
                    side.click(client, button, n, timeout=None if button == "stuck" else 30)
                except httpx.HTTPError:
                    return
                n += 1

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    return thread


def run_side(side: Side, seconds: float) -> dict[str, Any]:
    with httpx.Client(base_url=side.url) as client:
        for button in ("stuck", "slow", "go"):
            for k in range(1, 6):
                side.click(client, button, -k)
    phases: dict[str, Any] = {"idle": measure_b(side, seconds)}
    for button in ("slow", "stuck"):
        stop = threading.Event()
        client_a(side, button, stop)
        time.sleep(0.3)  # A's call is running (a 3 s sleep, or for ever)
        phases[button] = measure_b(side, seconds)
        stop.set()
    return phases


def stats(phase: dict[str, Any]) -> dict[str, Any]:
    values = sorted(phase["samples"])
    if not values:
        return {"n": 0, "unanswered": phase["unanswered"]}
    p99 = values[min(len(values) - 1, int(round(0.99 * (len(values) - 1))))]
    return {"n": len(values), "median_ms": statistics.median(values), "p99_ms": p99, "max_ms": values[-1],
            "unanswered": phase["unanswered"]}


def table(results: dict[str, dict[str, Any]]) -> str:
    rows = ["| side | phase | B's events | median | p99 | max | median / idle | p99 / idle |",
            "|---|---|---|---|---|---|---|---|"]
    for name, phases in results.items():
        idle = phases["idle"]
        for phase, s in phases.items():
            if not s["n"]:
                rows.append(f"| {name} | {phase} | 0 (no answer in {ANSWER_SECONDS:g} s) | – | – | – | – | – |")
                continue
            note = f" (then no answer in {ANSWER_SECONDS:g} s)" if s["unanswered"] else ""
            rows.append(f"| {name} | {phase} | {s['n']}{note} | {s['median_ms']:.2f} ms | {s['p99_ms']:.2f} ms | {s['max_ms']:.0f} ms | "
                        f"{s['median_ms'] / idle['median_ms']:.2f} | {s['p99_ms'] / idle['p99_ms']:.2f} |")
    return "\n".join(rows)


def commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True).stdout.strip()
    except OSError:
        return "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=4.0, help="how long client B sends events, per phase")
    parser.add_argument("--no-dash", action="store_true", help="propwire only")
    parser.add_argument("--before-tree", type=Path, help="also propwire from this checkout, as propwire-before")
    parser.add_argument("--out", default="isolation", help="results file stem under bench/results/")
    args = parser.parse_args()
    sides: list[tuple[str, Path | None]] = [("propwire", None)]
    if args.before_tree:
        sides.append(("propwire-before", args.before_tree.resolve()))
    if not args.no_dash:
        sides.append(("dash", None))
    results: dict[str, dict[str, Any]] = {}
    for name, tree in sides:
        side = Side(name, tree)
        try:
            results[name] = {phase: stats(p) for phase, p in run_side(side, args.seconds).items()}
        finally:
            side.stop()
        print(f"{name}: " + ", ".join(f"{k} {v.get('median_ms', float('nan')):.2f} ms" for k, v in results[name].items()),
              flush=True)
    text = table(results)
    print(text)
    meta = {"when": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "commit": commit(), "seconds_per_phase": args.seconds,
            "python": platform.python_version(), "cpus": os.cpu_count(), "load_average": os.getloadavg(),
            "servers": {"propwire": "uvicorn, 1 worker", "dash": "Dash 4.4.1 app.run (Flask dev server, threaded)"}}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{args.out}.json").write_text(json.dumps({"meta": meta, "results": results}, indent=1))
    (RESULTS / f"{args.out}.md").write_text(
        f"# Isolation: client B's event latency while client A's callback is stuck or slow\n\n"
        f"{meta['when']}, propwire at {meta['commit']}, {args.seconds:g} s of client B's events per phase, {meta['cpus']} CPUs "
        f"(load average {meta['load_average'][0]:.2f}); propwire: {meta['servers']['propwire']}; "
        f"Dash: {meta['servers']['dash']}. Made by `bench/isolation.py` (see its docstring).\n\n{text}\n")


if __name__ == "__main__":
    main()
