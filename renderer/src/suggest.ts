// Did-you-mean hints in the page's messages, worded and chosen as the server's (propwire/api/suggest.py): the
// closest choice by Python difflib's ratio (2 * matched characters / total characters), at least 0.6, so the
// browser and the headless client suggest the same id for the same typo.

/** Each character of `b` with the positions it has there, without those of difflib's "popular" characters
 * (a string of 200 or more, a character filling over 1% of it), as difflib's autojunk leaves them out. */
function positions(b: string): Map<string, number[]> {
  const at = new Map<string, number[]>();
  [...b].forEach((ch, j) => at.set(ch, [...(at.get(ch) ?? []), j]));
  if (b.length >= 200) {
    const most = Math.floor(b.length / 100) + 1;
    for (const [ch, js] of [...at]) if (js.length > most) at.delete(ch);
  }
  return at;
}

/** difflib's longest common block of a[alo:ahi] and b[blo:bhi]: the earliest in `a`, then in `b`. */
function longest(a: string[], b: string[], at: Map<string, number[]>, alo: number, ahi: number, blo: number,
                 bhi: number): [number, number, number] {
  let [bi, bj, size] = [alo, blo, 0];
  let lengths = new Map<number, number>();
  for (let i = alo; i < ahi; i++) {
    const next = new Map<number, number>();
    for (const j of at.get(a[i]) ?? []) {
      if (j < blo) continue;
      if (j >= bhi) break;
      const k = (lengths.get(j - 1) ?? 0) + 1;
      next.set(j, k);
      if (k > size) [bi, bj, size] = [i - k + 1, j - k + 1, k];
    }
    lengths = next;
  }
  while (bi > alo && bj > blo && a[bi - 1] === b[bj - 1]) [bi, bj, size] = [bi - 1, bj - 1, size + 1];
  while (bi + size < ahi && bj + size < bhi && a[bi + size] === b[bj + size]) size++;
  return [bi, bj, size];
}

/** difflib's SequenceMatcher(None, a, b).ratio(). */
export function ratio(a: string, b: string): number {
  const [as, bs] = [[...a], [...b]];
  if (as.length + bs.length === 0) return 1;
  const at = positions(b);
  let matched = 0;
  const todo: [number, number, number, number][] = [[0, as.length, 0, bs.length]];
  while (todo.length) {
    const [alo, ahi, blo, bhi] = todo.pop()!;
    const [i, j, k] = longest(as, bs, at, alo, ahi, blo, bhi);
    if (!k) continue;
    matched += k;
    if (alo < i && blo < j) todo.push([alo, i, blo, j]);
    if (i + k < ahi && j + k < bhi) todo.push([i + k, ahi, j + k, bhi]);
  }
  return (2 * matched) / (as.length + bs.length);
}

/**
 * The choice most like `word`, or null when none is close: difflib.get_close_matches(word, choices, n=1).
 *
 * @example closest("cityname", ["city-name", "out"]) === "city-name"
 */
export function closest(word: string, choices: Iterable<string>): string | null {
  let best: string | null = null;
  let score = 0;
  for (const choice of choices) {
    const r = ratio(choice, word);
    // Equal scores: the larger string wins, as Python's nlargest over (score, choice) pairs has it.
    if (r >= 0.6 && (best === null || r > score || (r === score && choice > best))) [best, score] = [choice, r];
  }
  return best;
}

/** "; did you mean 'x'?" for the closest choice, or "" when none is close: appended to a message as is. */
export function didYouMean(word: string, choices: Iterable<string>): string {
  const match = closest(word, choices);
  return match === null ? "" : `; did you mean '${match}'?`;
}
