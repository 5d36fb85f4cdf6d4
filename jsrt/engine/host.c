// The WebFunctions JavaScript engine: QuickJS-NG plus this host, built for
// wasm32-wasi by scripts/build-js-engine. It is a WAGI reactor like a Go
// function built with package guest: the sandbox calls _initialize once
// and snapshots the instance, then calls wf_http for each request on an
// instance reset to that snapshot, with the CGI environment and the
// request body on stdin.
//
// _initialize (the constructor init below) creates the QuickJS runtime and
// context and evaluates workers.js (the Workers API surface, compiled in as
// bytecode). If its stdin holds a prelude (jsrt.Prelude),
//
//   "WFJS1\n" u32le(len script) script u32le(len env) envJSON
//
// it also evaluates the script as an ES module, so the snapshot holds the
// worker ready to serve and a request pays only for its handler
// (jsrt.Module, sandbox.Derive). Without one, each request's stdin starts
// with the prelude, before the body, and the worker is evaluated per
// request. wf_http calls the default export's fetch(request, env, ctx) and
// writes the Response as a CGI response on stdout. console goes to stderr,
// the invocation's log. quickjs-libc (std, os, files) is not linked: the
// only ways out are the few functions below.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <wasi/api.h>

#include "quickjs.h"
#include "workers_bc.h" // workers_bc, workers_bc_len: workers.js compiled by compile.c

static uint8_t *input;      // all of stdin
static size_t input_len;
static JSRuntime *rt;
static JSContext *ctx;
static JSValue host;        // __wf_host, which workers.js keeps: env is set on it
static JSValue ns;          // the worker's module namespace, once evaluated
static int loaded;          // the worker was evaluated by _initialize
static int initializing;    // in _initialize: errors are kept, not answered
static char *init_error;    // why the worker failed to evaluate in _initialize
static const uint8_t *body; // the request body inside input
static size_t body_len;
static void serve_setup(void);
// What workers.js hands the host for serving requests (host.serve).
static JSValue fn_incoming, fn_make_headers, fn_href, fn_head, fn_uncaught, fn_tick, fn_env, worker_ctx;
// env_ready is the worker's env when no request adds to it, made once the
// worker is loaded in _initialize (host.serve.env), so in the snapshot.
static JSValue env_ready = JS_UNDEFINED;

#ifdef WF_TIMING
// A timing build (not the engine's): each request logs how long its parts
// took, for profiling.
static uint64_t tnow(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}
static uint64_t tmark[12];
static int tn;
#define T() (tmark[tn++] = tnow())
static JSValue js_now(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    return JS_NewFloat64(ctx, (double)tnow() / 1000.0);
}
static void tdump(void) {
    char b[256];
    int o = snprintf(b, sizeof b, "wf-timing:");
    for (int i = 1; i < tn; i++) o += snprintf(b + o, sizeof b - o, " %llu", (unsigned long long)(tmark[i] - tmark[i - 1]));
    snprintf(b + o, sizeof b - o, "\n");
    fputs(b, stderr);
}
#else
#define T()
#define tdump()
#endif

static void die(const char *msg) {
    fprintf(stderr, "wf-js: %s\n", msg);
    exit(1);
}

static void read_stdin(void) {
    size_t cap = 1 << 16;
    input_len = 0;
    input = malloc(cap);
    if (!input) die("out of memory");
    for (;;) {
        if (input_len == cap) {
            cap *= 2;
            input = realloc(input, cap);
            if (!input) die("out of memory");
        }
        ssize_t n = read(0, input + input_len, cap - input_len);
        if (n < 0) die("read stdin");
        if (n == 0) break;
        input_len += (size_t)n;
    }
}

static uint32_t u32le(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

// take returns the next length-prefixed field of the prelude.
static const uint8_t *take(size_t *off, size_t *len) {
    if (input_len - *off < 4) die("prelude is truncated");
    uint32_t n = u32le(input + *off);
    *off += 4;
    if (input_len - *off < n) die("prelude is truncated");
    const uint8_t *p = input + *off;
    *off += n;
    *len = n;
    return p;
}

static int write_all(int fd, const uint8_t *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w <= 0) return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

// bytes_of returns the bytes of a string, ArrayBuffer or typed array.
static const uint8_t *bytes_of(JSContext *ctx, JSValueConst v, size_t *n, const char **str) {
    *str = NULL;
    if (JS_IsString(v)) {
        *str = JS_ToCStringLen(ctx, n, v);
        return (const uint8_t *)*str;
    }
    uint8_t *p = JS_GetUint8Array(ctx, n, v);
    if (p) return p;
    JS_FreeValue(ctx, JS_GetException(ctx));
    p = JS_GetArrayBuffer(ctx, n, v);
    if (p) return p;
    return NULL;
}

static JSValue js_write(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv, int fd) {
    size_t n;
    const char *str;
    const uint8_t *p = bytes_of(ctx, argv[0], &n, &str);
    if (!p) return JS_EXCEPTION;
    int err = write_all(fd, p, n);
    if (str) JS_FreeCString(ctx, str);
    if (err) return JS_ThrowInternalError(ctx, "write failed");
    return JS_UNDEFINED;
}

static JSValue js_out(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    return js_write(ctx, this_val, argc, argv, 1);
}

static JSValue js_log(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    return js_write(ctx, this_val, argc, argv, 2);
}

static JSValue js_body(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    return JS_NewArrayBufferCopy(ctx, body, body_len);
}

// random fills a Uint8Array from WASI random_get (crypto/rand on the host).
static JSValue js_random(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    size_t n;
    uint8_t *p = JS_GetUint8Array(ctx, &n, argv[0]);
    if (!p) return JS_EXCEPTION;
    for (size_t off = 0; off < n; off += 256) {
        size_t k = n - off < 256 ? n - off : 256;
        if (getentropy(p + off, k) != 0) return JS_ThrowInternalError(ctx, "no randomness");
    }
    return JS_UNDEFINED;
}

// sleep waits for timers; the sandbox wakes it at the deadline.
static JSValue js_sleep(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    double ms;
    if (JS_ToFloat64(ctx, &ms, argv[0])) return JS_EXCEPTION;
    if (ms > 0) {
        struct timespec ts = {(time_t)(ms / 1000), (long)((ms - (double)(time_t)(ms / 1000) * 1000) * 1e6)};
        nanosleep(&ts, NULL);
    }
    return JS_UNDEFINED;
}

// utf8_sanitize copies p[0:n] to out, each maximal ill-formed subpart
// replaced by U+FFFD as the Encoding Standard's UTF-8 decoder does (one
// U+FFFD for a truncated sequence, not one per byte); out holds 3n bytes.
static size_t utf8_sanitize(const uint8_t *p, size_t n, uint8_t *out) {
    size_t i = 0, o = 0;
    while (i < n) {
        uint8_t b = p[i];
        if (b < 0x80) {
            out[o++] = b;
            i++;
            continue;
        }
        int need = 0;
        uint8_t lower = 0x80, upper = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) need = 1;
        else if (b >= 0xE0 && b <= 0xEF) {
            need = 2;
            if (b == 0xE0) lower = 0xA0;
            if (b == 0xED) upper = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            need = 3;
            if (b == 0xF0) lower = 0x90;
            if (b == 0xF4) upper = 0x8F;
        }
        size_t j = i + 1;
        int k = 0;
        while (k < need && j < n && p[j] >= lower && p[j] <= upper) {
            lower = 0x80, upper = 0xBF;
            j++, k++;
        }
        if (need > 0 && k == need) {
            memcpy(out + o, p + i, j - i);
            o += j - i;
        } else {
            out[o++] = 0xEF, out[o++] = 0xBF, out[o++] = 0xBD;
        }
        i = j; // the byte that broke a sequence starts the next one
    }
    return o;
}

