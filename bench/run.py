"""propwire vs Dash, side by side on this machine (issue 6).

    bench/.venv/bin/python bench/run.py [--quick] [--only click,chain10,...] [--no-aa]

The same app source (bench/bench_app.py, importing through bench/shim.py) is served by Dash under
`gunicorn -w 2` and by propwire under `uvicorn --workers 2`, each in its own process group on 127.0.0.1,
plus a second identical propwire server for the A/A column (propwire against itself: the noise floor).
Everything a user sees is measured in headless Chromium (Playwright) with a MutationObserver started just
before the action and timed in-page with performance.now(); server throughput with bench/load.c (raw
HTTP in C, compiled on first use; 16 clients) replaying the very request each framework's browser sent. The frameworks are
interleaved (rotating order) inside every scenario. Prints a markdown table and writes
bench/results/latest.json and bench/results/latest.md. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from servers import free_port

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
# Nothing leaves 127.0.0.1, without intercepting requests (Playwright's route() pauses every request for a
# round trip to its driver, ~2 ms added to both frameworks' clicks): every host name resolves to nothing, and
# every other address goes to a proxy that is not there (loopback is never proxied).
FLAGS += ["--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", "--proxy-server=http://127.0.0.1:9"]
LOCAL = re.compile(r"^(?!http://127\.0\.0\.1[:/])")  # every URL that is not on 127.0.0.1: fails
SIDES = ("dash", "propwire", "propwire_b")  # propwire_b: a second, identical propwire server (A/A)
DEADLINE_S = 60 * 60
B_TREE: Path | None = None  # --b-tree: propwire_b imports propwire from this checkout (A/B instead of A/A)
PROPWIRE_SERVER = "uvicorn"  # or "uvicorn-nodelay" (--propwire-server): see bench/uvicorn_nodelay.py  # the whole run stops starting new scenarios after this

# --- in-page measurement -------------------------------------------------------------------------------

# Click `clickId`, then resolve when every target's text differs from what it was before the click.
CLICK_TO_DOM = """async ([clickId, targetIds, timeoutMs]) => {
  const text = id => { const el = document.getElementById(id); return el ? el.textContent : null; };
  const before = targetIds.map(text);
  const button = document.getElementById(clickId);
  if (!button || before.some(t => t === null)) throw new Error('missing element');
  const left = new Set(targetIds.map((_, i) => i));
  const began = performance.now();
  const done = new Promise((resolve, reject) => {
    const obs = new MutationObserver(() => {
      for (const i of Array.from(left)) if (text(targetIds[i]) !== before[i]) left.delete(i);
      if (left.size === 0) { obs.disconnect(); clearTimeout(timer); resolve(performance.now() - began); }
    });
    const timer = setTimeout(() => { obs.disconnect(); reject(new Error('no DOM update in time')); }, timeoutMs);
    obs.observe(document, {childList: true, characterData: true, subtree: true});
  });
  button.click();
  return await done;
}"""

# Resolves 50 ms after the page has drawn a frame after the click (style, layout and paint of the update
# done, and a moment for what it scheduled next), so one side's leftover work does not run on the 2 cores
# while the next side's click is timed.
SETTLED = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50))))"

# Installed before the page's own scripts: record when `PREDICATE` first holds (ms since navigation start).
READY_INIT = """(() => {
  const bench = window.__bench = {readyAt: null};
  const ready = () => { try { return !!(PREDICATE); } catch (e) { return false; } };
  const obs = new MutationObserver(() => {
    if (bench.readyAt === null && ready()) { bench.readyAt = performance.now(); obs.disconnect(); }
  });
  obs.observe(document, {childList: true, characterData: true, subtree: true});
})();"""

RESOURCES = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const rows = [{url: nav.name, kind: 'document', bytes: nav.encodedBodySize, decoded: nav.decodedBodySize}];
  for (const e of performance.getEntriesByType('resource')) {
    const path = new URL(e.name).pathname;
    const kind = /\\.js$/.test(path) ? 'js' : /\\.css$/.test(path) ? 'css' : 'data';
    rows.push({url: e.name, kind, bytes: e.encodedBodySize, decoded: e.decodedBodySize});
  }
  return {rows, timeOrigin: performance.timeOrigin, readyAt: window.__bench.readyAt};
}"""


def text_is(element_id: str, text: str) -> str:
    return f"(document.getElementById({json.dumps(element_id)}) || {{}}).textContent === {json.dumps(text)}"


def pattern_id(kind: str, index: int) -> str:
    return json.dumps({"index": index, "type": kind}, separators=(",", ":"))


def all_ready(n: int) -> str:
    return (f"(() => {{ for (let i = 0; i < {n}; i++) {{ const el = document.getElementById("
            f"JSON.stringify({{index: i, type: 'out'}})); if (!el || el.textContent !== 'ready None') return false; }}"
            f" return true; }})()")


# --- statistics -----------------------------------------------------------------------------------------

