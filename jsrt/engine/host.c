// The WebFunctions JavaScript engine: QuickJS-NG plus this host, built for
// wasm32-wasi by scripts/build-js-engine. It is a WAGI program like any
// other function: the sandbox runs it with the CGI environment, and stdin
// holds a prelude (jsrt.Prelude) before the request body:
//
//   "WFJS1\n" u32le(len script) script u32le(len env) envJSON body
//
// It evaluates workers.js (the Workers API surface, compiled in as
// bytecode), then the script as an ES module, calls its default export's
// fetch(request, env, ctx), and writes the Response as a CGI response on
// stdout. console goes to stderr, the invocation's log. quickjs-libc (std,
// os, files) is not linked: the only ways out are the few functions below.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "quickjs.h"
#include "workers_bc.h" // workers_bc, workers_bc_len: workers.js compiled by compile.c

static uint8_t *input;      // all of stdin
static size_t input_len;
static const uint8_t *body; // the request body inside input
static size_t body_len;

static void die(const char *msg) {
    fprintf(stderr, "wf-js: %s\n", msg);
    exit(1);
}

static void read_stdin(void) {
    size_t cap = 1 << 16;
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

extern char **environ;

// cgi returns the CGI variables as an object.
static JSValue js_cgi(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    JSValue o = JS_NewObject(ctx);
    for (char **e = environ; e && *e; e++) {
        char *eq = strchr(*e, '=');
        if (!eq) continue;
        JSAtom a = JS_NewAtomLen(ctx, *e, (size_t)(eq - *e));
        JS_DefinePropertyValue(ctx, o, a, JS_NewString(ctx, eq + 1), JS_PROP_C_W_E);
        JS_FreeAtom(ctx, a);
    }
    return o;
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

// report logs the pending exception and answers 500, as workerd does for
// an uncaught error.
static void report(JSContext *ctx, const char *where) {
    JSValue e = JS_GetException(ctx);
    const char *msg = JS_ToCString(ctx, e);
    fprintf(stderr, "Uncaught (%s) %s\n", where, msg ? msg : "exception");
    if (msg) JS_FreeCString(ctx, msg);
    if (JS_IsObject(e)) {
        JSValue st = JS_GetPropertyStr(ctx, e, "stack");
        const char *s = JS_IsString(st) ? JS_ToCString(ctx, st) : NULL;
        if (s) {
            fprintf(stderr, "%s", s);
            JS_FreeCString(ctx, s);
        }
        JS_FreeValue(ctx, st);
    }
    JS_FreeValue(ctx, e);
    fflush(stderr);
    static const char resp[] = "Status: 500\n\nInternal Server Error";
    write_all(1, (const uint8_t *)resp, sizeof resp - 1);
    exit(0);
}

// drain runs promise jobs until none is left.
static void drain(JSRuntime *rt, JSContext *ctx) {
    JSContext *c;
    for (;;) {
        int r = JS_ExecutePendingJob(rt, &c);
        if (r == 0) return;
        if (r < 0) report(ctx, "in promise job");
    }
}

int main(void) {
    read_stdin();
    static const char magic[] = "WFJS1\n";
    if (input_len < sizeof magic - 1 || memcmp(input, magic, sizeof magic - 1) != 0)
        die("stdin does not start with the WFJS1 prelude: this module runs only as a provider's js runtime");
    size_t off = sizeof magic - 1, script_len, env_len;
    const uint8_t *script = take(&off, &script_len);
    const uint8_t *envjson = take(&off, &env_len);
    body = input + off;
    body_len = input_len - off;

    JSRuntime *rt = JS_NewRuntime();
    if (!rt) die("out of memory");
    // The sandbox bounds memory and time; this keeps deep recursion a
    // RangeError instead of a trap (the wasm stack is 1 MiB, see the build).
    JS_SetMaxStackSize(rt, 768 << 10);
    JS_SetModuleLoaderFunc(rt, NULL, no_imports, NULL);
    JSContext *ctx = JS_NewContext(rt);
    if (!ctx) die("out of memory");

    JSValue global = JS_GetGlobalObject(ctx);
    JSValue host = JS_NewObject(ctx);
    JS_SetPropertyFunctionList(ctx, host, host_funcs, sizeof host_funcs / sizeof host_funcs[0]);
    // QuickJS's parsers read up to a NUL, whatever the length: copy the
    // env JSON out of stdin (the body follows it) and terminate it.
    char *ej = malloc(env_len + 1);
    if (!ej) die("out of memory");
    memcpy(ej, envjson, env_len);
    ej[env_len] = 0;
    JSValue envv = JS_ParseJSON(ctx, ej, env_len, "env");
    free(ej);
    if (JS_IsException(envv)) report(ctx, "reading env");
    JS_SetPropertyStr(ctx, host, "env", envv);
    JS_SetPropertyStr(ctx, global, "__wf_host", host);

    JSValue v = JS_ReadObject(ctx, workers_bc, workers_bc_len, JS_READ_OBJ_BYTECODE);
    if (!JS_IsException(v)) v = JS_EvalFunction(ctx, v);
    if (JS_IsException(v)) report(ctx, "in workers.js");
    JS_FreeValue(ctx, v);

    // JS_Eval wants a NUL-terminated source too.
    char *src = malloc(script_len + 1);
    if (!src) die("out of memory");
    memcpy(src, script, script_len);
    src[script_len] = 0;
    JSValue mod = JS_Eval(ctx, src, script_len, "worker.js", JS_EVAL_TYPE_MODULE | JS_EVAL_FLAG_COMPILE_ONLY);
    free(src);
    if (JS_IsException(mod)) report(ctx, "compiling the worker");
    JSModuleDef *m = JS_VALUE_GET_PTR(mod);
    JSValue done = JS_EvalFunction(ctx, mod);
    if (JS_IsException(done)) report(ctx, "evaluating the worker");
    drain(rt, ctx);
    if (JS_IsPromise(done) && JS_PromiseState(ctx, done) == JS_PROMISE_REJECTED) {
        JS_Throw(ctx, JS_PromiseResult(ctx, done));
        report(ctx, "evaluating the worker");
    }
    JS_FreeValue(ctx, done);
    JSValue ns = JS_GetModuleNamespace(ctx, m);
    if (JS_IsException(ns)) report(ctx, "reading the worker's exports");

    // __wf_main(namespace) dispatches and writes the response; it returns a
    // promise that settles when the response and every waitUntil are done.
    JSValue mainfn = JS_GetPropertyStr(ctx, global, "__wf_main");
    JSValue p = JS_Call(ctx, mainfn, global, 1, (JSValueConst *)&ns);
    if (JS_IsException(p)) report(ctx, "in fetch");
    JSValue tick = JS_GetPropertyStr(ctx, global, "__wf_tick");
    for (;;) {
        drain(rt, ctx);
        // __wf_tick runs due timers, sleeping for the next one; false when
        // none is left.
        JSValue more = JS_Call(ctx, tick, global, 0, NULL);
        if (JS_IsException(more)) report(ctx, "in a timer");
        int again = JS_ToBool(ctx, more);
        JS_FreeValue(ctx, more);
        if (!again && !JS_IsJobPending(rt)) break;
    }
    if (JS_IsPromise(p) && JS_PromiseState(ctx, p) == JS_PROMISE_REJECTED) {
        JS_Throw(ctx, JS_PromiseResult(ctx, p));
        report(ctx, "in fetch");
    }
    // No JS_FreeRuntime: the instance ends here and its memory with it.
    return 0;
}
