// The Cloudflare Workers API surface over QuickJS-NG, for host.c. Runs once
// per request, before the worker. docs/js.md lists what is and is not here.
(function () {
  "use strict";
  const host = globalThis.__wf_host;
  delete globalThis.__wf_host;
  const define = (name, value) =>
    Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });

  // ---- console: to stderr, the invocation's log
  function inspect(v, depth, seen) {
    if (typeof v === "string") return depth === 0 ? v : JSON.stringify(v);
    if (typeof v === "function") return "[Function: " + (v.name || "anonymous") + "]";
    if (typeof v === "bigint") return v + "n";
    if (typeof v === "symbol" || v === null || typeof v !== "object") return String(v);
    if (v instanceof Error) return v.stack ? v.name + ": " + v.message + "\n" + v.stack : String(v);
    if (seen.includes(v)) return "[Circular]";
    if (depth > 3) return Array.isArray(v) ? "[Array]" : "[Object]";
    seen = seen.concat([v]);
    if (Array.isArray(v)) return "[ " + v.map((x) => inspect(x, depth + 1, seen)).join(", ") + " ]";
    if (v instanceof Date) return v.toISOString();
    if (v instanceof Map) return "Map(" + v.size + ") { " + [...v].map(([k, x]) => inspect(k, depth + 1, seen) + " => " + inspect(x, depth + 1, seen)).join(", ") + " }";
    if (v instanceof Set) return "Set(" + v.size + ") { " + [...v].map((x) => inspect(x, depth + 1, seen)).join(", ") + " }";
    if (ArrayBuffer.isView(v)) return v.constructor.name + "(" + v.length + ") [ " + Array.prototype.join.call(v, ", ") + " ]";
    const keys = Object.keys(v);
    if (keys.length === 0) return "{}";
    return "{ " + keys.map((k) => k + ": " + inspect(v[k], depth + 1, seen)).join(", ") + " }";
  }
  const line = (args) => args.map((a) => inspect(a, 0, [])).join(" ") + "\n";
  const console = {};
  for (const m of ["log", "info", "debug", "trace"]) console[m] = (...a) => host.log(line(a));
  for (const m of ["warn", "error"]) console[m] = (...a) => host.log(line(a));
  console.assert = (c, ...a) => { if (!c) host.log(line(["Assertion failed", ...a])); };
  const timers = new Map();
  console.time = (l = "default") => timers.set(l, Date.now());
  console.timeEnd = (l = "default") => host.log(l + ": " + (Date.now() - (timers.get(l) ?? Date.now())) + "ms\n");
  console.table = console.dir = console.log;
  define("console", console);

  // ---- text
  class TextEncoder {
    get encoding() { return "utf-8"; }
    encode(s = "") { return host.encode(String(s)); }
    encodeInto(s, dest) {
      const b = host.encode(String(s));
      const n = Math.min(b.length, dest.length);
      dest.set(b.subarray(0, n));
      return { read: String(s).length, written: n };
    }
  }
  const bytesOf = (v) => {
    if (v instanceof ArrayBuffer) return new Uint8Array(v);
    if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    throw new TypeError("expected an ArrayBuffer or ArrayBufferView");
  };
  class TextDecoder {
    #fatal; #ignoreBOM;
    constructor(label = "utf-8", opts = {}) {
      const l = String(label).toLowerCase().trim();
      if (l !== "utf-8" && l !== "utf8" && l !== "unicode-1-1-utf-8") throw new RangeError("TextDecoder: only utf-8 is supported, not " + label);
      this.#fatal = !!opts.fatal;
      this.#ignoreBOM = !!opts.ignoreBOM;
    }
    get encoding() { return "utf-8"; }
    get fatal() { return this.#fatal; }
    get ignoreBOM() { return this.#ignoreBOM; }
    decode(v) {
      if (v === undefined) return "";
      let s = host.utf8(bytesOf(v).slice());
      if (this.#fatal && s.includes("\ufffd") && !bytesHaveFFFD(bytesOf(v))) throw new TypeError("The encoded data was not valid utf-8");
      if (!this.#ignoreBOM && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      return s;
    }
  }
  function bytesHaveFFFD(b) {
    for (let i = 0; i + 2 < b.length; i++) if (b[i] === 0xef && b[i + 1] === 0xbf && b[i + 2] === 0xbd) return true;
    return false;
  }
  define("TextEncoder", TextEncoder);
  define("TextDecoder", TextDecoder);
  const enc = (s) => host.encode(s);
  const dec = (b) => host.utf8(b);

  // ---- base64
  const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const domError = (msg, name) => { const e = new Error(msg); e.name = name; return e; };
  define("btoa", function btoa(s) {
    s = String(s);
    let out = "";
    for (let i = 0; i < s.length; i += 3) {
      const a = s.charCodeAt(i), b = s.charCodeAt(i + 1), c = s.charCodeAt(i + 2);
      if (a > 255 || b > 255 || c > 255) throw domError("btoa: the string contains characters outside of the Latin1 range", "InvalidCharacterError");
      const n = (a << 16) | ((b || 0) << 8) | (c || 0);
      out += B64[n >> 18] + B64[(n >> 12) & 63] + (i + 1 < s.length ? B64[(n >> 6) & 63] : "=") + (i + 2 < s.length ? B64[n & 63] : "=");
    }
    return out;
  });
  define("atob", function atob(s) {
    s = String(s).replace(/[\t\n\f\r ]/g, "");
    if (s.length % 4 === 0) s = s.replace(/==?$/, "");
    if (s.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(s)) throw domError("atob: the string to be decoded is not correctly encoded", "InvalidCharacterError");
    let out = "", bits = 0, n = 0;
    for (let i = 0; i < s.length; i++) {
      n = (n << 6) | B64.indexOf(s[i]);
      bits += 6;
      if (bits >= 8) { bits -= 8; out += String.fromCharCode((n >> bits) & 255); }
    }
    return out;
  });

  // ---- timers and microtasks; host.c calls host.serve.tick between job runs
  let timerId = 0;
  const pending = new Map();
  define("setTimeout", (fn, ms = 0, ...args) => {
    const id = ++timerId;
    pending.set(id, { fn, args, due: Date.now() + Math.max(0, Number(ms) || 0), every: -1 });
    return id;
  });
  define("setInterval", (fn, ms = 0, ...args) => {
    const id = ++timerId;
    const every = Math.max(1, Number(ms) || 0);
    pending.set(id, { fn, args, due: Date.now() + every, every });
    return id;
  });
  define("clearTimeout", (id) => { pending.delete(id); });
  define("clearInterval", (id) => { pending.delete(id); });
  define("queueMicrotask", (fn) => { Promise.resolve().then(fn); });

  // ---- crypto
  const crypto = {
    getRandomValues(a) {
      if (!(a instanceof Int8Array || a instanceof Uint8Array || a instanceof Uint8ClampedArray || a instanceof Int16Array ||
            a instanceof Uint16Array || a instanceof Int32Array || a instanceof Uint32Array || a instanceof BigInt64Array || a instanceof BigUint64Array))
        throw domError("getRandomValues: argument must be an integer typed array", "TypeMismatchError");
      if (a.byteLength > 65536) throw domError("getRandomValues: at most 65536 bytes", "QuotaExceededError");
      host.random(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
      return a;
    },
    randomUUID() {
      const b = crypto.getRandomValues(new Uint8Array(16));
      b[6] = (b[6] & 0x0f) | 0x40;
      b[8] = (b[8] & 0x3f) | 0x80;
      const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
      return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
    },
    subtle: {
      async digest(alg, data) {
        const name = (typeof alg === "string" ? alg : alg && alg.name || "").toUpperCase();
        const b = bytesOf(data);
        if (name === "SHA-256") return sha256(b).buffer;
        if (name === "SHA-1") return sha1(b).buffer;
        throw domError("digest: unsupported algorithm " + name + " (SHA-256 and SHA-1 are)", "NotSupportedError");
      },
    },
  };
  define("crypto", crypto);
  const rotr = (x, n) => (x >>> n) | (x << (32 - n));
  function pad(b) {
    const n = ((b.length + 9 + 63) >> 6) << 6;
    const m = new Uint8Array(n);
    m.set(b);
    m[b.length] = 0x80;
    const dv = new DataView(m.buffer);
    dv.setUint32(n - 8, Math.floor(b.length / 0x20000000));
    dv.setUint32(n - 4, (b.length << 3) >>> 0);
    return dv;
  }
  const K256 = [0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2];
  function sha256(b) {
    const dv = pad(b), w = new Uint32Array(64);
    const h = Uint32Array.of(0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19);
    for (let o = 0; o < dv.byteLength; o += 64) {
      for (let i = 0; i < 16; i++) w[i] = dv.getUint32(o + 4 * i);
      for (let i = 16; i < 64; i++) {
        const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
        const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
      }
      let [a, b2, c, d, e, f, g, hh] = h;
      for (let i = 0; i < 64; i++) {
        const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K256[i] + w[i]) | 0;
        const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b2) ^ (a & c) ^ (b2 & c))) | 0;
        hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b2; b2 = a; a = (t1 + t2) | 0;
      }
      h[0] += a; h[1] += b2; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
    }
    const out = new Uint8Array(32), ov = new DataView(out.buffer);
    for (let i = 0; i < 8; i++) ov.setUint32(4 * i, h[i]);
    return out;
  }
  function sha1(b) {
    const dv = pad(b), w = new Uint32Array(80);
    const h = Uint32Array.of(0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0);
    for (let o = 0; o < dv.byteLength; o += 64) {
      for (let i = 0; i < 16; i++) w[i] = dv.getUint32(o + 4 * i);
      for (let i = 16; i < 80; i++) w[i] = rotr(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 31);
      let [a, b2, c, d, e] = h;
      for (let i = 0; i < 80; i++) {
        const f = i < 20 ? (b2 & c) | (~b2 & d) : i < 40 ? b2 ^ c ^ d : i < 60 ? (b2 & c) | (b2 & d) | (c & d) : b2 ^ c ^ d;
        const k = i < 20 ? 0x5a827999 : i < 40 ? 0x6ed9eba1 : i < 60 ? 0x8f1bbcdc : 0xca62c1d6;
        const t = (rotr(a, 27) + f + e + k + w[i]) | 0;
        e = d; d = c; c = rotr(b2, 2); b2 = a; a = t;
      }
      h[0] += a; h[1] += b2; h[2] += c; h[3] += d; h[4] += e;
    }
    const out = new Uint8Array(20), ov = new DataView(out.buffer);
    for (let i = 0; i < 5; i++) ov.setUint32(4 * i, h[i]);
    return out;
  }

  // ---- structuredClone
  define("structuredClone", function structuredClone(v) {
    const seen = new Map();
    const clone = (x) => {
      if (x === null || typeof x !== "object") {
        if (typeof x === "function" || typeof x === "symbol") throw domError("structuredClone: " + String(x) + " could not be cloned", "DataCloneError");
        return x;
      }
      if (seen.has(x)) return seen.get(x);
      let out;
      if (Array.isArray(x)) { out = []; seen.set(x, out); x.forEach((e, i) => { out[i] = clone(e); }); return out; }
      if (x instanceof Date) out = new Date(x.getTime());
      else if (x instanceof RegExp) out = new RegExp(x.source, x.flags);
      else if (x instanceof ArrayBuffer) out = x.slice(0);
      else if (ArrayBuffer.isView(x)) out = new x.constructor(x.buffer.slice(x.byteOffset, x.byteOffset + x.byteLength));
      else if (x instanceof Map) { out = new Map(); seen.set(x, out); for (const [k, e] of x) out.set(clone(k), clone(e)); return out; }
      else if (x instanceof Set) { out = new Set(); seen.set(x, out); for (const e of x) out.add(clone(e)); return out; }
      else if (x instanceof Error) { out = new x.constructor(x.message); seen.set(x, out); return out; }
      else {
        out = {};
        seen.set(x, out);
        for (const k of Object.keys(x)) out[k] = clone(x[k]);
        return out;
      }
      seen.set(x, out);
      return out;
    };
    return clone(v);
  });

  // ---- URLSearchParams
  const formEncode = (s) => encodeURIComponent(s).replace(/%20/g, "+").replace(/[!'()~]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
  const formDecode = (s) => {
    if (s.indexOf("+") < 0 && s.indexOf("%") < 0) return s; // most are plain
    s = s.replace(/\+/g, " ");
    try { return decodeURIComponent(s); } catch { return percentDecode(s); }
  };
  // WHATWG percent-decode, then UTF-8 decode with replacement: what
  // decodeURIComponent refuses (bytes that are not UTF-8, a lone %) still
  // decodes, as browsers and workerd do.
  const isHex = (c) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
  const percentDecode = (s) => {
    const b = host.encode(s);
    const out = new Uint8Array(b.length);
    let n = 0;
    for (let i = 0; i < b.length; i++) {
      if (b[i] === 0x25 && i + 2 < b.length && isHex(b[i + 1]) && isHex(b[i + 2])) {
        out[n++] = parseInt(String.fromCharCode(b[i + 1], b[i + 2]), 16);
        i += 2;
      } else out[n++] = b[i];
    }
    return host.utf8(out.slice(0, n));
  };
  class URLSearchParams {
    #list = []; #url = null;
    constructor(init = "") {
      if (typeof init === "object" && init !== null) {
        if (init instanceof URLSearchParams) this.#list = init.#list.map((p) => p.slice());
        else if (typeof init[Symbol.iterator] === "function") {
          for (const p of init) {
            const a = [...p];
            if (a.length !== 2) throw new TypeError("URLSearchParams: each pair must have exactly two items");
            this.#list.push([String(a[0]), String(a[1])]);
          }
        } else for (const k of Object.keys(init)) this.#list.push([k, String(init[k])]);
      } else {
        const s = String(init);
        this.#parse(s.startsWith("?") ? s.slice(1) : s);
      }
    }
    // #parse reads a query without its "?" (a URL's "??x=1" has the query "?x=1").
    #parse(s) {
      this.#list = host.formPairs(s); // most need no decoding
      if (this.#list !== null) return;
      this.#list = [];
      for (const part of s.split("&")) {
        if (!part) continue;
        const i = part.indexOf("=");
        this.#list.push(i < 0 ? [formDecode(part), ""] : [formDecode(part.slice(0, i)), formDecode(part.slice(i + 1))]);
      }
    }
    static _attach(p, url) { p.#url = url; }
    static _reparse(p, s) { p.#parse(s); }
    #update() { if (this.#url) this.#url._setSearchFromParams(this.toString()); }
    get size() { return this.#list.length; }
    append(k, v) { this.#list.push([String(k), String(v)]); this.#update(); }
    delete(k, v) { k = String(k); this.#list = this.#list.filter((p) => p[0] !== k || (v !== undefined && p[1] !== String(v))); this.#update(); }
    get(k) { k = String(k); const p = this.#list.find((p) => p[0] === k); return p ? p[1] : null; }
    getAll(k) { k = String(k); return this.#list.filter((p) => p[0] === k).map((p) => p[1]); }
    has(k, v) { k = String(k); return this.#list.some((p) => p[0] === k && (v === undefined || p[1] === String(v))); }
    set(k, v) {
      k = String(k); v = String(v);
      const i = this.#list.findIndex((p) => p[0] === k);
      if (i < 0) this.#list.push([k, v]);
      else { this.#list[i][1] = v; this.#list = this.#list.filter((p, j) => j <= i || p[0] !== k); }
      this.#update();
    }
    sort() { this.#list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)); this.#update(); }
    forEach(fn, self) { for (const [k, v] of this.#list) fn.call(self, v, k, this); }
    *entries() { for (const p of this.#list) yield [p[0], p[1]]; }
    *keys() { for (const p of this.#list) yield p[0]; }
    *values() { for (const p of this.#list) yield p[1]; }
    [Symbol.iterator]() { return this.entries(); }
    toString() { return this.#list.map(([k, v]) => formEncode(k) + "=" + formEncode(v)).join("&"); }
    get [Symbol.toStringTag]() { return "URLSearchParams"; }
  }
  define("URLSearchParams", URLSearchParams);

  // ---- URL: WHATWG parsing for special schemes (http, https, ws, wss, ftp,
  // file) and opaque or hierarchical others; no IDNA (ASCII hosts only).
  const SPECIAL = { "http:": "80", "https:": "443", "ws:": "80", "wss:": "443", "ftp:": "21", "file:": "" };
  // NOT_PRINTABLE matches what pctEncode encodes in every set.
  const NOT_PRINTABLE = /[^\u0021-\u007e]/;
  const pctEncode = (s, re) => {
    if (!NOT_PRINTABLE.test(s) && !re.test(s)) return s; // nothing to encode, as most are
    let out = "";
    for (const ch of s) {
      if (re.test(ch) || ch.codePointAt(0) > 0x7e || ch.codePointAt(0) < 0x21) {
        for (const b of enc(ch)) out += "%" + b.toString(16).toUpperCase().padStart(2, "0");
      } else out += ch;
    }
    return out;
  };
  const PATH_SET = /[ "#<>?`{}]/, QUERY_SET = /[ "#<>]/, SPECIAL_QUERY_SET = /[ "#<>']/, FRAG_SET = /[ "<>`]/, USER_SET = /[ "#<>?`{}/:;=@[\\\]^|]/;
  function parseHost(h, special) {
    if (h.startsWith("[")) {
      if (!h.endsWith("]") || !/^\[[0-9A-Fa-f:.]+\]$/.test(h)) throw new TypeError("Invalid URL: bad IPv6 host");
      return h.toLowerCase();
    }
    if (!special) return pctEncode(h, /[ #<>?@[\\\]^|]/);
    try { h = decodeURIComponent(h); } catch { throw new TypeError("Invalid URL: bad host"); }
    h = h.toLowerCase();
    if (h === "" || /[\u0000-\u0020#%/:<>?@[\\\]^|\u007f]/.test(h)) throw new TypeError("Invalid URL: bad host");
    if (/[^\u0000-\u007f]/.test(h)) throw new TypeError("Invalid URL: non-ASCII hosts are not supported here");
    const v4 = ipv4(h);
    return v4 === null ? h : v4;
  }
  function ipv4(h) {
    const parts = h.split(".");
    if (parts[parts.length - 1] === "") parts.pop();
    if (parts.length === 0 || parts.length > 4) return null;
    const last = parts[parts.length - 1];
    if (!/^(0x[0-9a-f]*|[0-9]+)$/.test(last)) return null;
    const nums = parts.map((p) => {
      if (/^0x[0-9a-f]*$/.test(p)) return p.length === 2 ? 0 : parseInt(p.slice(2), 16);
      if (/^0[0-7]+$/.test(p)) return parseInt(p.slice(1), 8);
      if (/^[0-9]+$/.test(p)) return parseInt(p, 10);
      throw new TypeError("Invalid URL: bad IPv4 host");
    });
    let n = nums[nums.length - 1];
    if (n >= 256 ** (5 - nums.length)) throw new TypeError("Invalid URL: bad IPv4 host");
    for (let i = 0; i < nums.length - 1; i++) { if (nums[i] > 255) throw new TypeError("Invalid URL: bad IPv4 host"); n += nums[i] * 256 ** (3 - i); }
    return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
  }
  function normPath(segs, special) {
    const out = [];
    segs.forEach((s, i) => {
      const l = s.toLowerCase();
      const last = i === segs.length - 1;
      if (l === ".." || l === ".%2e" || l === "%2e." || l === "%2e%2e") { out.pop(); if (last) out.push(""); }
      else if (l === "." || l === "%2e") { if (last) out.push(""); }
      else out.push(pctEncode(s, PATH_SET));
    });
    return out;
  }
  // host.simpleURL (host.c) takes an absolute http(s) URL that parses to
  // itself but for a default port (a lower-case host name or canonical
  // IPv4 address, an optional port, a path and query of printable ASCII
  // that no set encodes, no dot segment, '%2', backslash or fragment)
  // without the general parser's per-part work, which a request paid
  // several times (its own URL, the worker's new URL(request.url)); it
  // returns null for every other input.
  const simpleURL = host.simpleURL;
  function parseURL(input, base) {
    if (typeof input === "string") {
      const u = simpleURL(input);
      if (u) return u;
    }
    input = String(input).replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");
    const u = { protocol: "", username: "", password: "", hostname: "", port: "", path: "", query: null, fragment: null, opaque: false };
    let rest = input;
    const h = rest.indexOf("#");
    if (h >= 0) { u.fragment = pctEncode(rest.slice(h + 1), FRAG_SET); rest = rest.slice(0, h); }
    const m = /^([A-Za-z][A-Za-z0-9+.\-]*):/.exec(rest);
    if (m) {
      u.protocol = m[1].toLowerCase() + ":";
      rest = rest.slice(m[0].length);
    } else {
      if (!base) throw new TypeError("Invalid URL: " + input);
      u.protocol = base.protocol;
      if (rest === "" ) { Object.assign(u, base, { fragment: u.fragment }); return u; }
    }
    const special = u.protocol in SPECIAL;
    if (special) rest = rest.replace(/\\/g, "/");
    const q = rest.indexOf("?");
    if (q >= 0) { u.query = pctEncode(rest.slice(q + 1), special ? SPECIAL_QUERY_SET : QUERY_SET); rest = rest.slice(0, q); }
    const sameSchemeRelative = !m || (base && special && base.protocol === u.protocol && !rest.startsWith("/"));
    if (rest.startsWith("//") || (special && !sameSchemeRelative && (m || !base))) {
      rest = rest.replace(/^\/*/, "");
      const end = rest.search(/\//);
      let auth = end < 0 ? rest : rest.slice(0, end);
      rest = end < 0 ? "" : rest.slice(end);
      const at = auth.lastIndexOf("@");
      if (at >= 0) {
        const cred = auth.slice(0, at); auth = auth.slice(at + 1);
        const c = cred.indexOf(":");
        u.username = pctEncode(c < 0 ? cred : cred.slice(0, c), USER_SET);
        u.password = c < 0 ? "" : pctEncode(cred.slice(c + 1), USER_SET);
      }
      const pm = /:([0-9]*)$/.exec(auth);
      if (pm && !auth.endsWith("]") ) {
        auth = auth.slice(0, pm.index);
        if (pm[1] !== "") {
          const p = parseInt(pm[1], 10);
          if (p > 65535) throw new TypeError("Invalid URL: port out of range");
          u.port = SPECIAL[u.protocol] === String(p) ? "" : String(p);
        }
      } else if (/:[^\]]*$/.test(auth) && !auth.startsWith("[")) throw new TypeError("Invalid URL: bad port");
      if (auth === "" && special && u.protocol !== "file:") throw new TypeError("Invalid URL: " + input);
      u.hostname = auth === "" ? "" : parseHost(auth, special);
      u.path = "/" + normPath(rest.replace(/^\//, "").split("/"), special).join("/");
      if (!special && rest === "") u.path = "";
      return u;
    }
    if (!special && !rest.startsWith("/") && m) { u.opaque = true; u.path = pctEncode(rest, /[\u0000-\u001f]/); return u; }
    // relative to base
    if (!base) throw new TypeError("Invalid URL: " + input);
    if (base.opaque && rest !== "") throw new TypeError("Invalid URL: " + input);
    u.protocol = base.protocol; u.username = base.username; u.password = base.password; u.hostname = base.hostname; u.port = base.port;
    if (rest === "") { u.path = base.path; if (u.query === null) u.query = base.query; return u; }
    let segs;
    if (rest.startsWith("/")) segs = rest.slice(1).split("/");
    else { const b = base.path.split("/").slice(1); b.pop(); segs = b.concat(rest.split("/")); }
    u.path = "/" + normPath(segs, special).join("/");
    return u;
  }
  function serialize(u) {
    let s = u.protocol;
    if (u.opaque) s += u.path;
    else {
      if (u.hostname !== "" || u.protocol === "file:" || u.protocol in SPECIAL) {
        s += "//";
        if (u.username || u.password) s += u.username + (u.password ? ":" + u.password : "") + "@";
        s += u.hostname + (u.port ? ":" + u.port : "");
      }
      s += u.path;
    }
    if (u.query !== null) s += "?" + u.query;
    if (u.fragment !== null) s += "#" + u.fragment;
    return s;
  }
  // hrefOf is new URL(s).href.
  const hrefOf = (s) => serialize(parseURL(s, null));
  class URL {
    #u; #params = null; // made on first use: most URLs are never asked
    constructor(url, base) {
      const b = base === undefined ? null : new URL(base).#u;
      this.#u = parseURL(url, b);
    }
    static canParse(url, base) { try { new URL(url, base); return true; } catch { return false; } }
    static parse(url, base) { try { return new URL(url, base); } catch { return null; } }
    _setSearchFromParams(s) { this.#u.query = s === "" ? null : s; }
    get protocol() { return this.#u.protocol; }
    set protocol(v) { v = String(v).replace(/:.*$/, "").toLowerCase(); if (/^[a-z][a-z0-9+.\-]*$/.test(v) && ((v + ":") in SPECIAL) === (this.#u.protocol in SPECIAL)) this.#u.protocol = v + ":"; }
    get username() { return this.#u.username; }
    set username(v) { this.#u.username = pctEncode(String(v), USER_SET); }
    get password() { return this.#u.password; }
    set password(v) { this.#u.password = pctEncode(String(v), USER_SET); }
    get hostname() { return this.#u.hostname; }
    set hostname(v) { try { this.#u.hostname = parseHost(String(v), this.#u.protocol in SPECIAL); } catch {} }
    get port() { return this.#u.port; }
    set port(v) { v = String(v); if (v === "") { this.#u.port = ""; return; } const p = parseInt(v, 10); if (p >= 0 && p <= 65535) this.#u.port = SPECIAL[this.#u.protocol] === String(p) ? "" : String(p); }
    get host() { return this.#u.hostname + (this.#u.port ? ":" + this.#u.port : ""); }
    set host(v) { const m = /^(.*?)(?::([0-9]*))?$/.exec(String(v)); this.hostname = m[1]; if (m[2] !== undefined) this.port = m[2]; }
    get origin() { return this.#u.protocol in SPECIAL && this.#u.protocol !== "file:" ? this.#u.protocol + "//" + this.host : "null"; }
    get pathname() { return this.#u.path; }
    set pathname(v) { if (!this.#u.opaque) { v = String(v); this.#u.path = "/" + normPath(v.replace(/^\//, "").split("/"), this.#u.protocol in SPECIAL).join("/"); } }
    get search() { return this.#u.query ? "?" + this.#u.query : ""; }
    set search(v) { v = String(v).replace(/^\?/, ""); this.#u.query = v === "" ? null : pctEncode(v, this.#u.protocol in SPECIAL ? SPECIAL_QUERY_SET : QUERY_SET); if (this.#params) URLSearchParams._reparse(this.#params, v); }
    get searchParams() {
      if (!this.#params) {
        this.#params = new URLSearchParams();
        URLSearchParams._reparse(this.#params, this.#u.query || "");
        URLSearchParams._attach(this.#params, this);
      }
      return this.#params;
    }
    get hash() { return this.#u.fragment ? "#" + this.#u.fragment : ""; }
    set hash(v) { v = String(v).replace(/^#/, ""); this.#u.fragment = v === "" ? null : pctEncode(v, FRAG_SET); }
    get href() { return serialize(this.#u); }
    set href(v) { const n = new URL(v); this.#u = n.#u; if (this.#params) URLSearchParams._reparse(this.#params, this.#u.query || ""); }
    toString() { return this.href; }
    toJSON() { return this.href; }
    get [Symbol.toStringTag]() { return "URL"; }
  }
  define("URL", URL);

  // ---- Headers
  const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
  const normValue = (v) => {
    v = String(v);
    const n = v.length;
    // Only a value that starts or ends at or below ' ' can need trimming.
    return n > 0 && (v.charCodeAt(0) <= 32 || v.charCodeAt(n - 1) <= 32) ? v.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "") : v;
  };
  // NAMES maps header names already checked to their lower case, starting
  // with common ones (in the snapshot, so requests do not check them).
  const NAMES = new Map();
  const badValue = (v) => v.indexOf("\n") >= 0 || v.indexOf("\r") >= 0 || v.indexOf("\0") >= 0;
  class Headers {
    #map = new Map(); // lower-case name -> values
    #guard = "none";
    constructor(init) {
      if (init === undefined || init === null) return;
      if (init instanceof Headers) { for (const [k, v] of init.#map) this.#map.set(k, v.slice()); return; }
      if (typeof init === "object" && typeof init[Symbol.iterator] === "function") {
        for (const p of init) {
          const a = [...p];
          if (a.length !== 2) throw new TypeError("Headers: each pair must have exactly two items");
          this.append(a[0], a[1]);
        }
      } else if (typeof init === "object") {
        // A record, the common case: read, checked and normalised in C.
        const a = host.headerFields(init);
        if (a === null) { for (const k of Object.keys(init)) this.append(k, init[k]); return; }
        for (let i = 0; i < a.length; i += 2) {
          const l = this.#map.get(a[i]);
          if (l) l.push(a[i + 1]); else this.#map.set(a[i], [a[i + 1]]);
        }
      } else throw new TypeError("Headers: bad init");
    }
    // _lines are the header lines to send: each appended value on its own
    // line, as workerd sends them.
    static _lines(h) {
      const m = h.#map;
      let out = "";
      const line = (vals, k) => { for (let i = 0; i < vals.length; i++) out += k + ": " + vals[i] + "\n"; };
      if (m.size < 2) m.forEach(line); // no iterator objects, nothing to sort
      else for (const k of [...m.keys()].sort()) line(m.get(k), k);
      return out;
    }
    // _default sets header k (lower case) to v, known valid, unless set.
    static _default(h, k, v) { if (!h.#map.has(k)) h.#map.set(k, [v]); }
    // _incoming makes the incoming request's headers from host.reqHeaders:
    // [[name, value, ...], content type].
    static _incoming([fields, contentType]) {
      const h = new Headers();
      for (let i = 0; i < fields.length; i += 2) h.append(fields[i], fields[i + 1]);
      if (contentType) h.set("content-type", contentType);
      h.#guard = "immutable";
      return h;
    }
    #check(name, value) {
      if (this.#guard === "immutable") throw new TypeError("Can't modify immutable headers.");
      name = String(name);
      let k = NAMES.get(name);
      if (k === undefined) {
        if (!TOKEN.test(name)) throw new TypeError("Invalid header name: " + name);
        k = name.toLowerCase();
        if (NAMES.size < 1024) NAMES.set(name, k);
      }
      if (value !== undefined && badValue(value)) throw new TypeError("Invalid header value.");
      return k;
    }
    append(name, value) { value = normValue(value); const k = this.#check(name, value); const l = this.#map.get(k); if (l) l.push(value); else this.#map.set(k, [value]); }
    set(name, value) { value = normValue(value); this.#map.set(this.#check(name, value), [value]); }
    delete(name) { this.#map.delete(this.#check(name)); }
    get(name) {
      const l = this.#map.get(String(name).toLowerCase());
      return l ? l.join(", ") : null;
    }
    getAll(name) { const k = String(name).toLowerCase(); if (k !== "set-cookie") throw new TypeError("getAll() can only be used with the header name \"Set-Cookie\"."); return (this.#map.get(k) || []).slice(); }
    getSetCookie() { return (this.#map.get("set-cookie") || []).slice(); }
    has(name) { return this.#map.has(String(name).toLowerCase()); }
    *entries() {
      for (const k of [...this.#map.keys()].sort()) {
        if (k === "set-cookie") for (const v of this.#map.get(k)) yield [k, v];
        else yield [k, this.#map.get(k).join(", ")];
      }
    }
    *keys() { for (const [k] of this.entries()) yield k; }
    *values() { for (const [, v] of this.entries()) yield v; }
    forEach(fn, self) { for (const [k, v] of this.entries()) fn.call(self, v, k, this); }
    [Symbol.iterator]() { return this.entries(); }
    get [Symbol.toStringTag]() { return "Headers"; }
  }
  define("Headers", Headers);
  for (const n of ["accept", "accept-encoding", "accept-language", "authorization", "cache-control", "connection", "content-length",
    "content-type", "cookie", "date", "etag", "host", "if-none-match", "location", "origin", "referer", "set-cookie", "user-agent",
    "vary", "x-forwarded-for", "x-forwarded-proto", "x-real-ip", "x-request-id", "Content-Type", "Cache-Control", "Location", "Set-Cookie"]) {
    NAMES.set(n, n.toLowerCase());
  }

  // ---- bodies
  const TEXT_TYPE = "text/plain;charset=UTF-8";
  function extract(body) {
    if (body === undefined || body === null) return { bytes: null, type: null };
    if (typeof body === "string") return { bytes: enc(body), type: TEXT_TYPE };
    if (body instanceof ArrayBuffer) return { bytes: new Uint8Array(body.slice(0)), type: null };
    if (ArrayBuffer.isView(body)) return { bytes: new Uint8Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength)), type: null };
    if (body instanceof URLSearchParams) return { bytes: enc(body.toString()), type: "application/x-www-form-urlencoded;charset=UTF-8" };
    if (body instanceof ReadableStream) return { bytes: body._bytes(), type: null };
    return { bytes: enc(String(body)), type: "text/plain;charset=UTF-8" };
  }
  // ReadableStream is only a one-chunk stand-in: bodies are whole bytes here.
  class ReadableStream {
    #bytes; #locked = false;
    constructor(src) {
      this.#bytes = new Uint8Array(0);
      if (src && typeof src.start === "function") {
        const chunks = [];
        src.start({ enqueue: (c) => chunks.push(typeof c === "string" ? enc(c) : bytesOf(c)), close() {}, error(e) { throw e; } });
        this.#bytes = concat(chunks);
      }
    }
    static _of(b) { const s = new ReadableStream(); s.#bytes = b; return s; }
    _bytes() { return this.#bytes; }
    get locked() { return this.#locked; }
    getReader() {
      this.#locked = true;
      let done = false;
      return {
        read: async () => { if (done || this.#bytes.length === 0) return { done: true, value: undefined }; done = true; return { done: false, value: this.#bytes }; },
        releaseLock: () => { this.#locked = false; },
        cancel: async () => { done = true; },
        closed: Promise.resolve(),
      };
    }
    async *[Symbol.asyncIterator]() { if (this.#bytes.length) yield this.#bytes; }
  }
  define("ReadableStream", ReadableStream);
  function concat(chunks) {
    const n = chunks.reduce((a, c) => a + c.length, 0), out = new Uint8Array(n);
    let o = 0;
    for (const c of chunks) { out.set(c, o); o += c.length; }
    return out;
  }
  const Body = (Base) => class extends Base {
    _consume() {
      if (this._used) return Promise.reject(new TypeError("Body has already been used. It can only be used once. Use tee() first if you need to read it twice."));
      this._used = true;
      return Promise.resolve(this._bytes || new Uint8Array(0));
    }
    get bodyUsed() { return !!this._used; }
    get body() { return this._bytes === null ? null : ReadableStream._of(this._bytes); }
    async text() { return dec(await this._consume()); }
    async json() { return JSON.parse(dec(await this._consume())); }
    async arrayBuffer() { const b = await this._consume(); return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength); }
    async bytes() { return (await this._consume()).slice(); }
    async formData() { throw new TypeError("formData() is not supported by this runtime"); }
    async blob() { throw new TypeError("blob() is not supported by this runtime"); }
  };

  const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);
  const INCOMING = Symbol("incoming");
  class Request extends Body(Object) {
    #method; #url; #headers; #redirect; #signal;
    constructor(input, init = {}) {
      super();
      if (input === INCOMING) return;
      let src = null;
      if (input instanceof Request) src = input;
      this.#url = src ? src.url : new URL(String(input)).href;
      this.#method = String(init.method ?? (src ? src.method : "GET")).toUpperCase();
      if (!METHODS.has(this.#method) && !TOKEN.test(this.#method)) throw new TypeError("Invalid HTTP method: " + init.method);
      this.#headers = new Headers(init.headers ?? (src ? src.headers : undefined));
      this.#redirect = init.redirect ?? (src ? src.redirect : "follow");
      this.#signal = init.signal ?? null;
      let b;
      if (init.body !== undefined && init.body !== null) b = extract(init.body);
      else if (src && init.body === undefined) b = { bytes: src._bytes, type: null };
      else b = { bytes: null, type: null };
      if (b.bytes && (this.#method === "GET" || this.#method === "HEAD")) throw new TypeError("Request with a GET or HEAD method cannot have a body.");
      this._bytes = b.bytes;
      if (b.type && !this.#headers.has("content-type")) this.#headers.set("content-type", b.type);
    }
    get method() { return this.#method; }
    get url() { return this.#url; }
    get headers() {
      if (typeof this.#headers === "function") this.#headers = this.#headers();
      return this.#headers;
    }
    // _incoming is the request a worker's fetch gets: href is its URL,
    // parsed (and so checked) as new Request(url) would, method its
    // method, checked, and its headers are made by make when first asked
    // for.
    static _incoming(href, method, bytes, make) {
      const r = new Request(INCOMING);
      r.#url = href;
      r.#method = method; // upper case, a token (host.c)
      r.#headers = make;
      r.#redirect = "follow";
      r.#signal = null;
      r._bytes = bytes;
      return r;
    }
    get redirect() { return this.#redirect; }
    get signal() { return this.#signal; }
    get cf() { return undefined; }
    clone() { if (this._used) throw new TypeError("clone: body already used"); return new Request(this); }
    get [Symbol.toStringTag]() { return "Request"; }
  }
  define("Request", Request);

  const REASON = { 200: "OK", 201: "Created", 202: "Accepted", 204: "No Content", 206: "Partial Content", 301: "Moved Permanently", 302: "Found",
    303: "See Other", 304: "Not Modified", 307: "Temporary Redirect", 308: "Permanent Redirect", 400: "Bad Request", 401: "Unauthorized",
    403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 409: "Conflict", 410: "Gone", 413: "Payload Too Large", 415: "Unsupported Media Type",
    418: "I'm a teapot", 422: "Unprocessable Entity", 429: "Too Many Requests", 500: "Internal Server Error", 501: "Not Implemented",
    502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout" };
  const NO_INIT = Object.freeze({});
  class Response extends Body(Object) {
    #status; #statusText; #headers; #type = "default";
    constructor(body = null, init = NO_INIT) {
      super();
      const status = init.status === undefined ? 200 : Number(init.status);
      if (status !== 200 && (!Number.isInteger(status) || status < 200 || status > 599)) {
        if (!(status === 101 || status === 0)) throw new RangeError("Responses may only be constructed with status codes in the range 200 to 599, inclusive.");
      }
      this.#status = status;
      this.#statusText = init.statusText === undefined ? "" : String(init.statusText);
      this.#headers = new Headers(init.headers);
      // A string, the common body, without extract's object.
      let bytes, type;
      if (typeof body === "string") { bytes = enc(body); type = TEXT_TYPE; } else { const b = extract(body); bytes = b.bytes; type = b.type; }
      if (bytes !== null && (status === 101 || status === 204 || status === 205 || status === 304)) throw new TypeError("Response with null body status cannot have body");
      this._bytes = bytes;
      if (type) Headers._default(this.#headers, "content-type", type);
    }
    // _head is the CGI head (status line, header lines, blank line) of the
    // worker's answer r, from its own fields, as workerd sends them.
    static _head(r) {
      if (!(r instanceof Response)) throw new TypeError("fetch() must return a Response (or a Promise of one), got " + inspect(r, 1, []));
      if (r.#type === "error") throw new TypeError("fetch() returned Response.error()");
      return "Status: " + r.#status + (r.#statusText ? " " + r.#statusText : "") + "\n" + Headers._lines(r.#headers) + "\n";
    }
    static json(data, init = {}) {
      const r = new Response(JSON.stringify(data), init);
      if (!init.headers || !new Headers(init.headers).has("content-type")) r.headers.set("content-type", "application/json");
      return r;
    }
    static redirect(url, status = 302) {
      if (![301, 302, 303, 307, 308].includes(status)) throw new RangeError("Invalid status code");
      return new Response(null, { status, headers: { location: new URL(String(url)).href } });
    }
    static error() { const r = new Response(null, { status: 0 }); r.#type = "error"; return r; }
    get status() { return this.#status; }
    get statusText() { return this.#statusText; }
    get ok() { return this.#status >= 200 && this.#status < 300; }
    get headers() { return this.#headers; }
    get redirected() { return false; }
    get type() { return this.#type; }
    get url() { return ""; }
    get webSocket() { return null; }
    clone() { if (this._used) throw new TypeError("clone: body already used"); return new Response(this._bytes && this._bytes.slice(), { status: this.#status, statusText: this.#statusText, headers: this.#headers }); }
    get [Symbol.toStringTag]() { return "Response"; }
  }
  define("Response", Response);

  define("fetch", function fetch() {
    return Promise.reject(new TypeError("fetch() is not available: WebFunctions functions have no network access (docs/js.md)"));
  });

  // ---- serving: host.c's wf_http reads the request's CGI variables,
  // calls the worker's fetch and writes the response; these are the parts
  // that need the classes above.
  const waits = [];
  let wf; // ctx.wf, made when first asked for
  const ctx = {
    waitUntil(p) { waits.push(Promise.resolve(p).catch((e) => console.error("Uncaught (in waitUntil)", e))); },
    passThroughOnException() {},
    props: {},
    get wf() { return wf === undefined ? (wf = host.wfInfo()) : wf; },
    set wf(v) { wf = v; },
  };
  let env = null;
  host.serve = {
    ctx, // the snapshot's, as each request starts from it
    incoming: Request._incoming,
    // The incoming request's headers are made from the CGI variables when
    // first asked for: many workers never do.
    makeHeaders: () => Headers._incoming(host.reqHeaders()),
    href: hrefOf, // for a URL host.c's simple_url did not take
    // env: the spec's env and secrets, with what the caller proved (a
    // credential's disclosed attributes, a CI job's claims), which comes
    // per request as CGI variables.
    env() {
      if (env === null) env = Object.freeze(Object.assign({}, host.env));
      const extra = host.credVars();
      if (extra.length === 0) return env;
      const e = Object.assign({}, env);
      for (let i = 0; i < extra.length; i += 2) e[extra[i]] = extra[i + 1];
      return Object.freeze(e);
    },
    head: Response._head,
    uncaught(e) { console.error("Uncaught", e); },
    tick() {
      if (pending.size === 0) return false;
      let id, t;
      for (const [k, v] of pending) if (!t || v.due < t.due) { id = k; t = v; }
      host.sleep(t.due - Date.now());
      if (t.every >= 0) t.due = Date.now() + t.every; else pending.delete(id);
      t.fn(...t.args);
      return true;
    },
  };
})();
