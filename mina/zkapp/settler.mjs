// The MINA settler: a loopback HTTP service through which the Go provider
// (package mina/settler) reads PaymentChannel accounts and redeems vouchers,
// and through which `wf mina channel ...` opens, tops up and closes channels.
// o1js runs only here; Go never builds a Mina transaction.
//
//   node settler.mjs --mode local   [--listen 127.0.0.1:0] [--network testnet]
//   node settler.mjs --mode graphql --graphql URL [--network testnet|mainnet] [--cache DIR]
//
// Modes:
//   local    o1js's in-process LocalBlockchain with proofs off, for wf dev and
//            tests: the chain lives in this process (gone when it exits). It
//            also funds accounts (POST /v1/local/fund) and sets the slot
//            (POST /v1/local/slot).
//   graphql  a Mina node's GraphQL endpoint (devnet or mainnet); the zkApp is
//            compiled once, its keys cached on disk (--cache, default ./cache).
//            Transactions are paid by the fee payer whose private key is in
//            the environment variable WF_MINA_FEE_PAYER_KEY.
//
// It prints "listening on http://HOST:PORT" once ready. Private keys that
// requests carry (a payer's, to open a channel) are used for one transaction
// and never written or logged. It listens on loopback only.
//
// API (JSON; amounts are decimal strings of nanomina; keys in base58):
//   GET  /v1/info                       mode, network, slot, vkHash
//   GET  /v1/channels/{address}         the channel's state, balance, slot; 404 if no account
//   POST /v1/channels                   {payerKey, provider, priceCap, budget, expirySlot, deposit} -> {address, hash}
//   POST /v1/channels/{address}/topup   {payerKey, amount} -> {hash}
//   POST /v1/channels/{address}/close   {payerKey, provider} -> {hash}
//   POST /v1/redeem                     {channel, payer, provider, cumulative, session, expiry, signature, upTo} -> {hash, tx}
//   POST /v1/settle                     {channel, payer, provider, amount, count, signature} -> {hash, tx} (owner-pays; the provider signed)
//                                       built, proven and signed by the fee payer, not sent
//   POST /v1/send                       {tx} -> {hash}
//   GET  /v1/tx/{hash}                  {status: pending|included|failed|unknown, error}
import http from 'node:http';
import { AccountUpdate, Cache, Field, Mina, PrivateKey, PublicKey, Signature, UInt32, UInt64, checkZkappTransaction, fetchAccount, fetchLastBlock } from 'o1js';
import { PaymentChannel, NETWORK, sessionFields } from './src/channel.js';

const args = process.argv.slice(2);
function flag(name, def) {
  const i = args.indexOf('--' + name);
  if (i < 0) return def;
  if (i + 1 >= args.length) throw Error(`--${name} needs a value`);
  return args[i + 1];
}
const mode = flag('mode', 'local');
const network = flag('network', 'testnet');
const listen = flag('listen', '127.0.0.1:0');
const cacheDir = flag('cache', new URL('./cache', import.meta.url).pathname);
if (!(network in NETWORK)) throw Error(`--network must be testnet or mainnet, not ${network}`);
if (mode !== 'local' && mode !== 'graphql') throw Error(`--mode must be local or graphql, not ${mode}`);

let Local, feePayer, vkHash = null;
if (mode === 'local') {
  Local = await Mina.LocalBlockchain({ proofsEnabled: false });
  Mina.setActiveInstance(Local);
  feePayer = { key: Local.testAccounts[0].key, pub: Local.testAccounts[0] };
} else {
  const url = flag('graphql');
  if (!url) throw Error('--graphql URL is required in graphql mode');
  Mina.setActiveInstance(Mina.Network({ mina: url, networkId: network === 'mainnet' ? 'mainnet' : 'testnet' }));
  const k = process.env.WF_MINA_FEE_PAYER_KEY;
  if (!k) throw Error('WF_MINA_FEE_PAYER_KEY (the fee payer\'s private key) is required in graphql mode');
  feePayer = { key: PrivateKey.fromBase58(k) };
  feePayer.pub = feePayer.key.toPublicKey();
  const { verificationKey } = await PaymentChannel.compile({ cache: Cache.FileSystem(cacheDir) });
  vkHash = verificationKey.hash.toString();
}
const fee = mode === 'local' ? undefined : UInt64.from(flag('fee', '100000000')); // 0.1 MINA

// o1js builds one transaction at a time (a global context): everything
// that touches the chain goes through this queue.
let queue = Promise.resolve();
function serial(f) {
  const p = queue.then(f);
  queue = p.catch(() => {});
  return p;
}

class HTTPError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}
const bad = (m) => new HTTPError(400, m);

function pub(s, what) {
  try { return PublicKey.fromBase58(String(s)); } catch { throw bad(`${what} is not a Mina public key`); }
}
function priv(s, what) {
  try { return PrivateKey.fromBase58(String(s)); } catch { throw bad(`${what} is not a Mina private key`); }
}
function u64(s, what) {
  if (typeof s !== 'string' || !/^(0|[1-9][0-9]{0,19})$/.test(s) || BigInt(s) >= 1n << 64n) throw bad(`${what} is not a decimal amount`);
  return UInt64.from(BigInt(s));
}

