// The protocol contract: every case of tests/contract/cases/*.json run against the renderer's DOM-free core
// (Store + Runtime). tests/testing/test_contract.py runs the same cases against the headless client, so a
// protocol change one client misses fails one of the two (tests/contract/README.md says how to add a case).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { fillUnknown } from "../src/browser";
import { compileGraph, type RawGraph } from "../src/events";
import { Runtime, type Report } from "../src/runtime";
import { Store } from "../src/store";

const CASES = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "tests", "contract", "cases");
const COOKIES_URL = "/_propwire/cookies";

interface Expect {
  events?: any[];
  store?: Record<string, unknown>;
  unset?: string[];
  absent?: string[];
  ancestry?: Record<string, string[]>;
  reports?: string[];
  cookies?: { seq: number; token: string }[];
  busy?: boolean;
}

interface Step {
  do: "page" | "pageEnd" | "user" | "stream" | "close" | "respond" | "reject";
  lines?: unknown[];
  changes?: [string, Record<string, unknown>][];
  seq?: number;
  status?: number;
  body?: unknown;
  expect?: Expect;
}

interface Case {
  name: string;
  config: { layout: unknown; graph: RawGraph; unknown?: string[] };
  /** Values for the unknown keys, filled as they are; without them the renderer's own fillUnknown reads `storage`. */
  browser?: Record<string, unknown>;
  storage?: { local?: Record<string, string>; session?: Record<string, string> };
  url?: string;
  steps: Step[];
}

/** What fillUnknown reads of the browser: window.localStorage / sessionStorage and window.location. */
function fakeWindow(c: Case): void {
  const storage = (items: Record<string, string> = {}) => {
    const map = new Map(Object.entries(items));
    return {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    };
  };
  const { pathname, search, hash, href } = new URL(c.url ?? "http://127.0.0.1/");
  (globalThis as any).window = {
    localStorage: storage(c.storage?.local),
    sessionStorage: storage(c.storage?.session),
    location: { pathname, search, hash, href },
  };
}

/** A line as bytes on the wire: an object is one JSON line; a string goes out as it is (raw texts, junk). */
const encode = (line: unknown) => (typeof line === "string" ? line : JSON.stringify(line) + "\n");

/** One open response the test writes: its fetch resolves at the first step that answers it. */
class Pending {
  private ctrl: ReadableStreamDefaultController<Uint8Array> | null = null;
  private encoder = new TextEncoder();
  constructor(private resolve: (res: Response) => void) {}

  write(lines: unknown[]): void {
    if (this.ctrl === null) {
      const stream = new ReadableStream<Uint8Array>({ start: (c) => void (this.ctrl = c) });
      this.resolve(new Response(stream, { status: 200, headers: { "Content-Type": "application/x-ndjson" } }));
    }
    // A step's lines arrive together, as one write of the server's reaches the page: one chunk, one tick (the side
    // updates among them go out as one event, as the headless client, which reads a step's lines at once, sends them).
    if (lines.length) this.ctrl!.enqueue(this.encoder.encode(lines.map(encode).join("")));
  }

  close(): void {
    this.write([]);
    this.ctrl!.close();
  }

  reject(status: number, body: unknown): void {
    this.resolve(new Response(typeof body === "string" ? body : JSON.stringify(body), { status }));
  }
}

const settle = async () => {
  for (let i = 0; i < 8; i++) await new Promise((r) => setTimeout(r, 0));
};

function setup(c: Case) {
  const events: any[] = [];
  const cookies: { seq: number; token: string }[] = [];
  const reports: string[] = [];
  const open = new Map<number, Pending>();
  const post = (url: string, body: string): Promise<Response> => {
    const parsed = JSON.parse(body);
    if (url === COOKIES_URL) {
      cookies.push(parsed);
      return Promise.resolve(new Response(null, { status: 204 }));
    }
    events.push(parsed);
    return new Promise((resolve) => open.set(parsed.seq, new Pending(resolve)));
  };
  const store = new Store(structuredClone(c.config.layout));
  if (c.browser) {
    for (const key of c.config.unknown ?? []) if (key in c.browser) store.fill(key, c.browser[key]);
  } else {
    fakeWindow(c);
    fillUnknown(store, c.config.unknown ?? []);
  }
  const report = (r: Report) => reports.push(`${r.title}: ${r.message}`);
  const runtime = new Runtime(store, compileGraph(c.config.graph), {
    eventUrl: "/_propwire/event",
    cookiesUrl: COOKIES_URL,
    post,
    hooks: { busy: () => {}, ready: () => {}, report },
  });
  return { runtime, store, events, cookies, reports, open };
}

type World = ReturnType<typeof setup>;

function response(w: World, seq: number | undefined): Pending {
  const found = seq === undefined ? undefined : w.open.get(seq);
  if (!found) throw new Error(`the case answers event ${seq}, which the client did not send`);
  return found;
}

