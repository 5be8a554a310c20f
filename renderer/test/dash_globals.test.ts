import { test } from "node:test";
import assert from "node:assert/strict";
import { loadNamespace, setScripts } from "../src/components/outside";

(globalThis as any).window = globalThis;

test("a library's first script runs with window.regeneratorRuntime defined, as on Dash's page", async () => {
  assert.equal((globalThis as any).regeneratorRuntime, undefined);
  const added: { src: string; runtime: unknown }[] = [];
  (globalThis as any).document = {
    createElement: () => ({}) as any,
    querySelector: () => null,
    head: {
      appendChild(el: any) {
        added.push({ src: el.src, runtime: (globalThis as any).regeneratorRuntime });
        el.onload();
      },
    },
  };
  setScripts({ libr: ["/a.js", "/b.js"] });
  await loadNamespace("libr");
  assert.deepEqual(added.map((a) => a.src), ["/a.js", "/b.js"]);
  assert.ok(added.every((a) => a.runtime !== undefined));
  // what regenerator-compiled async code calls: mark + wrap give a generator driven by a context
  const rt = (globalThis as any).regeneratorRuntime;
  const fn = rt.mark(function body(): any {
    return rt.wrap(function step(ctx: any) {
      for (;;) {
        switch ((ctx.prev = ctx.next)) {
          case 0:
            ctx.next = 2;
            return 5;
          case 2:
            return ctx.abrupt("return", ctx.sent + 1);
          default:
            return ctx.stop();
        }
      }
    }, body);
  });
  const gen = fn();
  assert.deepEqual(gen.next(), { value: 5, done: false });
  assert.deepEqual(gen.next(41), { value: 42, done: true });
});
