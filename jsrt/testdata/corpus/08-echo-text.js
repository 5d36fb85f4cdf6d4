export default { async fetch(req) { const t = await req.text(); return new Response("got " + t.length + ": " + t); } };
