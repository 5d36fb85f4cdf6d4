export default {
  fetch() {
    const base = "https://example.com/dir/page?q=1#h";
    const rel = ["other", "../up", "/root", "?only=query", "#only-hash", "//host.example/p", "./x/./y/../z", "", "http://a.example:80/default-port", "https://b.example:443/"];
    return new Response(rel.map((r) => JSON.stringify(r) + " -> " + new URL(r, base).href).join("\n"));
  },
};
