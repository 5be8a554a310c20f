// A static mock server for the renderer: serves the fixture page (streaming its initial results)
// and answers POST /_propwire/event with canned NDJSON. Bound to 127.0.0.1 only.
// Usage: node dev/server.mjs [port]   (STATIC_DIR=.dev-build to serve `node build.mjs --dev` output)
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join, dirname, basename } from "node:path";
import { fileURLToPath } from "node:url";
import * as fixture from "./app.mjs";

let { layout, graph, callbacks, unknown } = fixture;

const here = dirname(fileURLToPath(import.meta.url));
const staticDir = process.env.STATIC_DIR ?? join(here, "..", "..", "propwire", "static");
const port = Number(process.argv[2] ?? 8050);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const json = (v) => JSON.stringify(v).replace(/</g, "\\u003c");

/** Run `cbs` and what their outputs trigger (each callback once), one line per callback as it finishes. */
async function runAll(cbs, values, write, unknownKeys = []) {
  const downstream = (i) => callbacks.flatMap((cb, j) => (cb.inputs.some((k) => callbacks[i].outputs.includes(k)) ? [j] : []));
  const planned = new Set(cbs);
  for (const i of planned) downstream(i).forEach((j) => planned.add(j));
  write({ plan: { callbacks: [...planned], props: [...new Set([...planned].flatMap((i) => callbacks[i].outputs))] } });
  const ran = new Set();
  const run = async (i, triggered) => {
    if (ran.has(i)) return;
    ran.add(i);
    const cb = callbacks[i];
    if (cb.inputs.some((k) => unknownKeys.includes(k))) return write({ deferred: { cb: i, triggered } });
    if (cb.delay) await sleep(cb.delay);
    let outputs;
    try {
      outputs = cb.fn(values);
    } catch (err) {
      return write({ error: { cb: i, message: String(err.message), traceback: `Traceback (most recent call last):\n  File "app.py", line 1\n${err}` } });
    }
    Object.assign(values, outputs);
    write({ result: { cb: i, outputs, reads: cb.inputs, triggered } });
    await Promise.all(downstream(i).map((j) => run(j, Object.keys(outputs))));
  };
  await Promise.all(cbs.map((i) => run(i, callbacks[i].inputs.filter((k) => k in values))));
}

function initialValues() {
  const values = {};
  const visit = (v) => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (v && typeof v === "object" && "props" in v) {
      const id = v.props.id;
      for (const [k, val] of Object.entries(v.props)) {
        if (typeof id === "string") values[`${id}.${k}`] = val;
        visit(val);
      }
    }
  };
  visit(layout);
  return values;
}

async function page(res, debug) {
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
  const config = { layout, graph, eventUrl: "/_propwire/event", debug, unknown };
  res.write(`<!doctype html><html><head><meta charset="utf-8"><title>fixture</title>
<link rel="stylesheet" href="/_propwire/static/propwire.css"></head><body>
<script>window.propwire=window.propwire||{q:[],push(l){this.q.push(l)}}</script>
<div id="_pw-root"></div>
<script id="_pw-config" type="application/json">${json(config)}</script>
<script type="module" async src="/_propwire/static/propwire.js"></script>\n`);
  const initial = callbacks.flatMap((cb, i) => (cb.initial ? [i] : []));
  await runAll(initial, initialValues(), (line) => res.write(`<script>propwire.push(${json(line)})</script>\n`), unknown);
  res.end(`<script>propwire.push(${json({ done: { seq: 0 } })})</script>\n</body></html>`);
}

async function event(req, res) {
  let body = "";
  for await (const chunk of req) body += chunk;
  let ev;
  try {
    ev = JSON.parse(body);
  } catch {
    res.writeHead(400, { "Content-Type": "application/json" });
    return res.end(JSON.stringify({ error: "event is not JSON" }));
  }
  console.log("event", JSON.stringify(ev).slice(0, 400));
  res.writeHead(200, { "Content-Type": "application/x-ndjson" });
  const cbs = new Set(Object.keys(ev.changed).flatMap((k) => graph.triggers[k] ?? []));
  for (const r of ev.run ?? []) cbs.add(r.cb);
  await runAll([...cbs].sort((a, b) => a - b), ev.values, (line) => res.write(JSON.stringify(line) + "\n"));
  res.end(JSON.stringify({ done: { seq: ev.seq } }) + "\n");
}

const types = { js: "text/javascript", css: "text/css" };
createServer(async (req, res) => {
  const url = new URL(req.url, "http://x");
  if (req.method === "POST" && url.pathname === "/_propwire/event") return event(req, res);
  if (url.pathname.startsWith("/_propwire/static/")) {
    const name = basename(url.pathname);
    try {
      const data = await readFile(join(staticDir, name));
      res.writeHead(200, { "Content-Type": types[name.split(".").pop()] ?? "application/octet-stream" });
      return res.end(data);
    } catch {
      res.writeHead(404);
      return res.end();
    }
  }
  if (url.pathname === "/favicon.ico") {
    res.writeHead(404);
    return res.end();
  }
  const big = Number(url.searchParams.get("big") ?? 0);
  ({ layout, graph, callbacks, unknown } = big ? fixture.bigApp(big) : fixture);
  return page(res, url.searchParams.get("debug") !== "0");
}).listen(port, "127.0.0.1", () => console.log(`fixture on http://127.0.0.1:${port}/`));
