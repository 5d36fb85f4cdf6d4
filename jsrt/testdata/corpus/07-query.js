export default {
  fetch(req) {
    const p = new URL(req.url).searchParams;
    return Response.json({ a: p.get("a"), all: p.getAll("b"), missing: p.get("zzz"), has: p.has("c"), size: p.size, s: p.toString() });
  },
};
