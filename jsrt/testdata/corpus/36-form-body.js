export default {
  async fetch(req) {
    const p = new URLSearchParams(await req.text());
    const r = new Response(new URLSearchParams({ echoed: p.get("name") || "" }));
    return new Response(await r.text(), { headers: { "content-type": r.headers.get("content-type") } });
  },
};
