// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";

/// @title WebFunctions payment escrow
/// @notice Payers deposit an ERC-20 (USDC-like) and let providers take payment
/// for the requests they served, without trusting each other:
///
/// - Owner-pays: a payer approves a provider with a price cap per request and a
///   budget. The provider settles batches with {settle}: one transaction covers
///   any number of requests, and takes at most `count * maxPricePerRequest` and
///   at most the remaining budget. The payer may also cap what the provider
///   takes per period (`maxPerPeriod` every `period` seconds), and may name a
///   metering key: then only {settleMetered} pays, for at most as many
///   requests as that key signed (a cumulative MeterCount), so the count is
///   no longer the provider's word alone.
/// - Caller-pays: a payer signs EIP-712 vouchers for a provider with a
///   cumulative ceiling; the provider redeems with {redeemVoucher} up to what
///   it served (at most the ceiling) and is paid the difference to what it
///   already redeemed: the rest of the ceiling stays redeemable by a later
///   call, and nothing is paid twice. A voucher names a session key that
///   signs each request off-chain; the contract only hashes it (see
///   docs/chain.md), so a voucher copied off a request pays nothing more.
/// - Protocol fee (optional, fixed at construction): FEE_BPS of every amount
///   settled or redeemed goes to FEE_SINK instead of the provider, and is
///   added to the provider's {feesPaid}. The rewards pool (RewardsPool.sol)
///   caps what a provider can earn at a fraction of these fees, so paying
///   oneself through the escrow to farm rewards costs more than it earns.
/// - Withdrawal: a payer asks with {requestWithdraw} and takes the money with
///   {withdraw} once WITHDRAW_DELAY has passed. Until then providers can still
///   settle against the whole balance, so they are paid for what they served.
/// @dev The token must be a plain ERC-20 (no fee on transfer, no rebasing); it is
/// fixed at construction and trusted, which is why the transfers need no
/// reentrancy guard (all state is written before them). Amounts are in the
/// token's base units (USDC: 6 decimals).
contract Escrow is EIP712 {
    using SafeERC20 for IERC20;

    /// @notice A payer's funds in escrow.
    /// @param balance what providers can be paid from, including any amount asked to withdraw
    /// @param pendingWithdrawal amount asked to withdraw, 0 if none
    /// @param withdrawableAt time from which {withdraw} pays out the pending amount
    struct Account {
        uint256 balance;
        uint256 pendingWithdrawal;
        uint256 withdrawableAt;
    }

    /// @notice What a payer lets one provider take by {settle} or {settleMetered}.
    /// @param maxPricePerRequest price cap per request
    /// @param budget what the provider may still take in total
    /// @param period period length in seconds; 0: no per-period cap
    /// @param metered whether `meter` is set
    /// @param meter metering key: if set, only {settleMetered} pays, up to the count it signed
    /// @param periodStart start of the current period (periods follow each other from the approval)
    /// @param maxPerPeriod what the provider may take per period (0 iff period is 0)
    /// @param spentInPeriod what it took in the period starting at `periodStart`
    /// @dev Packed so a settle without a period cap or meter reads and writes one
    /// slot, as before they existed.
    struct Allowance {
        uint64 maxPricePerRequest;
        uint128 budget;
        uint32 period;
        bool metered;
        address meter;
        uint64 periodStart;
        uint128 maxPerPeriod;
        uint128 spentInPeriod;
    }

    /// @notice EIP-712 type of a caller-pays voucher. `expiry` is a unix time in
    /// seconds; `session` is the Ed25519 public key that signs the requests the
    /// voucher pays for (checked by the provider, not here).
    bytes32 public constant VOUCHER_TYPEHASH = keccak256(
        "Voucher(address payer,address provider,uint256 cumulativeAmount,uint256 expiry,bytes32 session)"
    );

    /// @notice EIP-712 type of a metering count: `payer`'s metering key states
    /// that `provider` served `count` of `payer`'s requests in all.
    bytes32 public constant METER_TYPEHASH = keccak256("MeterCount(address payer,address provider,uint256 count)");

    /// @notice The escrowed token.
    IERC20 public immutable TOKEN;
    /// @notice Seconds between {requestWithdraw} and the earliest {withdraw}.
    uint256 public immutable WITHDRAW_DELAY;
    /// @notice Protocol fee on each payment to a provider, in basis points (0: none).
    uint16 public immutable FEE_BPS;
    /// @notice Where protocol fees go (the zero address iff FEE_BPS is 0).
    address public immutable FEE_SINK;
    /// @notice Highest protocol fee: 10%.
    uint16 public constant MAX_FEE_BPS = 1000;

    mapping(address payer => Account) private _accounts;
    mapping(address payer => mapping(address provider => Allowance)) private _allowances;
    /// @notice Cumulative voucher amount already paid from `payer` to `provider`.
    mapping(address payer => mapping(address provider => uint256)) public redeemed;
    /// @notice Requests `provider` settled with {settleMetered} under `meter`'s counts, in all.
    /// @dev Never reset by approve or revoke, so an old signed count pays nothing twice.
    mapping(address payer => mapping(address provider => mapping(address meter => uint256))) public metered;
    /// @notice Protocol fees taken from `provider`'s payments, in all. Never decreases.
    mapping(address provider => uint256) public feesPaid;

    /// @notice `from` deposited `amount` to `payer`'s account.
    event Deposited(address indexed payer, address indexed from, uint256 amount);
    /// @notice `payer` set what `provider` may take (also emitted on change).
    event Approved(
        address indexed payer,
        address indexed provider,
        uint64 maxPricePerRequest,
        uint128 budget,
        uint128 maxPerPeriod,
        uint32 period,
        address meter
    );
    /// @notice `payer` withdrew `provider`'s allowance.
    event Revoked(address indexed payer, address indexed provider);
    /// @notice `provider` was paid `amount` for `count` requests of `payer`.
    event Settled(address indexed payer, address indexed provider, uint64 count, uint256 amount);
    /// @notice `provider` redeemed vouchers of `payer` up to `cumulativeAmount` in all, receiving `amount` now.
    event VoucherRedeemed(address indexed payer, address indexed provider, uint256 cumulativeAmount, uint256 amount);
    /// @notice `payer` asked to withdraw `amount`, possible from `withdrawableAt`.
    event WithdrawalRequested(address indexed payer, uint256 amount, uint256 withdrawableAt);
    /// @notice `payer` cancelled its pending withdrawal.
    event WithdrawalCancelled(address indexed payer);
    /// @notice `payer` withdrew `amount`.
    event Withdrawn(address indexed payer, uint256 amount);

    /// @notice An amount of zero where it would be a no-op.
    error ZeroAmount();
    /// @notice The zero address where an account is needed.
    error ZeroAddress();
    /// @notice The payer has not approved the calling provider.
    error NotApproved(address payer, address provider);
    /// @notice Settling `amount` exceeds `count * maxPricePerRequest` (`cap`).
    error PriceCapExceeded(uint256 amount, uint256 cap);
    /// @notice Settling `amount` exceeds the provider's remaining `budget`.
    error BudgetExceeded(uint256 amount, uint256 budget);
    /// @notice Settling `amount` exceeds the `left` of this period's cap, which renews at `renewsAt`.
    error PeriodCapExceeded(uint256 amount, uint256 left, uint256 renewsAt);
    /// @notice A per-period cap needs a period, and a period needs a cap.
    error InvalidPeriod();
    /// @notice The payer set metering key `meter`: settle with {settleMetered}.
    error MeterRequired(address meter);
    /// @notice {settleMetered} on an allowance without a metering key.
    error NotMetered();
    /// @notice The count is not signed by the payer's metering key `meter`.
    error InvalidMeterSignature(address meter);
    /// @notice Settling takes the metered total to `total`, above the signed `count`.
    error MeterCountExceeded(uint256 total, uint256 count);
    /// @notice The payer's escrow `balance` does not cover `amount`.
    error InsufficientBalance(uint256 amount, uint256 balance);
    /// @notice The voucher expired at `expiry`.
    error VoucherExpired(uint256 expiry);
    /// @notice The voucher is not signed by `payer` for the calling provider.
    error InvalidVoucherSignature(address payer);
    /// @notice The amount to redeem up to is not above what was already redeemed.
    error VoucherAlreadyRedeemed(uint256 cumulativeAmount, uint256 redeemed);
    /// @notice Redeeming up to `upTo` exceeds the voucher's `cumulativeAmount`.
    error VoucherCeilingExceeded(uint256 upTo, uint256 cumulativeAmount);
    /// @notice {withdraw} without a pending request.
    error NoWithdrawalRequested();
    /// @notice {withdraw} before `withdrawableAt`.
    error WithdrawalNotReady(uint256 withdrawableAt);
    /// @notice A fee above MAX_FEE_BPS, or a fee without a sink (or a sink without a fee).
    error InvalidFee(uint16 feeBps, address sink);

    /// @param token the escrowed ERC-20
    /// @param withdrawDelay seconds a withdrawal waits so providers can settle first
    /// @param feeBps protocol fee in basis points of each payment (0: none, at most MAX_FEE_BPS)
    /// @param feeSink where the fees go (zero iff feeBps is 0)
    constructor(IERC20 token, uint256 withdrawDelay, uint16 feeBps, address feeSink)
        EIP712("WebFunctions Escrow", "1")
    {
        if (address(token) == address(0)) revert ZeroAddress();
        if (feeBps > MAX_FEE_BPS || (feeBps == 0) != (feeSink == address(0))) revert InvalidFee(feeBps, feeSink);
        TOKEN = token;
        WITHDRAW_DELAY = withdrawDelay;
        FEE_BPS = feeBps;
        FEE_SINK = feeSink;
    }

    // ---- payer ----

    /// @notice Moves `amount` of the caller's tokens into its escrow account. Needs a token allowance.
    function deposit(uint256 amount) external {
        _deposit(msg.sender, amount);
    }

    /// @notice Moves `amount` of the caller's tokens into `payer`'s escrow account.
    function depositFor(address payer, uint256 amount) external {
        if (payer == address(0)) revert ZeroAddress();
        _deposit(payer, amount);
    }

    /// @notice Lets `provider` take up to `budget` in total, at most `maxPricePerRequest` per
    /// request and, if `maxPerPeriod` is not 0, at most `maxPerPeriod` every `period` seconds.
    /// If `meter` is not the zero address, the provider is paid only with {settleMetered}, for
    /// requests that key counted.
    /// @dev Replaces any earlier allowance: the budget is set, not added to. The current
    /// period and what was spent in it are kept if the period length is unchanged, so
    /// approving again does not open a new period.
    function approve(
        address provider,
        uint64 maxPricePerRequest,
        uint128 budget,
        uint128 maxPerPeriod,
        uint32 period,
        address meter
    ) external {
        if (provider == address(0)) revert ZeroAddress();
        if ((maxPerPeriod == 0) != (period == 0)) revert InvalidPeriod();
        Allowance storage al = _allowances[msg.sender][provider];
        uint64 start = 0;
        uint128 spent = 0;
        if (period != 0) {
            (start, spent) = al.period == period ? (al.periodStart, al.spentInPeriod) : (uint64(block.timestamp), 0);
        }
        _allowances[msg.sender][provider] =
            Allowance(maxPricePerRequest, budget, period, meter != address(0), meter, start, maxPerPeriod, spent);
        emit Approved(msg.sender, provider, maxPricePerRequest, budget, maxPerPeriod, period, meter);
    }

    /// @notice Removes `provider`'s allowance. Vouchers already signed stay redeemable.
    function revoke(address provider) external {
        delete _allowances[msg.sender][provider];
        emit Revoked(msg.sender, provider);
    }

    /// @notice Asks to withdraw `amount` after WITHDRAW_DELAY. Replaces an earlier request and restarts the delay.
    /// @dev Providers can settle against the whole balance until {withdraw}.
    function requestWithdraw(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        Account storage a = _accounts[msg.sender];
        if (amount > a.balance) revert InsufficientBalance(amount, a.balance);
        uint256 readyAt = block.timestamp + WITHDRAW_DELAY;
        a.pendingWithdrawal = amount;
        a.withdrawableAt = readyAt;
        emit WithdrawalRequested(msg.sender, amount, readyAt);
    }

    /// @notice Cancels the caller's pending withdrawal.
    function cancelWithdraw() external {
        Account storage a = _accounts[msg.sender];
        if (a.pendingWithdrawal == 0) revert NoWithdrawalRequested();
        a.pendingWithdrawal = 0;
        a.withdrawableAt = 0;
        emit WithdrawalCancelled(msg.sender);
    }

    /// @notice Pays out the pending withdrawal once its delay has passed: the amount
    /// asked for, or what is left of the balance if providers settled meanwhile.
    function withdraw() external {
        Account storage a = _accounts[msg.sender];
        uint256 pending = a.pendingWithdrawal;
        if (pending == 0) revert NoWithdrawalRequested();
        if (block.timestamp < a.withdrawableAt) revert WithdrawalNotReady(a.withdrawableAt);
        uint256 amount = pending < a.balance ? pending : a.balance;
        a.balance -= amount;
        a.pendingWithdrawal = 0;
        a.withdrawableAt = 0;
        emit Withdrawn(msg.sender, amount);
        TOKEN.safeTransfer(msg.sender, amount);
    }

    // ---- provider ----

    /// @notice Takes `amount` from `payer` for `count` requests served by the caller.
    /// @dev Checks, in order: an allowance exists ({NotApproved}), it has no metering key
    /// ({MeterRequired}), `amount <= count * maxPricePerRequest` ({PriceCapExceeded}),
    /// `amount <= budget` ({BudgetExceeded}), `amount` within what is left of this
    /// period's cap ({PeriodCapExceeded}), `amount <= balance` ({InsufficientBalance}).
    /// The budget shrinks by `amount`.
    function settle(address payer, uint64 count, uint256 amount) external {
        Allowance storage al = _allowance(payer);
        if (al.metered) revert MeterRequired(al.meter);
        _settle(al, payer, count, amount);
    }

    /// @notice {settle} for an allowance with a metering key: `meteredCount` is the
    /// cumulative count of the caller's requests the key signed, and the requests settled
    /// under that key, `count` included, must not exceed it ({MeterCountExceeded}).
    /// @param signature 65-byte ECDSA signature (v 27/28) of {meterDigest}, or ERC-1271
    function settleMetered(
        address payer,
        uint64 count,
        uint256 amount,
        uint256 meteredCount,
        bytes calldata signature
    ) external {
        Allowance storage al = _allowance(payer);
        if (!al.metered) revert NotMetered();
        address meter = al.meter;
        uint256 total = metered[payer][msg.sender][meter] + count;
        if (total > meteredCount) revert MeterCountExceeded(total, meteredCount);
        bytes32 digest = meterDigest(payer, msg.sender, meteredCount);
        if (!SignatureChecker.isValidSignatureNowCalldata(meter, digest, signature)) {
            revert InvalidMeterSignature(meter);
        }
        metered[payer][msg.sender][meter] = total;
        _settle(al, payer, count, amount);
    }

    /// @notice Redeems a voucher `payer` signed for the caller, up to `upTo` of its
    /// ceiling `cumulativeAmount`: pays the caller `upTo` minus what it already
    /// redeemed from `payer`. A provider redeems up to what it served, so a
    /// voucher with headroom is always settleable and the headroom stays the
    /// payer's; a later call (with this or another voucher) takes only what
    /// was served since.
    /// @param session the voucher's session key (only hashed here)
    /// @param signature 65-byte ECDSA signature (v 27/28) of {voucherDigest}, or an ERC-1271 signature for a contract payer
    function redeemVoucher(
        address payer,
        uint256 cumulativeAmount,
        uint256 expiry,
        bytes32 session,
        uint256 upTo,
        bytes calldata signature
    ) external {
        if (block.timestamp > expiry) revert VoucherExpired(expiry);
        if (upTo > cumulativeAmount) revert VoucherCeilingExceeded(upTo, cumulativeAmount);
        uint256 done = redeemed[payer][msg.sender];
        if (upTo <= done) revert VoucherAlreadyRedeemed(upTo, done);
        bytes32 digest = voucherDigest(payer, msg.sender, cumulativeAmount, expiry, session);
        if (!SignatureChecker.isValidSignatureNowCalldata(payer, digest, signature)) {
            revert InvalidVoucherSignature(payer);
        }
        uint256 amount = upTo - done;
        _debit(payer, amount);
        redeemed[payer][msg.sender] = upTo;
        emit VoucherRedeemed(payer, msg.sender, upTo, amount);
        _pay(amount);
    }

    // ---- views ----

    /// @notice `payer`'s escrow account.
    function accountOf(address payer) external view returns (Account memory) {
        return _accounts[payer];
    }

    /// @notice What `provider` may still take from `payer` by {settle}.
    function allowanceOf(address payer, address provider) external view returns (Allowance memory) {
        return _allowances[payer][provider];
    }

    /// @notice The EIP-712 digest a payer signs for a voucher.
    function voucherDigest(address payer, address provider, uint256 cumulativeAmount, uint256 expiry, bytes32 session)
        public
        view
        returns (bytes32)
    {
        return _hashTypedDataV4(
            keccak256(abi.encode(VOUCHER_TYPEHASH, payer, provider, cumulativeAmount, expiry, session))
        );
    }

    /// @notice The EIP-712 digest a metering key signs for a cumulative count.
    function meterDigest(address payer, address provider, uint256 count) public view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(METER_TYPEHASH, payer, provider, count)));
    }

    /// @notice The EIP-712 domain separator (name "WebFunctions Escrow", version "1", this chain and contract).
    function domainSeparator() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    // ---- internal ----

    function _deposit(address payer, uint256 amount) private {
        if (amount == 0) revert ZeroAmount();
        _accounts[payer].balance += amount;
        emit Deposited(payer, msg.sender, amount);
        TOKEN.safeTransferFrom(msg.sender, address(this), amount);
    }

    function _allowance(address payer) private view returns (Allowance storage al) {
        al = _allowances[payer][msg.sender];
        if (al.maxPricePerRequest == 0) revert NotApproved(payer, msg.sender);
    }

    function _settle(Allowance storage al, address payer, uint64 count, uint256 amount) private {
        if (amount == 0) revert ZeroAmount();
        uint256 cap = uint256(count) * al.maxPricePerRequest;
        if (amount > cap) revert PriceCapExceeded(amount, cap);
        uint128 budget = al.budget;
        if (amount > budget) revert BudgetExceeded(amount, budget);
        // amount <= budget < 2**128, so the casts are exact.
        al.budget = budget - uint128(amount);
        uint256 period = al.period;
        if (period != 0) {
            uint256 start = al.periodStart;
            uint256 spent = al.spentInPeriod;
            if (block.timestamp >= start + period) {
                // The period that holds now; unspent allowance does not carry over.
                start = block.timestamp - (block.timestamp - start) % period;
                spent = 0;
            }
            // The owner may have lowered the cap below what was spent.
            uint256 max = al.maxPerPeriod;
            uint256 left = spent >= max ? 0 : max - spent;
            if (amount > left) revert PeriodCapExceeded(amount, left, start + period);
            al.periodStart = uint64(start);
            al.spentInPeriod = uint128(spent + amount);
        }
        _debit(payer, amount);
        emit Settled(payer, msg.sender, count, amount);
        _pay(amount);
    }

    /// @dev Pays the caller `amount` less the protocol fee, which goes to FEE_SINK.
    function _pay(uint256 amount) private {
        uint256 bps = FEE_BPS;
        if (bps != 0) {
            uint256 fee = amount * bps / 10000;
            if (fee != 0) {
                feesPaid[msg.sender] += fee;
                amount -= fee;
                TOKEN.safeTransfer(FEE_SINK, fee);
            }
        }
        TOKEN.safeTransfer(msg.sender, amount);
    }

    function _debit(address payer, uint256 amount) private {
        Account storage a = _accounts[payer];
        uint256 bal = a.balance;
        if (amount > bal) revert InsufficientBalance(amount, bal);
        a.balance = bal - amount;
    }
}