async function slot() {
  if (mode === 'graphql') await fetchLastBlock();
  return Mina.getNetworkState().globalSlotSinceGenesis.toBigint();
}

async function load(address) {
  if (mode === 'graphql') {
    const r = await fetchAccount({ publicKey: address });
    if (r.error) return null;
  }
  if (!Mina.hasAccount(address)) return null;
  return Mina.getAccount(address);
}

// Local mode records each deployed channel's verification key hash: with
// proofs off there is no compiled key to compare against.
const localVK = new Map();

async function channelState(address) {
  const acct = await load(address);
  if (!acct) return null;
  const st = acct.zkapp?.appState ?? [];
  const vk = acct.zkapp?.verificationKey?.hash?.toString() ?? '';
  const want = mode === 'local' ? localVK.get(address.toBase58()) : vkHash;
  return {
    address: address.toBase58(),
    parties: (st[0] ?? Field(0)).toString(),
    networkId: Number((st[1] ?? Field(0)).toBigInt()),
    priceCap: (st[2] ?? Field(0)).toString(),
    budget: (st[3] ?? Field(0)).toString(),
    redeemed: (st[4] ?? Field(0)).toString(),
    settled: (st[5] ?? Field(0)).toString(),
    settledCount: (st[6] ?? Field(0)).toString(),
    expiry: Number((st[7] ?? Field(0)).toBigInt()),
    balance: acct.balance.toBigInt().toString(),
    slot: Number(await slot()),
    vkHash: vk,
    code: want != null && vk === want,
  };
}

// Transactions this process sent: hash -> {status, error}.
const sent = new Map();

async function submit(tx) {
  const p = await tx.send();
  const hash = p.hash;
  if (p.status === 'rejected') {
    const error = JSON.stringify(p.errors ?? []);
    sent.set(hash, { status: 'failed', error });
    throw new HTTPError(409, `transaction ${hash} rejected: ${error}`);
  }
  sent.set(hash, { status: mode === 'local' ? 'included' : 'pending', error: '' });
  return hash;
}

async function build(sender, keys, body) {
  const tx = await Mina.transaction(fee ? { sender, fee } : sender, body);
  await tx.prove();
  tx.sign(keys);
  return tx;
}

