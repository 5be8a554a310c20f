"""First render of a library page, propwire vs Dash 4.4.1 in one run: navigation start -> the page's content
visible, in Chromium, for an AG Grid of 10,000 rows (bench/lib_apps.py aggrid: grid rows drawn and the
virtualRowData callback's answer shown) and a dbc page (a form and Tabs: the form's inputs and the active
tab's content, drawn by a callback).

    PYTHONPATH=$PWD /tmp/venv/bin/python bench/lib_first_render.py [rounds]   (default 5)

Each framework serves the same app source from its own process (`app.run`, debug off); rounds alternate the
frameworks, each a fresh browser context (empty cache: every script is fetched). The time is
performance.now() when the content is first seen (polled every animation frame), i.e. from the navigation's
start. Prints the medians and the ratios propwire / Dash (below 1: propwire is faster).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright
from servers import bench_env, free_port, serve, stop

HERE = Path(__file__).resolve().parent
# What "rendered" is on each page: rows drawn by the grid and the callback's count; the form and the tab body.
VISIBLE = {
    "aggrid": """() => document.querySelectorAll('.ag-center-cols-container .ag-row').length >= 5
      && /10000 rows/.test((document.getElementById('count') || {}).textContent || '') ? performance.now() : null""",
    "dbc": """() => document.getElementById('email') && document.querySelector('.nav-tabs')
      && /Content of t0/.test((document.getElementById('tab-body') || {}).textContent || '') ? performance.now() : null""",
}


def start(framework: str, page: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    return serve([sys.executable, str(HERE / "lib_apps.py"), page, str(port)], port, f"{framework} {page}", bench_env(framework))


def measure(browser, url: str, page_name: str) -> float:
    context = browser.new_context()
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("http://127.0.0.1:") else r.abort())
    page = context.new_page()
    page.goto(url, wait_until="commit")
    ms = page.wait_for_function(VISIBLE[page_name], polling="raf", timeout=60_000).json_value()
    context.close()
    return float(ms)


def main(rounds: int) -> None:
    servers: dict[tuple[str, str], tuple[subprocess.Popen, str]] = {}
    times: dict[tuple[str, str], list[float]] = {k: [] for k in servers}
    try:
        for key in [(fw, p) for fw in ("dash", "propwire") for p in ("aggrid", "dbc")]:
            servers[key] = start(*key)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            for key in servers:  # one warm-up load each (imports, first requests), not counted
                measure(browser, servers[key][1], key[1])
            for r in range(rounds):
                order = ("dash", "propwire") if r % 2 == 0 else ("propwire", "dash")
                for page_name in ("aggrid", "dbc"):
                    for fw in order:
                        times[(fw, page_name)].append(measure(browser, servers[(fw, page_name)][1], page_name))
            browser.close()
    finally:
        for proc, _ in servers.values():
            stop(proc)
    print(f"first render, {rounds} rounds, median ms (all samples)")
    print("| page | Dash 4.4.1 | propwire | ratio propwire/Dash |")
    print("|---|---|---|---|")
    for page_name in ("aggrid", "dbc"):
        d, p = statistics.median(times[("dash", page_name)]), statistics.median(times[("propwire", page_name)])
        print(f"| {page_name} | {d:.0f} ({', '.join(f'{x:.0f}' for x in times[('dash', page_name)])}) "
              f"| {p:.0f} ({', '.join(f'{x:.0f}' for x in times[('propwire', page_name)])}) | {p / d:.2f} |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
