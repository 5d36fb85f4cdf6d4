// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {MessageHashUtils} from "@openzeppelin/contracts/utils/cryptography/MessageHashUtils.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

/// @notice What the rewards pool reads from the escrow: the protocol fees a
/// provider has paid on its payments, in all (Escrow.feesPaid).
interface IFeeLedger {
    function feesPaid(address provider) external view returns (uint256);
}

/// @title WebFunctions rewards pool
/// @notice Sponsors fund the pool, and so does anything sent to it: it is
/// meant to be the escrow's fee sink (and the trial credits' sink), so the
/// protocol fees providers pay flow back to good providers. After each epoch the auditors publish a
/// Merkle root of what each provider earned in it (its settled fees times a
/// quality multiplier from its audit scores, computed off chain by the epoch
/// job, package rewards), signed by at least THRESHOLD of the AUDITORS
/// (EIP-712). Providers, or anyone for them, claim with a Merkle proof.
///
/// Invariant (enforced here, whatever the auditors sign): a claim pays at most
/// CAP_BPS / 10000 of the protocol fees the provider paid through the escrow
/// since its previous claim (read from the escrow, never from the leaf alone),
/// with CAP_BPS below 10000. Every payment through the escrow costs its
/// payee FEE_BPS, so a provider that pays itself X to look busy pays at least
/// X * FEE_BPS / 10000 in fees and can earn back less than that: farming
/// always loses money.
/// @dev A leaf is keccak256(keccak256(abi.encode(epoch, provider, amount,
/// feesCumulative))) (OpenZeppelin's double-hashed leaves, so a leaf is never
/// an inner node); feesCumulative is the provider's Escrow.feesPaid at the
/// epoch's end. A provider's claims go in epoch order: claiming an epoch
/// forgoes any earlier one not yet claimed, whose fees then count toward the
/// cap of the claim that is made. What an epoch's claims leave unpaid (a
/// provider that never claims, or claimed a later epoch first) goes back to
/// the pool by {recycle} once CLAIM_EPOCHS more epochs have ended.
contract RewardsPool {
    using SafeERC20 for IERC20;

    /// @notice A published epoch.
    /// @param root Merkle root of (epoch, provider, amount, feesCumulative) leaves
    /// @param total what the leaves pay in all (reserved from the pool when published)
    /// @param claimed what has been claimed of it
    /// @param recycled whether its unclaimed rest went back to the pool (no more claims)
    struct Epoch {
        bytes32 root;
        uint256 total;
        uint256 claimed;
        bool recycled;
    }

    /// @notice EIP-712 type auditors sign for an epoch.
    bytes32 public constant EPOCH_TYPEHASH = keccak256("RewardEpoch(uint64 epoch,bytes32 root,uint256 total)");
    bytes32 private constant _DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");

    /// @notice The token rewards are paid in (the escrow's).
    IERC20 public immutable TOKEN;
    /// @notice The escrow whose protocol fees cap the rewards.
    IFeeLedger public immutable ESCROW;
    /// @notice Start of epoch 0 (the deployment's block time).
    uint64 public immutable START;
    /// @notice Length of an epoch in seconds.
    uint64 public immutable EPOCH_LENGTH;
    /// @notice Reward cap in basis points of the fees paid since the previous claim; below 10000.
    uint16 public immutable CAP_BPS;
    /// @notice How many distinct auditors must sign an epoch.
    uint256 public immutable THRESHOLD;
    /// @notice Epochs after an epoch's end during which it can be claimed; then its rest is recycled.
    uint64 public immutable CLAIM_EPOCHS;

    address[] private _auditors;
    /// @notice Whether `a` is one of the auditors.
    mapping(address a => bool) public isAuditor;
    mapping(uint64 epoch => Epoch) private _epochs;
    /// @notice Everything sponsors put in through {fund} (fees and other transfers come on top).
    uint256 public funded;
    /// @notice What published epochs still owe: their totals less claims and recycled rests.
    uint256 public reserved;
    /// @notice 1 + the epoch of the provider's latest claim; 0 if none.
    mapping(address provider => uint64) public claimedThrough;
    /// @notice The feesCumulative of the provider's latest claim: the base of the next claim's cap.
    mapping(address provider => uint256) public feesBasis;
    /// @notice What the provider was paid in rewards, in all.
    mapping(address provider => uint256) public rewarded;

    /// @notice `sponsor` added `amount` to the pool.
    event Funded(address indexed sponsor, uint256 amount);
    /// @notice The auditors published `epoch`.
    event EpochPublished(uint64 indexed epoch, bytes32 root, uint256 total);
    /// @notice `provider` was paid `amount` for `epoch`.
    event Claimed(uint64 indexed epoch, address indexed provider, uint256 amount, uint256 feesCumulative);
    /// @notice `epoch`'s unclaimed `amount` went back to the pool.
    event Recycled(uint64 indexed epoch, uint256 amount);

    /// @notice Bad constructor arguments; `what` says which.
    error InvalidConfig(string what);
    /// @notice An amount of zero where it would be a no-op.
    error ZeroAmount();
    /// @notice The epoch has not ended yet: it ends at `endsAt`.
    error EpochNotOver(uint64 epoch, uint256 endsAt);
    /// @notice The epoch is already published.
    error EpochAlreadyPublished(uint64 epoch);
    /// @notice The epoch is not published.
    error UnknownEpoch(uint64 epoch);
    /// @notice The root is zero.
    error ZeroRoot();
    /// @notice The epoch's total exceeds what the pool has not yet reserved.
    error InsufficientFunds(uint256 total, uint256 available);
    /// @notice Signature `index` is not by an auditor, or signers are not in strictly ascending order.
    error InvalidSigner(uint256 index, address signer);
    /// @notice Fewer than THRESHOLD auditors signed.
    error NotEnoughSignatures(uint256 got, uint256 threshold);
    /// @notice The provider already claimed this epoch or a later one (`claimedThrough` is 1 + that epoch).
    error AlreadyClaimed(address provider, uint64 epoch, uint64 claimedThrough);
    /// @notice The leaf is not in the epoch's tree.
    error InvalidProof();
    /// @notice The leaf states more fees than the escrow has recorded for the provider.
    error FeesOverstated(uint256 feesCumulative, uint256 feesPaid);
    /// @notice The claim exceeds CAP_BPS of the fees paid since the previous claim.
    error RewardAboveFeeCap(uint256 amount, uint256 cap);
    /// @notice The claim exceeds what is left of the epoch's total.
    error EpochExhausted(uint256 amount, uint256 left);
    /// @notice The epoch's claim window is over: its rest was recycled or can be.
    error ClaimWindowOver(uint64 epoch, uint256 closedAt);
    /// @notice The epoch can be recycled only from `opensAt`.
    error ClaimWindowOpen(uint64 epoch, uint256 opensAt);
    /// @notice The epoch was already recycled.
    error AlreadyRecycled(uint64 epoch);

    /// @param token the reward token (the escrow's)
    /// @param escrow the escrow whose feesPaid caps rewards
    /// @param auditorSet the epoch signers (distinct, non-zero)
    /// @param threshold signatures needed, 1 to auditors.length
    /// @param epochLength seconds per epoch
    /// @param capBps reward cap in basis points of fees paid, 1 to 9999
    /// @param claimEpochs epochs after an epoch's end during which it can be claimed, at least 1
    constructor(
        IERC20 token,
        IFeeLedger escrow,
        address[] memory auditorSet,
        uint256 threshold,
        uint64 epochLength,
        uint16 capBps,
        uint64 claimEpochs
    ) {
        if (address(token) == address(0) || address(escrow) == address(0)) revert InvalidConfig("token or escrow");
        if (threshold == 0 || threshold > auditorSet.length) revert InvalidConfig("threshold");
        if (epochLength == 0) revert InvalidConfig("epochLength");
        if (capBps == 0 || capBps >= 10000) revert InvalidConfig("capBps");
        if (claimEpochs == 0) revert InvalidConfig("claimEpochs");
        for (uint256 i = 0; i < auditorSet.length; i++) {
            address a = auditorSet[i];
            if (a == address(0) || isAuditor[a]) revert InvalidConfig("auditors");
            isAuditor[a] = true;
        }
        _auditors = auditorSet;
        TOKEN = token;
        ESCROW = escrow;
        START = uint64(block.timestamp);
        EPOCH_LENGTH = epochLength;
        CAP_BPS = capBps;
        THRESHOLD = threshold;
        CLAIM_EPOCHS = claimEpochs;
    }

    /// @notice Adds `amount` of the caller's tokens to the pool. Needs a token allowance.
    function fund(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        funded += amount;
        emit Funded(msg.sender, amount);
        TOKEN.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice Publishes `epoch`'s root, signed by at least THRESHOLD auditors
    /// ({epochDigest}), their signatures ordered by ascending signer address.
    /// Reserves `total` from what the pool holds and owes no published epoch.
    function publishEpoch(uint64 epoch, bytes32 root, uint256 total, bytes[] calldata signatures) external {
        uint256 end = epochEnd(epoch);
        if (block.timestamp < end) revert EpochNotOver(epoch, end);
        Epoch storage ep = _epochs[epoch];
        if (ep.root != bytes32(0)) revert EpochAlreadyPublished(epoch);
        if (root == bytes32(0)) revert ZeroRoot();
        uint256 free = available();
        if (total > free) revert InsufficientFunds(total, free);
        bytes32 digest = epochDigest(epoch, root, total);
        address last = address(0);
        for (uint256 i = 0; i < signatures.length; i++) {
            (address signer, ECDSA.RecoverError e,) = ECDSA.tryRecover(digest, signatures[i]);
            // Ascending order makes a repeated signer fail here.
            if (e != ECDSA.RecoverError.NoError || !isAuditor[signer] || signer <= last) revert InvalidSigner(i, signer);
            last = signer;
        }
        if (signatures.length < THRESHOLD) revert NotEnoughSignatures(signatures.length, THRESHOLD);
        reserved += total;
        ep.root = root;
        ep.total = total;
        emit EpochPublished(epoch, root, total);
    }

    /// @notice Pays `provider` its reward `amount` for `epoch`, proven by `proof`
    /// against the epoch's root. Anyone may submit it; the provider is paid.
    /// @dev Reverts with {UnknownEpoch}, {AlreadyClaimed}, {InvalidProof},
    /// {FeesOverstated}, {RewardAboveFeeCap}, {EpochExhausted} or {ClaimWindowOver}.
    function claim(uint64 epoch, address provider, uint256 amount, uint256 feesCumulative, bytes32[] calldata proof)
        external
    {
        Epoch storage ep = _epochs[epoch];
        if (ep.root == bytes32(0)) revert UnknownEpoch(epoch);
        uint256 closes = claimDeadline(epoch);
        if (ep.recycled || block.timestamp >= closes) revert ClaimWindowOver(epoch, closes);
        uint64 through = claimedThrough[provider];
        if (through > epoch) revert AlreadyClaimed(provider, epoch, through);
        if (amount == 0) revert ZeroAmount();
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(epoch, provider, amount, feesCumulative))));
        if (!MerkleProof.verifyCalldata(proof, ep.root, leaf)) revert InvalidProof();
        uint256 paid = ESCROW.feesPaid(provider);
        if (feesCumulative > paid) revert FeesOverstated(feesCumulative, paid);
        uint256 basis = feesBasis[provider];
        uint256 cap = feesCumulative > basis ? (feesCumulative - basis) * CAP_BPS / 10000 : 0;
        if (amount > cap) revert RewardAboveFeeCap(amount, cap);
        uint256 left = ep.total - ep.claimed;
        if (amount > left) revert EpochExhausted(amount, left);
        ep.claimed += amount;
        reserved -= amount;
        claimedThrough[provider] = epoch + 1;
        feesBasis[provider] = feesCumulative;
        rewarded[provider] += amount;
        emit Claimed(epoch, provider, amount, feesCumulative);
        TOKEN.safeTransfer(provider, amount);
    }

    /// @notice Returns what `epoch`'s claims left unpaid to the pool, once
    /// its claim window is over ({claimDeadline}). Anyone may call it.
    function recycle(uint64 epoch) external {
        Epoch storage ep = _epochs[epoch];
        if (ep.root == bytes32(0)) revert UnknownEpoch(epoch);
        if (ep.recycled) revert AlreadyRecycled(epoch);
        uint256 opens = claimDeadline(epoch);
        if (block.timestamp < opens) revert ClaimWindowOpen(epoch, opens);
        ep.recycled = true;
        uint256 rest = ep.total - ep.claimed;
        reserved -= rest;
        emit Recycled(epoch, rest);
    }

    // ---- views ----

    /// @notice What the pool holds that no published epoch is owed: what the next epoch may pay.
    function available() public view returns (uint256) {
        return TOKEN.balanceOf(address(this)) - reserved;
    }

    /// @notice When `epoch` stops being claimable (and its rest may be recycled).
    function claimDeadline(uint64 epoch) public view returns (uint256) {
        return epochEnd(epoch) + uint256(CLAIM_EPOCHS) * EPOCH_LENGTH;
    }

    /// @notice The epoch now.
    function currentEpoch() external view returns (uint64) {
        return uint64((block.timestamp - START) / EPOCH_LENGTH);
    }

    /// @notice When `epoch` ends (and may be published).
    function epochEnd(uint64 epoch) public view returns (uint256) {
        return uint256(START) + (uint256(epoch) + 1) * EPOCH_LENGTH;
    }

    /// @notice A published epoch; all zero if not published.
    function epochOf(uint64 epoch) external view returns (Epoch memory) {
        return _epochs[epoch];
    }

    /// @notice The auditors, in the order given at construction.
    function auditors() external view returns (address[] memory) {
        return _auditors;
    }

    /// @notice The EIP-712 digest auditors sign for an epoch, in the domain
    /// ("WebFunctions Rewards", "1", chain id, this contract).
    function epochDigest(uint64 epoch, bytes32 root, uint256 total) public view returns (bytes32) {
        bytes32 domain = keccak256(
            abi.encode(_DOMAIN_TYPEHASH, keccak256("WebFunctions Rewards"), keccak256("1"), block.chainid, address(this))
        );
        return MessageHashUtils.toTypedDataHash(domain, keccak256(abi.encode(EPOCH_TYPEHASH, epoch, root, total)));
    }
}
