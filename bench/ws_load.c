/* Closed-loop WebSocket load on one server: bench/load.c's measurement over an event socket (issue 18).
 *
 *   gcc -O2 -o ws_load bench/ws_load.c
 *   ./ws_load --url ws://127.0.0.1:PORT/_propwire/ws --ws-kind propwire --message-file msg.json \
 *             --clients 16 --seconds 5 --expect 'clicked '
 *
 * Each of `clients` sockets (opened one after another, each once the previous one has its first answer, as in
 * load.c) sends the message, waits for the end of its answer, and sends it again, for `seconds` (at most
 * --max-requests messages in all). The message file holds the event as the browser sent it with `@@N@@` in
 * place of its number (propwire: the `seq`; Dash: the `requestId`), which the tool fills in with a fresh
 * number for every message. The answer's end:
 *   - propwire: the bytes of the binary frames `<N>\n<bytes>` of that number (docs/protocol.md, "The event
 *     socket"), until their last line is the `done` line; a text frame naming N is a refusal (an error);
 *   - dash: the text message (one, or a JSON array of several) holding `"requestId": "N"`; it must be a
 *     `callback_response`.
 * A good answer holds --expect. The handshake sends Origin http://127.0.0.1:PORT; client frames are masked
 * text frames; pings are answered, a close from the server is an error and the client reconnects. Latency is
 * from the send to the answer's end (handshakes are not in it). Prints bench/load.c's JSON object. Only
 * 127.0.0.1 is accepted as a target.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "load_common.h"

enum { PROPWIRE, DASH };

typedef struct {
    int fd, open, msg_op;    /* open: the handshake's 101 has been read; msg_op: a fragmented message's */
    unsigned long n;         /* the number of the message in flight, 0 when none */
    double began;
    char *in, *out, *msg;    /* bytes read and not yet parsed; bytes to send; a fragmented message so far */
    size_t in_len, in_cap, out_len, out_cap, sent, msg_len, msg_cap;
    char *answer;            /* propwire: the answer's bytes so far */
    size_t answer_len, answer_cap;
} Conn;

static int kind = PROPWIRE, port, epfd, n_clients, n_started;
static char path[1024] = "/", *tmpl, *mark, id_prefix[256]; /* dash: the requestId's text before @@N@@ */
static size_t tmpl_len;
static const char *expect = "";
static unsigned long next_n = 1;
static Conn *conns;
static uint64_t rng = 0x9e3779b97f4a7c15u;

static uint32_t rand32(void) { /* xorshift64: masks and keys need not be secret here, only varied */
    rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
    return (uint32_t)(rng >> 16);
}

static void grow(char **buf, size_t *cap, size_t need) {
    if (*cap >= need) return;
    *cap = need * 2 + 4096;
    *buf = realloc(*buf, *cap);
    if (!*buf) fail("realloc");
}

static void append(char **buf, size_t *len, size_t *cap, const void *data, size_t n) {
    grow(buf, cap, *len + n + 1);
    memcpy(*buf + *len, data, n);
    *len += n;
    (*buf)[*len] = 0;
}

static void want(Conn *c, uint32_t events) {
    struct epoll_event ev = {.events = events, .data.ptr = c};
    epoll_ctl(epfd, EPOLL_CTL_MOD, c->fd, &ev);
}

/* Queues one client frame: FIN, `opcode`, masked with a fresh key, as RFC 6455 requires of clients. */
static void queue_frame(Conn *c, int opcode, const char *data, size_t n) {
    unsigned char head[14];
    size_t h = 0;
    head[h++] = 0x80 | opcode;
    if (n < 126) head[h++] = 0x80 | n;
    else if (n < 65536) { head[h++] = 0x80 | 126; head[h++] = n >> 8; head[h++] = n & 255; }
    else { head[h++] = 0x80 | 127; for (int i = 7; i >= 0; i--) head[h++] = (uint64_t)n >> (8 * i) & 255; }
    uint32_t key = rand32();
    memcpy(head + h, &key, 4);
    h += 4;
    append(&c->out, &c->out_len, &c->out_cap, head, h);
    grow(&c->out, &c->out_cap, c->out_len + n + 1);
    for (size_t i = 0; i < n; i++) c->out[c->out_len + i] = data[i] ^ ((unsigned char *)&key)[i % 4];
    c->out_len += n;
    want(c, EPOLLIN | EPOLLOUT);
}

