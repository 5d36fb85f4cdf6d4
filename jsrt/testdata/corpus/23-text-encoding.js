export default {
  fetch() {
    const s = "héllo €𝄞";
    const b = new TextEncoder().encode(s);
    const back = new TextDecoder().decode(b);
    const bom = new TextDecoder().decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]));
    return Response.json({ bytes: Array.from(b), same: back === s, bom, enc: new TextEncoder().encoding });
  },
};
