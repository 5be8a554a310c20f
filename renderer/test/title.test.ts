import { test } from "node:test";
import assert from "node:assert/strict";
import { titleWhileBusy } from "../src/title";

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