static void open_conn(Conn *c) {
    c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    if (c->fd < 0) fail("socket");
    int one = 1;
    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (connect(c->fd, (struct sockaddr *)&addr, sizeof addr) < 0 && errno != EINPROGRESS) fail("connect");
    struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT, .data.ptr = c};
    epoll_ctl(epfd, EPOLL_CTL_ADD, c->fd, &ev);
    c->open = 0;
    c->in_len = c->out_len = c->sent = c->msg_len = 0;
    static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char key[25];
    for (int i = 0; i < 22; i++) key[i] = b64[rand32() % 64]; /* 16 random bytes, base64 (last 4 bits 0) */
    key[21] = b64[(rand32() % 4) * 16];
    strcpy(key + 22, "==");
    char hs[2048];
    int n = snprintf(hs, sizeof hs, "GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\n"
                     "Connection: Upgrade\r\nSec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n"
                     "Origin: http://127.0.0.1:%d\r\n\r\n", path, port, key, port);
    append(&c->out, &c->out_len, &c->out_cap, hs, n);
}

static void close_conn(Conn *c) {
    epoll_ctl(epfd, EPOLL_CTL_DEL, c->fd, NULL);
    close(c->fd);
    c->fd = -1;
    c->open = 0;
}

/* Sends the next message (its number filled in), once the socket is open; 0 when the run is over. */
static int start(Conn *c, double stop_at) {
    c->n = 0;
    if (now() >= stop_at || budget <= 0) return 0;
    if (c->fd < 0) open_conn(c);
    if (!c->open) return 1; /* the message goes once the handshake's answer is in */
    budget--;
    c->n = next_n++;
    char num[24], *msg = malloc(tmpl_len + sizeof num);
    int k = snprintf(num, sizeof num, "%lu", c->n);
    size_t before = mark - tmpl, after = tmpl_len - before - 5;
    memcpy(msg, tmpl, before);
    memcpy(msg + before, num, k);
    memcpy(msg + before + k, mark + 5, after);
    c->answer_len = 0;
    c->began = now();
    queue_frame(c, 1, msg, before + k + after);
    free(msg);
    return 1;
}

/* The latest client has its first answer (or an error): the next one starts. */
static void ramp_up(Conn *c, double stop_at, int *active) {
    if (c == &conns[n_started - 1] && n_started < n_clients && start(&conns[n_started++], stop_at)) (*active)++;
}

static void finished(Conn *c, int good, const char *what, double stop_at, int *active) {
    if (good) {
        note_good(c->began);
    } else note_error(what);
    ramp_up(c, stop_at, active);
    if (!start(c, stop_at)) (*active)--;
}

/* Whether `text` holds "key": "value" or "key": value (JSON, any spacing around the colon). */
static int has_pair(const char *text, size_t len, const char *key, const char *value) {
    size_t kl = strlen(key), vl = strlen(value);
    for (const char *p = text; (p = memmem(p, text + len - p, key, kl)); p += kl) {
        const char *q = p + kl, *end = text + len;
        while (q < end && (*q == ' ' || *q == ':')) q++;
        int quoted = q < end && *q == '"';
        q += quoted;
        if ((size_t)(end - q) < vl + quoted || memcmp(q, value, vl)) continue;
        q += vl;
        if (quoted ? *q == '"' : (q == end || !strchr("0123456789.eE", *q))) return 1;
    }
    return 0;
}

