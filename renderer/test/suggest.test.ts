import { test } from "node:test";
import assert from "node:assert/strict";
import { closest, didYouMean, ratio } from "../src/suggest";

// What Python 3.11's difflib.SequenceMatcher(None, a, b).ratio() gives for each pair (propwire/api/suggest.py
// picks the server's suggestions with it): the page's and the headless client's hints must agree.
const A = "a".repeat(250) + "b", B = "a".repeat(249) + "bb"; // 200+ characters: difflib's autojunk applies
const DIFFLIB: [string, string, number][] = [
  ["city-name", "cityname", 0.9411764705882353],
  ["filter", "filtr", 0.9090909090909091],
  ["out", "cityname", 0.18181818181818182],
  ["placeholder", "placholder", 0.9523809523809523],
  ["abcd", "bcda", 0.75],
  ["type", "typ", 0.8571428571428571],
  ["index", "idx", 0.75],
  [A, B, 0.9960159362549801],
  ["", "", 1],
];

test("ratio is difflib's", () => {
  for (const [a, b, want] of DIFFLIB) assert.equal(ratio(a, b), want, `${a.slice(0, 12)} / ${b.slice(0, 12)}`);
});

test("closest is difflib.get_close_matches(word, choices, n=1): 0.6 at least, ties to the larger string", () => {
  assert.equal(closest("cityname", ["out", "city-name", "btn"]), "city-name");
  assert.equal(closest("ab", ["ba", "ab2", "ac", "ab1"]), "ab2"); // Python: ['ab2']
  assert.equal(closest("xy", ["xa", "xb"]), null); // Python: [] (0.5 each)
  assert.equal(closest("out", []), null);
  assert.equal(didYouMean("cityname", ["city-name"]), "; did you mean 'city-name'?");
  assert.equal(didYouMean("zzz", ["city-name"]), "");
});