def summary(values: list[float]) -> dict[str, Any]:
    if not values:
        return {"median": None, "p10": None, "p90": None, "n": 0}
    ordered = sorted(values)
    q = lambda p: ordered[min(len(ordered) - 1, max(0, round(p * (len(ordered) - 1))))]  # noqa: E731
    return {"median": statistics.median(ordered), "p10": q(0.1), "p90": q(0.9), "n": len(ordered),
            "values": [round(v, 4) for v in values]}


# --- servers --------------------------------------------------------------------------------------------

class Server:
    """One app served in its own process group: Dash by gunicorn (2 sync workers), propwire by uvicorn (2 workers)."""

    def __init__(self, side: str, scenario: str, n: int = 0):
        self.side, self.scenario, self.n = side, scenario, n
        self.framework = "dash" if side == "dash" else "propwire"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self.log = tempfile.NamedTemporaryFile(prefix=f"bench-{side}-{scenario}-", suffix=".log", delete=False)

    def command(self) -> list[str]:
        if self.framework == "dash":
            return [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{self.port}",
                    "--log-level", "warning", "bench_app:server"]
        launcher = [str(BENCH / "uvicorn_nodelay.py")] if PROPWIRE_SERVER == "uvicorn-nodelay" else ["-m", "uvicorn"]
        return [sys.executable, *launcher, "--workers", "2", "--host", "127.0.0.1", "--port", str(self.port),
                "--log-level", "warning", "--no-access-log", "bench_app:server"]

    def start(self) -> float:
        """Spawn the server; returns the wall-clock time just before the spawn."""
        # Several propwire workers share the key that seals late cookies (docs/protocol.md), or refuse to start.
        env = dict(os.environ, PROPWIRE_SECRET_KEY="bench-only-key", BENCH_FRAMEWORK=self.framework,
                   BENCH_SCENARIO=self.scenario, BENCH_N=str(self.n),
                   PYTHONPATH=os.pathsep.join([str(BENCH), str(B_TREE if B_TREE and self.side == "propwire_b" else ROOT),
                                               os.environ.get("PYTHONPATH", "")]))
        began = time.time()
        self.proc = subprocess.Popen(self.command(), cwd=BENCH, env=env, start_new_session=True,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        return began

    def wait_port(self, timeout: float = 60.0) -> None:
        """Until the port accepts connections (5 ms polls)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.side} {self.scenario} exited:\n{self.tail()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.005)
        raise RuntimeError(f"{self.side} {self.scenario} did not open its port:\n{self.tail()}")

    def wait_http(self, timeout: float = 60.0) -> None:
        """Until GET / answers 200 (each worker is then warmed by a few more GETs)."""
        import httpx
        self.wait_port(timeout)
        deadline = time.monotonic() + timeout
        good = 0
        while good < 4 and time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/", timeout=30).status_code == 200:
                    good += 1
                    continue
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        if good < 4:
            raise RuntimeError(f"{self.side} {self.scenario} does not answer GET /:\n{self.tail()}")

    def rss_mb(self) -> float:
        import psutil
        proc = psutil.Process(self.proc.pid)
        return sum(p.memory_info().rss for p in [proc] + proc.children(recursive=True)) / 2**20

    def tail(self) -> str:
        try:
            return Path(self.log.name).read_text()[-3000:]
        except OSError:
            return ""

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, signal.SIGTERM)  # our own process group: the server and its workers
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=5)
        self.log.close()
        os.unlink(self.log.name)


# --- the browser ----------------------------------------------------------------------------------------

@dataclass
class Tab:
    """A page in its own browser context, counting its requests in flight (from Playwright's network events)."""
    context: Any
    page: Any
    inflight: int = 0
    posts: list[dict] = field(default_factory=list)

    def idle(self, quiet_ms: int = 30, timeout_s: float = 30.0) -> None:
        deadline = time.monotonic() + timeout_s
        quiet_since = None
        while time.monotonic() < deadline:
            if self.inflight <= 0:
                quiet_since = quiet_since or time.monotonic()
                if time.monotonic() - quiet_since >= quiet_ms / 1000:
                    return
            else:
                quiet_since = None
            self.page.wait_for_timeout(5)
        raise RuntimeError("page did not go idle")

    def close(self) -> None:
        self.context.close()


class Browser:
    def __init__(self, playwright: Any):
        self.browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        self.aborted = 0

    def _failed(self, request: Any) -> None:
        if LOCAL.match(request.url):
            self.aborted += 1

    def tab(self, predicate: str | None = None, latency_ms: int = 0) -> Tab:
        context = self.browser.new_context()
        page = context.new_page()
        page.on("requestfailed", self._failed)
        tab = Tab(context, page)
        if latency_ms:
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": latency_ms,
                                                          "downloadThroughput": -1, "uploadThroughput": -1})
        if predicate:
            page.add_init_script(READY_INIT.replace("PREDICATE", predicate))

        def started(request: Any) -> None:
            tab.inflight += 1
            if request.method == "POST":
                tab.posts.append({"url": request.url, "body": request.post_data,
                                  "content_type": request.headers.get("content-type", "application/json")})

        def ended(_: Any) -> None:
            tab.inflight -= 1

        page.on("request", started)
        page.on("requestfinished", ended)
        page.on("requestfailed", ended)
        return tab

    def load(self, url: str, predicate: str, timeout_s: float = 120.0) -> tuple[Tab, dict]:
        """A first visit (fresh context, empty cache): ms until `predicate` held, and the bytes downloaded."""
        tab = self.tab(predicate)
        tab.page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
        tab.page.wait_for_function("() => window.__bench && window.__bench.readyAt !== null", timeout=timeout_s * 1000,
                                   polling=20)
        tab.page.wait_for_load_state("load")
        tab.idle(quiet_ms=250)
        info = tab.page.evaluate(RESOURCES)
        return tab, info


