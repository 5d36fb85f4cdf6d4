export default {
  fetch() {
    const out = [btoa("hello"), btoa(""), btoa("ab"), atob("aGVsbG8="), atob("YWI"), atob(" aGk= ")];
    try { btoa("€"); } catch (e) { out.push(e.name); }
    try { atob("!!"); } catch (e) { out.push(e.name); }
    return new Response(out.join("\n"));
  },
};
