export default {
  async fetch() {
    const r = new Response("body once");
    const c = r.clone();
    const first = await r.text();
    let second = "none";
    try { await r.text(); } catch (e) { second = e.name; }
    return Response.json({ first, used: r.bodyUsed, second, clone: await c.text() });
  },
};
