"""Time the seed-example suite (tests/testing/test_seed_both.py) headless and in Chromium.

    python bench/headless_vs_browser.py [--repeat N]

Two figures: the suite as the tests run it, and the same suite with the examples' own `time.sleep` calls
made instant (the slow callbacks sleep 5 s and 2 + 2 s, the same in both drivers, which would hide
the drivers' cost). The ratio that judges the client is the second (target: headless >= 20x faster).
Writes bench/results/headless_vs_browser.json with the machine's description.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from propwire.testing import BrowserDriver, Client  # noqa: E402
from propwire.testing.browser import CHROMIUM, Chromium  # noqa: E402
from tests.testing.test_seed_both import SCENARIOS, load_seed  # noqa: E402

_INSTANT_TIME = types.SimpleNamespace(**{k: getattr(time, k) for k in dir(time) if not k.startswith("_")})
_INSTANT_TIME.sleep = lambda seconds: None


def without_sleeps(app: Any) -> Any:
    """The app with `time` in its callbacks' modules replaced by one whose sleep returns at once."""
    for spec in app.engine.graph.callbacks:
        if spec.func.__globals__.get("time") is time:
            spec.func.__globals__["time"] = _INSTANT_TIME
    return app


def run_suite(make_driver: Callable[[Any], Any], instant: bool) -> dict[str, float]:
    """Seconds per scenario: load the example, open it, play the scenario, close."""
    times: dict[str, float] = {}
    for name, scenario in SCENARIOS.items():
        began = time.perf_counter()
        app = load_seed(name)
        if instant:
            without_sleeps(app)
        driver = make_driver(app)
        try:
            driver.open("/")
            scenario(driver)
            assert driver.errors() == [], driver.errors()
        finally:
            driver.close()
        times[name] = time.perf_counter() - began
    return times


def machine(chromium: Chromium) -> dict[str, Any]:
    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    from importlib.metadata import version

    return {"platform": platform.platform(), "python": sys.version.split()[0], "cpu": cpu,
            "cpus": os.cpu_count(), "chromium": chromium.browser.version, "chromium_path": CHROMIUM,
            "playwright": version("playwright"), "httpx": version("httpx")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs of each suite; the median is reported")
    args = parser.parse_args()

    began = time.perf_counter()
    chromium = Chromium()
    launch = time.perf_counter() - began
    results: dict[str, Any] = {"chromium_launch_s": round(launch, 3), "suites": {}}
    try:
        drivers = {"headless": lambda app: Client(app),
                   "browser": lambda app: BrowserDriver(app, chromium=chromium)}
        for label, instant in (("as_tested", False), ("sleeps_instant", True)):
            suite: dict[str, Any] = {}
            for kind, make in drivers.items():
                runs = [run_suite(make, instant) for _ in range(args.repeat)]
                totals = [sum(r.values()) for r in runs]
                suite[kind] = {"total_s": round(statistics.median(totals), 3), "runs_s": [round(t, 3) for t in totals],
                               "per_example_s": {k: round(statistics.median(r[k] for r in runs), 4) for k in runs[0]}}
            suite["ratio"] = round(suite["browser"]["total_s"] / suite["headless"]["total_s"], 1)
            results["suites"][label] = suite
            print(f"{label:>15}: headless {suite['headless']['total_s']:.2f} s, browser "
                  f"{suite['browser']['total_s']:.2f} s, headless is {suite['ratio']}x faster")
        results["machine"] = machine(chromium)
    finally:
        chromium.close()
    print(f"(Chromium launch, once per session: {launch:.2f} s, not counted above)")
    out = ROOT / "bench" / "results" / "headless_vs_browser.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
