export default {
  async fetch() {
    const r = new Request("https://example.com/api?x=1", { method: "post", headers: { "X-A": "b" }, body: JSON.stringify({ k: "v" }) });
    let getErr = "none";
    try { new Request("https://example.com/", { method: "GET", body: "x" }); } catch (e) { getErr = e.name; }
    return Response.json({ method: r.method, url: r.url, a: r.headers.get("x-a"), body: await r.json(), getErr });
  },
};