// utf8 decodes bytes to a string as TextDecoder does (invalid sequences
// become U+FFFD).
static JSValue js_utf8(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    size_t n;
    const char *str;
    const uint8_t *p = bytes_of(ctx, argv[0], &n, &str);
    if (!p) return JS_EXCEPTION;
    JSValue v;
    uint8_t *out = n <= SIZE_MAX / 3 ? malloc(3 * n + 1) : NULL;
    if (!out) v = JS_ThrowRangeError(ctx, "utf8: %zu bytes is too long", n);
    else {
        v = JS_NewStringLen(ctx, (const char *)out, utf8_sanitize(p, n, out));
        free(out);
    }
    if (str) JS_FreeCString(ctx, str);
    return v;
}

// encode returns a string's UTF-8 bytes as a Uint8Array.
static JSValue js_encode(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    size_t n;
    const char *s = JS_ToCStringLen(ctx, &n, argv[0]);
    if (!s) return JS_EXCEPTION;
    JSValue v = JS_NewUint8ArrayCopy(ctx, (const uint8_t *)s, n);
    JS_FreeCString(ctx, s);
    return v;
}

// The request's CGI variables, read from WASI by read_cgi at the start of
// each request and kept (in C memory) while it runs.
static char **cgi_vars;
static __wasi_size_t cgi_count;

static void read_cgi(void) {
    __wasi_size_t size;
    if (__wasi_environ_sizes_get(&cgi_count, &size) != 0) die("no environment");
    cgi_vars = malloc((cgi_count + 1) * sizeof *cgi_vars);
    char *buf = malloc(size + 1);
    if (!cgi_vars || !buf) die("out of memory");
    if (__wasi_environ_get((uint8_t **)cgi_vars, (uint8_t *)buf) != 0) die("no environment");
}

// cgi_get returns the value of CGI variable name, or "" when there is none.
static const char *cgi_get(const char *name) {
    size_t n = strlen(name);
    for (__wasi_size_t i = 0; i < cgi_count; i++)
        if (strncmp(cgi_vars[i], name, n) == 0 && cgi_vars[i][n] == '=') return cgi_vars[i] + n + 1;
    return "";
}

static const char *or(const char *a, const char *b) { return *a ? a : b; }

// js_req_headers returns the request's header fields, from its HTTP_*
// variables (HTTP_USER_AGENT is user-agent) as [name, value, ...], and
// its CONTENT_TYPE: Headers._incoming makes the incoming request's headers
// from them when the worker first asks for them.
static JSValue js_req_headers(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    JSValue a = JS_NewArray(ctx);
    uint32_t k = 0;
    char name[256];
    for (__wasi_size_t i = 0; i < cgi_count; i++) {
        const char *v = cgi_vars[i], *eq = strchr(v, '=');
        if (!eq || strncmp(v, "HTTP_", 5) != 0) continue;
        size_t n = (size_t)(eq - v) - 5;
        char *nm = n < sizeof name ? name : malloc(n);
        if (!nm) die("out of memory");
        for (size_t j = 0; j < n; j++) {
            char c = v[5 + j];
            nm[j] = c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        }
        JS_SetPropertyUint32(ctx, a, k++, JS_NewStringLen(ctx, nm, n));
        JS_SetPropertyUint32(ctx, a, k++, JS_NewString(ctx, eq + 1));
        if (nm != name) free(nm);
    }
    JSValue r[2] = {a, JS_NewString(ctx, cgi_get("CONTENT_TYPE"))};
    return JS_NewArrayFrom(ctx, 2, r);
}

