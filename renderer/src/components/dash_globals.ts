// What Dash's page defines before any component library runs, beyond React: `regeneratorRuntime`. Dash loads
// @babel/polyfill first, and bundles compiled with regenerator (Dash's own DataTable among them) call the
// global `regeneratorRuntime` in their async functions. It comes in a chunk of its own, fetched only before the
// first library script a page loads, so a page without Dash libraries never fetches it.

let ready: Promise<void> | undefined;

/** Define window.regeneratorRuntime (once; a page that has one keeps it) before a library script runs. */
export function dashGlobals(): Promise<void> {
  if (!ready) {
    const holder = globalThis as unknown as { regeneratorRuntime?: unknown };
    ready = holder.regeneratorRuntime
      ? Promise.resolve()
      : import("regenerator-runtime/runtime.js").then((mod: { default?: unknown }) => {
          holder.regeneratorRuntime ??= mod.default ?? mod;
        });
  }
  return ready;
}
