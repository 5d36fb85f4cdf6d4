export default {
  async fetch() {
    const order = [];
    await new Promise((r) => { setTimeout(() => { order.push("t2"); r(); }, 10); setTimeout(() => order.push("t1"), 1); queueMicrotask(() => order.push("micro")); });
    const id = setTimeout(() => order.push("cancelled"), 1);
    clearTimeout(id);
    await new Promise((r) => setTimeout(r, 5));
    return new Response(order.join(","));
  },
};
