"""CeleryManager on this machine (issue 17): how late each progress update reaches the web worker, and jobs/s.

    python bench/celery_progress.py [--jobs 40]

Starts a redis-server and a Celery worker (prefork, 2 processes) on 127.0.0.1 (tests/services.py), then follows
jobs as the web worker does (manager.start + Job.events). Latency: the web worker's clock when a frame arrives
minus the worker's clock when set_progress was called (one machine, one clock), over 10 jobs x 10 updates.
Jobs/s: `--jobs` empty jobs started at once and followed to their result. propwire only: Dash's CeleryManager
polls the page once a second (interval=1000), so its latency is up to a second by design.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent)]

from celery_app import celery_app, empty, manager, ticks  # noqa: E402

from propwire.background_jobs import JobRun  # noqa: E402
from tests.services import CeleryWorker, RedisServer  # noqa: E402


def run_of(func, args, progress) -> JobRun:
    return JobRun(func, args, {}, None, progress, 1000)


async def latencies(jobs: int) -> list[float]:
    spec = manager.specs[manager.names[ticks]]
    found: list[float] = []
    for n in range(jobs):
        job = manager.start(run_of(ticks, [n], spec.background.progress_values))
        async for kind, payload in job.events():
            if kind == "progress":
                found.append(time.time() - payload["bar.children"])
    return found


async def throughput(jobs: int) -> float:
    async def one(n: int) -> None:
        async for _ in manager.start(run_of(empty, [n], None)).events():
            pass

    began = time.perf_counter()
    await asyncio.gather(*(one(n) for n in range(jobs)))
    return jobs / (time.perf_counter() - began)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=40)
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    redis = RedisServer(folder)
    redis.start()
    celery_app.conf.update(broker_url=redis.url, result_backend=redis.url)
    env = {"PROPWIRE_BENCH_REDIS": redis.url, "PYTHONPATH": f"{BENCH}:{BENCH.parent}"}
    worker = CeleryWorker("celery_app:celery_app", folder, env,
                          lambda name: bool(celery_app.control.ping(destination=[name], timeout=0.5)))
    worker.start()
    try:
        found = asyncio.run(latencies(10))
        ms = sorted(x * 1000 for x in found)
        print(f"progress latency, worker -> web worker, {len(ms)} updates: median {statistics.median(ms):.1f} ms, "
              f"p95 {ms[int(len(ms) * 0.95) - 1]:.1f} ms, max {ms[-1]:.1f} ms")
        print(f"jobs/s, {options.jobs} empty jobs at once on 2 worker processes: {asyncio.run(throughput(options.jobs)):.1f}")
    finally:
        worker.stop()
        redis.stop()


if __name__ == "__main__":
    main()
