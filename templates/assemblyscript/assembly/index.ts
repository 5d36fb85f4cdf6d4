// A WebFunctions function in AssemblyScript: a WAGI (CGI) program.
// The request arrives in environment variables and on stdin; the response
// is a CGI header block, a blank line and the body, written to stdout.
// Anything written to stderr becomes the invocation's log (`wf logs`).
//
// package.json builds with AssemblyScript's stub runtime, which allocates
// and never frees: each request gets a fresh instance that is thrown away
// after it, so a garbage collector would only cost time (it halves this
// function's time in the sandbox). A function that allocates much more than
// its memory limit within one request should drop `--runtime stub` to get
// the default incremental collector.

function queryParam(query: string, key: string): string {
  const parts = query.split("&");
  for (let i = 0; i < parts.length; i++) {
    const kv = parts[i].split("=");
    if (kv.length == 2 && kv[0] == key) return kv[1];
  }
  return "";
}

function readBody(): string {
  const chunks = new Array<ArrayBuffer>();
  let total = 0;
  while (true) {
    const buf = new ArrayBuffer(4096);
    const n = process.stdin.read(buf);
    if (n <= 0) break;
    chunks.push(buf.slice(0, n));
    total += n;
  }
  const all = new Uint8Array(total);
  let off = 0;
  for (let i = 0; i < chunks.length; i++) {
    all.set(Uint8Array.wrap(chunks[i]), off);
    off += chunks[i].byteLength;
  }
  return String.UTF8.decode(all.buffer);
}

const method = process.env.has("REQUEST_METHOD") ? process.env.get("REQUEST_METHOD") : "GET";
const query = process.env.has("QUERY_STRING") ? process.env.get("QUERY_STRING") : "";
let name = queryParam(query, "name");
if (method == "POST") name = readBody();
if (name.length == 0) name = "world";

process.stderr.write("greeting " + name + "\n");
process.stdout.write("Content-Type: text/plain; charset=utf-8\n\n");
process.stdout.write("Hello, " + name + "!\n");
