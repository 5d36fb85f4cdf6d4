export default {
  fetch() {
    const u = new URL("https://user:pw@Example.COM:8080/a/./b/../c%20d?x=1&y=two#frag");
    return Response.json({
      href: u.href, protocol: u.protocol, username: u.username, password: u.password, host: u.host,
      hostname: u.hostname, port: u.port, pathname: u.pathname, search: u.search, hash: u.hash, origin: u.origin,
    });
  },
};
