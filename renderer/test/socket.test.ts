import { test } from "node:test";
import assert from "node:assert/strict";
import { compileGraph, type RawGraph } from "../src/events";
import { Runtime, type Report } from "../src/runtime";
import { EventSocket, MAX_IN_FLIGHT, MAX_MESSAGE_CHARS, type SocketLike } from "../src/socket";
import { Store } from "../src/store";

const c = (type: string, props: Record<string, unknown>) => ({ type, namespace: "html", props });
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};
const encoder = new TextEncoder();

/** A WebSocket the test drives: `accept()` opens it, `frame(seq, lines)` answers, `drop()` closes it. */
class FakeSocket implements SocketLike {
  readyState = 0;
  binaryType = "blob";
  sent: any[] = [];
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.drop();
  }
  accept() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
  /** One binary frame of event `seq`: its lines as NDJSON (cut anywhere, as frames may be). */
  frame(seq: number, text: string) {
    const body = encoder.encode(`${seq}\n${text}`);
    this.onmessage?.({ data: body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) });
  }
  lines(seq: number, ...lines: unknown[]) {
    this.frame(seq, lines.map((l) => JSON.stringify(l) + "\n").join(""));
  }
}

const graph: RawGraph = {
  props: ["inp.value", "out.children"],
  triggers: { "inp.value": [0] },
  callbacks: [{ values: [0], ids: ["inp", "out"] }],
};
const page = () => c("Div", { id: "page", children: [c("Input", { id: "inp", value: "a" }), c("Div", { id: "out" })] });

function setup(beat?: { heartbeatMs: number; pongTimeoutMs: number }) {
  const sockets: FakeSocket[] = [];
  const posts: any[] = [];
  const reports: Report[] = [];
  const socket = new EventSocket("ws://127.0.0.1/_propwire/ws", () => {
    const s = new FakeSocket();
    sockets.push(s);
    return s;
  }, beat);
  const post = async (url: string, body: string) => {
    if (url.includes("cookies")) return new Response(null, { status: 204 });
    const event = JSON.parse(body);
    posts.push(event);
    const text = [{ result: { cb: 0, outputs: { "out.children": `post ${event.changed["inp.value"]}` }, reads: [], triggered: [] } },
      { done: { seq: event.seq } }].map((l) => JSON.stringify(l) + "\n").join("");
    return new Response(text, { status: 200 });
  };
  const store = new Store(page());
  const runtime = new Runtime(store, compileGraph(graph), {
    eventUrl: "/_propwire/event", post, socket,
    hooks: { busy: () => undefined, ready: () => undefined, report: (r) => reports.push(r) },
  });
  runtime.pageLine({ plan: { callbacks: [], props: [] } });
  runtime.pageLine({ done: { seq: 0 } });
  return { runtime, store, sockets, posts, reports, socket };
}

const result = (value: string) => ({ result: { cb: 0, outputs: { "out.children": value }, reads: ["inp.value"], triggered: [] } });

test("an event goes over the open socket; its frames apply as a POST answer's lines do", async () => {
  const s = setup();
  s.runtime.userChange("inp", { value: "b" });
  await settle();
  assert.equal(s.sockets.length, 1, "the first event opens the socket");
  s.sockets[0].accept();
  await settle();
  assert.equal(s.posts.length, 0);
  assert.equal(s.sockets[0].sent.length, 1);
  const event = s.sockets[0].sent[0];
  assert.deepEqual(event.changed, { "inp.value": "b" }, "the message is the POST body");
  const text = JSON.stringify(result("B")) + "\n" + JSON.stringify({ done: { seq: event.seq } }) + "\n";
  s.sockets[0].frame(event.seq, text.slice(0, 20)); // a line cut between two frames joins up
  assert.equal(s.store.value("out.children"), undefined);
  s.sockets[0].frame(event.seq, text.slice(20));
  assert.equal(s.store.value("out.children"), "B");
  s.runtime.userChange("inp", { value: "c" });
  await settle();
  assert.equal(s.sockets.length, 1, "the socket is kept for the next event");
  assert.equal(s.sockets[0].sent.length, 2);
});

test("over an open socket the event goes before the page re-renders the change and before the busy hook's work", async () => {
  const s = setup();
  s.socket.warm();
  s.sockets[0].accept();
  await settle();
  const order: string[] = [];
  const sock = s.sockets[0];
  const send = sock.send.bind(sock);
  sock.send = (data: string) => (order.push("send"), send(data));
  s.store.watch(() => order.push("watchers")); // what React's subscription hears: the render comes after this
  s.runtime.userChange("inp", { value: "b" });
  queueMicrotask(() => order.push("next microtask")); // what the page's busy hook queues (the tab's title)
  await Promise.resolve();
  assert.deepEqual(order.slice(0, 2), ["send", "watchers"], "sent within the flush, before the store lets go");
  assert.ok(order.indexOf("send") < order.indexOf("next microtask"), "no promise to wait on before the send");
});

test("frames of two events in flight are told apart by their seq", async () => {
  const s = setup();
  s.socket.warm();
  s.sockets[0].accept();
  s.runtime.userChange("inp", { value: "b" });
  await settle();
  s.runtime.userChange("inp", { value: "c" });
  await settle();
  const [first, second] = s.sockets[0].sent;
  assert.equal(second.seq, first.seq + 1);
  s.sockets[0].lines(second.seq, result("C"), { done: { seq: second.seq } });
  s.sockets[0].lines(first.seq, result("B"), { done: { seq: first.seq } });
  assert.equal(s.store.value("out.children"), "C", "the older event's result, arriving last, is stale (S6)");
});

