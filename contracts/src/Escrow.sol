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
///   at most the remaining budget.
/// - Caller-pays: a payer signs EIP-712 vouchers for a provider with a
///   cumulative ceiling; the provider redeems with {redeemVoucher} up to what
///   it served (at most the ceiling) and is paid the difference to what it
///   already redeemed: the rest of the ceiling stays redeemable by a later
///   call, and nothing is paid twice. A voucher names a session key that
///   signs each request off-chain; the contract only hashes it (see
///   docs/chain.md), so a voucher copied off a request pays nothing more.
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

    /// @notice What a payer lets one provider take by {settle}.
    /// @param maxPricePerRequest price cap per request
    /// @param budget what the provider may still take in total
    struct Allowance {
        uint128 maxPricePerRequest;
        uint128 budget;
    }

    /// @notice EIP-712 type of a caller-pays voucher. `expiry` is a unix time in
    /// seconds; `session` is the Ed25519 public key that signs the requests the
    /// voucher pays for (checked by the provider, not here).
    bytes32 public constant VOUCHER_TYPEHASH = keccak256(
        "Voucher(address payer,address provider,uint256 cumulativeAmount,uint256 expiry,bytes32 session)"
    );

    /// @notice The escrowed token.
    IERC20 public immutable TOKEN;
    /// @notice Seconds between {requestWithdraw} and the earliest {withdraw}.
    uint256 public immutable WITHDRAW_DELAY;

    mapping(address payer => Account) private _accounts;
    mapping(address payer => mapping(address provider => Allowance)) private _allowances;
    /// @notice Cumulative voucher amount already paid from `payer` to `provider`.
    mapping(address payer => mapping(address provider => uint256)) public redeemed;

    /// @notice `from` deposited `amount` to `payer`'s account.
    event Deposited(address indexed payer, address indexed from, uint256 amount);
    /// @notice `payer` set what `provider` may take (also emitted on change).
    event Approved(address indexed payer, address indexed provider, uint128 maxPricePerRequest, uint128 budget);
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

    /// @param token the escrowed ERC-20
    /// @param withdrawDelay seconds a withdrawal waits so providers can settle first
    constructor(IERC20 token, uint256 withdrawDelay) EIP712("WebFunctions Escrow", "1") {
        if (address(token) == address(0)) revert ZeroAddress();
        TOKEN = token;
        WITHDRAW_DELAY = withdrawDelay;
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

    /// @notice Lets `provider` take up to `budget` in total, at most `maxPricePerRequest` per request.
    /// @dev Replaces any earlier allowance: the budget is set, not added to.
    function approve(address provider, uint128 maxPricePerRequest, uint128 budget) external {
        if (provider == address(0)) revert ZeroAddress();
        _allowances[msg.sender][provider] = Allowance(maxPricePerRequest, budget);
        emit Approved(msg.sender, provider, maxPricePerRequest, budget);
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
    /// @dev Checks, in order: an allowance exists ({NotApproved}), `amount <= count *
    /// maxPricePerRequest` ({PriceCapExceeded}), `amount <= budget` ({BudgetExceeded}),
    /// `amount <= balance` ({InsufficientBalance}). The budget shrinks by `amount`.
    function settle(address payer, uint64 count, uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        Allowance memory al = _allowances[payer][msg.sender];
        if (al.maxPricePerRequest == 0) revert NotApproved(payer, msg.sender);
        uint256 cap = uint256(count) * al.maxPricePerRequest;
        if (amount > cap) revert PriceCapExceeded(amount, cap);
        if (amount > al.budget) revert BudgetExceeded(amount, al.budget);
        _debit(payer, amount);
        // amount <= budget < 2**128, so the cast is exact.
        _allowances[payer][msg.sender].budget = al.budget - uint128(amount);
        emit Settled(payer, msg.sender, count, amount);
        TOKEN.safeTransfer(msg.sender, amount);
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
        TOKEN.safeTransfer(msg.sender, amount);
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

    function _debit(address payer, uint256 amount) private {
        Account storage a = _accounts[payer];
        uint256 bal = a.balance;
        if (amount > bal) revert InsufficientBalance(amount, bal);
        a.balance = bal - amount;
    }
}
