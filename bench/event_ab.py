"""propwire-only A/B of the event path: server throughput of the click app, this tree against another checkout.

    /tmp/venv/bin/python bench/event_ab.py --b-tree /tmp/before --rounds 3 --seconds 4

Both trees are served like bench/run.py serves propwire (`uvicorn --workers 2 bench_app:server`, click scenario,
on 127.0.0.1); bench/load.c replays the click's event (the body the renderer sends, as recorded in
bench/results/issue12-click.json) from 16 clients for `--seconds`, the two servers taking turns for `--rounds`
rounds. Prints the median events/s and p50/p99 of each, and their ratio (this tree / the other). No Dash, no
browser: a quick check of a change to the per-event cost, not a replacement for bench/run.py.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
BODY = {"seq": 15, "changed": {"btn.n_clicks": 15}, "values": {"btn.n_clicks": 15},
        "present": {"btn": [], "out": []}, "pending": []}


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(tree: Path) -> tuple[subprocess.Popen, int]:
    port = _port()
    env = dict(os.environ, PROPWIRE_SECRET_KEY="bench-only-key", BENCH_FRAMEWORK="propwire", BENCH_SCENARIO="click",
               PYTHONPATH=os.pathsep.join([str(BENCH), str(tree)]))
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "--workers", "2", "--host", "127.0.0.1", "--port",
                             str(port), "--log-level", "warning", "--no-access-log", "bench_app:server"],
                            cwd=BENCH, env=env, start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            time.sleep(1.0)  # both workers up
            return proc, port
        except OSError:
            time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGTERM)
    raise RuntimeError(f"the server from {tree} did not start")


def load(binary: Path, port: int, body: Path, seconds: float) -> dict:
    cmd = [str(binary), "--url", f"http://127.0.0.1:{port}/_propwire/event", "--body-file", str(body),
           "--clients", "16", "--seconds", str(seconds), "--expect", "clicked ",
           "--header", "Content-Type: application/json"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60, check=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--b-tree", type=Path, required=True, help="the other checkout of propwire (e.g. before)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=4.0)
    args = parser.parse_args()
    sys.path.insert(0, str(BENCH))
    from run import load_tool  # bench/run.py compiles bench/load.c

    binary = load_tool()
    body = Path(tempfile.mkstemp(prefix="bench-event-", suffix=".json")[1])
    body.write_text(json.dumps(BODY))
    servers = {"this": serve(ROOT), "b": serve(args.b_tree)}
    per: dict[str, list[dict]] = {side: [] for side in servers}
    try:
        for _, port in servers.values():
            load(binary, port, body, 1.0)  # warm-up
        for i in range(args.rounds):
            for side in (list(servers) if i % 2 == 0 else list(servers)[::-1]):
                per[side].append(load(binary, servers[side][1], body, args.seconds))
    finally:
        for proc, _ in servers.values():
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(10)
        body.unlink(missing_ok=True)
    med = {side: {k: statistics.median(r[k] for r in runs) for k in ("per_second", "p50_ms", "p99_ms")}
           for side, runs in per.items()}
    errors = {side: sum(r["errors"] for r in runs) for side, runs in per.items()}
    for side in servers:
        print(f"{side:5} {med[side]['per_second']:8.0f}/s  p50 {med[side]['p50_ms']:.2f} ms  "
              f"p99 {med[side]['p99_ms']:.2f} ms  errors {errors[side]}  runs {[round(r['per_second']) for r in per[side]]}")
    print(f"ratio this/b: {med['this']['per_second'] / med['b']['per_second']:.3f}")


if __name__ == "__main__":
    main()
