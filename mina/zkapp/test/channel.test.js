// The PaymentChannel zkApp on o1js's in-process LocalBlockchain. Proofs are
// off unless WF_MINA_PROOFS=1 (then only the proofs-on test runs the real
// prover; see docs/mina.md). Run: npm test
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AccountUpdate, Field, Mina, Permissions, PrivateKey, Signature, UInt32, UInt64 } from 'o1js';
import { PaymentChannel, NETWORK, voucherFields, settleFields, sessionFields } from '../src/channel.js';

const MINA = 1_000_000_000n;
let Local, funder, payer, provider, stranger;

before(async () => {
  Local = await Mina.LocalBlockchain({ proofsEnabled: false });
  Mina.setActiveInstance(Local);
  [funder, payer, provider, stranger] = Local.testAccounts;
});

async function send(sender, keys, body) {
  const tx = await Mina.transaction(sender, body);
  await tx.prove();
  return tx.sign(keys).send();
}

async function open({ priceCap = 10n, budget = 100n, expiry = 50, deposit = 1000n, network = NETWORK.testnet, key } = {}) {
  const zkKey = key ?? PrivateKey.random();
  const channel = new PaymentChannel(zkKey.toPublicKey());
  await send(payer, [payer.key, zkKey], async () => {
    AccountUpdate.fundNewAccount(payer);
    await channel.deploy();
    await channel.open(payer, provider, Field(network), UInt64.from(priceCap), UInt64.from(budget), UInt32.from(expiry), UInt64.from(deposit));
  });
  return channel;
}

const balance = (pk) => Mina.getBalance(pk).toBigInt();
const SESSION = sessionFields(new Uint8Array(32).map((_, i) => i + 1));
const EXPIRY = 1_900_000_000n;
const voucher = (key, network, channel, cumulative) =>
  Signature.create(key, voucherFields(network, channel.address, cumulative, SESSION, EXPIRY));

// redeem up to upTo (default: the whole voucher) with the voucher for cumulative
async function redeem(channel, cumulative, sig, from = payer, upTo = cumulative) {
  return send(provider, [provider.key], async () => {
    await channel.redeem(from, provider, UInt64.from(cumulative), Field(SESSION[0]), Field(SESSION[1]),
      UInt64.from(EXPIRY), UInt64.from(upTo), sig);
  });
}

async function settle(channel, amount, count, key = provider.key) {
  const sig = Signature.create(key, settleFields(NETWORK.testnet, channel.address, amount, count));
  return send(provider, [provider.key], async () => {
    await channel.settle(payer, provider, UInt64.from(amount), UInt64.from(count), sig);
  });
}

