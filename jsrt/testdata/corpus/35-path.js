export default {
  fetch(req) {
    const u = new URL(req.url);
    return Response.json({ pathname: u.pathname, search: u.search, parts: u.pathname.split("/").filter(Boolean) });
  },
};