// js_cred_vars returns what the caller proved (a credential's disclosed
// attributes, a CI job's claims: the WF_CRED_* and WF_CI_* variables) as
// [name, value, ...], for the worker's env.
static JSValue js_cred_vars(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    JSValue a = JS_NewArray(ctx);
    uint32_t k = 0;
    for (__wasi_size_t i = 0; i < cgi_count; i++) {
        const char *v = cgi_vars[i], *eq = strchr(v, '=');
        if (!eq || (strncmp(v, "WF_CRED_", 8) != 0 && strncmp(v, "WF_CI_", 6) != 0)) continue;
        JS_SetPropertyUint32(ctx, a, k++, JS_NewStringLen(ctx, v, (size_t)(eq - v)));
        JS_SetPropertyUint32(ctx, a, k++, JS_NewString(ctx, eq + 1));
    }
    return a;
}

// url_atoms name the parts of a parsed URL (workers.js, parseURL), made
// once, in setup.
enum { U_PROTOCOL, U_USERNAME, U_PASSWORD, U_HOSTNAME, U_PORT, U_PATH, U_QUERY, U_FRAGMENT, U_OPAQUE, U_N };
static const char *const url_names[U_N] = {"protocol", "username", "password", "hostname", "port", "path", "query", "fragment", "opaque"};
static JSAtom url_atoms[U_N];
static JSAtom atom_script_name, atom_url; // ctx.wf's

static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_lower_alnum(int c) { return (c >= 'a' && c <= 'z') || is_digit(c); }

// in_set reports whether c is one of the characters chars lists.
static int in_set(int c, const char *chars) { return c != 0 && strchr(chars, c) != NULL; }

// Printable ASCII that no WHATWG percent-encode set encodes in a special
// URL's path, and in its query.
static const char path_chars[] = "!$&'()*+,-./:;=@[]^_|~%";
static const char query_chars[] = "!$%&()*+,-./:;=?@[]^_`{|}~";

// canonical_ipv4 reports whether h[0:n] is four dotted decimals 0-255
// without leading zeros.
static int canonical_ipv4(const char *h, size_t n) {
    int parts = 0;
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        int v = 0;
        while (j < n && is_digit(h[j])) v = v * 10 + (h[j++] - '0');
        size_t len = j - i;
        if (len == 0 || len > 3 || (len > 1 && h[i] == '0') || v > 255) return 0;
        parts++;
        if (j == n) break;
        if (h[j] != '.') return 0;
        i = j + 1;
        if (i == n) return 0;
    }
    return parts == 4;
}

// numeric_label reports whether the last label of h[0:n] is a number
// (0x-hex, possibly empty, or decimal): the WHATWG parser then reads the
// host as IPv4.
static int numeric_label(const char *h, size_t n) {
    size_t i = n;
    while (i > 0 && h[i - 1] != '.') i--;
    const char *l = h + i;
    size_t ln = n - i;
    if (ln >= 2 && l[0] == '0' && l[1] == 'x') {
        for (size_t k = 2; k < ln; k++)
            if (!is_digit(l[k]) && !(l[k] >= 'a' && l[k] <= 'f')) return 0;
        return 1;
    }
    if (ln == 0) return 0;
    for (size_t k = 0; k < ln; k++)
        if (!is_digit(l[k])) return 0;
    return 1;
}

// url_parts are the parts of a URL simple_url took, as offsets into it.
struct url_parts {
    int https;
    size_t h0, h1;  // the host name
    char port[8];   // "" for none or the scheme's default
    size_t p0, p1;  // the path; empty means "/"
    int has_query;
    size_t q0;      // the query runs from q0 to the end
};

// simple_url takes an absolute http(s) URL whose parts need no work of
// the general WHATWG parser: a lower-case ASCII host name (or canonical
// IPv4 address), an optional port, and a path and query of printable ASCII
// that no set encodes, with no dot segment, '%2' (a possible encoded dot),
// backslash or fragment. It returns 0 for every other input, which
// workers.js then parses in full. TestURLFastPath holds it to the general
// parser.
static int simple_url(const char *s, size_t n, struct url_parts *u) {
    size_t i;
    if (n >= 7 && memcmp(s, "http://", 7) == 0) i = 7, u->https = 0;
    else if (n >= 8 && memcmp(s, "https://", 8) == 0) i = 8, u->https = 1;
    else return 0;
    // The host: labels of [a-z0-9-], separated by single dots.
    u->h0 = i;
    for (;;) {
        size_t l0 = i;
        while (i < n && (is_lower_alnum(s[i]) || s[i] == '-')) i++;
        if (i == l0) return 0;
        if (i < n && s[i] == '.') {
            i++;
            continue;
        }
        break;
    }
    u->h1 = i;
    if (numeric_label(s + u->h0, u->h1 - u->h0) && !canonical_ipv4(s + u->h0, u->h1 - u->h0)) return 0;
    // The port: 1-5 digits, at most 65535, the scheme's default dropped.
    u->port[0] = 0;
    if (i < n && s[i] == ':') {
        size_t p0 = ++i;
        long v = 0;
        while (i < n && is_digit(s[i]) && i - p0 < 5) v = v * 10 + (s[i++] - '0');
        if (i == p0 || v > 65535 || (i < n && is_digit(s[i]))) return 0;
        if (v != (u->https ? 443 : 80)) snprintf(u->port, sizeof u->port, "%ld", v);
    }
    u->p0 = i;
    if (i < n && s[i] == '/') {
        while (i < n && (is_lower_alnum(s[i]) || (s[i] >= 'A' && s[i] <= 'Z') || in_set(s[i], path_chars))) {
            // "." and ".." segments, and '%2' (maybe an encoded dot), are
            // the general parser's.
            if ((s[i] == '/' && i + 1 < n && s[i + 1] == '.') || (s[i] == '%' && i + 1 < n && s[i + 1] == '2')) return 0;
            i++;
        }
    }
    u->p1 = i;
    u->has_query = 0;
    if (i < n && s[i] == '?') {
        u->has_query = 1;
        u->q0 = ++i;
        while (i < n && (is_lower_alnum(s[i]) || (s[i] >= 'A' && s[i] <= 'Z') || in_set(s[i], query_chars))) i++;
    }
    return i == n;
}