const routes = {
  'GET /v1/info': async () => ({ mode, network, slot: Number(await slot()), vkHash, feePayer: feePayer.pub.toBase58() }),

  'GET /v1/channels/:addr': async (_b, addr) => {
    const st = await channelState(pub(addr, 'channel'));
    if (!st) throw new HTTPError(404, `no account ${addr}`);
    return st;
  },

  'POST /v1/channels': async (b) => {
    const payerKey = priv(b.payerKey, 'payerKey');
    const payer = payerKey.toPublicKey();
    const provider = pub(b.provider, 'provider');
    const zkKey = PrivateKey.random();
    const ch = new PaymentChannel(zkKey.toPublicKey());
    const tx = await build(payer, [payerKey, zkKey], async () => {
      AccountUpdate.fundNewAccount(payer);
      await ch.deploy();
      await ch.open(payer, provider, Field(NETWORK[network]), u64(b.priceCap, 'priceCap'), u64(b.budget, 'budget'),
        UInt32.from(u64(b.expirySlot, 'expirySlot').toBigInt() & 0xffffffffn), u64(b.deposit, 'deposit'));
    });
    const hash = await submit(tx);
    if (mode === 'local') localVK.set(ch.address.toBase58(), Mina.getAccount(ch.address).zkapp.verificationKey.hash.toString());
    return { address: ch.address.toBase58(), hash };
  },

  'POST /v1/channels/:addr/topup': async (b, addr) => {
    const payerKey = priv(b.payerKey, 'payerKey');
    const ch = new PaymentChannel(pub(addr, 'channel'));
    if (mode === 'graphql') await fetchAccount({ publicKey: ch.address });
    const tx = await build(payerKey.toPublicKey(), [payerKey], async () => { await ch.topUp(u64(b.amount, 'amount')); });
    return { hash: await submit(tx) };
  },

  'POST /v1/channels/:addr/close': async (b, addr) => {
    const payerKey = priv(b.payerKey, 'payerKey');
    const ch = new PaymentChannel(pub(addr, 'channel'));
    if (mode === 'graphql') await fetchAccount({ publicKey: ch.address });
    const tx = await build(payerKey.toPublicKey(), [payerKey], async () => {
      await ch.close(payerKey.toPublicKey(), pub(b.provider, 'provider'));
    });
    return { hash: await submit(tx) };
  },

  'POST /v1/redeem': async (b) => {
    const ch = new PaymentChannel(pub(b.channel, 'channel'));
    if (mode === 'graphql') await fetchAccount({ publicKey: ch.address });
    let session;
    try { session = sessionFields(Buffer.from(String(b.session), 'base64url')); } catch { throw bad('session is not 32 bytes of base64url'); }
    let sig;
    try { sig = Signature.fromBase58(String(b.signature)); } catch { throw bad('signature is not a Mina signature'); }
    const payer = pub(b.payer, 'payer'), provider = pub(b.provider, 'provider');
    const tx = await build(feePayer.pub, [feePayer.key], async () => {
      await ch.redeem(payer, provider, u64(b.cumulative, 'cumulative'), Field(session[0]), Field(session[1]),
        u64(String(b.expiry), 'expiry'), u64(b.upTo, 'upTo'), sig);
    });
    const json = tx.toJSON();
    return { hash: await Mina.Transaction.hash(json), tx: json };
  },

  'POST /v1/settle': async (b) => {
    const ch = new PaymentChannel(pub(b.channel, 'channel'));
    if (mode === 'graphql') await fetchAccount({ publicKey: ch.address });
    let sig;
    try { sig = Signature.fromBase58(String(b.signature)); } catch { throw bad('signature is not a Mina signature'); }
    const payer = pub(b.payer, 'payer'), provider = pub(b.provider, 'provider');
    const tx = await build(feePayer.pub, [feePayer.key], async () => {
      await ch.settle(payer, provider, u64(b.amount, 'amount'), u64(String(b.count), 'count'), sig);
    });
    const json = tx.toJSON();
    return { hash: await Mina.Transaction.hash(json), tx: json };
  },

  'POST /v1/send': async (b) => {
    if (typeof b.tx !== 'string') throw bad('tx is required');
    let tx;
    try { tx = Mina.Transaction.fromJSON(JSON.parse(b.tx)); } catch { throw bad('tx is not a transaction\'s JSON'); }
    return { hash: await submit(tx) };
  },

  'GET /v1/tx/:hash': async (_b, hash) => {
    const s = sent.get(hash);
    if (mode === 'local') return s ?? { status: 'unknown', error: '' };
    try {
      const r = await checkZkappTransaction(hash);
      if (r?.success) return { status: 'included', error: '' };
      if (r && r.failureReason) return { status: 'failed', error: JSON.stringify(r.failureReason) };
    } catch { /* the node does not know it (yet) */ }
    return s ? { status: 'pending', error: '' } : { status: 'unknown', error: '' };
  },

  'POST /v1/local/fund': async (b) => {
    if (mode !== 'local') throw new HTTPError(404, 'only in local mode');
    const to = pub(b.address, 'address');
    const amount = u64(b.amount, 'amount');
    const from = Local.testAccounts[1];
    const tx = await build(from, [from.key], async () => {
      const u = AccountUpdate.createSigned(from);
      if (!Mina.hasAccount(to)) AccountUpdate.fundNewAccount(from);
      u.send({ to, amount });
    });
    return { hash: await submit(tx) };
  },

  'POST /v1/local/slot': async (b) => {
    if (mode !== 'local') throw new HTTPError(404, 'only in local mode');
    Local.setGlobalSlot(UInt32.from(u64(String(b.slot), 'slot').toBigInt() & 0xffffffffn));
    return { slot: Number(await slot()) };
  },
};

async function route(method, path, body) {
  const parts = path.split('/');
  for (const [k, f] of Object.entries(routes)) {
    const [m, p] = k.split(' ');
    if (m !== method) continue;
    const want = p.split('/');
    if (want.length !== parts.length) continue;
    const params = [];
    if (want.every((w, i) => (w.startsWith(':') ? (params.push(decodeURIComponent(parts[i])), parts[i] !== '') : w === parts[i]))) {
      return f(body, ...params);
    }
  }
  throw new HTTPError(404, `no route ${method} ${path}`);
}

const server = http.createServer((req, res) => {
  let size = 0;
  const chunks = [];
  req.on('data', (c) => {
    size += c.length;
    if (size > 1 << 20) req.destroy();
    else chunks.push(c);
  });
  req.on('end', async () => {
    let out, status = 200;
    try {
      let body = {};
      if (req.method === 'POST') {
        try { body = JSON.parse(Buffer.concat(chunks).toString() || '{}'); } catch { throw bad('body is not JSON'); }
        if (typeof body !== 'object' || body === null) throw bad('body is not a JSON object');
      }
      const path = new URL(req.url, 'http://x').pathname;
      out = await serial(() => route(req.method, path, body));
    } catch (e) {
      status = e.status ?? 500;
      // o1js's failures (a precondition, an assertion) are the caller's to see.
      out = { error: String(e.message ?? e).split('\n')[0] };
      if (status === 500) status = 409;
    }
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(out));
  });
});

const [host, port] = [listen.slice(0, listen.lastIndexOf(':')), Number(listen.slice(listen.lastIndexOf(':') + 1))];
if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) throw Error('the settler listens on loopback only');
server.listen(port, host.replace(/^\[|\]$/g, ''), () => {
  const a = server.address();
  console.log(`listening on http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`);
});
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => server.close(() => process.exit(0)));
