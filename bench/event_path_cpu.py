"""CPU per event through the ASGI stack, in process: the event route's cost, free of the HTTP server and of
the load generator, so it reads steadily on a loaded machine where requests/s do not (bench/server_throughput.py).

    /tmp/venv/bin/python bench/event_path_cpu.py [--tree PATH ...] [--modes plain,middleware,mounted]
                                                 [--rounds 5] [--events 2000]

Each round runs, for every (checkout, mode) pair in rotating order, a fresh process that builds the click app
of bench/throughput_app.py (`BENCH_WRAP` = mode), calls its ASGI app with `--events` click events one after
another (a receive that gives the body, then waits as a connected client does; a send that drops the bytes)
and prints the process CPU time (all threads: the loop and the worker the callback runs on) and wall time per
event. In `plain` and `middleware` modes the child also calls the event endpoint itself, with nothing around
it, in blocks of 100 events alternating with blocks through the whole app, and reports what the stack in front of the endpoint
costs per event (the difference of the two, measured side by side in one process). Prints the median of the
rounds per pair, and the JSON of every round.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
CLICK = {"seq": 1, "changed": {"btn.n_clicks": 1}, "values": {"btn.n_clicks": 1}, "present": {"btn": [], "out": []}}
PREFIX = {"plain": "", "middleware": "", "mounted": "/dash"}


def measure(mode: str, events: int) -> dict:
    """In the child process: `events` click events through the app's ASGI callable."""
    from throughput_app import server

    body = json.dumps(CLICK).encode()
    path = PREFIX[mode] + "/_propwire/event"
    headers = [(b"host", b"127.0.0.1"), (b"content-type", b"application/json"),
               (b"content-length", str(len(body)).encode())]

    async def one(never: asyncio.Event, app) -> None:
        given = False

        async def receive() -> dict:
            nonlocal given
            if given:
                await never.wait()
            given = True
            return {"type": "http.request", "body": body, "more_body": False}

        statuses: list[int] = []

        async def send(message: dict) -> None:
            if message["type"] == "http.response.start":
                statuses.append(message["status"])

        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
                 "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
                 "headers": headers, "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 5000)}
        await app(scope, receive, send)
        assert statuses == [200], statuses

    # The event endpoint itself, called with no Starlette around it: in the same process, in alternating blocks,
    # it shows what the stack in front of it costs per event, with the machine's load hitting both alike.
    routes = getattr(server, "routes", [])
    endpoint = getattr(server, "events", None) or (routes[0].app if mode != "mounted" else None)
    direct = [0.0, 0.0]
    served = [0.0, 0.0]

    async def block(app, n: int, into: list[float]) -> None:
        never = asyncio.Event()
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in range(n):
            await one(never, app)
        into[0] += time.process_time() - cpu
        into[1] += time.perf_counter() - wall

    async def run() -> None:
        await block(server, 200, [0.0, 0.0])  # warm-up: the engine built, the pool's threads started
        for _ in range(max(1, events // 100)):
            await block(server, 100, served)
            if endpoint is not None:
                await block(endpoint, 100, direct)

    asyncio.run(run())
    n = max(1, events // 100) * 100
    out = {"cpu_us": served[0] / n * 1e6, "wall_us": served[1] / n * 1e6}
    if endpoint is not None:
        out |= {"endpoint_cpu_us": direct[0] / n * 1e6, "endpoint_wall_us": direct[1] / n * 1e6}
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tree", action="append", type=Path, help="a propwire checkout (repeatable)")
    parser.add_argument("--modes", default="plain,middleware,mounted")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.events)))
        return
    trees = [t.resolve() for t in args.tree or [BENCH.parent]]
    pairs = [(tree, mode) for tree in trees for mode in args.modes.split(",")]
    got: dict[tuple[Path, str], list[dict]] = {pair: [] for pair in pairs}
    for i in range(args.rounds):
        for tree, mode in pairs[i % len(pairs):] + pairs[:i % len(pairs)]:
            env = dict(os.environ, BENCH_FRAMEWORK="propwire", BENCH_SCENARIO="click", BENCH_WRAP=mode,
                       PYTHONPATH=os.pathsep.join([str(BENCH), str(tree)]))
            done = subprocess.run([sys.executable, __file__, "--child", mode, "--events", str(args.events)],
                                  cwd=BENCH, env=env, capture_output=True, text=True, check=True, timeout=600)
            got[tree, mode].append(json.loads(done.stdout.strip().splitlines()[-1]))
    for (tree, mode), runs in got.items():
        cpu = [r["cpu_us"] for r in runs]
        wall = [r["wall_us"] for r in runs]
        line = (f"{tree} {mode:10s} cpu {statistics.median(cpu):6.0f} us/event (min {min(cpu):.0f}, max {max(cpu):.0f})"
                f"  wall {statistics.median(wall):6.0f} us/event")
        if "endpoint_cpu_us" in runs[0]:
            extra = [r["cpu_us"] - r["endpoint_cpu_us"] for r in runs]
            line += f"  | the stack in front of the endpoint: cpu {statistics.median(extra):+.0f} us/event"
        print(line)
    print(json.dumps({f"{tree} {mode}": runs for (tree, mode), runs in got.items()}))


if __name__ == "__main__":
    main()
