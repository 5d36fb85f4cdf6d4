export default {
  fetch(req) {
    return Response.json({ custom: req.headers.get("x-custom"), type: req.headers.get("content-type"), accept: req.headers.get("accept"), missing: req.headers.get("x-missing") });
  },
};
