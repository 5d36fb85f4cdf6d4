export default { fetch() { return Response.json({ ok: true, n: 3, list: [1, "two", null], nested: { a: "é" } }); } };
