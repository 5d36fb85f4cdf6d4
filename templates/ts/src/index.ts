// A WebFunctions function in TypeScript, in the Cloudflare Workers module
// syntax: the same file runs on Workers. wf build bundles it (esbuild
// strips the types; it does not check them: run tsc for that) into one
// script; the provider runs it in a JavaScript engine inside the
// WebAssembly sandbox, fresh for every request.
// console output becomes the invocation's log (`wf logs`).
// What the runtime offers, and what it does not: docs/js.md.
interface Env {
  GREETING?: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    let name = url.searchParams.get("name") || "";
    if (request.method === "POST") name = await request.text();
    if (!name) name = "world";
    console.log("greeting", name);
    const greeting = env.GREETING || "Hello";
    return new Response(`${greeting}, ${name}!\n`, {
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  },
};
