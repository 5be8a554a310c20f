// npm test: bundle each test/*.test.ts with esbuild, then run them with node's test runner.
import { build } from "esbuild";
import { readdirSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, ".test-build");
const tests = readdirSync(join(root, "test")).filter((n) => n.endsWith(".test.ts"));

rmSync(out, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: tests.map((n) => `test/${n}`),
  outdir: out,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  jsx: "automatic",
  define: { "process.env.NODE_ENV": '"production"' },
  // CommonJS dependencies bundled into ESM need a require for node builtins.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  // build.mjs makes the cartesian plotly.js (an alias to its output); the tests never plot, so its dynamic
  // import stays unresolved here instead of needing a build first.
  external: ["plotly-cartesian"],
  logLevel: "warning",
});

const files = readdirSync(out).filter((n) => n.endsWith(".mjs")).map((n) => join(out, n));
const result = spawnSync(process.execPath, ["--test", ...files], { stdio: "inherit" });
process.exit(result.status ?? 1);
