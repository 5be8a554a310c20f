"""When the page's scripts arrive: the entry and the chunks it imports statically (React's among them), in
Chromium over an emulated round trip, and how long until the page is ready (its data-pw-ready mark).

    PYTHONPATH=. python bench/page_preload.py [rounds] [latency_ms]

With the head's <link rel="modulepreload"> (docs/components.md) the chunks are requested alongside the entry;
without (a tree before it) only once the entry has loaded, one round trip later. Run it in both trees to compare.
"""

from __future__ import annotations

import statistics
import sys

from playwright.sync_api import sync_playwright

from propwire import Dash, dcc, html
from propwire.testing.live import LiveServer

_TIMES = """() => [performance.getEntriesByType('resource').filter(e => e.name.endsWith('.js'))
  .map(e => [e.name.split('/').pop(), e.startTime]), performance.now()]"""


def main(rounds: int, latency: float) -> None:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Input(id="i"), html.Div("x", id="o")])
    server = LiveServer(app.server)
    lags, ready = [], []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            for _ in range(rounds):
                context = browser.new_context()
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
                cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": latency,
                                                              "downloadThroughput": -1, "uploadThroughput": -1})
                page.goto(server.url + "/")
                page.wait_for_function("document.body.dataset.pwReady === '1'")
                scripts, now = page.evaluate(_TIMES)
                starts = dict(scripts)
                entry = starts.pop("propwire.js")
                lags.append(max(starts.values()) - entry)
                ready.append(now)
                context.close()
            browser.close()
    finally:
        server.stop()
    print(f"{rounds} rounds, {latency:.0f} ms emulated latency")
    print(f"last static chunk requested {statistics.median(lags):.0f} ms after the entry (median)")
    print(f"page ready at {statistics.median(ready):.0f} ms (median)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 8, float(sys.argv[2]) if len(sys.argv) > 2 else 40.0)