describe('PaymentChannel (proofs off)', () => {
  it('opens with the deposit, cap, budget and expiry', async () => {
    Local.setGlobalSlot(0);
    const before = balance(payer);
    const ch = await open({ deposit: 5n * MINA });
    assert.equal(balance(ch.address), 5n * MINA);
    assert.equal(before - balance(payer), 5n * MINA + 1n * MINA + 0n, 'deposit plus the account creation fee');
    assert.equal(ch.priceCap.get().toBigInt(), 10n);
    assert.equal(ch.budget.get().toBigInt(), 100n);
    assert.equal(ch.expiry.get().toBigint(), 50n);
    assert.equal(ch.redeemed.get().toBigInt(), 0n);
    // a second open of the same channel is refused
    await assert.rejects(send(payer, [payer.key], async () => {
      await ch.open(payer, provider, Field(0), UInt64.from(1), UInt64.from(1), UInt32.from(9), UInt64.from(1));
    }));
  });

  it('redeems vouchers up to what was served: pays the difference, a replay or an older voucher pays nothing', async () => {
    Local.setGlobalSlot(0);
    const ch = await open();
    const p0 = balance(provider);
    const v60 = voucher(payer.key, NETWORK.testnet, ch, 60n);
    await redeem(ch, 60n, v60, payer, 30n); // served 30 of a 60 ceiling
    assert.equal(balance(provider) - p0, 30n);
    await assert.rejects(redeem(ch, 60n, v60, payer, 30n), /not above what was redeemed/); // replay
    await assert.rejects(redeem(ch, 60n, v60, payer, 61n), /above the voucher/);
    await assert.rejects(redeem(ch, 20n, voucher(payer.key, NETWORK.testnet, ch, 20n)), /not above what was redeemed/);
    await redeem(ch, 60n, v60, payer, 45n); // the same voucher's headroom, later
    await redeem(ch, 75n, voucher(payer.key, NETWORK.testnet, ch, 75n));
    assert.equal(balance(provider) - p0, 75n);
    assert.equal(ch.redeemed.get().toBigInt(), 75n);
    assert.equal(balance(ch.address), 1000n - 75n);
  });

  it('refuses vouchers by someone else, for another network or another channel, or above the balance', async () => {
    Local.setGlobalSlot(0);
    const ch = await open();
    const other = await open();
    await assert.rejects(redeem(ch, 5n, voucher(stranger.key, NETWORK.testnet, ch, 5n)), /not signed by the payer/);
    await assert.rejects(redeem(ch, 5n, voucher(payer.key, NETWORK.mainnet, ch, 5n)), /not signed by the payer/);
    await assert.rejects(redeem(ch, 5n, voucher(payer.key, NETWORK.testnet, other, 5n)), /not signed by the payer/);
    // the amount is part of what was signed
    await assert.rejects(redeem(ch, 6n, voucher(payer.key, NETWORK.testnet, ch, 5n)), /not signed by the payer/);
    // a stranger posing as payer fails the parties check
    await assert.rejects(redeem(ch, 5n, voucher(stranger.key, NETWORK.testnet, ch, 5n), stranger), /payer and provider/);
    await assert.rejects(redeem(ch, 5000n, voucher(payer.key, NETWORK.testnet, ch, 5000n)));
    assert.equal(ch.redeemed.get().toBigInt(), 0n);
    assert.equal(balance(ch.address), 1000n);
  });

  it('a mainnet channel takes mainnet vouchers only', async () => {
    Local.setGlobalSlot(0);
    const ch = await open({ network: NETWORK.mainnet });
    await assert.rejects(redeem(ch, 5n, voucher(payer.key, NETWORK.testnet, ch, 5n)), /not signed by the payer/);
    await redeem(ch, 5n, voucher(payer.key, NETWORK.mainnet, ch, 5n));
    assert.equal(ch.redeemed.get().toBigInt(), 5n);
  });

  it('settles owner-pays batches within the cap and budget, signed by the provider', async () => {
    Local.setGlobalSlot(0);
    const ch = await open({ priceCap: 10n, budget: 100n });
    const p0 = balance(provider);
    await settle(ch, 25n, 3n); // 3 requests, up to 30
    assert.equal(balance(provider) - p0, 25n);
    await assert.rejects(settle(ch, 25n, 3n), /no new requests/); // replay
    await assert.rejects(settle(ch, 50n, 4n), /price cap/); // 25 for 1 request
    await assert.rejects(settle(ch, 30n, 4n, payer.key), /not signed by the provider/);
    await assert.rejects(settle(ch, 20n, 5n), /below what was settled/);
    await settle(ch, 35n, 4n);
    await assert.rejects(settle(ch, 110n, 20n), /budget/);
    await settle(ch, 100n, 20n);
    assert.equal(balance(provider) - p0, 100n);
    assert.equal(ch.settled.get().toBigInt(), 100n);
    assert.equal(ch.settledCount.get().toBigInt(), 20n);
  });

  it('tops up, and after expiry closes refunding the rest to the payer only then', async () => {
    Local.setGlobalSlot(0);
    const ch = await open({ expiry: 20, deposit: 2n * MINA });
    await send(stranger, [stranger.key], async () => { await ch.topUp(UInt64.from(MINA)); });
    assert.equal(balance(ch.address), 3n * MINA);
    await redeem(ch, 7n, voucher(payer.key, NETWORK.testnet, ch, 7n));
    const close = () => send(stranger, [stranger.key], async () => { await ch.close(payer, provider); });
    await assert.rejects(close());
    Local.setGlobalSlot(20);
    await assert.rejects(redeem(ch, 9n, voucher(payer.key, NETWORK.testnet, ch, 9n)), 'no redeeming from the expiry slot');
    await assert.rejects(settle(ch, 1n, 1n));
    const before = balance(payer);
    await close();
    assert.equal(balance(payer) - before, 3n * MINA - 7n);
    assert.equal(balance(ch.address), 0n);
  });

  it('keeps its code and rules: the channel key cannot send, change permissions or delegate', async () => {
    Local.setGlobalSlot(0);
    const key = PrivateKey.random();
    const ch = await open({ key });
    await assert.rejects(send(payer, [payer.key, key], async () => {
      const u = AccountUpdate.createSigned(key.toPublicKey());
      u.send({ to: payer, amount: UInt64.from(10) });
    }));
    await assert.rejects(send(payer, [payer.key, key], async () => {
      AccountUpdate.createSigned(key.toPublicKey()).account.permissions.set(Permissions.default());
    }));
    await assert.rejects(send(payer, [payer.key, key], async () => {
      AccountUpdate.createSigned(key.toPublicKey()).account.delegate.set(payer);
    }));
    assert.equal(balance(ch.address), 1000n);
    assert.equal(ch.priceCap.get().toBigInt(), 10n);
  });
});

// The vouchers in ../testdata/vouchers.json are the ones the Go package signs
// and verifies (mina/voucher_test.go): the channel must pay them.
describe('vouchers shared with Go', () => {
  it('redeems the committed vouchers and refuses their cross-network twins', async () => {
    const file = JSON.parse(readFileSync(new URL('../../testdata/vouchers.json', import.meta.url)));
    Local.setGlobalSlot(0);
    const goPayer = PrivateKey.fromBase58(file.payerKey);
    const channelKey = PrivateKey.fromBase58(file.channelKey);
    // fund the Go payer and let it open the channel
    await send(funder, [funder.key], async () => {
      AccountUpdate.fundNewAccount(funder);
      AccountUpdate.createSigned(funder).send({ to: goPayer.toPublicKey(), amount: UInt64.from(10n * MINA) });
    });
    const ch = new PaymentChannel(channelKey.toPublicKey());
    const payerPk = goPayer.toPublicKey();
    await send(payerPk, [goPayer, channelKey], async () => {
      AccountUpdate.fundNewAccount(payerPk);
      await ch.deploy();
      await ch.open(payerPk, provider, Field(NETWORK[file.network]), UInt64.from(1), UInt64.from(1), UInt32.from(1000), UInt64.from(MINA));
    });
    for (const v of file.vouchers) {
      const sig = Signature.fromBase58(v.signature);
      const [hi, lo] = sessionFields(Buffer.from(v.session, 'hex'));
      const redeemIt = () => send(provider, [provider.key], async () => {
        await ch.redeem(payerPk, provider, UInt64.from(BigInt(v.cumulative)), Field(hi), Field(lo),
          UInt64.from(BigInt(v.expiry)), UInt64.from(BigInt(v.cumulative)), sig);
      });
      // a voucher from another network, or above the channel's balance, pays nothing
      if (v.network !== file.network || BigInt(v.cumulative) > MINA) {
        await assert.rejects(redeemIt());
        continue;
      }
      await redeemIt();
      assert.equal(ch.redeemed.get().toBigInt(), BigInt(v.cumulative));
    }
  });
});