/* A whole server message (opcode 1 text, 2 binary): 1 when it ends the answer in flight. */
static int on_message(Conn *c, int opcode, char *data, size_t n, int *good, const char **what) {
    char num[24];
    int k = snprintf(num, sizeof num, "%lu\n", c->n);
    if (!c->n) return 0;
    if (kind == DASH) {
        char id[300];
        snprintf(id, sizeof id, "%s%lu", id_prefix, c->n);
        if (opcode != 1 || !has_pair(data, n, "\"requestId\"", id)) return 0;
        *good = has_pair(data, n, "\"type\"", "callback_response") && memmem(data, n, expect, strlen(expect));
        *what = *good ? "" : "dash: callback_response without --expect";
        return 1;
    }
    if (opcode == 1) { /* a refusal {"seq": N, "status": 4xx, ...} naming this message (or no seq at all) */
        num[k - 1] = 0;
        if (!has_pair(data, n, "\"seq\"", num) && !has_pair(data, n, "\"seq\"", "null")) return 0;
        *good = 0;
        *what = "propwire: refusal (text frame)";
        return 1;
    }
    if (n < (size_t)k || memcmp(data, num, k)) return 0; /* another event's frame */
    append(&c->answer, &c->answer_len, &c->answer_cap, data + k, n - k);
    size_t end = c->answer_len;
    while (end && c->answer[end - 1] == '\n') end--;
    if (!end || c->answer[end - 1] != '}') return 0;
    char *line = c->answer + end - 1;
    while (line > c->answer && line[-1] != '\n') line--;
    if (strncmp(line, "{\"done\"", 7)) return 0;
    *good = memmem(c->answer, c->answer_len, expect, strlen(expect)) != NULL;
    *what = "propwire: answer without --expect";
    return 1;
}

/* Parses every whole frame in the buffer; why the connection must close, or NULL. */
static const char *on_frames(Conn *c, double stop_at, int *active) {
    size_t at = 0;
    while (c->in_len - at >= 2) {
        unsigned char *p = (unsigned char *)c->in + at;
        int fin = p[0] & 0x80, opcode = p[0] & 15, masked = p[1] & 0x80;
        uint64_t n = p[1] & 127;
        size_t h = 2;
        if (n == 126) { if (c->in_len - at < 4) break; n = (uint64_t)p[2] << 8 | p[3]; h = 4; }
        else if (n == 127) {
            if (c->in_len - at < 10) break;
            n = 0;
            for (int i = 0; i < 8; i++) n = n << 8 | p[2 + i];
            h = 10;
        }
        if (masked) return "server frame masked";
        if (c->in_len - at < h + n) break;
        char *data = c->in + at + h;
        at += h + n;
        if (opcode == 8) return "server closed the socket";
        if (opcode == 9) { queue_frame(c, 10, data, n); continue; } /* ping → pong, same bytes */
        if (opcode == 10) continue;
        if (opcode) { c->msg_len = 0; c->msg_op = opcode; } /* a message's first (often only) frame */
        char *whole = data;
        size_t len = n;
        if (!fin || !opcode) { /* fragments are joined; a message in one frame is read where it lies */
            append(&c->msg, &c->msg_len, &c->msg_cap, data, n);
            if (!fin) continue;
            whole = c->msg, len = c->msg_len, c->msg_len = 0;
        }
        int good = 0;
        const char *what = "";
        if (on_message(c, c->msg_op, whole, len, &good, &what)) finished(c, good, what, stop_at, active);
    }
    memmove(c->in, c->in + at, c->in_len - at);
    c->in_len -= at;
    return NULL;
}

/* The connection failed (`what`): counted as an error, and the client starts again on a new socket. */
static void broken(Conn *c, const char *what, double stop_at, int *active) {
    note_error(what);
    close_conn(c);
    ramp_up(c, stop_at, active);
    if (!start(c, stop_at)) (*active)--;
}

/* The handshake's answer: 1 once the 101 is read (the first message then goes), 0 for more, -1 refused. */
static int on_handshake(Conn *c, double stop_at, int *active) {
    char *end = memmem(c->in, c->in_len, "\r\n\r\n", 4);
    if (!end) return 0;
    if (c->in_len < 12 || strncmp(c->in + 9, "101", 3)) return -1;
    size_t head = end + 4 - c->in;
    memmove(c->in, c->in + head, c->in_len - head);
    c->in_len -= head;
    c->open = 1;
    if (!start(c, stop_at)) (*active)--;
    return 1;
}

