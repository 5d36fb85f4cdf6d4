export default { fetch(req, env) { return new Response("greeting=" + env.GREETING + " missing=" + env.NOPE); } };
