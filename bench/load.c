/* Closed-loop HTTP load on one server: bench/load.py's behaviour in C, so the load costs the server's machine
 * a tenth of the CPU (the Python one took half a core, which both servers then lacked).
 *
 *   gcc -O2 -o load bench/load.c
 *   ./load --url http://127.0.0.1:PORT/path --body-file body.json --clients 16 --seconds 5 \
 *          --header 'Content-Type: application/json' --expect 'clicked '
 *
 * Each of `clients` connections POSTs the same body again and again for `seconds` (at most --max-requests in
 * all), keeping the connection when the server allows it and reconnecting when it answers `Connection: close`
 * (gunicorn's sync workers do), the reconnect counting in that request's latency. Clients start one after
 * another, each once the previous one has its first answer (a few ms in all): connections arrive as traffic
 * grows, not in one burst, which would let one of several workers accept all of them (seen: 16 and 0). A response is good when its
 * status is 200 and its (de-chunked) body holds --expect. Prints one JSON object: requests, good, errors,
 * seconds, per_second, p50_ms, p99_ms, error_sample. Only 127.0.0.1 is accepted as a target.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "load_common.h"

typedef struct {
    int fd;
    double began;
    char *buf;
    size_t len, cap, sent;
} Conn;

static char *request;
static size_t request_len;
static const char *expect = "";
static int epfd;
static Conn *conns;
static int n_clients, n_started;

static void open_conn(Conn *c) {
    c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    if (c->fd < 0) fail("socket");
    int one = 1;
    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (connect(c->fd, (struct sockaddr *)&addr, sizeof addr) < 0 && errno != EINPROGRESS) fail("connect");
    struct epoll_event ev = {.events = EPOLLOUT | EPOLLIN, .data.ptr = c};
    epoll_ctl(epfd, EPOLL_CTL_ADD, c->fd, &ev);
}

static void close_conn(Conn *c) {
    epoll_ctl(epfd, EPOLL_CTL_DEL, c->fd, NULL);
    close(c->fd);
    c->fd = -1;
}

/* Starts the next request: a reconnect if the last answer closed the connection. */
static int start(Conn *c, double stop_at) {
    if (now() >= stop_at || budget <= 0) return 0;
    budget--;
    c->began = now();
    c->len = 0;
    c->sent = 0;
    if (c->fd < 0) open_conn(c);
    struct epoll_event ev = {.events = EPOLLOUT | EPOLLIN, .data.ptr = c};
    epoll_ctl(epfd, EPOLL_CTL_MOD, c->fd, &ev);
    return 1;
}

static const char *find_header(const char *head, size_t head_len, const char *name) {
    size_t n = strlen(name);
    for (const char *p = head; p && p < head + head_len; p = memchr(p, '\n', head + head_len - p)) {
        if (*p == '\n') p++;
        if (strncasecmp(p, name, n) == 0 && p[n] == ':') {
            p += n + 1;
            while (*p == ' ') p++;
            return p;
        }
    }
    return NULL;
}

/* 1 when the buffer holds a whole response (body de-chunked into `body`), 0 when more is needed. */
static int complete(Conn *c, int at_eof, int *status, int *keep, char **body, size_t *body_len) {
    char *end = memmem(c->buf, c->len, "\r\n\r\n", 4);
    if (!end) return 0;
    size_t head_len = end + 4 - c->buf;
    *status = atoi(c->buf + 9);
    const char *conn = find_header(c->buf, head_len, "connection");
    *keep = !(conn && strncasecmp(conn, "close", 5) == 0);
    const char *cl = find_header(c->buf, head_len, "content-length");
    const char *te = find_header(c->buf, head_len, "transfer-encoding");
    if (cl) {
        size_t n = strtoul(cl, NULL, 10);
        if (c->len < head_len + n) return 0;
        *body = c->buf + head_len;
        *body_len = n;
        return 1;
    }
    if (te && strncasecmp(te, "chunked", 7) == 0) {
        char *out = malloc(c->len + 1), *p = c->buf + head_len, *limit = c->buf + c->len;
        size_t out_len = 0;
        for (;;) {
            char *line_end = memmem(p, limit - p, "\r\n", 2);
            if (!line_end) { free(out); return 0; }
            size_t size = strtoul(p, NULL, 16);
            p = line_end + 2;
            if (size == 0) {
                if (limit - p < 2) { free(out); return 0; }
                break;
            }
            if ((size_t)(limit - p) < size + 2) { free(out); return 0; }
            memcpy(out + out_len, p, size);
            out_len += size;
            p += size + 2;
        }
        *body = out;
        *body_len = out_len;
        return 2; /* caller frees */
    }
    if (!at_eof) return 0;
    *keep = 0;
    *body = c->buf + head_len;
    *body_len = c->len - head_len;
    return 1;
}

