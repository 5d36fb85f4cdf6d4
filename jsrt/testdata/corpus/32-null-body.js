export default { fetch() { return new Response(null, { status: 204, headers: { "x-empty": "yes" } }); } };
