"""Regenerate the README's screenshots of the demo: docs/images/demo-index.png and docs/images/demo-example.png.

    python scripts/screenshots.py [--out docs/images] [--chromium /usr/bin/chromium]

Starts the demo (examples/demo.py) on a free port of 127.0.0.1, opens its pages in Debian's headless Chromium
through Playwright (the test extra's), every request off 127.0.0.1 aborted so the pictures show what an offline
machine shows, waits until each page is quiet, saves a PNG of each, and stops the demo by its PID.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Route, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
# (file name, path, an action before the picture, or None)
SHOTS = (("demo-index.png", "/", None),
         ("demo-example.png", "/background/progress/", "#run"))
QUIET = "() => document.body && document.body.dataset.pwReady === '1' && !document.body.dataset.pwBusy"


def free_port() -> int:
    """A port nothing listens on now, on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_demo(port: int) -> subprocess.Popen:
    """The demo in a process of its own on 127.0.0.1:port (examples/demo.py binds 127.0.0.1), once it answers."""
    proc = subprocess.Popen([sys.executable, str(ROOT / "examples" / "demo.py")], cwd=ROOT,
                            env=dict(os.environ, PORT=str(port)), stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).close()
            return proc
        except OSError as exc:
            if proc.poll() is not None or time.monotonic() > deadline:
                stop(proc)
                raise SystemExit("the demo did not start") from exc
            time.sleep(0.2)


def stop(proc: subprocess.Popen) -> None:
    """Stop the demo this script started: SIGTERM by its PID, SIGKILL if it does not go."""
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()


def local_only(route: Route) -> None:
    """Only the demo is reached: a CDN stylesheet an example links is left out, as offline."""
    if route.request.url.startswith("http://127.0.0.1:"):
        route.continue_()
    else:
        route.abort()


def shoot(base: str, out: Path, chromium: str) -> None:
    """Each of SHOTS into `out`, at a laptop's window width, cut below the page's content."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=FLAGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 860}, device_scale_factor=1)
        page.route("**/*", local_only)
        for name, path, click in SHOTS:
            page.goto(base + path)
            page.wait_for_function(QUIET)
            if click:
                page.click(click)
                page.wait_for_timeout(1200)  # the job halfway: the bar moving, the step label counting
            # down to the end of the content (no empty window below it), at most a screen and a bit
            bottom = page.evaluate("() => document.getElementById('_pw-root').getBoundingClientRect().bottom")
            page.screenshot(path=str(out / name), full_page=True,
                            clip={"x": 0, "y": 0, "width": 1280, "height": min(max(bottom, 480), 1000)})
            print(f"wrote {out / name}")
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--chromium", default=os.environ.get("PROPWIRE_CHROMIUM", "/usr/bin/chromium"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    proc = start_demo(port)
    try:
        shoot(f"http://127.0.0.1:{port}", args.out, args.chromium)
    finally:
        stop(proc)


if __name__ == "__main__":
    main()
