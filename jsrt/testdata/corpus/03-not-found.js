export default { fetch() { return new Response("nothing here", { status: 404 }); } };
