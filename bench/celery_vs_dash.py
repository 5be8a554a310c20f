"""Progress on Celery, Dash's CeleryManager against propwire's, in the same run on this machine (issue 17).

    python bench/celery_vs_dash.py [--jobs 5] [--tabs 4 --seconds 20 --rounds 2]

One redis-server (a database per framework, so their workers never take each other's tasks); per framework the
same app source (bench/celery_bench_app.py) served by its own `app.run` and a Celery worker (prefork, 2
processes); headless Chromium clicks and a MutationObserver records when each progress value appears. Latency:
the page's clock when an update shows minus the worker's clock when set_progress was called (one machine).
Also: how many of each job's 10 updates the page showed at all. Frameworks alternate job by job.

Then jobs per second: `--tabs` pages per side each start an empty background job (`quick`), wait until its
result shows, and start the next, for `--seconds`; the sides take turns for `--rounds` rounds. Three sides:
Dash as it ships (its page polls a job every `interval`, 1 s by default), Dash with `interval=100`, and propwire
(the result is pushed, nothing polls). Each side has its own server and a Celery worker of its own with 2
processes; what is counted is jobs whose result reached a page.
"""

from __future__ import annotations

import argparse
import asyncio
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

from playwright.async_api import async_playwright  # noqa: E402
from playwright.sync_api import expect, sync_playwright  # noqa: E402

from tests.services import RedisServer, free_port  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
_WATCH = """() => { window.__seen = []; if (window.__watching) return; window.__watching = true;
  const bar = document.getElementById('bar');
  new MutationObserver(() => window.__seen.push([Date.now() / 1000, bar.textContent])).observe(bar,
  {childList: true, subtree: true, characterData: true}); }"""


def start(framework: str, redis_url: str, folder: Path, interval_ms: int = 1000,
          name: str = "") -> tuple[list[subprocess.Popen], int]:
    port = free_port()
    env = {**os.environ, "BENCH_FRAMEWORK": framework, "BENCH_REDIS": redis_url, "BENCH_PORT": str(port),
           "BENCH_INTERVAL_MS": str(interval_ms),
           "PYTHONPATH": f"{BENCH}:{BENCH.parent}", "PROPWIRE_SECRET_KEY": "bench-" + "x" * 40}
    name = name or framework
    log = (folder / f"{name}.log").open("ab")
    common = {"env": env, "stdout": log, "stderr": log, "start_new_session": True, "cwd": str(BENCH)}
    server = subprocess.Popen([sys.executable, "celery_bench_app.py"], **common)
    worker = subprocess.Popen([sys.executable, "-m", "celery", "-A", "celery_bench_app:celery_app", "worker",
                               "--pool=prefork", "--concurrency=2", "-l", "warning", "-n", f"{name}@%h"], **common)
    return [server, worker], port


def one_job(page, n: int) -> list[float]:
    page.evaluate(_WATCH)
    page.click("#go")
    expect(page.locator("#out")).to_have_text(f"done {n}", timeout=30_000)
    time.sleep(0.3)  # a last update drawn with the result
    return [shown - float(value) for shown, value in page.evaluate("window.__seen") if value]


# In the page: start an empty job, wait for its result, again, until `seconds` have passed; how many finished.
_LOOP = """async ([seconds]) => { const out = document.getElementById('qout'), go = document.getElementById('q');
  const end = performance.now() + seconds * 1000; let n = 0;
  while (performance.now() < end) {
    const before = out.textContent;
    const shown = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no result in 30 s')), 30000);
      const watch = new MutationObserver(() => { if (out.textContent !== before) {
        watch.disconnect(); clearTimeout(timer); resolve(); } });
      watch.observe(out, {childList: true, subtree: true, characterData: true}); });
    go.click(); await shown; n++;
  }
  return n; }"""
SIDES = {"dash": ("dash", 1000), "dash_100ms": ("dash", 100), "propwire": ("propwire", 1000)}


async def jobs_per_second(ports: dict[str, int], tabs: int, seconds: float, rounds: int) -> dict[str, list[float]]:
    """Each round, side after side: `tabs` pages looping on the empty job at once; jobs/s of each turn."""
    rates: dict[str, list[float]] = {side: [] for side in ports}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
        pages = {side: [await browser.new_page() for _ in range(tabs)] for side in ports}
        for side, side_pages in pages.items():
            for k, page in enumerate(side_pages):
                await page.goto(f"http://127.0.0.1:{ports[side]}/?tab={k}")
                await page.wait_for_selector("#q")
            await asyncio.gather(*(page.evaluate(_LOOP, [1]) for page in side_pages))  # warm-up
        for i in range(rounds):
            order = list(ports)[i % len(ports):] + list(ports)[:i % len(ports)]
            for side in order:
                began = time.monotonic()
                counts = await asyncio.gather(*(page.evaluate(_LOOP, [seconds]) for page in pages[side]))
                rates[side].append(sum(counts) / (time.monotonic() - began))
        await browser.close()
    return rates


def throughput(folder: Path, redis: RedisServer, tabs: int, seconds: float, rounds: int) -> None:
    processes: list[subprocess.Popen] = []
    ports: dict[str, int] = {}
    try:
        for db, (side, (framework, interval)) in enumerate(SIDES.items(), start=3):
            started, ports[side] = start(framework, f"redis://127.0.0.1:{redis.port}/{db}", folder, interval, side)
            processes += started
        time.sleep(6)
        rates = asyncio.run(jobs_per_second(ports, tabs, seconds, rounds))
    finally:
        stop(processes)
    print(f"\n| side | jobs/s per round | median |  ({tabs} tabs, {seconds:.0f} s turns)")
    print("|---|---|---|")
    for side, got in rates.items():
        print(f"| {side} | {', '.join(f'{r:.1f}' for r in got)} | {statistics.median(got):.1f} |")
    pw = statistics.median(rates["propwire"])
    print("propwire / " + ", propwire / ".join(f"{side}: {pw / statistics.median(rates[side]):.1f}x"
                                                 for side in rates if side != "propwire"))


def stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        os.killpg(process.pid, signal.SIGTERM)
    for process in processes:
        process.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=5)
    parser.add_argument("--tabs", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--no-latency", action="store_true", help="only jobs per second")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    redis = RedisServer(folder)
    redis.start()
    found: dict[str, list[list[float]]] = {"dash": [], "propwire": []}
    try:
        if not options.no_latency:
            latency(folder, redis, options.jobs, found)
        throughput(folder, redis, options.tabs, options.seconds, options.rounds)
    finally:
        redis.stop()


def latency(folder: Path, redis: RedisServer, jobs: int, found: dict[str, list[list[float]]]) -> None:
    processes: list[subprocess.Popen] = []
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
            for n in range(2, jobs + 2):
                for framework, page in pages.items():
                    found[framework].append(one_job(page, n))
            browser.close()
    finally:
        stop(processes)
    print(f"| framework | updates shown of 10 (mean) | latency median | p95 | max |  ({jobs} jobs each)")
    print("|---|---|---|---|---|")
    for framework, jobs in found.items():
        ms = sorted(x * 1000 for job in jobs for x in job)
        shown = statistics.mean(len(job) for job in jobs)
        print(f"| {framework} | {shown:.1f} | {statistics.median(ms):.0f} ms | {ms[int(len(ms) * 0.95) - 1]:.0f} ms "
              f"| {ms[-1]:.0f} ms |")


if __name__ == "__main__":
    main()