// js_simple_url is host.simpleURL: simple_url's parts as workers.js's
// parseURL returns them, or null.
static JSValue js_simple_url(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    if (!JS_IsString(argv[0])) return JS_NULL;
    size_t n;
    const char *s = JS_ToCStringLen(ctx, &n, argv[0]);
    if (!s) return JS_EXCEPTION;
    struct url_parts u;
    JSValue out = JS_NULL;
    if (simple_url(s, n, &u)) {
        out = JS_NewObject(ctx);
        JSValue v[U_N] = {
            JS_NewString(ctx, u.https ? "https:" : "http:"),
            JS_NewString(ctx, ""),
            JS_NewString(ctx, ""),
            JS_NewStringLen(ctx, s + u.h0, u.h1 - u.h0),
            JS_NewString(ctx, u.port),
            u.p1 > u.p0 ? JS_NewStringLen(ctx, s + u.p0, u.p1 - u.p0) : JS_NewString(ctx, "/"),
            u.has_query ? JS_NewStringLen(ctx, s + u.q0, n - u.q0) : JS_NULL,
            JS_NULL,
            JS_FALSE,
        };
        for (int k = 0; k < U_N; k++) JS_DefinePropertyValue(ctx, out, url_atoms[k], v[k], JS_PROP_C_W_E);
    }
    JS_FreeCString(ctx, s);
    return out;
}

// simple_href writes the href of s, a URL simple_url took, to out (at
// least n + 1 bytes) and returns its length.
static size_t simple_href(const char *s, size_t n, const struct url_parts *u, char *out) {
    char *o = out;
    memcpy(o, s, u->h1), o += u->h1; // scheme and host
    if (u->port[0]) *o++ = ':', memcpy(o, u->port, strlen(u->port)), o += strlen(u->port);
    if (u->p1 > u->p0) memcpy(o, s + u->p0, u->p1 - u->p0), o += u->p1 - u->p0;
    else *o++ = '/';
    if (u->has_query) *o++ = '?', memcpy(o, s + u->q0, n - u->q0), o += n - u->q0;
    return (size_t)(o - out);
}

// js_form_pairs is host.formPairs: the name-value pairs of a query or form
// body s (no leading '?') that needs no decoding (ASCII, no '%' or '+'),
// as [[name, value], ...], or null for workers.js to decode.
static JSValue js_form_pairs(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    size_t n;
    const char *s = JS_ToCStringLen(ctx, &n, argv[0]);
    if (!s) return JS_EXCEPTION;
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)s[i] >= 0x80 || s[i] == '%' || s[i] == '+') {
            JS_FreeCString(ctx, s);
            return JS_NULL;
        }
    }
    JSValue a = JS_NewArray(ctx);
    uint32_t k = 0;
    for (size_t i = 0; i <= n;) {
        const char *amp = memchr(s + i, '&', n - i);
        size_t end = amp ? (size_t)(amp - s) : n;
        if (end > i) {
            const char *eq = memchr(s + i, '=', end - i);
            JSValue kv[2];
            if (eq) {
                kv[0] = JS_NewStringLen(ctx, s + i, (size_t)(eq - (s + i)));
                kv[1] = JS_NewStringLen(ctx, eq + 1, end - (size_t)(eq + 1 - s));
            } else {
                kv[0] = JS_NewStringLen(ctx, s + i, end - i);
                kv[1] = JS_NewString(ctx, "");
            }
            JS_SetPropertyUint32(ctx, a, k++, JS_NewArrayFrom(ctx, 2, kv));
        }
        i = end + 1;
    }
    JS_FreeCString(ctx, s);
    return a;
}

// token_char: the characters of an HTTP token (a header name).
static int token_char(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || in_set(c, "!#$%&'*+-.^_`|~");
}

