"""The event route's throughput on propwire alone: 16 clients POSTing the click event, per serving mode.

    /tmp/venv/bin/python bench/server_throughput.py [--tree PATH ...] [--modes plain,middleware,mounted]
                                                    [--rounds 3] [--seconds 4]

Each (checkout, mode) pair is one uvicorn server (1 worker, 127.0.0.1, the app of bench/throughput_app.py)
loaded by bench/load.c (closed loop, 16 keep-alive connections) replaying the click's event body; the pairs
take turns within every round (rotating order), so drift on the shared machine reaches them alike. `--tree`
(repeatable) serves propwire from another checkout, e.g. the code before a change
(`git -C /work/main worktree add /tmp/before main`); without it, this checkout only. Prints one line per pair
(median requests/s and its spread, median p50/p99 ms, errors) and the JSON of every run.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from run import load_tool  # noqa: E402  (the main bench's load tool)
from servers import free_port  # noqa: E402

CLICK = {"seq": 1, "changed": {"btn.n_clicks": 1}, "values": {"btn.n_clicks": 1}, "present": {"btn": [], "out": []}}
PREFIX = {"plain": "", "middleware": "", "mounted": "/dash"}


class Served:
    """One uvicorn process serving one mode from one checkout, in its own process group."""

    def __init__(self, tree: Path, mode: str):
        self.tree, self.mode, self.port = tree, mode, free_port()
        env = dict(os.environ, BENCH_FRAMEWORK="propwire", BENCH_SCENARIO="click", BENCH_WRAP=mode,
                   PYTHONPATH=os.pathsep.join([str(BENCH), str(tree)]))
        self.proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "--host", "127.0.0.1", "--port", str(self.port),
                                      "--log-level", "warning", "--no-access-log", "throughput_app:server"],
                                     cwd=BENCH, env=env, start_new_session=True)
        self.url = f"http://127.0.0.1:{self.port}{PREFIX[mode]}/_propwire/event"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.post(self.url, json=CLICK, timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"{tree} {mode}: no answer on {self.url}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=15)


def load(url: str, body: Path, seconds: float) -> dict:
    cmd = [str(load_tool()), "--url", url, "--body-file", str(body), "--clients", "16", "--seconds", str(seconds),
           "--expect", "clicked ", "--header", "Content-Type: application/json"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60, check=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tree", action="append", type=Path, help="a propwire checkout (repeatable)")
    parser.add_argument("--modes", default="plain,middleware,mounted")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=4.0)
    args = parser.parse_args()
    trees = [t.resolve() for t in args.tree or [BENCH.parent]]
    pairs = [(tree, mode) for tree in trees for mode in args.modes.split(",")]
    body = Path(tempfile.mkstemp(prefix="bench-click-", suffix=".json")[1])
    body.write_text(json.dumps(CLICK))
    servers: dict[tuple[Path, str], Served] = {}
    runs: dict[tuple[Path, str], list[dict]] = {pair: [] for pair in pairs}
    try:
        for pair in pairs:
            servers[pair] = Served(*pair)
            load(servers[pair].url, body, 1.0)  # warm-up
        for i in range(args.rounds):
            for pair in pairs[i % len(pairs):] + pairs[:i % len(pairs)]:
                runs[pair].append(load(servers[pair].url, body, args.seconds))
    finally:
        for server in servers.values():
            server.stop()
        body.unlink(missing_ok=True)
    for (tree, mode), got in runs.items():
        rates = [r["per_second"] for r in got]
        print(f"{tree} {mode:10s} {statistics.median(rates):7.0f}/s (min {min(rates):.0f}, max {max(rates):.0f})  "
              f"p50 {statistics.median(r['p50_ms'] for r in got):.2f} ms  p99 {statistics.median(r['p99_ms'] for r in got):.2f} ms  "
              f"errors {sum(r['errors'] for r in got)}")
    print(json.dumps({f"{tree} {mode}": got for (tree, mode), got in runs.items()}))


if __name__ == "__main__":
    main()
