import { test } from "node:test";
import assert from "node:assert/strict";
import { fillUnknown } from "../src/browser";
import { locationChanges, targetUrl } from "../src/components/location";
import { Store } from "../src/store";

/** A window with just what browser.ts reads. */
function fakeWindow(href: string, stored: Record<string, string>) {
  const url = new URL(href);
  const storage = { getItem: (k: string) => stored[k] ?? null } as Storage;
  (globalThis as any).window = {
    location: { pathname: url.pathname, search: url.search, hash: url.hash, href: url.href },
    localStorage: storage,
    sessionStorage: { getItem: () => null },
  };
}

const dcc = (type: string, props: Record<string, unknown>) => ({ type, namespace: "dcc", props });

test("unknown keys are filled from storage and the location, without a version bump", () => {
  fakeWindow("http://h/app?q=1#sec", { mem: '{"n":1}', bad: "{oops" });
  const store = new Store({
    type: "Div",
    namespace: "html",
    props: {
      children: [
        dcc("Store", { id: "mem", storage_type: "local", data: null }),
        dcc("Store", { id: "bad", storage_type: "local", data: 7 }),
        dcc("Store", { id: "none", storage_type: "session", data: 3 }),
        dcc("Location", { id: "url", pathname: "/app" }),
      ],
    },
  });
  fillUnknown(store, ["mem.data", "bad.data", "none.data", "url.hash", "url.href", "ghost.data"]);
  assert.deepEqual(store.value("mem.data"), { n: 1 });
  assert.equal(store.value("bad.data"), 7, "unreadable storage keeps the layout's value");
  assert.equal(store.value("none.data"), 3, "nothing stored keeps the layout's value");
  assert.equal(store.value("url.hash"), "#sec");
  assert.equal(store.value("url.href"), "http://h/app?q=1#sec");
  assert.equal(store.version("mem.data"), 0);
});

test("a Location reports only the parts of the URL that differ; empty and null agree", () => {
  const current = { pathname: "/a", search: "", hash: "", href: "http://h/a" };
  assert.deepEqual(locationChanges({ pathname: "/a", search: null, hash: null, href: "http://h/a" }, current), {});
  assert.deepEqual(locationChanges({ pathname: "/b", href: "http://h/b" }, current), { pathname: "/a", href: "http://h/a" });
});

test("a callback's new pathname, search or href becomes the URL to go to", () => {
  fakeWindow("http://h/a?x=1#top", {});
  const before = { pathname: "/a", search: "?x=1", hash: "#top", href: "http://h/a?x=1#top" };
  assert.equal(targetUrl(before, before), null);
  assert.equal(targetUrl({ ...before, pathname: "/b" }, before), "http://h/b?x=1#top");
  assert.equal(targetUrl({ ...before, search: "y=2", hash: null }, before), "http://h/a?y=2#top");
  assert.equal(targetUrl({ ...before, href: "/c" }, before), "/c");
});

test("a Location never goes to a script or data URL, and its parts stay on this origin", () => {
  fakeWindow("http://h/a", {});
  const before = { pathname: "/a", search: "", hash: "", href: "http://h/a" };
  const error = console.error;
  console.error = () => {};
  try {
    for (const href of ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:x", "data:text/html,<b>", "vbscript:x"]) {
      assert.equal(targetUrl({ ...before, href }, before), null, href);
    }
  } finally {
    console.error = error;
  }
  assert.equal(targetUrl({ ...before, pathname: "javascript:alert(1)" }, before), "http://h/javascript:alert(1)");
  assert.equal(targetUrl({ ...before, pathname: "//evil.example/x" }, before), "http://h//evil.example/x");
  assert.equal(targetUrl({ ...before, href: "https://other.example/" }, before), "https://other.example/");
});

