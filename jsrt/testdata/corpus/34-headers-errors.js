export default {
  fetch(req) {
    const out = [];
    try { new Headers({ "bad name": "x" }); } catch (e) { out.push(e.name); }
    try { req.headers.set("x", "y"); } catch (e) { out.push(e.name); }
    try { new Response("x", { status: 99 }); } catch (e) { out.push(e.name); }
    return new Response(out.join(","));
  },
};
