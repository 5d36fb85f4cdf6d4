export default {
  fetch() {
    const a = crypto.getRandomValues(new Uint8Array(32));
    const b = crypto.getRandomValues(new Uint32Array(4));
    const id = crypto.randomUUID();
    let err = "none";
    try { crypto.getRandomValues(new Uint8Array(65537)); } catch (e) { err = e.name; }
    return Response.json({ a: a.length, b: b.length, distinct: a.some((x, i) => x !== a[0]), uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id), err });
  },
};
