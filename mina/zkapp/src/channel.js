// PaymentChannel: one zkApp account per (payer, provider) that holds the
// payer's MINA for one provider, in the shape of the EVM Escrow:
//
// - open: the payer deploys the channel with a deposit, a price cap per
//   request, an owner-pays budget and an expiry slot (the payer signs).
// - topUp: anyone adds MINA (the sender signs).
// - redeem: caller-pays, as the Escrow's redeemVoucher. The payer signs a
//   voucher off-chain: a cumulative ceiling, an Ed25519 session key that
//   signs each request (checked by the provider, only hashed here) and an
//   expiry (unix seconds, also the provider's to check). The provider redeems
//   up to what it served (at most the ceiling) and is paid the difference to
//   what was redeemed; a replay, or anything not above what was redeemed, is
//   refused and pays nothing.
// - settle: owner-pays, mirroring Escrow.settle. The provider signs
//   (amount settled so far, requests settled so far), both cumulative; the
//   channel pays the difference if it is at most (new requests * price cap)
//   and the total stays within the budget. Replaying a settlement is refused.
// - close: once the expiry slot is reached, the rest goes back to the payer
//   (anyone may send it; the money can only go to the payer).
//
// Redeem and settle work strictly before the expiry slot and close strictly
// from it, so a provider knows until when it must redeem.
//
// Vouchers and settlements are o1js Signatures (Kimchi Poseidon with the
// "CodaSignature" prefix, the same on every network) over fields that name
// the network and the channel: see voucherFields / settleFields, which the Go
// package mina reproduces (mina.VoucherFields).
import {
  AccountUpdate, Field, Permissions, Poseidon, PublicKey, Signature, SmartContract,
  State, UInt32, UInt64, declareMethods, declareState,
} from 'o1js';

