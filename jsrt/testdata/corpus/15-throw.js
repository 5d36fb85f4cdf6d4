export default { fetch() { throw new Error("boom"); } };