def byte_counts(info: dict) -> dict[str, int]:
    counts = {"document": 0, "js": 0, "css": 0, "data": 0}
    for row in info["rows"]:
        counts[row["kind"]] += row["bytes"]
    counts["js_css"] = counts["js"] + counts["css"]
    counts["total"] = sum(counts[k] for k in ("document", "js", "css", "data"))
    counts["page_data"] = counts["document"] + counts["data"]
    return counts


# --- scenarios ------------------------------------------------------------------------------------------

@dataclass
class Ctx:
    browser: Browser
    quick: bool
    sides: tuple[str, ...]
    results: dict[str, Any]
    log: Callable[[str], None]

    def reps(self, full: int, quick: int) -> int:
        return quick if self.quick else full


def rotate(sides: tuple[str, ...], i: int) -> list[str]:
    k = i % len(sides)
    return list(sides[k:] + sides[:k])


def start_servers(ctx: Ctx, scenario: str, n: int = 0) -> dict[str, Server]:
    servers = {side: Server(side, scenario, n) for side in ctx.sides}
    try:
        for server in servers.values():
            server.start()
        for server in servers.values():
            server.wait_http()
    except BaseException:
        for server in servers.values():
            server.stop()
        raise
    return servers


def stop_servers(servers: dict[str, Server]) -> None:
    for server in servers.values():
        server.stop()


@dataclass
class ClickSet:
    """One scenario's pages to click, one per side: what `ready` waits for, which id each round clicks and
    which ids must change."""
    name: str
    servers: dict[str, Server]
    ready: str
    click_id: Callable[[int], str]
    targets: Callable[[int], list[str]]
    latency_ms: int = 0


def clicks(ctx: Ctx, name: str, scenario: str, ready: str, click_id: Callable[[int], str],
           targets: Callable[[int], list[str]], repeat: int, n: int = 0, latency_ms: int = 0,
           servers: dict[str, Server] | None = None, warmup: int = 3, timeout_ms: int = 30_000) -> dict[str, Any]:
    """Click-to-DOM, interleaved: each round clicks on every side's page (rotating order)."""
    own = servers is None
    servers = servers or start_servers(ctx, scenario, n)
    try:
        return interleaved_clicks(ctx, [ClickSet(name, servers, ready, click_id, targets, latency_ms)],
                                  repeat, warmup, timeout_ms)[name]
    finally:
        if own:
            stop_servers(servers)


def interleaved_clicks(ctx: Ctx, sets: list[ClickSet], repeat: int, warmup: int = 3,
                       timeout_ms: int = 30_000, ready_s: float = 120.0) -> dict[str, dict[str, Any]]:
    """Each round clicks every set's page of every side, so that drift on the machine reaches them alike;
    `ready_s` is how long a page may take to be ready before its first click."""
    tabs: dict[tuple[str, str], Tab] = {}
    times: dict[tuple[str, str], list[float]] = {(c.name, side): [] for c in sets for side in ctx.sides}
    try:
        for c in sets:
            for side in ctx.sides:
                tab = ctx.browser.tab(c.ready, c.latency_ms)
                tab.page.goto(c.servers[side].url, wait_until="commit")
                tab.page.wait_for_function("() => window.__bench && window.__bench.readyAt !== null",
                                           timeout=ready_s * 1000, polling=20)
                tab.idle(timeout_s=ready_s)
                tabs[c.name, side] = tab
        before = {key: len(tab.posts) for key, tab in tabs.items()}  # the pages' own initial POSTs
        for i in range(warmup + repeat):
            for c in rotate(tuple(sets), i):
                for side in rotate(ctx.sides, i):
                    tab = tabs[c.name, side]
                    ms = tab.page.evaluate(CLICK_TO_DOM, [c.click_id(i), c.targets(i), timeout_ms])
                    tab.idle()
                    tab.page.evaluate(SETTLED)  # its rendering done before the next click is timed
                    if i >= warmup:
                        times[c.name, side].append(ms)
        posts = {key: tab.posts for key, tab in tabs.items()}
    finally:
        for tab in tabs.values():
            tab.close()
    got: dict[str, dict[str, Any]] = {}
    for c in sets:
        out: dict[str, Any] = {side: summary(times[c.name, side]) for side in ctx.sides}
        out["unit"] = "ms"
        out["requests_per_click"] = {side: round((len(posts[c.name, side]) - before[c.name, side]) / (warmup + repeat), 2)
                                     for side in ctx.sides}
        ctx.results[c.name] = out
        ctx.log(f"{c.name}: " + "  ".join(f"{s} {out[s]['median']:.1f} ms" for s in ctx.sides)
                + f"  (POSTs per click: {out['requests_per_click']})")
        got[c.name] = {"posts": {side: posts[c.name, side] for side in ctx.sides}}
    return got


