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

// utf8 decodes bytes to a string (invalid sequences become U+FFFD).
static JSValue js_utf8(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    size_t n;
    const char *str;
    const uint8_t *p = bytes_of(ctx, argv[0], &n, &str);
    if (!p) return JS_EXCEPTION;
    JSValue v = JS_NewStringLen(ctx, (const char *)p, n);
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

// cgi returns the CGI variables as an object. It asks WASI each time:
// libc's environ was read once, by _initialize, and the snapshot keeps it.
static JSValue js_cgi(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    __wasi_size_t count, size;
    if (__wasi_environ_sizes_get(&count, &size) != 0) return JS_ThrowInternalError(ctx, "no environment");
    char **vars = malloc((count + 1) * sizeof *vars);
    char *buf = malloc(size + 1);
    if (!vars || !buf || __wasi_environ_get((uint8_t **)vars, (uint8_t *)buf) != 0) {
        free(vars);
        free(buf);
        return JS_ThrowInternalError(ctx, "no environment");
    }
    JSValue o = JS_NewObject(ctx);
    for (__wasi_size_t i = 0; i < count; i++) {
        char *eq = strchr(vars[i], '=');
        if (!eq) continue;
        JSAtom a = JS_NewAtomLen(ctx, vars[i], (size_t)(eq - vars[i]));
        JS_DefinePropertyValue(ctx, o, a, JS_NewString(ctx, eq + 1), JS_PROP_C_W_E);
        JS_FreeAtom(ctx, a);
    }
    free(vars);
    free(buf);
    return o;
}

// Math.random's state is the host's, seeded from WASI random_get at each
// request: QuickJS seeds its own once, when the context is made, so every
// request from one snapshot would draw the same numbers.
static uint64_t random_state;

static JSValue js_math_random(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
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
    JS_CFUNC_DEF("cgi", 0, js_cgi),
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

    JSValue global = JS_GetGlobalObject(ctx);
    host = JS_NewObject(ctx);
    JS_SetPropertyFunctionList(ctx, host, host_funcs, sizeof host_funcs / sizeof host_funcs[0]);
    JS_SetPropertyStr(ctx, host, "env", JS_NewObject(ctx));
    JS_SetPropertyStr(ctx, global, "__wf_host", JS_DupValue(ctx, host));
    JSValue math = JS_GetPropertyStr(ctx, global, "Math");
    JS_DefinePropertyValueStr(ctx, math, "random", JS_NewCFunction(ctx, js_math_random, "random", 0), JS_PROP_WRITABLE | JS_PROP_CONFIGURABLE);
    JS_FreeValue(ctx, math);
    JS_FreeValue(ctx, global);

    JSValue v = JS_ReadObject(ctx, workers_bc, workers_bc_len, JS_READ_OBJ_BYTECODE);
    if (!JS_IsException(v)) v = JS_EvalFunction(ctx, v);
    if (JS_IsException(v)) {
        initializing = 0; // a broken engine: every request says so
        fail("in workers.js");
    }
    JS_FreeValue(ctx, v);
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
    if (input_len > 0 && load(&off) == 0) loaded = 1;
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
}

// wf_http serves one request.
__attribute__((export_name("wf_http"))) void wf_http(void) {
    // The snapshot's stack top was _initialize's.
    JS_UpdateStackTop(rt);
    seed_random();
    if (init_error) {
        answer_500(init_error);
        return;
    }
    read_stdin();
    size_t off = 0;
    if (!loaded) load(&off); // fail() ends the request on an error
    body = input + off;
    body_len = input_len - off;

    // __wf_main(namespace) dispatches and writes the response; it returns a
    // promise that settles when the response and every waitUntil are done.
    JSValue global = JS_GetGlobalObject(ctx);
    JSValue mainfn = JS_GetPropertyStr(ctx, global, "__wf_main");
    JSValue p = JS_Call(ctx, mainfn, global, 1, (JSValueConst *)&ns);
    if (JS_IsException(p)) fail("in fetch");
    JSValue tick = JS_GetPropertyStr(ctx, global, "__wf_tick");
    for (;;) {
        drain();
        // __wf_tick runs due timers, sleeping for the next one; false when
        // none is left.
        JSValue more = JS_Call(ctx, tick, global, 0, NULL);
        if (JS_IsException(more)) fail("in a timer");
        int again = JS_ToBool(ctx, more);
        JS_FreeValue(ctx, more);
        if (!again && !JS_IsJobPending(rt)) break;
    }
    if (JS_IsPromise(p) && JS_PromiseState(ctx, p) == JS_PROMISE_REJECTED) {
        JS_Throw(ctx, JS_PromiseResult(ctx, p));
        fail("in fetch");
    }
    // Nothing is freed: the sandbox resets the instance to its snapshot.
}