/** Little-endian integer of an ASCII tag (fits in one field: under 31 bytes). */
export function tag(s) {
  let v = 0n;
  for (let i = s.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(s.charCodeAt(i));
  return v;
}
export const VOUCHER_TAG = tag('wf-mina-voucher-v1');
export const SETTLE_TAG = tag('wf-mina-settle-v1');
/** Network ids inside vouchers: a voucher for one never pays on the other. */
export const NETWORK = { testnet: 0n, mainnet: 1n };

/**
 * The fields a payer signs for a voucher: [tag, network, channel.x,
 * channel.isOdd, cumulative, session (two big-endian 128-bit halves of the
 * Ed25519 key), expiry (unix seconds)].
 */
export function voucherFields(network, channel, cumulative, session, expiry) {
  return [Field(VOUCHER_TAG), Field(network), ...channel.toFields(), UInt64.from(cumulative).value,
    ...session.map(Field), UInt64.from(expiry).value];
}

/** The two field halves of a 32-byte session key. */
export function sessionFields(key) {
  if (key.length !== 32) throw Error('session key must be 32 bytes');
  const hex = Buffer.from(key).toString('hex');
  return [BigInt('0x' + hex.slice(0, 32)), BigInt('0x' + hex.slice(32))];
}

/** The fields a provider signs to settle up to (amount, count), both cumulative. */
export function settleFields(network, channel, amount, count) {
  return [Field(SETTLE_TAG), Field(network), ...channel.toFields(), UInt64.from(amount).value, UInt64.from(count).value];
}

export function partiesHash(payer, provider) {
  return Poseidon.hash([...payer.toFields(), ...provider.toFields()]);
}

export class PaymentChannel extends SmartContract {
  constructor(address) {
    super(address);
    this.parties = State(); // Poseidon(payer, provider); 0 until opened
    this.networkId = State(); // NETWORK id the vouchers name
    this.priceCap = State(); // nanomina per request (settle)
    this.budget = State(); // nanomina settle may pay in total
    this.redeemed = State(); // cumulative voucher amount paid
    this.settled = State(); // cumulative amount paid by settle
    this.settledCount = State(); // cumulative requests paid by settle
    this.expiry = State(); // global slot from which close works
  }

  async deploy(args) {
    await super.deploy(args);
    // Nobody, not even the holder of the channel's key, may change the code or
    // the rules: the money moves only through the methods below.
    this.account.permissions.set({
      ...Permissions.default(),
      editState: Permissions.proof(),
      send: Permissions.proof(),
      setVerificationKey: Permissions.VerificationKey.impossibleDuringCurrentVersion(),
      setPermissions: Permissions.impossible(),
      setZkappUri: Permissions.impossible(),
      setTokenSymbol: Permissions.impossible(),
      setTiming: Permissions.impossible(),
      setDelegate: Permissions.impossible(),
      incrementNonce: Permissions.impossible(),
      setVotingFor: Permissions.impossible(),
      editActionState: Permissions.impossible(),
    });
  }

  async open(payer, provider, network, priceCap, budget, expiry, deposit) {
    this.parties.requireEquals(Field(0));
    network.mul(network.sub(1)).assertEquals(Field(0), 'network must be 0 (testnet) or 1 (mainnet)');
    expiry.assertGreaterThan(UInt32.zero, 'expiry must be a slot above 0');
    this.network.globalSlotSinceGenesis.requireBetween(UInt32.zero, expiry.sub(1));
    const from = AccountUpdate.createSigned(payer);
    from.send({ to: this.address, amount: deposit });
    this.parties.set(partiesHash(payer, provider));
    this.networkId.set(network);
    this.priceCap.set(priceCap);
    this.budget.set(budget);
    this.redeemed.set(UInt64.zero);
    this.settled.set(UInt64.zero);
    this.settledCount.set(UInt64.zero);
    this.expiry.set(expiry);
  }

  async topUp(amount) {
    this.parties.getAndRequireEquals().assertNotEquals(Field(0), 'channel not open');
    const sender = this.sender.getAndRequireSignature();
    AccountUpdate.createSigned(sender).send({ to: this.address, amount });
  }

  async redeem(payer, provider, cumulative, sessionHi, sessionLo, expiry, upTo, signature) {
    this.checkParties(payer, provider);
    this.beforeExpiry();
    const network = this.networkId.getAndRequireEquals();
    signature.verify(payer, voucherFields(network, this.address, cumulative, [sessionHi, sessionLo], expiry))
      .assertTrue('voucher not signed by the payer for this channel and network');
    upTo.assertLessThanOrEqual(cumulative, 'redeeming above the voucher');
    const redeemed = this.redeemed.getAndRequireEquals();
    upTo.assertGreaterThan(redeemed, 'not above what was redeemed');
    this.send({ to: provider, amount: upTo.sub(redeemed) });
    this.redeemed.set(upTo);
  }

  async settle(payer, provider, amount, count, signature) {
    this.checkParties(payer, provider);
    this.beforeExpiry();
    const network = this.networkId.getAndRequireEquals();
    signature.verify(provider, settleFields(network, this.address, amount, count))
      .assertTrue('settlement not signed by the provider for this channel and network');
    const settled = this.settled.getAndRequireEquals();
    const settledCount = this.settledCount.getAndRequireEquals();
    const priceCap = this.priceCap.getAndRequireEquals();
    const budget = this.budget.getAndRequireEquals();
    count.assertGreaterThan(settledCount, 'no new requests to settle');
    amount.assertGreaterThanOrEqual(settled, 'amount below what was settled');
    const pay = amount.sub(settled);
    pay.assertLessThanOrEqual(count.sub(settledCount).mul(priceCap), 'over the price cap per request');
    amount.assertLessThanOrEqual(budget, 'over the budget');
    this.send({ to: provider, amount: pay });
    this.settled.set(amount);
    this.settledCount.set(count);
  }

  async close(payer, provider) {
    this.checkParties(payer, provider);
    const expiry = this.expiry.getAndRequireEquals();
    this.network.globalSlotSinceGenesis.requireBetween(expiry, UInt32.MAXINT());
    const balance = this.account.balance.getAndRequireEquals();
    this.send({ to: payer, amount: balance });
  }

  checkParties(payer, provider) {
    this.parties.getAndRequireEquals().assertEquals(partiesHash(payer, provider), 'not this channel\'s payer and provider');
  }

  beforeExpiry() {
    const expiry = this.expiry.getAndRequireEquals();
    this.network.globalSlotSinceGenesis.requireBetween(UInt32.zero, expiry.sub(1));
  }
}

declareState(PaymentChannel, {
  parties: Field, networkId: Field, priceCap: UInt64, budget: UInt64,
  redeemed: UInt64, settled: UInt64, settledCount: UInt64, expiry: UInt32,
});
declareMethods(PaymentChannel, {
  open: [PublicKey, PublicKey, Field, UInt64, UInt64, UInt32, UInt64],
  topUp: [UInt64],
  redeem: [PublicKey, PublicKey, UInt64, Field, Field, UInt64, UInt64, Signature],
  settle: [PublicKey, PublicKey, UInt64, UInt64, Signature],
  close: [PublicKey, PublicKey],
});
