export default {
  async fetch(req) {
    const v = await req.json();
    v.seen = true;
    return Response.json(v, { status: 202 });
  },
};
