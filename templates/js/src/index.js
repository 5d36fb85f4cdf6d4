// A WebFunctions function in JavaScript, in the Cloudflare Workers module
// syntax: the same file runs on Workers. wf build bundles it (and whatever
// it imports) into one script; the provider runs it in a JavaScript engine
// inside the WebAssembly sandbox, fresh for every request.
// console output becomes the invocation's log (`wf logs`).
// What the runtime offers, and what it does not: docs/js.md.
export default {
  async fetch(request, env, ctx) {
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
