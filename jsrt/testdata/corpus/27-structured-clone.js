export default {
  fetch() {
    const src = { a: [1, { b: 2 }], m: new Map([["k", 1]]), s: new Set([1, 2]), d: new Date(0), u: new Uint8Array([1, 2]) };
    src.self = src;
    const c = structuredClone(src);
    let fnErr = "none";
    try { structuredClone({ f() {} }); } catch (e) { fnErr = e.name; }
    return Response.json({
      distinct: c !== src && c.a !== src.a, cyclic: c.self === c, map: c.m.get("k"), set: c.s.has(2),
      date: c.d.toISOString(), bytes: Array.from(c.u), fnErr,
    });
  },
};
