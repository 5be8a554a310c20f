"""Progress on Celery, Dash's CeleryManager against propwire's, in the same run on this machine (issue 17).

    python bench/celery_vs_dash.py [--jobs 5]

One redis-server (a database per framework, so their workers never take each other's tasks); per framework the
same app source (bench/celery_bench_app.py) served by its own `app.run` and a Celery worker (prefork, 2
processes); headless Chromium clicks and a MutationObserver records when each progress value appears. Latency:
the page's clock when an update shows minus the worker's clock when set_progress was called (one machine).
Also: how many of each job's 10 updates the page showed at all. Frameworks alternate job by job.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent)]

from playwright.sync_api import expect, sync_playwright  # noqa: E402

from tests.services import RedisServer, free_port  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
_WATCH = """() => { window.__seen = []; if (window.__watching) return; window.__watching = true;
  const bar = document.getElementById('bar');
  new MutationObserver(() => window.__seen.push([Date.now() / 1000, bar.textContent])).observe(bar,
  {childList: true, subtree: true, characterData: true}); }"""


def start(framework: str, redis_url: str, folder: Path) -> tuple[list[subprocess.Popen], int]:
    port = free_port()
    env = {**os.environ, "BENCH_FRAMEWORK": framework, "BENCH_REDIS": redis_url, "BENCH_PORT": str(port),
           "PYTHONPATH": f"{BENCH}:{BENCH.parent}", "PROPWIRE_SECRET_KEY": "bench-" + "x" * 40}
    log = (folder / f"{framework}.log").open("ab")
    common = {"env": env, "stdout": log, "stderr": log, "start_new_session": True, "cwd": str(BENCH)}
    server = subprocess.Popen([sys.executable, "celery_bench_app.py"], **common)
    worker = subprocess.Popen([sys.executable, "-m", "celery", "-A", "celery_bench_app:celery_app", "worker",
                               "--pool=prefork", "--concurrency=2", "-l", "warning", "-n", f"{framework}@%h"], **common)
    return [server, worker], port


def one_job(page, n: int) -> list[float]:
    page.evaluate(_WATCH)
    page.click("#go")
    expect(page.locator("#out")).to_have_text(f"done {n}", timeout=30_000)
    time.sleep(0.3)  # a last update drawn with the result
    return [shown - float(value) for shown, value in page.evaluate("window.__seen") if value]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=5)
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    redis = RedisServer(folder)
    redis.start()
    processes: list[subprocess.Popen] = []
    found: dict[str, list[list[float]]] = {"dash": [], "propwire": []}
    try:
        ports = {}
        for db, framework in enumerate(found, start=1):
            started, ports[framework] = start(framework, f"redis://127.0.0.1:{redis.port}/{db}", folder)
            processes += started
        time.sleep(6)  # servers and workers up (a first job that waits for them is discarded below)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
            pages = {f: browser.new_page() for f in found}
            for framework, page in pages.items():
                page.goto(f"http://127.0.0.1:{ports[framework]}/")
                page.wait_for_selector("#go")
                one_job(page, 1)  # warm-up
            for n in range(2, options.jobs + 2):
                for framework, page in pages.items():
                    found[framework].append(one_job(page, n))
            browser.close()
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            process.wait(timeout=20)
        redis.stop()
    print(f"| framework | updates shown of 10 (mean) | latency median | p95 | max |  ({options.jobs} jobs each)")
    print("|---|---|---|---|---|")
    for framework, jobs in found.items():
        ms = sorted(x * 1000 for job in jobs for x in job)
        shown = statistics.mean(len(job) for job in jobs)
        print(f"| {framework} | {shown:.1f} | {statistics.median(ms):.0f} ms | {ms[int(len(ms) * 0.95) - 1]:.0f} ms "
              f"| {ms[-1]:.0f} ms |")


if __name__ == "__main__":
    main()