static void on_ready(Conn *c, uint32_t events, double stop_at, int *active) {
    if (c->sent < c->out_len && (events & EPOLLOUT)) {
        ssize_t n = send(c->fd, c->out + c->sent, c->out_len - c->sent, MSG_NOSIGNAL);
        if (n < 0 && errno != EAGAIN) return broken(c, "OSError on send", stop_at, active);
        if (n > 0) c->sent += n;
        if (c->sent == c->out_len) {
            c->sent = c->out_len = 0;
            want(c, EPOLLIN);
        }
    }
    if (!(events & (EPOLLIN | EPOLLHUP | EPOLLERR))) return;
    int at_eof = 0;
    for (;;) {
        grow(&c->in, &c->in_cap, c->in_len + 65536);
        ssize_t n = recv(c->fd, c->in + c->in_len, c->in_cap - c->in_len - 1, 0);
        if (n > 0) { c->in_len += n; continue; }
        at_eof = n == 0 || errno != EAGAIN;
        break;
    }
    if (!c->open) {
        int got = on_handshake(c, stop_at, active);
        if (got < 0) return broken(c, "handshake refused (no 101)", stop_at, active);
        if (!got) {
            if (at_eof) broken(c, "closed during the handshake", stop_at, active);
            return;
        }
    }
    const char *why = on_frames(c, stop_at, active);
    if (why) return broken(c, why, stop_at, active);
    if (at_eof) broken(c, "connection closed", stop_at, active);
}

int main(int argc, char **argv) {
    const char *url = NULL, *message_file = NULL, *ws_kind = "propwire";
    int clients = 16;
    double seconds = 5;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--url")) url = argv[i + 1];
        else if (!strcmp(argv[i], "--message-file")) message_file = argv[i + 1];
        else if (!strcmp(argv[i], "--ws-kind")) ws_kind = argv[i + 1];
        else if (!strcmp(argv[i], "--clients")) clients = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--seconds")) seconds = atof(argv[i + 1]);
        else if (!strcmp(argv[i], "--max-requests")) budget = atol(argv[i + 1]);
        else if (!strcmp(argv[i], "--expect")) expect = argv[i + 1];
        else { fprintf(stderr, "unknown option %s\n", argv[i]); return 2; }
    }
    if (!url || !message_file || sscanf(url, "ws://127.0.0.1:%d%1023s", &port, path) < 1 || clients < 1
        || (strcmp(ws_kind, "propwire") && strcmp(ws_kind, "dash"))) {
        fprintf(stderr, "usage: ws_load --url ws://127.0.0.1:PORT/path --message-file FILE "
                        "--ws-kind propwire|dash [options]\n");
        return 2;
    }
    kind = strcmp(ws_kind, "dash") ? PROPWIRE : DASH;
    if (seconds > 60) seconds = 60;
    tmpl = read_file(message_file, &tmpl_len);
    mark = strstr(tmpl, "@@N@@");
    if (!mark || strstr(mark + 5, "@@N@@")) {
        fprintf(stderr, "ws_load: the message must hold @@N@@ exactly once (the seq or requestId)\n");
        return 2;
    }
    char *rid = strstr(tmpl, "\"requestId\"");
    if (kind == DASH && rid && rid < mark && (rid = memchr(rid + 11, '"', mark - rid - 11)) && mark - rid < 256)
        memcpy(id_prefix, rid + 1, mark - rid - 1);
    rng ^= (uint64_t)getpid() << 32 ^ (uint64_t)(now() * 1e6);
    target_port(port);
    epfd = epoll_create1(0);
    conns = calloc(clients, sizeof *conns);
    n_clients = clients;
    for (int i = 0; i < clients; i++) conns[i].fd = -1;
    double began = now(), stop_at = began + seconds;
    int active = 0;
    n_started = 1;
    if (start(&conns[0], stop_at)) active++;
    struct epoll_event events[256];
    while (active > 0) {
        int n = epoll_wait(epfd, events, 256, 100);
        for (int i = 0; i < n; i++) on_ready(events[i].data.ptr, events[i].events, stop_at, &active);
        if (now() > stop_at + 30) { note_error("answers still missing 30 s after the end"); break; }
    }
    double elapsed = now() - began;
    print_summary(elapsed);
    return 0;
}
