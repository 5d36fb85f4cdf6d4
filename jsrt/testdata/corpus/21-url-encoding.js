export default {
  fetch() {
    const out = [];
    for (const s of ["http://example.com/a b/ü?q=ä b#f g", "http://example.com/%7Efoo", "HTTP://EXAMPLE.com", "http://127.0.0.1:8080", "http://[::1]:3000/x"]) {
      out.push(new URL(s).href);
    }
    out.push(String(URL.canParse("not a url")), String(URL.canParse("/rel", "https://x.example")));
    try { new URL("nope"); } catch (e) { out.push(e.name); }
    return new Response(out.join("\n"));
  },
};
