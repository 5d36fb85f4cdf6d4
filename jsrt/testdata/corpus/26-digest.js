const hex = (b) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, "0")).join("");
export default {
  async fetch() {
    const abc = new TextEncoder().encode("abc");
    const long = new Uint8Array(1000).fill(97);
    return new Response([
      hex(await crypto.subtle.digest("SHA-256", abc)),
      hex(await crypto.subtle.digest({ name: "SHA-256" }, long)),
      hex(await crypto.subtle.digest("SHA-1", abc)),
      hex(await crypto.subtle.digest("SHA-256", new Uint8Array(0))),
    ].join("\n"));
  },
};
