// Reading an event response body: JSON lines, and long strings as raw text after the line that announces them.
//
// A line whose body has `"raw": {key: bytes, ...}` is followed by that many bytes of UTF-8 text per key, in
// order, each ended by a newline; the text goes into the body's `outputs[key]` and `raw` is dropped, so the
// runtime sees the line as if the strings had been JSON (docs/protocol.md). A 2 MB string costs a decode of
// its bytes and nothing more: no join of its pieces when it came in one chunk, no newline search, no JSON.parse.

const NEWLINE = 10;

/** One thing read from the body: a parsed line, or why a line could not be read. */
export type Frame = { line: Record<string, unknown> } | { bad: string; text: string };

interface Waiting {
  line: Record<string, unknown>;
  outputs: Record<string, unknown>;
  keys: string[];
  sizes: number[];
}

/**
 * Feeds bytes in chunks; hands back each complete frame. Each chunk is decoded as it arrives (in stream mode,
 * so a character cut between chunks joins up), while the next one is still on its way; a line's pieces are
 * joined once, at its newline.
 */
export class FrameReader {
  private pieces: string[] = [];
  private decoder = new TextDecoder();
  /** The line whose raw texts are being read, and how many bytes of the current one are still to come. */
  private waiting: Waiting | null = null;
  private left = 0;
  /** A raw text just ended: the newline after it is skipped. */
  private newline = false;

  push(chunk: Uint8Array): Frame[] {
    const out: Frame[] = [];
    let start = 0;
    while (start < chunk.length) {
      if (this.newline) {
        this.newline = false;
        if (chunk[start] === NEWLINE) start++;
        continue;
      }
      if (this.waiting) {
        start = this.takeRaw(chunk, start, out);
        continue;
      }
      const nl = chunk.indexOf(NEWLINE, start);
      if (nl === -1) {
        this.keep(chunk.subarray(start), true);
        break;
      }
      this.keep(chunk.subarray(start, nl), false);
      this.emit(out);
      start = nl + 1;
    }
    return out;
  }

  end(): Frame[] {
    const out: Frame[] = [];
    this.pieces.push(this.decoder.decode());
    if (this.waiting) {
      const key = this.waiting.keys[0];
      this.waiting = null;
      this.pieces = [];
      out.push({ bad: `the response ended inside the raw text of '${key}'`, text: "" });
      return out;
    }
    this.emit(out);
    return out;
  }

  private keep(bytes: Uint8Array, more: boolean): void {
    if (bytes.length || !more) this.pieces.push(this.decoder.decode(bytes, { stream: more }));
  }

  private joined(): string {
    const text = this.pieces.length === 1 ? this.pieces[0] : this.pieces.join("");
    this.pieces = [];
    return text;
  }

  private emit(out: Frame[]): void {
    const text = this.joined();
    if (!isLine(text)) return;
    let line: unknown;
    try {
      line = JSON.parse(text);
    } catch {
      out.push({ bad: "unreadable stream line", text: text.slice(0, 200) });
      return;
    }
    if (line === null || typeof line !== "object" || Array.isArray(line)) {
      out.push({ line: line as Record<string, unknown> }); // the runtime says what is wrong with it
      return;
    }
    const body = Object.values(line)[0] as Record<string, unknown> | undefined;
    const raw = body && typeof body === "object" ? body.raw : undefined;
    if (raw === undefined) {
      out.push({ line: line as Record<string, unknown> });
      return;
    }
    const waiting = announced(line as Record<string, unknown>, body!, raw);
    if (typeof waiting === "string") {
      out.push({ bad: waiting, text: text.slice(0, 200) });
    } else if (waiting.keys.length === 0) {
      out.push({ line: waiting.line });
    } else {
      this.waiting = waiting;
      this.left = waiting.sizes[0];
    }
  }

  /** Take the current raw text's bytes from `chunk` at `start`; returns where the rest of the chunk begins. */
  private takeRaw(chunk: Uint8Array, start: number, out: Frame[]): number {
    const n = Math.min(this.left, chunk.length - start);
    this.pieces.push(this.decoder.decode(chunk.subarray(start, start + n), { stream: true }));
    this.left -= n;
    if (this.left > 0) return start + n;
    const waiting = this.waiting!;
    waiting.outputs[waiting.keys.shift()!] = this.joined();
    waiting.sizes.shift();
    this.newline = true; // each text ends with one
    if (waiting.keys.length) {
      this.left = waiting.sizes[0];
    } else {
      this.waiting = null;
      out.push({ line: waiting.line });
    }
    return start + n;
  }
}

/** The raw texts a line announces, checked; or what is wrong with them. */
function announced(line: Record<string, unknown>, body: Record<string, unknown>, raw: unknown): Waiting | string {
  const outputs = body.outputs;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return "a stream line's 'raw' must be an object";
  if (outputs === null || typeof outputs !== "object" || Array.isArray(outputs)) {
    return "a stream line with 'raw' texts must have 'outputs'";
  }
  const keys = Object.keys(raw);
  const sizes = Object.values(raw);
  if (!sizes.every((n) => Number.isInteger(n) && n > 0)) return "a stream line's raw sizes must be byte counts";
  delete body.raw;
  return { line, outputs: outputs as Record<string, unknown>, keys, sizes: sizes as number[] };
}

/** Not blank. Looks only as far as the first non-space character (trim() copied a 2 MB line: ~2 ms). */
function isLine(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return true;
  }
  return false;
}

/** Read a response body frame by frame, each as soon as its last byte arrives. */
export async function readFrames(body: ReadableStream<Uint8Array>, onFrame: (frame: Frame) => void): Promise<void> {
  const reader = body.getReader();
  const frames = new FrameReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    frames.push(value).forEach(onFrame);
  }
  frames.end().forEach(onFrame);
}

/** Reads an event answer's frames as they arrive, or, from a fetch that gives no stream, from the whole body. */
export async function readResponse(res: Response, onFrame: (frame: Frame) => void): Promise<void> {
  if (res.body) return readFrames(res.body, onFrame);
  const frames = new FrameReader();
  [...frames.push(new Uint8Array(await res.arrayBuffer())), ...frames.end()].forEach(onFrame);
}
