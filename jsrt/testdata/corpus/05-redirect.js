export default { fetch() { return Response.redirect("https://example.com/elsewhere?x=1", 301); } };