def scenario_click(ctx: Ctx) -> None:
    servers = start_servers(ctx, "click")
    try:
        got = clicks(ctx, "click", "click", text_is("out", "clicked None"), lambda i: "btn", lambda i: ["out"],
                     ctx.reps(40, 12), servers=servers)
        throughput(ctx, servers, got["posts"])
    finally:
        stop_servers(servers)


def load_tool(name: str = "load") -> Path:
    """bench/NAME.c (load.c, the HTTP tool; ws_load.c, the WebSocket one), compiled with gcc into bench/.build/
    when missing or older than its source or the header both include (load_common.h)."""
    source, binary = BENCH / f"{name}.c", BENCH / ".build" / name
    newest = max(source.stat().st_mtime, (BENCH / "load_common.h").stat().st_mtime)
    if not binary.exists() or binary.stat().st_mtime < newest:
        binary.parent.mkdir(exist_ok=True)
        subprocess.run(["gcc", "-O2", "-Wall", "-o", str(binary), str(source)], check=True)
    return binary


def throughput(ctx: Ctx, servers: dict[str, Server], posts: dict[str, list[dict]]) -> None:
    """16 clients replaying the click's own request (as each framework's browser sent it) for a few seconds."""
    runs, seconds = ctx.reps(5, 3), (8.0 if not ctx.quick else 3.0)
    bodies: dict[str, tuple[str, Path, str]] = {}
    for side in ctx.sides:
        post = posts[side][-1]
        path = Path(tempfile.mkstemp(prefix=f"bench-body-{side}-", suffix=".json")[1])
        path.write_text(post["body"])
        bodies[side] = (post["url"], path, post["content_type"])
    ctx.results["http_request_sample"] = {side: {"url": re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:PORT", posts[side][-1]["url"]),
                                                 "body": json.loads(posts[side][-1]["body"])} for side in ctx.sides}

    def load(side: str, secs: float) -> dict:
        url, path, ctype = bodies[side]
        cmd = [str(load_tool()), "--url", url, "--body-file", str(path), "--clients", "16",
               "--seconds", str(secs), "--expect", "clicked ", "--header", f"Content-Type: {ctype}"]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=secs + 60)
        if done.returncode:
            raise RuntimeError(done.stderr)
        return json.loads(done.stdout)

    per: dict[str, list[dict]] = {side: [] for side in ctx.sides}
    try:
        for side in ctx.sides:
            load(side, 1.0)  # warm-up
        for i in range(runs):
            for side in rotate(ctx.sides, i):
                per[side].append(load(side, seconds))
        rss = {side: servers[side].rss_mb() for side in ctx.sides}
    finally:
        for _, path, _ in bodies.values():
            path.unlink(missing_ok=True)
    ctx.results["throughput"] = {
        side: {"per_second": summary([r["per_second"] for r in per[side]]),
               "p50_ms": summary([r["p50_ms"] for r in per[side]]),
               "p99_ms": summary([r["p99_ms"] for r in per[side]]),
               "errors": sum(r["errors"] for r in per[side]), "requests": sum(r["requests"] for r in per[side]),
               "error_sample": sorted({e for r in per[side] for e in r["error_sample"]})[:3]}
        for side in ctx.sides}
    ctx.results["throughput"]["clients"] = 16
    ctx.results["throughput"]["seconds_per_run"] = seconds
    ctx.results["rss_after_load_mb"] = {side: summary([rss[side]]) for side in ctx.sides}
    ctx.results["rss_after_load_mb"]["unit"] = "MB"
    ctx.log("throughput: " + "  ".join(
        f"{s} {ctx.results['throughput'][s]['per_second']['median']:.0f}/s p99 "
        f"{ctx.results['throughput'][s]['p99_ms']['median']:.1f} ms err {ctx.results['throughput'][s]['errors']}"
        for s in ctx.sides) + "  rss " + "  ".join(f"{s} {rss[s]:.0f} MB" for s in ctx.sides))


def scenario_chain10(ctx: Ctx) -> None:
    servers = start_servers(ctx, "chain10")
    try:
        chain = dict(ready="!!document.getElementById('s9')", click_id=lambda i: "btn", targets=lambda i: ["s9"],
                     servers=servers)
        clicks(ctx, "chain10", "chain10", repeat=ctx.reps(40, 12), **chain)
        clicks(ctx, "chain10_50ms", "chain10", repeat=ctx.reps(20, 8), latency_ms=50, warmup=2, **chain)
    finally:
        stop_servers(servers)


