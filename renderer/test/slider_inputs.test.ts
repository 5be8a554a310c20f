import { test } from "node:test";
import assert from "node:assert/strict";
import { leave, onGrid, snap, wantsBoxes } from "../src/components/slider_inputs";
import { positionOf, readPosition } from "../src/components/geolocation";

test("a typed number is sent while typing only inside min..max and on the step's grid", () => {
  assert.equal(onGrid(7.5, 0, 10, 0.5), true);
  assert.equal(onGrid(7.3, 0, 10, 0.5), false);
  assert.equal(onGrid(11, 0, 10, 0.5), false);
  assert.equal(onGrid(Number.NaN, 0, 10, 1), true); // an emptied box: NaN passes, as in Dash 4.4.1
});

test("leaving a box clamps, snaps to the step with its decimals, and respects the other handle", () => {
  assert.equal(snap(4.3, 0, 10, 0.5), 4.5);
  assert.equal(snap(42, 0, 10, 0.5), 10);
  assert.equal(snap(0.30000000000000004, 0, 1, 0.1), 0.3);
  assert.deepEqual(leave("90", [90, 80], 0, 0, 100, 5), [80, 80]);
  assert.deepEqual(leave("3", [20, 3], 1, 0, 100, 5), [20, 20]);
  assert.deepEqual(leave("", [7], 0, 0, 10, 1), [7]); // empty: the number shown
});

test("boxes are drawn for a horizontal slider with a step and at most two handles", () => {
  assert.equal(wantsBoxes({}, 1, 1), true);
  assert.equal(wantsBoxes({ allow_direct_input: false }, 1, 1), false);
  assert.equal(wantsBoxes({ vertical: true }, 1, 2), false);
  assert.equal(wantsBoxes({}, null, 1), false);
  assert.equal(wantsBoxes({}, 1, 3), false);
});

test("a Geolocation reading sends every position key (null when unknown) and resets update_now first", () => {
  const coords = { latitude: 1, longitude: 2, accuracy: 3, altitude: null, altitudeAccuracy: null, speed: null,
    heading: null } as unknown as GeolocationCoordinates;
  assert.deepEqual(positionOf(coords), { lat: 1, lon: 2, accuracy: 3, alt: null, alt_accuracy: null, speed: null,
    heading: null });
  const sent: object[] = [];
  const g = globalThis as unknown as { navigator?: unknown };
  const saved = Object.getOwnPropertyDescriptor(globalThis, "navigator");
  Object.defineProperty(globalThis, "navigator", { value: {}, configurable: true }); // no geolocation API
  try {
    readPosition({ update_now: true }, (p) => sent.push(p));
  } finally {
    if (saved) Object.defineProperty(globalThis, "navigator", saved);
    else delete g.navigator;
  }
  assert.deepEqual(sent, [{ update_now: false },
    { position: null, position_error: { code: 999, message: "Your browser does not support Geolocation" } }]);
});
