export default {
  fetch() {
    const h = new Headers({ "X-One": "1" });
    h.append("x-two", "a");
    h.append("X-Two", "b");
    h.set("x-three", "  padded  ");
    h.delete("x-nothing");
    return new Response([h.get("x-two"), h.get("X-THREE"), h.has("x-one"), h.get("missing")].join("|"), { headers: h });
  },
};
