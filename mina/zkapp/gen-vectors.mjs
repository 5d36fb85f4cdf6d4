// Generates the golden vectors for the Go package mina (../testdata/vectors.json)
// and its Poseidon constants (../poseidon_params.go) from the pinned mina-signer.
// Run: npm ci && node gen-vectors.mjs   (deterministic: same output every run)
//
// signFields in mina-signer's client always signs for 'devnet'; the mainnet
// vectors call the same sign function (its own module) with 'mainnet'.
import { writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import Client from 'mina-signer';
import { sign, verify, Signature } from './node_modules/mina-signer/dist/node/mina-signer/src/signature.js';
import { PrivateKey, PublicKey } from './node_modules/mina-signer/dist/node/mina-signer/src/curve-bigint.js';
import { Poseidon, hashWithPrefix, prefixes } from './node_modules/mina-signer/dist/node/mina-signer/src/poseidon-bigint.js';
import { poseidonParamsKimchiFp } from './node_modules/mina-signer/dist/node/bindings/crypto/constants.js';
import { Fp, Fq } from './node_modules/mina-signer/dist/node/bindings/crypto/finite-field.js';

const here = new URL('.', import.meta.url);
const p = Fp.modulus, q = Fq.modulus;

// Deterministic pseudo-random numbers: sha256 of a counter.
let counter = 0;
function rand(mod) {
  let h = createHash('sha256').update('wf-mina-vectors-' + counter++).digest('hex');
  h += createHash('sha256').update('wf-mina-vectors-' + counter++).digest('hex');
  return BigInt('0x' + h) % mod;
}

const keys = [1n, 2n, q - 1n, p - 1n, p, p + 1n];
for (let i = 0; i < 6; i++) keys.push(rand(q));
const messages = [[], [0n], [1n, 2n], [p - 1n, 0n, 1n], [rand(p)], [rand(p), rand(p), rand(p), rand(p), rand(p)]];
for (let i = 0; i < 3; i++) messages.push(Array.from({ length: 1 + i * 3 }, () => rand(p)));

const client = new Client({ network: 'testnet' });
const signatures = [];
let n = 0;
for (const d of keys) {
  const privateKey = PrivateKey.toBase58(d);
  const publicKey = PublicKey.toBase58(PrivateKey.toPublicKey(d));
  for (const network of ['mainnet', 'testnet']) {
    // two messages per key and network keeps the file small but covers every message
    for (const fields of [messages[n++ % messages.length], messages[n++ % messages.length]]) {
      const sig = sign({ fields }, d, network);
      const pk = PublicKey.fromBase58(publicKey);
      if (!verify(sig, { fields }, pk, network)) throw Error('mina-signer does not verify its own signature');
      const other = network === 'mainnet' ? 'testnet' : 'mainnet';
      if (verify(sig, { fields }, pk, other)) throw Error('cross-network signature verifies');
      if (network === 'testnet') {
        // the client API (signFields) is the same signature
        const viaClient = client.signFields(fields, privateKey);
        if (viaClient.signature !== Signature.toBase58(sig)) throw Error('signFields differs from sign(devnet)');
      }
      signatures.push({
        privateKey, publicKey, network,
        fields: fields.map(String),
        r: String(sig.r), s: String(sig.s),
        signature: Signature.toBase58(sig),
      });
    }
  }
}

const hashes = [];
for (const input of [[], [0n], [1n], [1n, 2n], [1n, 2n, 3n], [p - 1n, p - 1n, p - 1n, p - 1n], [rand(p), rand(p), rand(p), rand(p), rand(p)]]) {
  hashes.push({ input: input.map(String), hash: String(Poseidon.hash(input)) });
}
const prefixed = [];
for (const prefix of [prefixes.signatureMainnet, prefixes.signatureTestnet, 'WfMinaVoucher']) {
  for (const input of [[], [5n], [rand(p), rand(p), rand(p)]]) {
    prefixed.push({ prefix, input: input.map(String), hash: String(hashWithPrefix(prefix, input)) });
  }
}

writeFileSync(new URL('../testdata/vectors.json', here), JSON.stringify({
  generator: 'mina/zkapp/gen-vectors.mjs with mina-signer 4.0.0',
  signatures, poseidon: hashes, poseidonWithPrefix: prefixed,
}, null, 1) + '\n');

// Vouchers exactly as the zkApp checks them (src/channel.js), signed with
// o1js's Signature.create; mina/voucher_test.go signs and verifies the same,
// and test/channel.test.js redeems them on the local chain.
{
  const { PrivateKey: O1Key, Signature: O1Sig } = await import('o1js');
  const { voucherFields, sessionFields, partiesHash, NETWORK } = await import('./src/channel.js');
  const payer = O1Key.fromBigInt(rand(q));
  const channel = O1Key.fromBigInt(rand(q));
  const vouchers = [];
  for (const [network, cumulative] of [['testnet', 1n], ['testnet', 1000n], ['mainnet', 2000n], ['testnet', 123456789n], ['testnet', (1n << 64n) - 1n]]) {
    const session = createHash('sha256').update('session-' + cumulative).digest();
    const expiry = 1_900_000_000n + cumulative % 1000n;
    const fields = voucherFields(NETWORK[network], channel.toPublicKey(), cumulative, sessionFields(session), expiry);
    vouchers.push({
      network, cumulative: String(cumulative), session: session.toString('hex'), expiry: String(expiry),
      fields: fields.map((f) => f.toString()),
      signature: O1Sig.create(payer, fields).toBase58(),
    });
  }
  writeFileSync(new URL('../testdata/vouchers.json', here), JSON.stringify({
    generator: 'mina/zkapp/gen-vectors.mjs with o1js 2.15.0',
    network: 'testnet',
    payerKey: payer.toBase58(), payer: payer.toPublicKey().toBase58(),
    channelKey: channel.toBase58(), channel: channel.toPublicKey().toBase58(),
    // the channel's parties state with the channel's own key standing in for a provider
    parties: partiesHash(payer.toPublicKey(), channel.toPublicKey()).toString(),
    vouchers,
  }, null, 1) + '\n');
}

// Poseidon (Kimchi) constants as Go source.
const P = poseidonParamsKimchiFp;
if (P.partialRounds !== 0 || P.hasInitialRoundConstant || P.stateSize !== 3 || P.rate !== 2 || P.power !== 7) throw Error('unexpected Poseidon parameters');
let go = '// Code generated by mina/zkapp/gen-vectors.mjs from mina-signer 4.0.0; DO NOT EDIT.\n\npackage mina\n\n';
go += `const poseidonFullRounds = ${P.fullRounds}\n\n`;
go += '// poseidonMDS and poseidonRoundConstants are decimal strings, converted once at init.\n';
go += 'var poseidonMDS = [3][3]string{\n' + P.mds.map(r => '\t{' + r.map(x => `"${x}"`).join(', ') + '},\n').join('') + '}\n\n';
go += `var poseidonRoundConstants = [${P.fullRounds}][3]string{\n` + P.roundConstants.map(r => '\t{' + r.map(x => `"${x}"`).join(', ') + '},\n').join('') + '}\n';
writeFileSync(new URL('../poseidon_params.go', here), go);
console.log(`wrote ${signatures.length} signatures, ${hashes.length + prefixed.length} hashes`);
