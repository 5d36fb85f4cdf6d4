// The one test with real proofs: compile the PaymentChannel (cached on disk
// in mina/zkapp/cache), open a channel and redeem a voucher with proofs on.
// Slow (minutes on a cold cache), so it runs only with WF_MINA_PROOFS=1:
//   cd mina/zkapp && WF_MINA_PROOFS=1 node --test test/proofs.test.js
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { AccountUpdate, Cache, Field, Mina, PrivateKey, Signature, UInt32, UInt64 } from 'o1js';
import { PaymentChannel, NETWORK, voucherFields, sessionFields } from '../src/channel.js';

it('opens and redeems with proofs on', { skip: process.env.WF_MINA_PROOFS !== '1' && 'set WF_MINA_PROOFS=1' }, async () => {
  const t0 = Date.now();
  const { verificationKey } = await PaymentChannel.compile({ cache: Cache.FileSystem(new URL('../cache', import.meta.url).pathname) });
  console.log(`compile: ${Date.now() - t0} ms, verification key hash ${verificationKey.hash}`);
  const Local = await Mina.LocalBlockchain({ proofsEnabled: true });
  Mina.setActiveInstance(Local);
  const [payer, provider] = Local.testAccounts;
  const key = PrivateKey.random();
  const ch = new PaymentChannel(key.toPublicKey());
  let tx = await Mina.transaction(payer, async () => {
    AccountUpdate.fundNewAccount(payer);
    await ch.deploy();
    await ch.open(payer, provider, Field(NETWORK.testnet), UInt64.from(10), UInt64.from(100), UInt32.from(100), UInt64.from(1000));
  });
  let t1 = Date.now();
  await tx.prove();
  console.log(`prove open: ${Date.now() - t1} ms`);
  await tx.sign([payer.key, key]).send();
  const session = sessionFields(new Uint8Array(32).fill(7));
  const sig = Signature.create(payer.key, voucherFields(NETWORK.testnet, ch.address, 42n, session, 1_900_000_000n));
  tx = await Mina.transaction(provider, async () => {
    await ch.redeem(payer, provider, UInt64.from(42), Field(session[0]), Field(session[1]), UInt64.from(1_900_000_000n), UInt64.from(42), sig);
  });
  t1 = Date.now();
  await tx.prove();
  console.log(`prove redeem: ${Date.now() - t1} ms`);
  await tx.sign([provider.key]).send();
  assert.equal(ch.redeemed.get().toBigInt(), 42n);
  assert.equal(Mina.getAccount(ch.address).zkapp.verificationKey.hash.toString(), verificationKey.hash.toString());
});
