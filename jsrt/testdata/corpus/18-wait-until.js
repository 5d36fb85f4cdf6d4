export default {
  fetch(req, env, ctx) {
    let done = false;
    ctx.waitUntil(new Promise((r) => setTimeout(r, 5)).then(() => { done = true; console.log("waited"); }));
    return new Response("responded before waitUntil finished: " + !done);
  },
};