def scenario_fanout50(ctx: Ctx) -> None:
    clicks(ctx, "fanout50", "fanout50", "!!document.getElementById('o49')", lambda i: "btn",
           lambda i: [f"o{k}" for k in range(50)], ctx.reps(30, 10))


def scenario_big2mb(ctx: Ctx) -> None:
    clicks(ctx, "big2mb", "big2mb", "!!document.getElementById('out')", lambda i: "btn", lambda i: ["out"],
           ctx.reps(20, 8), warmup=2)


def scenario_match(ctx: Ctx) -> None:
    """Among 200 and among 1,000 in the same rounds: their ratio is the scaling target, so drift must not
    reach one size and not the other."""
    servers = {n: start_servers(ctx, "match", n) for n in (200, 1000)}
    try:
        interleaved_clicks(ctx, [ClickSet(f"match{n}", servers[n],
                                          f"!!document.getElementById({json.dumps(pattern_id('out', n - 1))})",
                                          lambda i, n=n: pattern_id("btn", (i * 37) % n),
                                          lambda i, n=n: [pattern_id("out", (i * 37) % n)]) for n in (200, 1000)],
                           ctx.reps(30, 10))
    finally:
        for group in servers.values():
            stop_servers(group)


def page_loads(ctx: Ctx, name: str, scenario: str, predicate: str, repeat: int, n: int = 0,
               servers: dict[str, Server] | None = None, warm: bool = True, timeout_s: float = 120.0) -> None:
    """First visits (fresh browser context each), interleaved: ms until ready, and bytes downloaded."""
    own = servers is None
    servers = servers or start_servers(ctx, scenario, n)
    ready: dict[str, list[float]] = {side: [] for side in ctx.sides}
    sizes: dict[str, list[dict]] = {side: [] for side in ctx.sides}
    try:
        first = 0 if warm else 1
        for i in range(first, 1 + repeat):  # round 0 (when `warm`) warms the servers and is not counted
            for side in rotate(ctx.sides, i):
                tab, info = ctx.browser.load(servers[side].url, predicate, timeout_s)
                tab.close()
                if i:
                    ready[side].append(info["readyAt"])
                    sizes[side].append(byte_counts(info))
    finally:
        if own:
            stop_servers(servers)
    out = {side: summary(ready[side]) for side in ctx.sides}
    out["unit"] = "ms"
    ctx.results[name] = out
    ctx.results[f"{name}_bytes"] = {side: {k: statistics.median(s[k] for s in sizes[side]) for k in sizes[side][0]}
                                    for side in ctx.sides}
    ctx.log(f"{name}: " + "  ".join(f"{s} {out[s]['median']:.1f} ms" for s in ctx.sides)
            + "  bytes " + "  ".join(f"{s} {ctx.results[f'{name}_bytes'][s]['total']:.0f}" for s in ctx.sides))


def scenario_render5000(ctx: Ctx) -> None:
    # Dash 4.4.1 takes about a minute per load here (it grows faster than linearly: bench/README.md)
    page_loads(ctx, "render5000", "render5000", text_is("last", "end"), ctx.reps(5, 3), warm=False)


def scenario_ready200(ctx: Ctx) -> None:
    page_loads(ctx, "ready200", "ready", all_ready(200), ctx.reps(15, 5), n=200)


def scenario_first_page(ctx: Ctx) -> None:
    """The click app's first page: time to ready, and the JS+CSS bytes it downloads."""
    page_loads(ctx, "first_page", "click", text_is("out", "clicked None"), ctx.reps(15, 5))
    ctx.results["js_css_bytes"] = {side: summary([ctx.results["first_page_bytes"][side]["js_css"]])
                                   for side in ctx.sides}
    ctx.results["js_css_bytes"]["unit"] = "bytes"


def scenario_cold_start(ctx: Ctx) -> None:
    """Spawn the server, then open its first page as soon as its port accepts: wall time from spawn to ready."""
    times: dict[str, list[float]] = {side: [] for side in ctx.sides}
    port_up: dict[str, list[float]] = {side: [] for side in ctx.sides}
    for i in range(ctx.reps(7, 3)):
        for side in rotate(ctx.sides, i):
            server = Server(side, "click")
            tab = None
            try:
                tab = ctx.browser.tab(text_is("out", "clicked None"))
                began = server.start()
                server.wait_port()
                port_up[side].append((time.time() - began) * 1000)
                tab.page.goto(server.url, wait_until="commit", timeout=120_000)
                tab.page.wait_for_function("() => window.__bench && window.__bench.readyAt !== null", timeout=120_000,
                                           polling=20)
                origin, ready_at = tab.page.evaluate("[performance.timeOrigin, window.__bench.readyAt]")
                times[side].append(origin + ready_at - began * 1000)
            finally:
                if tab:
                    tab.close()
                server.stop()
    out = {side: summary(times[side]) for side in ctx.sides}
    out["unit"] = "ms"
    out["port_open_ms"] = {side: summary(port_up[side]) for side in ctx.sides}
    ctx.results["cold_start"] = out
    ctx.log("cold_start: " + "  ".join(f"{s} {out[s]['median']:.0f} ms" for s in ctx.sides))


