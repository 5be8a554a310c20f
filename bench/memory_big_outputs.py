"""Peak server memory for big string outputs (issue 12 item 10): propwire vs Dash 4.4.1, side by side.

    /tmp/venv/bin/python bench/memory_big_outputs.py [--size 50000000] [--clients 4] [--rounds 3]

Each framework serves bench_app's `bigout` app (a click returns a fresh SIZE-character string) in ONE
process on 127.0.0.1: propwire under `uvicorn` (one worker), Dash under `gunicorn -w 1 --threads CLIENTS`
(so its CLIENTS requests run at once too). After one small warm-up request, CLIENTS clients click at once,
ROUNDS times, each reading its whole answer. Reported: the server's RSS before (VmRSS), its peak (VmHWM,
/proc/PID/status), and (peak - before) / (CLIENTS x SIZE): how many bytes the server held at its worst per
byte of output in flight. Nothing here is asserted: it is a measurement (see docs/security.md, Requests).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
from servers import free_port

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


def status_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def start(framework: str, port: int, size: int, clients: int) -> subprocess.Popen:
    env = {**os.environ, "BENCH_FRAMEWORK": framework, "BENCH_SCENARIO": "bigout", "BENCH_N": str(size),
           "PYTHONPATH": f"{BENCH}:{ROOT}"}
    if framework == "dash":
        cmd = [sys.executable, "-m", "gunicorn", "-w", "1", "--threads", str(clients), "-b", f"127.0.0.1:{port}",
               "--timeout", "120", "bench_app:server"]
    else:
        cmd = [sys.executable, "-m", "uvicorn", "--host", "127.0.0.1", "--port", str(port), "--log-level",
               "warning", "bench_app:server"]
    return subprocess.Popen(cmd, cwd=BENCH, env=env, start_new_session=True)


def server_pid(proc: subprocess.Popen, framework: str) -> int:
    """The process that answers: gunicorn's one worker (its child), or uvicorn itself."""
    if framework != "dash":
        return proc.pid
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
    return int(children[0])


def click(framework: str, n: int) -> tuple[str, bytes]:
    if framework == "dash":
        body = {"output": "out.children", "outputs": {"id": "out", "property": "children"},
                "inputs": [{"id": "btn", "property": "n_clicks", "value": n}], "changedPropIds": ["btn.n_clicks"],
                "state": []}
        return "/_dash-update-component", json.dumps(body).encode()
    body = {"seq": n, "changed": {"btn.n_clicks": n}, "values": {"btn.n_clicks": n}, "present": {"btn": [], "out": []}}
    return "/_propwire/event", json.dumps(body).encode()


async def one(client: httpx.AsyncClient, framework: str, n: int) -> int:
    path, body = click(framework, n)
    got = 0
    async with client.stream("POST", path, content=body, headers={"content-type": "application/json"}) as response:
        assert response.status_code == 200, response.status_code
        async for chunk in response.aiter_raw():  # read and dropped: the client's memory is not measured
            got += len(chunk)
    return got


async def wait_up(port: int) -> None:
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=5) as client:
        for _ in range(300):
            try:
                if (await client.get("/")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError("server did not start")


async def measure(framework: str, size: int, clients: int, rounds: int) -> dict:
    port = free_port()
    proc = start(framework, port, size, clients)
    try:
        await wait_up(port)
        pid = server_pid(proc, framework)
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=300) as client:
            await one(client, framework, 1)  # warm: imports, first-call paths
            await asyncio.sleep(0.5)
            before = status_kb(pid, "VmRSS")
            hwm_before = status_kb(pid, "VmHWM")
            began = time.perf_counter()
            sizes = []
            for r in range(rounds):
                sizes += await asyncio.gather(*(one(client, framework, 2 + r * clients + i) for i in range(clients)))
            seconds = time.perf_counter() - began
        peak = status_kb(pid, "VmHWM")
        payload = clients * size
        return {"framework": framework, "rss_before_mb": before / 1024, "hwm_after_warmup_mb": hwm_before / 1024,
                "peak_mb": peak / 1024, "growth_mb": (peak - before) / 1024,
                "ratio": (peak - before) * 1024 / payload, "response_bytes": sizes[0], "seconds": seconds}
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50_000_000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", choices=("dash", "propwire"))
    args = parser.parse_args()
    rows = []
    for framework in ("propwire", "dash"):
        if args.only in (None, framework):
            rows.append(asyncio.run(measure(framework, args.size, args.clients, args.rounds)))
    print(f"{args.clients} concurrent {args.size / 1e6:.0f} MB string outputs, {args.rounds} rounds")
    print("| framework | RSS before (MB) | peak VmHWM (MB) | growth (MB) | growth / payload | response bytes |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        print(f"| {row['framework']} | {row['rss_before_mb']:.0f} | {row['peak_mb']:.0f} | {row['growth_mb']:.0f} | "
              f"{row['ratio']:.2f}x | {row['response_bytes']} |")


if __name__ == "__main__":
    main()
