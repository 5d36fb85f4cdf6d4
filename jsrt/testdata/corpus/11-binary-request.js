export default {
  async fetch(req) {
    const b = new Uint8Array(await req.arrayBuffer());
    let sum = 0;
    for (const x of b) sum += x;
    return Response.json({ length: b.length, sum, first: b[0], last: b[b.length - 1] });
  },
};
