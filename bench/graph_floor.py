"""The floor of bench/graph_big.py: the same figures drawn by plotly.js alone, with no framework around it.

A bare HTML page per scenario holds the figure inline (typed arrays, as plotly.py writes them), loads the very
plotly.js build propwire's Graph uses for scattergl (the cartesian bundle renderer/build.mjs makes, from
renderer/.plotly/) as a plain script, decodes the arrays and calls Plotly.newPlot. Its button does what the app's callback makes
the framework do, in the browser and with no request: a Plotly.react with trace 1 recoloured (big), a
Plotly.extendTraces of 1,000 points with max points 100,000 (extend). No framework that draws with this
plotly.js can be faster than this page, so its time over Dash's is the lowest ratio any such framework can reach.

    from graph_floor import start_floor
    proc, url = start_floor("big")     # a static server on a free 127.0.0.1 port; stop(proc) afterwards
"""

from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
from pathlib import Path

import plotly.io as pio
from graph_big_app import TICK, N, big_figure, extend_figure
from servers import free_port, serve

HERE = Path(__file__).resolve().parent
PLOTLY = HERE.parent / "renderer" / ".plotly" / "plotly-cartesian.min.cjs"

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>plotly.js alone</title></head><body>
<button id="%(button)s">%(button)s</button><div id="g"></div>
<script src="plotly.js"></script>
<script>
const DTYPES = {f8: Float64Array, f4: Float32Array, i4: Int32Array, u4: Uint32Array, i2: Int16Array,
                u2: Uint16Array, i1: Int8Array, u1: Uint8Array};
const decode = (v) => {
  if (Array.isArray(v)) return v.map(decode);
  if (v && typeof v === "object") {
    if (typeof v.bdata === "string" && v.dtype in DTYPES) {
      const bytes = Uint8Array.from(atob(v.bdata), (c) => c.charCodeAt(0));
      return new DTYPES[v.dtype](bytes.buffer);
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
  }
  return v;
};
const figure = decode(%(figure)s);
const gd = document.getElementById("g");
Plotly.newPlot(gd, figure.data, figure.layout);
let n = 0;
const colour = (n) => `rgb(${(n * 67) %% 256}, ${(n * 131) %% 256}, 40)`;
document.getElementById("%(button)s").onclick = () => {
  n += 1;
  %(action)s
};
</script></body></html>
"""

RECOLOUR = """const [t0, t1] = gd.data;
  Plotly.react(gd, [t0, {...t1, marker: {...t1.marker, color: colour(n)}}], gd.layout);"""

TICK_JS = f"""const start = {N} + (n - 1) * {TICK};
  const x = Array.from({{length: {TICK}}}, (_, i) => start + i), y = x.map(() => Math.random() * 2 - 1);
  Plotly.extendTraces(gd, {{x: [x], y: [y]}}, [0], {N});"""


def write_pages(folder: Path) -> None:
    """big.html and extend.html beside a copy of plotly.js in `folder`."""
    if not PLOTLY.exists():
        raise SystemExit(f"{PLOTLY} is missing: run `cd renderer && npm ci && node build.mjs` first")
    # The bundle is CommonJS (the renderer imports it): a plain script gives it a module object.
    (folder / "plotly.js").write_text(f"var module = {{exports: {{}}}};\n{PLOTLY.read_text(encoding='utf-8')}\n"
                                      "window.Plotly = module.exports;\n", encoding="utf-8")
    pages = {"big": (big_figure(), "recolour", RECOLOUR), "extend": (extend_figure(), "tick", TICK_JS)}
    for name, (figure, button, action) in pages.items():
        text = PAGE % {"button": button, "figure": pio.to_json(figure, validate=False), "action": action}
        (folder / f"{name}.html").write_text(text, encoding="utf-8")


def start_floor(page: str):
    """(process, URL of the page) of a static server of the floor pages, on a free 127.0.0.1 port. The pages'
    folder is a temporary one, removed when the process is stopped and the interpreter exits."""
    folder = Path(tempfile.mkdtemp(prefix="pw-graph-floor-"))
    write_pages(folder)
    port = free_port()
    proc, url = serve([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "-d", str(folder)],
                      port, f"plotly.js alone {page}")
    atexit.register(shutil.rmtree, folder, True)
    return proc, f"{url}{page}.html"
