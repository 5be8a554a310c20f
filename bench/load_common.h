/* What bench/load.c (HTTP) and bench/ws_load.c (WebSocket) share: the clock, errors, the latencies of good
 * answers and the JSON summary both print, the target address (127.0.0.1 only) and reading the request file.
 * Included by both (static functions: each tool is one translation unit). */
#ifndef LOAD_COMMON_H
#define LOAD_COMMON_H
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static struct sockaddr_in addr;
static double *latencies;
static size_t n_lat, cap_lat;
static long errors, budget = 200000;
static char error_sample[256];

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void fail(const char *what) { perror(what); exit(2); }

static void note_error(const char *what) {
    errors++;
    if (!error_sample[0]) snprintf(error_sample, sizeof error_sample, "%s", what);
}

/* A good answer to a request sent at `began`. */
static void note_good(double began) {
    if (n_lat == cap_lat) {
        cap_lat = cap_lat ? cap_lat * 2 : 65536;
        latencies = realloc(latencies, cap_lat * sizeof *latencies);
        if (!latencies) fail("realloc");
    }
    latencies[n_lat++] = now() - began;
}

static void target_port(int port) {
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
}

static char *read_file(const char *name, size_t *len) {
    FILE *f = fopen(name, "rb");
    if (!f) fail(name);
    fseek(f, 0, SEEK_END);
    *len = ftell(f);
    rewind(f);
    char *data = malloc(*len + 1);
    if (fread(data, 1, *len, f) != *len) fail(name);
    fclose(f);
    data[*len] = 0;
    return data;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double percentile(double q) {
    if (!n_lat) return -1;
    long i = (long)(q * (n_lat - 1) + 0.5);
    return latencies[i < 0 ? 0 : (size_t)i >= n_lat ? n_lat - 1 : (size_t)i] * 1000;
}

/* The one JSON object both tools print: requests, good, errors, error_sample, seconds, per_second, p50/p99. */
static void print_summary(double elapsed) {
    qsort(latencies, n_lat, sizeof *latencies, cmp_double);
    printf("{\"requests\": %ld, \"good\": %zu, \"errors\": %ld, \"error_sample\": [%s%s%s], \"seconds\": %.6f, "
           "\"per_second\": %.3f, \"p50_ms\": %.4f, \"p99_ms\": %.4f}\n",
           (long)n_lat + errors, n_lat, errors, error_sample[0] ? "\"" : "", error_sample, error_sample[0] ? "\"" : "",
           elapsed, n_lat / elapsed, percentile(0.5), percentile(0.99));
}
#endif