SCENARIOS: dict[str, Callable[[Ctx], None]] = {
    "click": scenario_click,  # also: throughput, p50/p99, RSS after load
    "chain10": scenario_chain10,  # loopback and 50 ms
    "fanout50": scenario_fanout50,
    "render5000": scenario_render5000,
    "big2mb": scenario_big2mb,
    "match": scenario_match,  # 200 and 1,000
    "ready200": scenario_ready200,
    "cold_start": scenario_cold_start,
    "first_page": scenario_first_page,  # JS+CSS bytes
}

# --- the table ------------------------------------------------------------------------------------------

# (row label, result key, value path inside a side, target ratio, "<=" or ">=", unit)
ROWS = [
    ("click → DOM (1 callback)", "click", (), 0.4, "<=", "ms"),
    ("chain of 10, loopback", "chain10", (), 0.25, "<=", "ms"),
    ("chain of 10, 50 ms latency", "chain10_50ms", (), 0.15, "<=", "ms"),
    ("1 input → 50 callbacks", "fanout50", (), 0.1, "<=", "ms"),
    ("first render, 5,000 components", "render5000", (), 0.02, "<=", "ms"),
    ("callback returning ~2 MB", "big2mb", (), 0.5, "<=", "ms"),
    ("MATCH among 200 → DOM", "match200", (), 0.3, "<=", "ms"),
    ("MATCH among 1,000 → DOM", "match1000", (), 0.3, "<=", "ms"),
    ("page with 200 MATCH components ready", "ready200", (), 0.1, "<=", "ms"),
    ("server callbacks/s, 16 clients", "throughput", ("per_second",), 3.0, ">=", "/s"),
    ("server p50 latency, 16 clients", "throughput", ("p50_ms",), None, "", "ms"),
    ("server p99 latency, 16 clients", "throughput", ("p99_ms",), 0.5, "<=", "ms"),
    ("server RSS after load (all processes)", "rss_after_load_mb", (), None, "", "MB"),
    ("cold start → first page ready", "cold_start", (), 0.7, "<=", "ms"),
    ("first page (click app) ready", "first_page", (), None, "", "ms"),
    ("JS+CSS bytes of the first page", "js_css_bytes", (), 0.3, "<=", "B"),
]


def _get(results: dict, key: str, side: str, path: tuple) -> dict | None:
    node = results.get(key, {}).get(side)
    for part in path:
        node = node.get(part) if node else None
    return node if node and node.get("median") is not None else None


def fmt(stat: dict | None, unit: str) -> str:
    if stat is None:
        return "—"

    def f(v: float) -> str:
        if unit == "B":
            return f"{v / 1024:,.0f} KiB"
        if unit in ("/s", "MB"):
            return f"{v:,.0f}"
        return f"{v:,.1f}" if v < 100 else f"{v:,.0f}"
    label = {"B": "", "/s": "/s", "MB": " MB", "ms": " ms"}[unit]
    if stat["n"] <= 1 or stat["p10"] == stat["p90"]:
        return f"{f(stat['median'])}{label}"
    return f"{f(stat['median'])}{label} ({f(stat['p10'])}–{f(stat['p90'])})"


def _scale_row(results: dict, aa: bool) -> str:
    """MATCH among 1,000 against among 200, each framework against itself (target: propwire's <= 1.2)."""
    def scale(side: str) -> float | None:
        small, big = _get(results, "match200", side, ()), _get(results, "match1000", side, ())
        return big["median"] / small["median"] if small and big and small["median"] else None

    d, p = scale("dash"), scale("propwire")
    shown = [f"{x:.2f}×" if x is not None else "—" for x in (d, p)]
    met = "" if p is None else ("yes" if p <= 1.2 else "**no**")
    return (f"| MATCH among 1,000 / among 200 (each against itself) | {shown[0]} | {shown[1]} | | "
            f"propwire ≤ 1.2× | {met} |" + (" |" if aa else ""))