static int http_ws(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// js_header_fields is host.headerFields: a record's header fields (new
// Headers({...}): its own enumerable string keys in order) as [lower-case
// name, value, ...], each value a string with leading and trailing HTTP
// whitespace removed, throwing the TypeErrors Headers.append would. null
// when a value with non-ASCII characters needs trimming: workers.js does
// that one.
static JSValue js_header_fields(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    JSPropertyEnum *props;
    uint32_t count;
    if (JS_GetOwnPropertyNames(ctx, &props, &count, argv[0], JS_GPN_STRING_MASK | JS_GPN_ENUM_ONLY) < 0) return JS_EXCEPTION;
    JSValue out = JS_NewArray(ctx);
    uint32_t k = 0;
    for (uint32_t i = 0; i < count; i++) {
        JSValue v = JS_GetProperty(ctx, argv[0], props[i].atom);
        if (JS_IsException(v)) goto fail;
        JSValue vs = JS_ToString(ctx, v);
        JS_FreeValue(ctx, v);
        if (JS_IsException(vs)) goto fail;
        size_t vn;
        const char *val = JS_ToCStringLen(ctx, &vn, vs);
        if (!val) {
            JS_FreeValue(ctx, vs);
            goto fail;
        }
        size_t a = 0, b = vn;
        while (a < b && http_ws(val[a])) a++;
        while (b > a && http_ws(val[b - 1])) b--;
        int ascii = 1;
        for (size_t j = 0; j < vn; j++)
            if ((unsigned char)val[j] >= 0x80) ascii = 0;
        if ((a > 0 || b < vn) && !ascii) {
            JS_FreeCString(ctx, val);
            JS_FreeValue(ctx, vs);
            JS_FreeValue(ctx, out);
            JS_FreePropertyEnum(ctx, props, count);
            return JS_NULL;
        }
        size_t nn;
        JSValue ns_ = JS_AtomToString(ctx, props[i].atom);
        const char *name = JS_IsException(ns_) ? NULL : JS_ToCStringLen(ctx, &nn, ns_);
        JS_FreeValue(ctx, ns_);
        if (!name) {
            JS_FreeCString(ctx, val);
            JS_FreeValue(ctx, vs);
            goto fail;
        }
        int ok = nn > 0;
        for (size_t j = 0; j < nn && ok; j++) ok = token_char(name[j]);
        if (!ok) {
            JS_ThrowTypeError(ctx, "Invalid header name: %s", name);
        } else {
            for (size_t j = a; j < b && ok; j++) ok = val[j] != '\n' && val[j] != '\r' && val[j] != 0;
            if (!ok) JS_ThrowTypeError(ctx, "Invalid header value.");
        }
        if (ok) {
            char lower[64], *l = nn < sizeof lower ? lower : malloc(nn);
            if (!l) die("out of memory");
            for (size_t j = 0; j < nn; j++) l[j] = (name[j] >= 'A' && name[j] <= 'Z') ? (char)(name[j] + 32) : name[j];
            JS_SetPropertyUint32(ctx, out, k++, JS_NewStringLen(ctx, l, nn));
            if (l != lower) free(l);
            JS_SetPropertyUint32(ctx, out, k++, (a > 0 || b < vn) ? JS_NewStringLen(ctx, val + a, b - a) : JS_DupValue(ctx, vs));
        }
        JS_FreeCString(ctx, name);
        JS_FreeCString(ctx, val);
        JS_FreeValue(ctx, vs);
        if (!ok) goto fail;
    }
    JS_FreePropertyEnum(ctx, props, count);
    return out;
fail:
    JS_FreeValue(ctx, out);
    JS_FreePropertyEnum(ctx, props, count);
    return JS_EXCEPTION;
}

// js_wf_info is host.wfInfo, ctx.wf: the function's prefix (scriptName,
// "/<cid>") and the request's full URL.
static JSValue js_wf_info(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    JSValue wf = JS_NewObject(ctx);
    JS_DefinePropertyValue(ctx, wf, atom_script_name, JS_NewString(ctx, cgi_get("SCRIPT_NAME")), JS_PROP_C_W_E);
    JS_DefinePropertyValue(ctx, wf, atom_url, JS_NewString(ctx, or(cgi_get("X_FULL_URL"), "http://localhost/")), JS_PROP_C_W_E);
    return wf;
}

// Math.random's state is the host's, seeded from WASI random_get at each
// request that uses it (the snapshot's state is 0): QuickJS seeds its own
// once, when the context is made, so every request from one snapshot would
// draw the same numbers.
static uint64_t random_state;

static void seed_random(void);

static JSValue js_math_random(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    if (random_state == 0) seed_random(); // the first call of a request
    uint64_t x = random_state; // xorshift64*, as QuickJS
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    random_state = x;
    union { double d; uint64_t u; } u;
    u.u = ((x * 0x2545F4914F6CDD1DULL) >> 12) | ((uint64_t)1023 << 52);
    return JS_NewFloat64(ctx, u.d - 1.0);
}

static void seed_random(void) {
    do {
        if (getentropy(&random_state, sizeof random_state) != 0) die("no randomness");
    } while (random_state == 0);
}

static const JSCFunctionListEntry host_funcs[] = {
    JS_CFUNC_DEF("reqHeaders", 0, js_req_headers),
    JS_CFUNC_DEF("simpleURL", 1, js_simple_url),
    JS_CFUNC_DEF("formPairs", 1, js_form_pairs),
    JS_CFUNC_DEF("headerFields", 1, js_header_fields),
    JS_CFUNC_DEF("wfInfo", 0, js_wf_info),
    JS_CFUNC_DEF("credVars", 0, js_cred_vars),
    JS_CFUNC_DEF("out", 1, js_out),
    JS_CFUNC_DEF("log", 1, js_log),
    JS_CFUNC_DEF("body", 0, js_body),
    JS_CFUNC_DEF("random", 1, js_random),
    JS_CFUNC_DEF("sleep", 1, js_sleep),
    JS_CFUNC_DEF("utf8", 1, js_utf8),
    JS_CFUNC_DEF("encode", 1, js_encode),
};

static JSModuleDef *no_imports(JSContext *ctx, const char *name, void *opaque) {
    JS_ThrowReferenceError(ctx, "cannot import '%s': bundle the worker (wf build) so it has no imports", name);
    return NULL;
}

// describe returns the pending exception as the log lines workerd writes
// for an uncaught error.
static char *describe(const char *where) {
    JSValue e = JS_GetException(ctx);
    const char *msg = JS_ToCString(ctx, e);
    const char *stack = NULL;
    JSValue st = JS_UNDEFINED;
    if (JS_IsObject(e)) {
        st = JS_GetPropertyStr(ctx, e, "stack");
        if (JS_IsString(st)) stack = JS_ToCString(ctx, st);
    }
    const char *m = msg ? msg : "exception", *s = stack ? stack : "";
    size_t n = strlen(where) + strlen(m) + strlen(s) + 16;
    char *out = malloc(n);
    if (!out) die("out of memory");
    snprintf(out, n, "Uncaught (%s) %s\n%s", where, m, s);
    if (msg) JS_FreeCString(ctx, msg);
    if (stack) JS_FreeCString(ctx, stack);
    JS_FreeValue(ctx, st);
    JS_FreeValue(ctx, e);
    return out;
}

static void answer_500(const char *log) {
    fputs(log, stderr);
    fflush(stderr);
    static const char resp[] = "Status: 500\n\nInternal Server Error";
    write_all(1, (const uint8_t *)resp, sizeof resp - 1);
}

// fail handles the pending exception: in a request it is logged and
// answered with 500, as workerd does for an uncaught error; in _initialize
// it is kept, and every request answers so.
static int fail(const char *where) {
    char *log = describe(where);
    if (initializing) {
        init_error = log;
        return -1;
    }
    answer_500(log);
    exit(0);
}

// drain runs promise jobs until none is left.
static int drain(void) {
    JSContext *c;
    for (;;) {
        int r = JS_ExecutePendingJob(rt, &c);
        if (r == 0) return 0;
        if (r < 0) return fail("in promise job");
    }
}

// setup makes the runtime and context and evaluates workers.js.
static void setup(void) {
    rt = JS_NewRuntime();
    if (!rt) die("out of memory");
    // The sandbox bounds memory and time; this keeps deep recursion a
    // RangeError instead of a trap (the wasm stack is 1 MiB, see the build).
    JS_SetMaxStackSize(rt, 768 << 10);
    JS_SetModuleLoaderFunc(rt, NULL, no_imports, NULL);
    ctx = JS_NewContext(rt);
    if (!ctx) die("out of memory");
    for (int i = 0; i < U_N; i++) url_atoms[i] = JS_NewAtom(ctx, url_names[i]);
    atom_script_name = JS_NewAtom(ctx, "scriptName");
    atom_url = JS_NewAtom(ctx, "url");

    JSValue global = JS_GetGlobalObject(ctx);
    host = JS_NewObject(ctx);
    JS_SetPropertyFunctionList(ctx, host, host_funcs, sizeof host_funcs / sizeof host_funcs[0]);
    JS_SetPropertyStr(ctx, host, "env", JS_NewObject(ctx));
    JS_SetPropertyStr(ctx, global, "__wf_host", JS_DupValue(ctx, host));
    JSValue math = JS_GetPropertyStr(ctx, global, "Math");
    JS_DefinePropertyValueStr(ctx, math, "random", JS_NewCFunction(ctx, js_math_random, "random", 0), JS_PROP_WRITABLE | JS_PROP_CONFIGURABLE);
    JS_FreeValue(ctx, math);
    JS_FreeValue(ctx, global);

#ifdef WF_TIMING
    {
        JSValue g = JS_GetGlobalObject(ctx);
        JS_SetPropertyStr(ctx, g, "__now", JS_NewCFunction(ctx, js_now, "__now", 0));
        JS_FreeValue(ctx, g);
    }
#endif
    JSValue v = JS_ReadObject(ctx, workers_bc, workers_bc_len, JS_READ_OBJ_BYTECODE);
    if (!JS_IsException(v)) v = JS_EvalFunction(ctx, v);
    if (JS_IsException(v)) {
        initializing = 0; // a broken engine: every request says so
        fail("in workers.js");
    }
    JS_FreeValue(ctx, v);
    serve_setup();
}

// load reads the prelude at input[*off:] and evaluates the worker; on
// return *off is past the prelude. -1 when the worker failed (fail).
static int load(size_t *off) {
    static const char magic[] = "WFJS1\n";
    if (input_len < sizeof magic - 1 || memcmp(input, magic, sizeof magic - 1) != 0)
        die("stdin does not start with the WFJS1 prelude: this module runs only as a provider's js runtime");
    *off = sizeof magic - 1;
    size_t script_len, env_len;
    const uint8_t *script = take(off, &script_len);
    const uint8_t *envjson = take(off, &env_len);

    // QuickJS's parsers read up to a NUL, whatever the length: copy the
    // env JSON out of stdin (the body may follow it) and terminate it.
    char *ej = malloc(env_len + 1);
    if (!ej) die("out of memory");
    memcpy(ej, envjson, env_len);
    ej[env_len] = 0;
    JSValue envv = JS_ParseJSON(ctx, ej, env_len, "env");
    free(ej);
    if (JS_IsException(envv)) return fail("reading env");
    JS_SetPropertyStr(ctx, host, "env", envv);

    // JS_Eval wants a NUL-terminated source too.
    char *src = malloc(script_len + 1);
    if (!src) die("out of memory");
    memcpy(src, script, script_len);
    src[script_len] = 0;
    JSValue mod = JS_Eval(ctx, src, script_len, "worker.js", JS_EVAL_TYPE_MODULE | JS_EVAL_FLAG_COMPILE_ONLY);
    free(src);
    if (JS_IsException(mod)) return fail("compiling the worker");
    JSModuleDef *m = JS_VALUE_GET_PTR(mod);
    JSValue done = JS_EvalFunction(ctx, mod);
    if (JS_IsException(done)) return fail("evaluating the worker");
    if (drain()) return -1;
    if (JS_IsPromise(done) && JS_PromiseState(ctx, done) == JS_PROMISE_REJECTED) {
        JS_Throw(ctx, JS_PromiseResult(ctx, done));
        return fail("evaluating the worker");
    }
    JS_FreeValue(ctx, done);
    ns = JS_GetModuleNamespace(ctx, m);
    if (JS_IsException(ns)) return fail("reading the worker's exports");
    return 0;
}

// gc_room is what a request may allocate before QuickJS collects.
static const size_t gc_room = 2 << 20;

// init runs in _initialize (wasi-libc's reactor start calls constructors).
__attribute__((constructor)) static void init(void) {
    initializing = 1;
    setup();
    read_stdin();
    size_t off;
    if (input_len > 0 && load(&off) == 0) {
        loaded = 1;
        env_ready = JS_Call(ctx, fn_env, JS_UNDEFINED, 0, NULL);
        if (JS_IsException(env_ready)) die("workers.js could not make the env");
    }
    initializing = 0;
    // Collect now and leave room before the next collection: every request
    // starts from this state, and with the threshold QuickJS left (half
    // again the heap after its last collection, which may be just above
    // it) each one could run a full collection over the whole heap, the
    // Workers surface included, writing every page of it. A request that
    // allocates more than gc_room still collects as usual.
    JS_RunGC(rt);
    JSMemoryUsage mu;
    JS_ComputeMemoryUsage(rt, &mu);
    JS_SetGCThreshold(rt, (size_t)mu.malloc_size + gc_room);
    free(input);
    input = NULL;
    random_state = 0; // each request seeds its own, if it needs one
}

// serve_setup reads host.serve once, when the engine is set up.


static void serve_setup(void) {
    JSValue s = JS_GetPropertyStr(ctx, host, "serve");
    if (JS_IsObject(s)) {
#define GET(v, name) v = JS_GetPropertyStr(ctx, s, name); if (!JS_IsObject(v)) die("workers.js did not set up the host");
        GET(fn_incoming, "incoming")
        GET(fn_make_headers, "makeHeaders")
        GET(fn_href, "href")
        GET(fn_head, "head")
        GET(fn_uncaught, "uncaught")
        GET(fn_tick, "tick")
        GET(fn_env, "env")
        GET(worker_ctx, "ctx")
#undef GET
    } else die("workers.js did not set up the host");
    JS_FreeValue(ctx, s);
}

// uncaught logs the pending exception as workerd does and answers 500.
static void uncaught(void) {
    JSValue e = JS_GetException(ctx);
    JSValue r = JS_Call(ctx, fn_uncaught, JS_UNDEFINED, 1, (JSValueConst *)&e);
    if (JS_IsException(r)) JS_FreeValue(ctx, JS_GetException(ctx));
    JS_FreeValue(ctx, r);
    JS_FreeValue(ctx, e);
    static const char resp[] = "Status: 500\n\nInternal Server Error";
    write_all(1, (const uint8_t *)resp, sizeof resp - 1);
}

// step runs one promise job, or a due timer (host.serve.tick, which sleeps
// until the next one) when no job is pending; false when neither is left.
static int step(void) {
    JSContext *c;
    int r = JS_ExecutePendingJob(rt, &c);
    if (r < 0) fail("in promise job");
    if (r > 0) return 1;
    JSValue more = JS_Call(ctx, fn_tick, JS_UNDEFINED, 0, NULL);
    if (JS_IsException(more)) fail("in a timer");
    int again = JS_ToBool(ctx, more);
    JS_FreeValue(ctx, more);
    return again || JS_IsJobPending(rt);
}

// respond writes resp, the worker's answer, as a CGI response: the head
// (status line and header lines) from host.serve.head, which also checks
// it is a Response, then the body, in one write.
static void respond(JSValue resp) {
    JSValue head = JS_Call(ctx, fn_head, JS_UNDEFINED, 1, (JSValueConst *)&resp);
    if (JS_IsException(head)) {
        uncaught();
        return;
    }
    size_t hn, bn = 0;
    const char *h = JS_ToCStringLen(ctx, &hn, head);
    JSValue bv = JS_GetPropertyStr(ctx, resp, "_bytes");
    if (JS_IsException(bv)) { // a subclass's getter threw
        if (h) JS_FreeCString(ctx, h);
        uncaught();
        return;
    }
    const uint8_t *b = NULL;
    const char *bstr = NULL;
    if (h && JS_ToBool(ctx, bv)) {
        b = bytes_of(ctx, bv, &bn, &bstr);
        if (!b) {
            JS_FreeCString(ctx, h);
            uncaught();
            return;
        }
    }
    if (!h) {
        uncaught();
        return;
    }
    __wasi_ciovec_t iov[2] = {{(const uint8_t *)h, hn}, {b, bn}};
    size_t left = hn + bn;
    int n = bn ? 2 : 1, i = 0;
    while (left > 0) {
        __wasi_size_t w;
        if (__wasi_fd_write(1, iov + i, n - i, &w) != 0 || w == 0) break;
        left -= w;
        while (i < n && w >= iov[i].buf_len) w -= iov[i++].buf_len;
        if (i < n) {
            iov[i].buf += w;
            iov[i].buf_len -= w;
        }
    }
    JS_FreeCString(ctx, h);
    if (bstr) JS_FreeCString(ctx, bstr);
    JS_FreeValue(ctx, bv);
    JS_FreeValue(ctx, head);
}


// wf_http serves one request: the request's plumbing (CGI variables, the
// Request, env and ctx, the response) is here rather than in JavaScript,
// which QuickJS interprets inside WebAssembly, so a request builds only
// what the worker asks for.
__attribute__((export_name("wf_http"))) void wf_http(void) {
    T();
    // The snapshot's stack top was _initialize's.
    JS_UpdateStackTop(rt);
    if (init_error) {
        answer_500(init_error);
        return;
    }
    read_cgi();
    T();
    const char *method = or(cgi_get("REQUEST_METHOD"), "GET");
    // Any case: the Request gets the method in upper case (below).
    int bodyless = strcasecmp(method, "GET") == 0 || strcasecmp(method, "HEAD") == 0;
    size_t off = 0;
    if (!loaded || !bodyless) read_stdin();
    if (!loaded) load(&off); // fail() ends the request on an error
    body = input + off;
    body_len = bodyless ? 0 : input_len - off; // not the prelude _initialize read

    // The worker sees itself mounted at the root, as on Workers: its
    // pathname does not start with the function's "/<cid>" (or name)
    // prefix, which ctx.wf.scriptName holds, with the full URL.
    const char *full = or(cgi_get("X_FULL_URL"), "http://localhost/");
    const char *colon = strchr(full, ':');
    size_t scheme_len = colon ? (size_t)(colon - full) : (strlen(full) > 0 ? strlen(full) - 1 : 0);
    const char *hostname = or(cgi_get("HTTP_HOST"), or(cgi_get("SERVER_NAME"), "localhost"));
    const char *path = or(cgi_get("X_RAW_PATH_INFO"), "/");
    const char *query = cgi_get("QUERY_STRING");
    size_t hn = strlen(hostname), pn = strlen(path), qn = strlen(query);
    size_t un = scheme_len + 3 + hn + pn + (qn ? 1 + qn : 0);
    char *url = malloc(un), *u = url;
    if (!url) die("out of memory");
    memcpy(u, full, scheme_len), u += scheme_len;
    memcpy(u, "://", 3), u += 3;
    memcpy(u, hostname, hn), u += hn;
    memcpy(u, path, pn), u += pn;
    if (qn) *u++ = '?', memcpy(u, query, qn);

    JSValue resp = JS_UNDEFINED, result = JS_UNDEFINED;
    // A URL simple_url takes is its href already (but for a default port):
    // the Request need not parse it again.
    struct url_parts up;
    int simple = simple_url(url, un, &up);
    char *href = url;
    if (simple) {
        href = malloc(un + 1);
        if (!href) die("out of memory");
        un = simple_href(url, un, &up, href);
    }
    JSValue hv = JS_NewStringLen(ctx, href, un);
    if (!simple) { // parsed (and checked) in full, as new Request(url) does
        JSValue h = JS_Call(ctx, fn_href, JS_UNDEFINED, 1, (JSValueConst *)&hv);
        JS_FreeValue(ctx, hv);
        hv = h;
    }
    if (href != url) free(href);
    free(url);
    // The method, upper case, as new Request(url, {method}) takes it here
    // and in workerd (which knows its methods in any case).
    size_t mn = strlen(method);
    char *m = malloc(mn + 1);
    if (!m) die("out of memory");
    int token = mn > 0;
    for (size_t i = 0; i < mn; i++) {
        m[i] = (method[i] >= 'a' && method[i] <= 'z') ? (char)(method[i] - 32) : method[i];
        token = token && token_char(method[i]);
    }
    JSValue req = JS_EXCEPTION;
    if (!token) {
        JS_ThrowTypeError(ctx, "Invalid HTTP method: %s", method);
        JS_FreeValue(ctx, hv);
    } else if (!JS_IsException(hv)) {
        JSValue args[4] = {hv, JS_NewStringLen(ctx, m, mn), bodyless ? JS_NULL : JS_NewUint8ArrayCopy(ctx, body, body_len), JS_DupValue(ctx, fn_make_headers)};
        T();
        req = JS_Call(ctx, fn_incoming, JS_UNDEFINED, 4, (JSValueConst *)args);
        for (int i = 0; i < 4; i++) JS_FreeValue(ctx, args[i]);
    }
    free(m);
    T();
    // The env: the snapshot's, unless the request adds what the caller
    // proved (WF_CRED_*, WF_CI_*; host.serve.env).
    int cred = 0;
    for (__wasi_size_t i = 0; i < cgi_count && !cred; i++)
        cred = strncmp(cgi_vars[i], "WF_CRED_", 8) == 0 || strncmp(cgi_vars[i], "WF_CI_", 6) == 0;
    JSValue env = JS_IsException(req) ? JS_EXCEPTION
                  : (!cred && !JS_IsUndefined(env_ready)) ? JS_DupValue(ctx, env_ready)
                  : JS_Call(ctx, fn_env, JS_UNDEFINED, 0, NULL);
    T();
    if (!JS_IsException(env)) {
        JSValue handler = JS_GetPropertyStr(ctx, ns, "default");
        JSValue fetch = JS_IsObject(handler) ? JS_GetPropertyStr(ctx, handler, "fetch") : JS_UNDEFINED;
        if (JS_IsException(fetch) || !JS_IsFunction(ctx, fetch)) {
            if (!JS_IsException(fetch)) JS_ThrowTypeError(ctx, "the worker has no default export with a fetch(request, env, ctx) method");
            result = JS_EXCEPTION;
        } else {
            JSValue fa[3] = {req, env, worker_ctx};
            result = JS_Call(ctx, fetch, handler, 3, (JSValueConst *)fa);
        }
        JS_FreeValue(ctx, fetch);
        JS_FreeValue(ctx, handler);
    }
    T();
    if (JS_IsException(req) || JS_IsException(env) || JS_IsException(result)) {
        uncaught();
    } else {
        // A promise (an async fetch): run jobs and timers until it settles,
        // then answer straight away, as `await` would.
        if (!JS_IsPromise(result) && JS_IsObject(result)) {
            JSValue then = JS_GetPropertyStr(ctx, result, "then");
            if (JS_IsFunction(ctx, then)) { // a thenable: as await takes it
                JSValue global = JS_GetGlobalObject(ctx);
                JSValue pc = JS_GetPropertyStr(ctx, global, "Promise");
                JSValue resolve = JS_GetPropertyStr(ctx, pc, "resolve");
                JSValue r2 = JS_Call(ctx, resolve, pc, 1, (JSValueConst *)&result);
                JS_FreeValue(ctx, resolve);
                JS_FreeValue(ctx, pc);
                JS_FreeValue(ctx, global);
                JS_FreeValue(ctx, result);
                result = r2;
            } else if (JS_IsException(then)) {
                JS_FreeValue(ctx, result);
                result = JS_EXCEPTION;
            }
            JS_FreeValue(ctx, then);
        }
        if (JS_IsException(result)) {
            uncaught();
        } else if (JS_IsPromise(result)) {
            while (JS_PromiseState(ctx, result) == JS_PROMISE_PENDING && step()) {}
            T();
            switch (JS_PromiseState(ctx, result)) {
            case JS_PROMISE_FULFILLED:
                resp = JS_PromiseResult(ctx, result);
                respond(resp);
                break;
            case JS_PROMISE_REJECTED:
                JS_Throw(ctx, JS_PromiseResult(ctx, result));
                uncaught();
                break;
            default: // never settles: no answer, as before
                break;
            }
        } else {
            respond(result);
        }
    }
    T();
    // Then what is left: ctx.waitUntil's promises, timers.
    while (step()) {}
    T();
    tdump();
    // Nothing is freed: the sandbox resets the instance to its snapshot.
}