function act(w: World, step: Step): void {
  switch (step.do) {
    case "page":
      return (step.lines ?? []).forEach((line) => w.runtime.pageLine(line));
    case "pageEnd":
      return w.runtime.pageEnded();
    case "user":
      return (step.changes ?? []).forEach(([id, partial]) => w.runtime.userChange(id, partial));
    case "stream":
      return response(w, step.seq).write(step.lines ?? []);
    case "close": // the rest of the body (if any), then its end
    case "respond": {
      const res = response(w, step.seq);
      res.write(step.lines ?? []);
      return res.close();
    }
    case "reject":
      return response(w, step.seq).reject(step.status ?? 400, step.body ?? { error: "rejected" });
  }
  throw new Error(`unknown step '${(step as Step).do}'`);
}

/** The order in which `present` lists dict ids: the server takes a pattern's components in that order. */
const dictOrder = (present: Record<string, unknown>) => Object.keys(present).filter((k) => k.startsWith("{"));

function check(w: World, expect: Expect, where: string, sent: any[], reports: string[], cookies: unknown[]): void {
  const want = expect.events ?? [];
  assert.equal(sent.length, want.length, `${where}: events sent ${JSON.stringify(sent)}`);
  want.forEach((body, i) => {
    const got = { ...sent[i], pending: [...sent[i].pending].sort() };
    assert.deepEqual(got, { ...body, pending: [...body.pending].sort() }, `${where}: event ${i}`);
    assert.deepEqual(dictOrder(sent[i].present), dictOrder(body.present), `${where}: order of present dict ids`);
  });
  for (const [key, value] of Object.entries(expect.store ?? {})) {
    assert.deepEqual(w.store.value(key), value, `${where}: store ${key}`);
  }
  for (const key of expect.unset ?? []) assert.equal(w.store.value(key), undefined, `${where}: ${key} is unset`);
  for (const id of expect.absent ?? []) assert.equal(w.store.has(id), false, `${where}: ${id} is absent`);
  for (const [id, chain] of Object.entries(expect.ancestry ?? {})) {
    assert.deepEqual(w.store.entry(id)?.ancestry, chain, `${where}: ancestry of ${id}`);
  }
  const wantReports = expect.reports ?? [];
  assert.equal(reports.length, wantReports.length, `${where}: reports ${JSON.stringify(reports)}`);
  wantReports.forEach((text, i) => assert.ok(reports[i].includes(text), `${where}: report ${reports[i]} lacks ${text}`));
  assert.deepEqual(cookies, expect.cookies ?? [], `${where}: cookie exchanges`);
  if (expect.busy !== undefined) assert.equal(w.runtime.busy, expect.busy, `${where}: busy`);
}

const STEP_FIELDS = new Set(["do", "lines", "changes", "seq", "status", "body", "expect"]);
const EXPECT_FIELDS = new Set(["events", "store", "unset", "absent", "ancestry", "reports", "cookies", "busy"]);
const CASE_FIELDS = new Set(["name", "config", "browser", "storage", "url", "steps"]);

/** A misspelt field would check nothing: the corpus may only use what both adapters read. */
function wellFormed(c: Case): void {
  const extra = (obj: object, known: Set<string>) => Object.keys(obj).filter((k) => !known.has(k));
  assert.deepEqual(extra(c, CASE_FIELDS), [], "unknown case fields");
  c.steps.forEach((step, i) => {
    assert.deepEqual(extra(step, STEP_FIELDS), [], `step ${i}: unknown fields`);
    assert.deepEqual(extra(step.expect ?? {}, EXPECT_FIELDS), [], `step ${i}: unknown expect fields`);
  });
}

async function run(c: Case): Promise<void> {
  wellFormed(c);
  const w = setup(c);
  const warn = console.warn;
  console.warn = () => {}; // an unknown line kind is skipped with a warning; the cases check it sends nothing
  try {
    for (const [i, step] of c.steps.entries()) {
      const seen = [w.events.length, w.reports.length, w.cookies.length];
      act(w, step);
      await settle();
      const where = `step ${i} (${step.do})`;
      check(w, step.expect ?? {}, where, w.events.slice(seen[0]), w.reports.slice(seen[1]), w.cookies.slice(seen[2]));
    }
  } finally {
    console.warn = warn;
  }
}

const files = readdirSync(CASES).filter((n) => n.endsWith(".json")).sort();
test("the contract corpus is there", () => assert.ok(files.length > 0, `no cases in ${CASES}`));
for (const file of files) {
  const cases: Case[] = JSON.parse(readFileSync(join(CASES, file), "utf8")).cases;
  for (const c of cases) test(`${file}: ${c.name}`, () => run(c));
}