def table(results: dict, sides: tuple[str, ...]) -> str:
    aa = "propwire_b" in sides
    head = "| scenario | Dash | propwire | ratio pw/Dash | target | met |" + (" A/A ratio |" if aa else "")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for label, key, path, target, op, unit in ROWS:
        d, p = _get(results, key, "dash", path), _get(results, key, "propwire", path)
        if d is None and p is None:
            continue
        ratio = p["median"] / d["median"] if d and p and d["median"] else None
        met = "" if target is None or ratio is None else ("yes" if (ratio <= target if op == "<=" else ratio >= target)
                                                           else "**no**")
        goal = "" if target is None else (f"≤ {target:g}" if op == "<=" else f"≥ {target:g}×")
        row = f"| {label} | {fmt(d, unit)} | {fmt(p, unit)} | {'—' if ratio is None else f'{ratio:.3g}'} | {goal} | {met} |"
        if aa:
            b = _get(results, key, "propwire_b", path)
            row += f" {b['median'] / p['median']:.2f} |" if b and p and p["median"] else " — |"
        lines.append(row)
        if key == "match1000":
            lines.append(_scale_row(results, aa))
    for key, label in (("render5000_bytes", "5,000-component page"), ("first_page_bytes", "click app first page"),
                       ("ready200_bytes", "200-MATCH page")):
        if key in results:
            d, p = results[key].get("dash"), results[key].get("propwire")
            if d and p:
                lines.append(f"| bytes of the {label}: HTML+data / JS+CSS | {d['page_data'] / 1024:,.0f} / "
                             f"{d['js_css'] / 1024:,.0f} KiB | {p['page_data'] / 1024:,.0f} / {p['js_css'] / 1024:,.0f}"
                             f" KiB | {p['page_data'] / d['page_data']:.3g} / {p['js_css'] / d['js_css']:.3g} | | |"
                             + (" |" if aa else ""))
    return "\n".join(lines)


# --- machine --------------------------------------------------------------------------------------------

def write_results(out: str, doc: dict[str, Any], heading: list[str], report: str) -> None:
    """bench/results/OUT.json (the whole `doc`: every sample, the machine) and OUT.md (the `heading` lines, the
    table, the errors of `doc["errors"]`), then the table on stdout: what bench/transports.py and
    bench/sessions.py end with."""
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{out}.json").write_text(json.dumps(doc, indent=1))
    md = [*heading, "", report, ""]
    if doc.get("errors"):
        md += ["Errors:", ""] + [f"- {k}: {v}" for k, v in doc["errors"].items()] + [""]
    (RESULTS / f"{out}.md").write_text("\n".join(md))
    print()
    print(report)


def commit_of(machine: dict[str, Any]) -> str:
    """"propwire at abc1234567" (+ " + uncommitted changes" when its tree was dirty), for a results heading."""
    dirty = " + uncommitted changes" if machine["propwire_tree_dirty"] else ""
    return f"propwire at {machine['propwire_commit'][:10]}{dirty}"