test("a socket that cannot open leaves events to POSTs, and is tried again after a back-off", async () => {
  const s = setup();
  s.runtime.userChange("inp", { value: "b" });
  await settle();
  s.sockets[0].drop(); // refused before it opened
  await settle();
  assert.equal(s.posts.length, 1);
  assert.equal(s.store.value("out.children"), "post b");
  s.runtime.userChange("inp", { value: "c" });
  await settle();
  assert.equal(s.sockets.length, 1, "no new attempt within the back-off");
  assert.equal(s.posts.length, 2);
});

test("an event the socket closed on before any answer is re-sent as a POST; one cut mid-answer is reported", async () => {
  const s = setup();
  s.socket.warm();
  s.sockets[0].accept();
  s.runtime.userChange("inp", { value: "b" });
  await settle();
  s.sockets[0].drop();
  await settle();
  assert.equal(s.posts.length, 1, "re-sent");
  assert.equal(s.posts[0].seq, s.sockets[0].sent[0].seq);
  assert.equal(s.store.value("out.children"), "post b");
  assert.equal(s.reports.length, 0);
  s.runtime.userChange("inp", { value: "c" });
  await settle();
  assert.equal(s.sockets.length, 2, "the next event opens a new socket");
  s.sockets[1].accept();
  await settle();
  const event = s.sockets[1].sent[0];
  s.sockets[1].lines(event.seq, { plan: { callbacks: [0], props: ["out.children"] } });
  s.sockets[1].drop();
  await settle();
  assert.equal(s.posts.length, 1, "partly answered: not re-sent (its callbacks may have run)");
  assert.match(s.reports[0].message, /closed mid-answer/);
});

test("a refusal (the server's 4xx as a text frame) is reported as a POST's would be", async () => {
  const s = setup();
  s.socket.warm();
  s.sockets[0].accept();
  s.runtime.userChange("inp", { value: "b" });
  await settle();
  const seq = s.sockets[0].sent[0].seq;
  s.sockets[0].onmessage?.({ data: JSON.stringify({ seq, status: 413, error: "the event is over the limit" }) });
  await settle();
  assert.equal(s.reports[0].title, `Event ${seq} was rejected (HTTP 413)`);
  assert.equal(s.reports[0].message, "the event is over the limit");
});

test("a big event, or one past the in-flight limit, goes as a POST", async () => {
  const s = setup();
  s.socket.warm();
  s.sockets[0].accept();
  s.runtime.userChange("inp", { value: "x".repeat(MAX_MESSAGE_CHARS) });
  await settle();
  assert.equal(s.sockets[0].sent.length, 0);
  assert.equal(s.posts.length, 1);
  for (let i = 0; i < MAX_IN_FLIGHT + 1; i++) {
    s.runtime.userChange("inp", { value: `v${i}` });
    await settle();
  }
  assert.equal(s.sockets[0].sent.length, MAX_IN_FLIGHT, "never more than the server takes at once");
  assert.equal(s.posts.length, 2);
});

test("after the page's cookies changed, the next event goes over a new socket (its handshake has them)", async () => {
  const s = setup();
  s.socket.warm();
  s.sockets[0].accept();
  s.runtime.userChange("inp", { value: "b" });
  await settle();
  const first = s.sockets[0].sent[0];
  s.sockets[0].lines(first.seq, { cookies: { token: "sealed" } }, result("B"), { done: { seq: first.seq } });
  await settle(); // the token is exchanged (a POST to the cookies URL, answered by the fake post)
  s.runtime.userChange("inp", { value: "c" });
  await settle();
  assert.equal(s.sockets.length, 2, "a new socket");
  assert.equal(s.sockets[0].readyState, 3, "the old one is closed");
  s.sockets[1].accept();
  await settle();
  assert.equal(s.sockets[1].sent.length, 1);
  assert.equal(s.reports.length, 0, JSON.stringify(s.reports));
});

test("a socket silent while an event waits is pinged; a pong keeps it, no answer closes it (the event goes as a POST)", async () => {
  const { runtime, store, sockets, posts } = setup({ heartbeatMs: 20, pongTimeoutMs: 20 });
  const socket = () => sockets[0];
  runtime.userChange("inp", { value: "b" });
  await settle();
  socket().accept();
  await settle();
  assert.equal(socket().sent.length, 1); // the event
  // Waited for, not slept on: a loaded machine runs the 20 ms timers late, never early.
  await until(() => socket().sent.length >= 2);
  assert.deepEqual(socket().sent[1], { ping: 1 });
  socket().onmessage?.({ data: JSON.stringify({ pong: 1 }) }); // alive: the callback is just slow
  await until(() => socket().sent.length >= 3 || socket().readyState === 3);
  assert.deepEqual(socket().sent[2], { ping: 2 }); // still nothing of the event: pinged again, not closed
  await until(() => socket().readyState === 3); // and no answer this time
  await settle();
  assert.equal(posts.length, 1); // nothing of it had come: re-sent as a POST
  assert.equal(store.value("out.children"), "post b");
});

/** Until `done()` holds, checking every 5 ms; fails after `ms`. */
async function until(done: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 5));
  }
}
