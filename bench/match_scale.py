"""One MATCH callback among N pattern components: does an event's cost grow with N? (issue 3)

    python bench/match_scale.py [--repeat 30]

For N = 10 and N = 1,000, interleaved in one run: the bytes of one event request, the server's time to
answer it (in process, through the real ASGI app), and click-to-DOM in Chromium. Prints medians with
their spread and the ratio 1,000 / 10 (target: about 1; at most 1.2). Writes bench/results/match_scale.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from propwire import MATCH, Dash, Input, Output, html  # noqa: E402
from propwire.testing.live import LiveServer  # noqa: E402


def make_app(n: int) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([
        html.Div([html.Button(f"button {i}", id={"type": "btn", "index": i}),
                  html.Span("", id={"type": "out", "index": i})]) for i in range(n)
    ])

    @app.callback(Output({"type": "out", "index": MATCH}, "children"), Input({"type": "btn", "index": MATCH}, "n_clicks"),
                  prevent_initial_call=True)
    def clicked(n_clicks):
        return f"clicked {n_clicks}"

    return app


CLICK_TO_DOM = """async (index) => {
  const id = JSON.stringify({index, type: "out"});
  const out = document.getElementById(id);
  const button = document.getElementById(JSON.stringify({index, type: "btn"}));
  const before = out.textContent;
  const began = performance.now();
  const done = new Promise(resolve => new MutationObserver((_, obs) => {
    if (out.textContent !== before) { obs.disconnect(); resolve(); }
  }).observe(out, {childList: true, characterData: true, subtree: true}));
  button.click();
  await done;
  return performance.now() - began;
}"""


def summary(values: list[float]) -> dict[str, float]:
    values = sorted(values)
    return {"median": statistics.median(values), "p10": values[len(values) // 10],
            "p90": values[(len(values) * 9) // 10], "n": len(values)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from propwire.testing.browser import CHROMIUM, FLAGS

    sizes = (10, 1000)
    servers = {n: LiveServer(make_app(n).server) for n in sizes}
    ms: dict[int, list[float]] = {n: [] for n in sizes}
    server_ms: dict[int, list[float]] = {n: [] for n in sizes}
    request_bytes: dict[int, list[int]] = {n: [] for n in sizes}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            pages = {}
            for n in sizes:
                page = browser.new_page()
                page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("http://127.0.0.1") else r.abort())

                def on_finished(req: Any, n: int = n) -> None:
                    if req.url.endswith("/_propwire/event"):
                        request_bytes[n].append(len(req.post_data or ""))
                        timing = req.response().header_value("server-timing") or ""
                        for part in timing.split(","):
                            if part.strip().startswith("propwire;dur="):
                                server_ms[n].append(float(part.split("dur=")[1]))

                page.on("requestfinished", on_finished)
                page.goto(servers[n].url)
                page.wait_for_function("() => document.body.dataset.pwReady === '1'", timeout=60_000)
                pages[n] = page
            for i in range(args.repeat):
                for n in sizes:  # interleaved, so drift hits both alike
                    ms[n].append(pages[n].evaluate(CLICK_TO_DOM, (i * 7) % n))
                    pages[n].wait_for_function("() => !document.body.dataset.pwBusy")
            browser.close()
    finally:
        for server in servers.values():
            server.stop()
    result = {
        "machine": {"platform": platform.platform(), "python": platform.python_version(), "cpus": __import__("os").cpu_count()},
        "click_to_dom_ms": {n: summary(ms[n]) for n in sizes},
        "server_ms": {n: summary(server_ms[n]) for n in sizes},
        "request_bytes": {n: summary([float(b) for b in request_bytes[n]]) for n in sizes},
    }
    for name in ("click_to_dom_ms", "server_ms", "request_bytes"):
        a, b = result[name][10]["median"], result[name][1000]["median"]
        result[name]["ratio_1000_over_10"] = b / a if a else None
        print(f"{name:16} N=10: {a:8.2f} (p10-p90 {result[name][10]['p10']:.2f}-{result[name][10]['p90']:.2f})   "
              f"N=1000: {b:8.2f} (p10-p90 {result[name][1000]['p10']:.2f}-{result[name][1000]['p90']:.2f})   "
              f"ratio {b / a if a else float('nan'):.2f}")
    out = ROOT / "bench" / "results" / "match_scale.json"
    out.write_text(json.dumps(result, indent=2))
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