def machine_info(browser_version: str) -> dict[str, Any]:  # noqa: C901
    from importlib.metadata import PackageNotFoundError, version

    def ver(name: str) -> str | None:
        try:
            return version(name)
        except PackageNotFoundError:
            return None
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), None)
    git = lambda *a: subprocess.run(["git", *a], cwd=ROOT, capture_output=True, text=True).stdout.strip()  # noqa: E731
    return {
        "platform": platform.platform(), "cpu": cpu, "cpus": os.cpu_count(), "memory_mb": mem,
        "python": platform.python_version(), "chromium": browser_version,
        "propwire_commit": git("rev-parse", "HEAD"), "propwire_tree_dirty": bool(git("status", "--porcelain", "propwire")),
        "versions": {name: ver(name) for name in ("dash", "propwire", "flask", "werkzeug", "gunicorn", "uvicorn",
                                                   "starlette", "orjson", "playwright", "psutil")},
        "servers": {"dash": "gunicorn -w 2 (sync workers) bench_app:server",
                    "propwire": ("uvicorn --workers 2 bench_app:server" if PROPWIRE_SERVER == "uvicorn" else
                                 "bench/uvicorn_nodelay.py --workers 2 bench_app:server (TCP_NODELAY restored)")},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="few repeats (a few minutes)")
    parser.add_argument("--only", default="", help=f"comma-separated subset of: {', '.join(SCENARIOS)}")
    parser.add_argument("--no-aa", action="store_true", help="skip the second propwire server (A/A column)")
    parser.add_argument("--out", default="latest", help="results file stem under bench/results/")
    parser.add_argument("--merge", action="store_true",
                        help="keep the other scenarios' results already in the output file (re-run a few)")
    parser.add_argument("--table", action="store_true",
                        help="only print the table of the output file's results (after changing how it is drawn)")
    parser.add_argument("--b-tree", type=Path, help="serve propwire_b from another checkout of propwire (e.g. the "
                                                        "code before a change): its column is then an A/B ratio")
    parser.add_argument("--propwire-server", choices=("uvicorn", "uvicorn-nodelay"), default="uvicorn",
                        help="uvicorn-nodelay: uvicorn --workers 2 with TCP_NODELAY restored (diagnostic)")
    args = parser.parse_args()
    if args.table:
        doc = json.loads((RESULTS / f"{args.out}.json").read_text())
        doc["table"] = table(doc["results"], tuple(doc["sides"]))
        (RESULTS / f"{args.out}.json").write_text(json.dumps(doc, indent=1))
        md = (RESULTS / f"{args.out}.md").read_text()
        start = md.index("| scenario |")
        end = md.find("\n\n", start)
        (RESULTS / f"{args.out}.md").write_text(md[:start] + doc["table"] + (md[end:] if end != -1 else "\n"))
        print(doc["table"])
        return
    global PROPWIRE_SERVER, B_TREE
    PROPWIRE_SERVER = args.propwire_server
    B_TREE = args.b_tree.resolve() if args.b_tree else None
    try:
        import dash  # noqa: F401
        import gunicorn  # noqa: F401
        import psutil  # noqa: F401
    except ImportError as exc:
        sys.exit(f"{exc}: install the benchmark's dependencies first (bench/README.md):\n"
                 f"  python -m venv --system-site-packages bench/.venv && bench/.venv/bin/pip install -r bench/requirements.txt\n"
                 f"and run it with bench/.venv/bin/python bench/run.py")
    chosen = [s for s in (args.only.split(",") if args.only else SCENARIOS) if s]
    unknown = [s for s in chosen if s not in SCENARIOS]
    if unknown:
        sys.exit(f"unknown scenario(s): {unknown}")
    sides = ("dash", "propwire") if args.no_aa else SIDES
    from playwright.sync_api import sync_playwright

    results: dict[str, Any] = {}
    errors: dict[str, str] = {}
    previous: dict[str, Any] = {}
    if args.merge and (RESULTS / f"{args.out}.json").exists():
        previous = json.loads((RESULTS / f"{args.out}.json").read_text())
        results.update(previous.get("results", {}))
        errors.update({k: v for k, v in previous.get("errors", {}).items() if k not in chosen})
    began = time.monotonic()

    def log(msg: str) -> None:
        print(f"[{time.monotonic() - began:6.1f}s] {msg}", flush=True)

    with sync_playwright() as playwright:
        browser = Browser(playwright)
        ctx = Ctx(browser, args.quick, sides, results, log)
        machine = machine_info(browser.browser.version)
        for name in chosen:
            if time.monotonic() - began > DEADLINE_S:
                errors[name] = "skipped: the run's time limit was reached"
                continue
            load_before = os.getloadavg()[0]
            log(f"-- {name} (load average {load_before:.2f})")
            try:
                SCENARIOS[name](ctx)
                results.setdefault("load_average", {})[name] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
            except Exception as exc:  # one broken scenario must not lose the others' figures
                errors[name] = f"{type(exc).__name__}: {exc}"[:2000]
                log(f"{name} FAILED: {errors[name]}")
        aborted = browser.aborted
        browser.browser.close()
    report = table(results, sides)
    doc = {"machine": machine, "quick": args.quick, "sides": list(sides), "seconds": time.monotonic() - began,
           "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "external_requests_aborted": aborted,
           "errors": errors, "results": results, "table": report,
           "scenarios_run": {**previous.get("scenarios_run", {}), **{name: time.strftime("%Y-%m-%dT%H:%M:%S%z")
                                                                    for name in chosen}}}
    if previous:  # the other scenarios ran on an earlier tree: keep its description
        doc["machine_previous_runs"] = previous.get("machine_previous_runs", []) + [
            {**previous["machine"], "when": previous.get("when"), "quick": previous.get("quick")}]
        doc["seconds"] += previous.get("seconds", 0)
        doc["external_requests_aborted"] += previous.get("external_requests_aborted", 0)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{args.out}.json").write_text(json.dumps(doc, indent=1))
    md = [f"# propwire vs Dash ({'quick' if args.quick else 'full'} run, {doc['when']})", "",
          f"Machine: {machine['cpu']}, {machine['cpus']} CPUs, {machine['memory_mb']} MB; Python {machine['python']}; "
          f"Chromium {machine['chromium']}; Dash {machine['versions']['dash']} (gunicorn -w 2); propwire "
          f"{machine['versions']['propwire']} at {machine['propwire_commit'][:10]}"
          f"{' + uncommitted changes' if machine['propwire_tree_dirty'] else ''} ({machine['servers']['propwire']}).", "",
          "Each figure: median (p10–p90) over repeats; ratio = propwire median / Dash median; A/A ratio = a second "
          "propwire server / the first (noise floor).", ""]
    if previous:
        md += [f"Merged: {', '.join(chosen)} re-run at {doc['when']}; the other rows come from the run(s) of "
               f"{', '.join(str(m['when']) for m in doc['machine_previous_runs'])} (propwire "
               f"{', '.join(m['propwire_commit'][:10] for m in doc['machine_previous_runs'])}).", ""]
    md += [report, ""]
    if errors:
        md += ["Errors:", ""] + [f"- {k}: {v}" for k, v in errors.items()] + [""]
    (RESULTS / f"{args.out}.md").write_text("\n".join(md))
    print()
    print(report)
    if errors:
        print("\nErrors:", json.dumps(errors, indent=1))
    print(f"\nwrote {(RESULTS / (args.out + '.json')).relative_to(ROOT)} and {args.out}.md in {doc['seconds']:.0f} s")


if __name__ == "__main__":
    main()
