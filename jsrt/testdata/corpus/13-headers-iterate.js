export default {
  fetch() {
    const h = new Headers([["b", "2"], ["a", "1"], ["C", "3"], ["a", "again"]]);
    const out = [];
    for (const [k, v] of h) out.push(k + "=" + v);
    h.forEach((v, k) => out.push("each " + k));
    return new Response(out.join("\n"));
  },
};
