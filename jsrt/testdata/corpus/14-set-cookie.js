export default {
  fetch() {
    const h = new Headers();
    h.append("set-cookie", "a=1; Path=/");
    h.append("set-cookie", "b=2; HttpOnly");
    return new Response(JSON.stringify(h.getSetCookie()), { headers: h });
  },
};
