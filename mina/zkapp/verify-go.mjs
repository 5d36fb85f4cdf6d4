// Verifies signatures made by the Go package mina with the pinned
// mina-signer: reads JSON [{publicKey, fields, network, signature}] on stdin
// and prints, per entry, [verifies on its network, verifies on the other].
// Used by mina/cross_test.go.
import { verify, Signature } from './node_modules/mina-signer/dist/node/mina-signer/src/signature.js';
import { PublicKey } from './node_modules/mina-signer/dist/node/mina-signer/src/curve-bigint.js';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const out = JSON.parse(input).map(({ publicKey, fields, network, signature }) => {
  const pk = PublicKey.fromBase58(publicKey);
  const sig = Signature.fromBase58(signature);
  const msg = { fields: fields.map(BigInt) };
  const other = network === 'mainnet' ? 'testnet' : 'mainnet';
  return [verify(sig, msg, pk, network), verify(sig, msg, pk, other)];
});
process.stdout.write(JSON.stringify(out));
