export default {
  fetch() {
    const p = new URLSearchParams("a=1&b=2&a=3&c=%20x+y");
    p.append("d", "é&=?");
    p.set("a", "one");
    p.delete("b");
    const out = [p.toString(), p.get("c"), JSON.stringify([...p.keys()])];
    p.sort();
    out.push(p.toString());
    const u = new URL("https://x.example/?k=v");
    u.searchParams.append("new", "1 2");
    out.push(u.href, new URLSearchParams({ x: "1", y: "2" }).toString());
    return new Response(out.join("\n"));
  },
};
