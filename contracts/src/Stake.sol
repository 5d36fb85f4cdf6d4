// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {MessageHashUtils} from "@openzeppelin/contracts/utils/cryptography/MessageHashUtils.sol";

/// @title WebFunctions provider stake
/// @notice Providers bond the escrow's token to be listed as staked (at least
/// MIN_STAKE not being unbonded). Unbonding waits UNBOND_DELAY, during which
/// the whole bond stays slashable.
///
/// Slashing needs evidence the contract checks by itself: a version-2 charge
/// receipt the provider signed (EIP-712, the project's domain, see
/// chain/receipt.go) for a request to a sha256 canary, whose answer to a
/// request body B must be the 32 bytes sha256(B). The receipt binds
/// sha256(B) and sha256 of the response body; given B, the contract computes
/// the right answer and slashes if the signed response hash differs. Canary
/// functions are registered by the GOVERNOR as commitments
/// keccak256(abi.encode(functionHash, salt)), so a provider cannot tell a
/// canary from a customer's function before the evidence reveals the salt.
/// Each receipt slashes at most once; the slashed amount goes half to the
/// reporter and half to the payer the receipt names (the harmed party).
contract Stake {
    using SafeERC20 for IERC20;

    /// @notice A provider's bond.
    /// @param amount bonded, including what is being unbonded
    /// @param unbonding amount asked to unbond, 0 if none
    /// @param unbondableAt time from which {unbond} pays it out
    struct Bond {
        uint256 amount;
        uint256 unbonding;
        uint256 unbondableAt;
    }

    /// @notice A version-2 charge receipt (chain.ChargeReceipt with bodies).
    struct Receipt {
        bytes32 functionHash; // keccak256 of the function CID's bytes
        address payer;
        string mode;
        uint256 amount;
        uint256 cumulative;
        bytes32 requestId;
        bytes32 requestBody; // sha256 of the request body
        bytes32 responseBody; // sha256 of the response body
    }

    /// @notice EIP-712 type of a version-2 receipt.
    bytes32 public constant RECEIPT_TYPEHASH = keccak256(
        "ReceiptV2(bytes32 function,address payer,string mode,uint256 amount,uint256 cumulative,bytes32 requestId,bytes32 requestBody,bytes32 responseBody)"
    );
    /// @notice The project's off-chain domain: ("WebFunctions", "1"), no chain id or contract.
    bytes32 public constant DOMAIN_SEPARATOR = keccak256(
        abi.encode(keccak256("EIP712Domain(string name,string version)"), keccak256("WebFunctions"), keccak256("1"))
    );

    /// @notice The staked token (the escrow's).
    IERC20 public immutable TOKEN;
    /// @notice Bond a provider needs, not being unbonded, to count as staked.
    uint256 public immutable MIN_STAKE;
    /// @notice Seconds between {requestUnbond} and the earliest {unbond}.
    uint256 public immutable UNBOND_DELAY;
    /// @notice What one piece of evidence slashes (at most the whole bond).
    uint256 public immutable SLASH_AMOUNT;
    /// @notice Who registers canary commitments.
    address public immutable GOVERNOR;

    mapping(address provider => Bond) private _bonds;
    /// @notice Registered canary commitments keccak256(abi.encode(functionHash, salt)).
    mapping(bytes32 commitment => bool) public canaries;
    /// @notice Receipts (by digest) that already slashed.
    mapping(bytes32 digest => bool) public used;

    event Bonded(address indexed provider, uint256 amount, uint256 total);
    event UnbondRequested(address indexed provider, uint256 amount, uint256 unbondableAt);
    event Unbonded(address indexed provider, uint256 amount);
    event CanaryAdded(bytes32 indexed commitment);
    event Slashed(
        address indexed provider, address indexed reporter, address indexed payer, uint256 amount, bytes32 receipt
    );

    error ZeroAmount();
    error ZeroAddress();
    error NotGovernor(address caller);
    error InsufficientBond(uint256 amount, uint256 bonded);
    error NoUnbondRequested();
    error UnbondNotReady(uint256 unbondableAt);
    /// @notice The receipt's signature does not recover.
    error InvalidSignature();
    /// @notice The function and salt are not a registered canary.
    error NotCanary(bytes32 functionHash);
    /// @notice sha256 of the input is not the receipt's requestBody.
    error InputMismatch(bytes32 got, bytes32 signed);
    /// @notice The signed response is the canary's correct answer: no fault.
    error AnswerCorrect();
    /// @notice The receipt already slashed.
    error EvidenceUsed(bytes32 digest);
    /// @notice The provider has no bond left to slash.
    error NothingToSlash(address provider);

    /// @param token the staked token
    /// @param minStake bond needed to count as staked
    /// @param unbondDelay seconds an unbond waits (evidence may arrive meanwhile)
    /// @param slashAmount what one piece of evidence slashes
    /// @param governor who registers canaries
    constructor(IERC20 token, uint256 minStake, uint256 unbondDelay, uint256 slashAmount, address governor) {
        if (address(token) == address(0) || governor == address(0)) revert ZeroAddress();
        if (slashAmount == 0) revert ZeroAmount();
        TOKEN = token;
        MIN_STAKE = minStake;
        UNBOND_DELAY = unbondDelay;
        SLASH_AMOUNT = slashAmount;
        GOVERNOR = governor;
    }

    // ---- provider ----

    /// @notice Adds `amount` of the caller's tokens to its bond. Needs a token allowance.
    function bond(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        Bond storage b = _bonds[msg.sender];
        b.amount += amount;
        emit Bonded(msg.sender, amount, b.amount);
        TOKEN.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice Asks to take `amount` of the bond back after UNBOND_DELAY; replaces an
    /// earlier request and restarts the delay. The amount stops counting as stake now.
    function requestUnbond(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        Bond storage b = _bonds[msg.sender];
        if (amount > b.amount) revert InsufficientBond(amount, b.amount);
        uint256 readyAt = block.timestamp + UNBOND_DELAY;
        b.unbonding = amount;
        b.unbondableAt = readyAt;
        emit UnbondRequested(msg.sender, amount, readyAt);
    }

    /// @notice Pays out the requested unbond once its delay has passed (less anything slashed meanwhile).
    function unbond() external {
        Bond storage b = _bonds[msg.sender];
        uint256 amount = b.unbonding;
        if (amount == 0) revert NoUnbondRequested();
        if (block.timestamp < b.unbondableAt) revert UnbondNotReady(b.unbondableAt);
        if (amount > b.amount) amount = b.amount;
        b.amount -= amount;
        b.unbonding = 0;
        b.unbondableAt = 0;
        emit Unbonded(msg.sender, amount);
        TOKEN.safeTransfer(msg.sender, amount);
    }

    // ---- governor ----

    /// @notice Registers a canary: `commitment` is keccak256(abi.encode(functionHash, salt)).
    function addCanary(bytes32 commitment) external {
        if (msg.sender != GOVERNOR) revert NotGovernor(msg.sender);
        canaries[commitment] = true;
        emit CanaryAdded(commitment);
    }

    // ---- evidence ----

    /// @notice Slashes the provider that signed `r` if `r` is for a registered canary
    /// (`salt` opens the commitment), `input` is the request body it binds, and the
    /// response it binds is not sha256(input). Pays half to the caller, half to r.payer.
    /// @return provider the slashed provider
    /// @return amount what was slashed
    function slash(Receipt calldata r, bytes calldata signature, bytes calldata input, bytes32 salt)
        external
        returns (address provider, uint256 amount)
    {
        bytes32 digest = receiptDigest(r);
        if (used[digest]) revert EvidenceUsed(digest);
        ECDSA.RecoverError e;
        (provider, e,) = ECDSA.tryRecoverCalldata(digest, signature);
        if (e != ECDSA.RecoverError.NoError) revert InvalidSignature();
        if (!canaries[keccak256(abi.encode(r.functionHash, salt))]) revert NotCanary(r.functionHash);
        bytes32 got = sha256(input);
        if (got != r.requestBody) revert InputMismatch(got, r.requestBody);
        if (r.responseBody == sha256(abi.encodePacked(got))) revert AnswerCorrect();
        Bond storage b = _bonds[provider];
        amount = b.amount < SLASH_AMOUNT ? b.amount : SLASH_AMOUNT;
        if (amount == 0) revert NothingToSlash(provider);
        used[digest] = true;
        b.amount -= amount;
        if (b.unbonding > b.amount) b.unbonding = b.amount;
        emit Slashed(provider, msg.sender, r.payer, amount, digest);
        uint256 toReporter = amount / 2;
        TOKEN.safeTransfer(msg.sender, toReporter);
        TOKEN.safeTransfer(r.payer, amount - toReporter);
    }

    // ---- views ----

    /// @notice `provider`'s bond.
    function bondOf(address provider) external view returns (Bond memory) {
        return _bonds[provider];
    }

    /// @notice Whether `provider` has at least MIN_STAKE bonded and not being unbonded.
    function isStaked(address provider) external view returns (bool) {
        Bond storage b = _bonds[provider];
        return b.amount - b.unbonding >= MIN_STAKE && b.amount != 0;
    }

    /// @notice The EIP-712 digest a provider signs for a version-2 receipt.
    function receiptDigest(Receipt calldata r) public pure returns (bytes32) {
        return MessageHashUtils.toTypedDataHash(
            DOMAIN_SEPARATOR,
            keccak256(
                abi.encode(
                    RECEIPT_TYPEHASH,
                    r.functionHash,
                    r.payer,
                    keccak256(bytes(r.mode)),
                    r.amount,
                    r.cumulative,
                    r.requestId,
                    r.requestBody,
                    r.responseBody
                )
            )
        );
    }
}
