// What Dash's page defines before any component library runs, beyond React: `regeneratorRuntime`. Dash loads
// @babel/polyfill first, and bundles compiled with regenerator (Dash's own DataTable among them) call the
// global `regeneratorRuntime` in their async functions. It comes in a chunk of its own: a page whose config lists
// Dash library scripts starts fetching it at boot, and a library's scripts run only once it is in; a page without
// Dash libraries never fetches it.

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
