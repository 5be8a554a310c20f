import { test } from "node:test";
import assert from "node:assert/strict";
import { titleFromStore, titleWhileBusy } from "../src/title";

test("the update title shows while busy and the page's title comes back after", () => {
  const doc = { title: "Sales" };
  const busy = titleWhileBusy("Updating...", doc);
  busy(true);
  assert.equal(doc.title, "Updating...");
  busy(true); // a second event while the first runs: the kept title is still the page's
  busy(false);
  assert.equal(doc.title, "Sales");
});

test("a title set while busy is kept, not overwritten by the old one", () => {
  const doc = { title: "Sales" };
  const busy = titleWhileBusy("Updating...", doc);
  busy(true);
  doc.title = "Sales: 3 new";
  busy(false);
  assert.equal(doc.title, "Sales: 3 new");
});

test("no update title (None or empty in Dash) leaves the title alone", () => {
  for (const update of [undefined, ""]) {
    const doc = { title: "Sales" };
    const busy = titleWhileBusy(update, doc);
    busy(true);
    assert.equal(doc.title, "Sales");
  }
});

test("the pages store's title becomes the tab's title; data without one leaves it", () => {
  const doc = { title: "App" };
  let data: unknown = { title: "Report 7" };
  const follow = titleFromStore(() => data, doc);
  follow();
  assert.equal(doc.title, "Report 7");
  data = null;
  follow();
  assert.equal(doc.title, "Report 7");
  data = { title: 42 };
  follow();
  assert.equal(doc.title, "42");
});

test("a page title written while busy stays once the busy title goes", () => {
  const doc = { title: "Home" };
  const busy = titleWhileBusy("Updating...", doc);
  busy(true);
  titleFromStore(() => ({ title: "Counter" }), doc)();
  busy(false);
  assert.equal(doc.title, "Counter");
});
