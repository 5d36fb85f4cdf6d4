// A build-time tool (scripts/build-js-engine builds it natively and runs
// it): compiles workers.js to QuickJS bytecode and writes it as a C array,
// so the engine loads the Workers surface instead of parsing it on every
// request. Bytecode is little-endian and independent of the pointer size,
// so the native tool's output runs in the wasm32 engine.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quickjs.h"

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: compile workers.js out.h\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *src = malloc(n + 1);
    if (fread(src, 1, n, f) != (size_t)n) { perror("read"); return 1; }
    src[n] = 0;
    fclose(f);

    JSRuntime *rt = JS_NewRuntime();
    JSContext *ctx = JS_NewContext(rt);
    JSValue fn = JS_Eval(ctx, src, n, "workers.js", JS_EVAL_TYPE_GLOBAL | JS_EVAL_FLAG_COMPILE_ONLY);
    if (JS_IsException(fn)) {
        JSValue e = JS_GetException(ctx);
        const char *s = JS_ToCString(ctx, e);
        fprintf(stderr, "workers.js: %s\n", s ? s : "error");
        return 1;
    }
    size_t len;
    uint8_t *bc = JS_WriteObject(ctx, &len, fn, JS_WRITE_OBJ_BYTECODE);
    if (!bc) { fprintf(stderr, "JS_WriteObject failed\n"); return 1; }
    FILE *out = fopen(argv[2], "wb");
    if (!out) { perror(argv[2]); return 1; }
    fprintf(out, "static const unsigned char workers_bc[] = {");
    for (size_t i = 0; i < len; i++) fprintf(out, "%s0x%02x,", i % 16 ? "" : "\n", bc[i]);
    fprintf(out, "\n};\nstatic const unsigned int workers_bc_len = %zu;\n", len);
    fclose(out);
    return 0;
}
