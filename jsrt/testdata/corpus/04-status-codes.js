export default {
  fetch(req) {
    const code = Number(new URL(req.url).searchParams.get("code"));
    return new Response("status " + code, { status: code, headers: { "x-code": String(code) } });
  },
};