static void finished(Conn *c, int status, char *body, size_t body_len) {
    if (status == 200 && memmem(body, body_len, expect, strlen(expect))) {
        note_good(c->began);
    } else {
        char what[64];
        snprintf(what, sizeof what, "status %d", status);
        note_error(what);
    }
}

/* The latest client has an answer (or an error): the next one starts. */
static void ramp_up(Conn *c, double stop_at, int *active) {
    if (c == &conns[n_started - 1] && n_started < n_clients && start(&conns[n_started++], stop_at)) (*active)++;
}

static void on_ready(Conn *c, uint32_t events, double stop_at, int *active) {
    if (c->sent < request_len && (events & (EPOLLOUT | EPOLLERR | EPOLLHUP))) {
        ssize_t n = send(c->fd, request + c->sent, request_len - c->sent, MSG_NOSIGNAL);
        if (n < 0 && errno != EAGAIN) {
            note_error("OSError");
            close_conn(c);
            ramp_up(c, stop_at, active);
            if (!start(c, stop_at)) (*active)--;
            return;
        }
        if (n > 0) c->sent += n;
        if (c->sent == request_len) {
            struct epoll_event ev = {.events = EPOLLIN, .data.ptr = c};
            epoll_ctl(epfd, EPOLL_CTL_MOD, c->fd, &ev);
        }
        return;
    }
    if (!(events & (EPOLLIN | EPOLLHUP | EPOLLERR))) return;
    int at_eof = 0;
    for (;;) {
        if (c->cap - c->len < 65536) {
            c->cap = c->cap * 2 + 65536;
            c->buf = realloc(c->buf, c->cap);
        }
        ssize_t n = recv(c->fd, c->buf + c->len, c->cap - c->len - 1, 0);
        if (n > 0) { c->len += n; continue; }
        if (n == 0) at_eof = 1;
        else if (errno != EAGAIN) at_eof = 1;
        break;
    }
    int status, keep;
    char *body;
    size_t body_len;
    int whole = complete(c, at_eof, &status, &keep, &body, &body_len);
    if (!whole) {
        if (at_eof) {
            note_error("IncompleteRead");
            close_conn(c);
            ramp_up(c, stop_at, active);
            if (!start(c, stop_at)) (*active)--;
        }
        return;
    }
    finished(c, status, body, body_len);
    if (whole == 2) free(body);
    ramp_up(c, stop_at, active);
    if (!keep || at_eof) close_conn(c);
    if (!start(c, stop_at)) (*active)--;
}

int main(int argc, char **argv) {
    const char *url = NULL, *body_file = NULL;
    char headers[4096] = "";
    int clients = 16;
    double seconds = 5;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--url")) url = argv[i + 1];
        else if (!strcmp(argv[i], "--body-file")) body_file = argv[i + 1];
        else if (!strcmp(argv[i], "--clients")) clients = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--seconds")) seconds = atof(argv[i + 1]);
        else if (!strcmp(argv[i], "--max-requests")) budget = atol(argv[i + 1]);
        else if (!strcmp(argv[i], "--expect")) expect = argv[i + 1];
        else if (!strcmp(argv[i], "--header")) {
            strncat(headers, argv[i + 1], sizeof headers - strlen(headers) - 3);
            strcat(headers, "\r\n");
        } else { fprintf(stderr, "unknown option %s\n", argv[i]); return 2; }
    }
    int port;
    char path[1024] = "/";
    if (!url || !body_file || sscanf(url, "http://127.0.0.1:%d%1023s", &port, path) < 1) {
        fprintf(stderr, "usage: load --url http://127.0.0.1:PORT/path --body-file FILE [options]\n");
        return 2;
    }
    if (seconds > 60) seconds = 60;
    size_t body_len;
    char *body = read_file(body_file, &body_len);
    request = malloc(body_len + 8192);
    request_len = snprintf(request, 8192, "POST %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Length: %zu\r\n%s\r\n",
                           path, port, body_len, headers);
    memcpy(request + request_len, body, body_len);
    request_len += body_len;

    target_port(port);
    epfd = epoll_create1(0);
    conns = calloc(clients, sizeof *conns);
    n_clients = clients;
    double began = now(), stop_at = began + seconds;
    int active = 0;
    for (int i = 0; i < clients; i++) conns[i].fd = -1;
    n_started = 1;
    if (start(&conns[0], stop_at)) active++;
    struct epoll_event events[256];
    while (active > 0) {
        int n = epoll_wait(epfd, events, 256, 100);
        for (int i = 0; i < n; i++) on_ready(events[i].data.ptr, events[i].events, stop_at, &active);
    }
    double elapsed = now() - began;
    print_summary(elapsed);
    return 0;
}
