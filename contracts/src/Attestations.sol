// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {MessageHashUtils} from "@openzeppelin/contracts/utils/cryptography/MessageHashUtils.sol";

/// @title WebFunctions provider attestations
/// @notice Auditors publish what they found of a registered provider: a score,
/// the hash of the provider manifest the facts were checked against, the CID of
/// the signed report, and an expiry. Anyone may be an auditor; callers choose
/// whose attestations they trust. An attestation names the manifest it was made
/// for, so a manifest change voids it, and it expires, so auditing is continuous.
/// It also names the registry owner the auditor found holding the name, so it does
/// not follow the name to whoever registers it next (readers compare it with the
/// registry entry's current owner).
/// @dev Keyed by (auditor, keccak256(provider name), schema); only the latest is
/// kept. Attestations arrive from the auditor itself ({attest}) or, signed with
/// EIP-712, through anyone ({attestSigned}); both consume the auditor's next
/// nonce, so a signed attestation cannot be replayed or submitted out of order.
/// The EIP-712 domain is ("WebFunctions Attestations", "1", chain id, this contract);
/// it is built here rather than by OpenZeppelin's EIP712 so that the contract does
/// not also export eip712Domain(), whose generated Go binding would clash with
/// the Escrow's in the one bindings package.
contract Attestations {
    /// @notice One auditor's latest finding about one provider under one schema.
    /// @param auditor who made it
    /// @param score 0 to 10000 (basis points of the auditor's scale)
    /// @param issuedAt block time it was recorded
    /// @param expiresAt time after which it no longer holds
    /// @param revoked the auditor withdrew it
    /// @param manifestHash SHA-256 of the manifest block the facts were checked against (its CID's digest)
    /// @param schema what was checked (the auditor's check suite and version)
    /// @param reportCID CID of the auditor's signed report
    /// @param owner the registry owner of the name when it was audited
    struct Attestation {
        address auditor;
        address owner;
        uint16 score;
        uint64 issuedAt;
        uint64 expiresAt;
        bool revoked;
        bytes32 manifestHash;
        bytes32 schema;
        string reportCID;
    }

    /// @notice Highest score.
    uint16 public constant MAX_SCORE = 10000;
    /// @notice Longest validity of one attestation.
    uint256 public constant MAX_TTL = 30 days;
    /// @notice Longest report CID.
    uint256 public constant MAX_REPORT_LENGTH = 128;
    /// @notice EIP-712 type of a signed attestation.
    bytes32 public constant ATTESTATION_TYPEHASH = keccak256(
        "Attestation(string provider,address owner,bytes32 schema,bytes32 manifestHash,string reportCID,uint16 score,uint64 expiresAt,uint256 nonce)"
    );

    mapping(bytes32 key => Attestation) private _latest;
    /// @notice The nonce the auditor's next attestation must carry (signed) or uses (direct).
    mapping(address auditor => uint256) public nonces;

    /// @notice An auditor attested about a provider.
    event Attested(
        address indexed auditor,
        bytes32 indexed providerHash,
        bytes32 indexed schema,
        string provider,
        address owner,
        bytes32 manifestHash,
        string reportCID,
        uint16 score,
        uint64 expiresAt
    );
    /// @notice An auditor withdrew its latest attestation about a provider.
    event Revoked(address indexed auditor, bytes32 indexed providerHash, bytes32 indexed schema, string provider);

    /// @notice The score is above MAX_SCORE.
    error InvalidScore(uint16 score);
    /// @notice The expiry is not in the future, or further than MAX_TTL.
    error InvalidExpiry(uint64 expiresAt);
    /// @notice A field is empty where it must not be, or too long. `field` names it.
    error InvalidField(string field);
    /// @notice The auditor has no attestation about the provider under the schema.
    error UnknownAttestation(address auditor, string provider, bytes32 schema);
    /// @notice The attestation is already revoked.
    error AlreadyRevoked(address auditor, string provider, bytes32 schema);
    /// @notice A signed attestation's signature does not recover to the auditor it names.
    error InvalidSignature(address auditor);
    /// @notice A signed attestation's nonce is not the auditor's next: replayed or out of order.
    error BadNonce(address auditor, uint256 expected, uint256 got);

    bytes32 private constant _DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");

    /// @notice Records the caller's attestation about `provider`, replacing its previous one.
    /// @dev Reverts with {InvalidScore}, {InvalidExpiry} or {InvalidField}.
    function attest(
        string calldata provider,
        address owner,
        bytes32 schema,
        bytes32 manifestHash,
        string calldata reportCID,
        uint16 score,
        uint64 expiresAt
    ) external {
        _record(msg.sender, provider, owner, schema, manifestHash, reportCID, score, expiresAt);
    }

    /// @notice Records `auditor`'s attestation, signed by it (EIP-712, see ATTESTATION_TYPEHASH)
    /// with its next nonce; anyone may submit it.
    /// @dev Reverts with {BadNonce} (replay), {InvalidSignature} (forgery) and as {attest}.
    function attestSigned(
        address auditor,
        string calldata provider,
        address owner,
        bytes32 schema,
        bytes32 manifestHash,
        string calldata reportCID,
        uint16 score,
        uint64 expiresAt,
        uint256 nonce,
        bytes memory signature // memory, not calldata: one stack slot fewer (stack too deep)
    ) external {
        if (nonce != nonces[auditor]) revert BadNonce(auditor, nonces[auditor], nonce);
        bytes32 digest = attestationDigest(provider, owner, schema, manifestHash, reportCID, score, expiresAt, nonce);
        (address signer, ECDSA.RecoverError e,) = ECDSA.tryRecover(digest, signature);
        if (e != ECDSA.RecoverError.NoError || signer != auditor) revert InvalidSignature(auditor);
        _record(auditor, provider, owner, schema, manifestHash, reportCID, score, expiresAt);
    }

    /// @notice Withdraws the caller's latest attestation about `provider` under `schema`.
    /// @dev Reverts with {UnknownAttestation} or {AlreadyRevoked}.
    function revoke(string calldata provider, bytes32 schema) external {
        bytes32 ph = keccak256(bytes(provider));
        Attestation storage a = _latest[_key(msg.sender, ph, schema)];
        if (a.auditor == address(0)) revert UnknownAttestation(msg.sender, provider, schema);
        if (a.revoked) revert AlreadyRevoked(msg.sender, provider, schema);
        a.revoked = true;
        emit Revoked(msg.sender, ph, schema, provider);
    }

    /// @notice The auditor's latest attestation about `provider` under `schema`, revoked and
    /// expired ones included (check {valid}); all zero if there is none.
    function latest(address auditor, string calldata provider, bytes32 schema)
        external
        view
        returns (Attestation memory)
    {
        return _latest[_key(auditor, keccak256(bytes(provider)), schema)];
    }

    /// @notice Whether the auditor's latest attestation about `provider` holds now for the
    /// manifest `manifestHash` and the registry owner `owner`, and its score.
    function valid(address auditor, string calldata provider, address owner, bytes32 schema, bytes32 manifestHash)
        external
        view
        returns (bool ok, uint16 score)
    {
        Attestation storage a = _latest[_key(auditor, keccak256(bytes(provider)), schema)];
        ok = a.auditor != address(0) && !a.revoked && a.expiresAt > block.timestamp && a.owner == owner
            && a.manifestHash == manifestHash;
        score = ok ? a.score : 0;
    }

    /// @notice The EIP-712 digest an auditor signs for {attestSigned}.
    function attestationDigest(
        string calldata provider,
        address owner,
        bytes32 schema,
        bytes32 manifestHash,
        string calldata reportCID,
        uint16 score,
        uint64 expiresAt,
        uint256 nonce
    ) public view returns (bytes32) {
        bytes32 domain = keccak256(
            abi.encode(
                _DOMAIN_TYPEHASH, keccak256("WebFunctions Attestations"), keccak256("1"), block.chainid, address(this)
            )
        );
        return MessageHashUtils.toTypedDataHash(
            domain,
            keccak256(
                abi.encode(
                    ATTESTATION_TYPEHASH,
                    keccak256(bytes(provider)),
                    owner,
                    schema,
                    manifestHash,
                    keccak256(bytes(reportCID)),
                    score,
                    expiresAt,
                    nonce
                )
            )
        );
    }

    function _record(
        address auditor,
        string calldata provider,
        address owner,
        bytes32 schema,
        bytes32 manifestHash,
        string calldata reportCID,
        uint16 score,
        uint64 expiresAt
    ) private {
        if (bytes(provider).length == 0) revert InvalidField("provider");
        if (owner == address(0)) revert InvalidField("owner");
        if (manifestHash == bytes32(0)) revert InvalidField("manifestHash");
        if (bytes(reportCID).length == 0 || bytes(reportCID).length > MAX_REPORT_LENGTH) {
            revert InvalidField("reportCID");
        }
        if (score > MAX_SCORE) revert InvalidScore(score);
        if (expiresAt <= block.timestamp || expiresAt > block.timestamp + MAX_TTL) revert InvalidExpiry(expiresAt);
        bytes32 ph = keccak256(bytes(provider));
        nonces[auditor]++;
        _latest[_key(auditor, ph, schema)] = Attestation(
            auditor, owner, score, uint64(block.timestamp), expiresAt, false, manifestHash, schema, reportCID
        );
        emit Attested(auditor, ph, schema, provider, owner, manifestHash, reportCID, score, expiresAt);
    }

    function _key(address auditor, bytes32 providerHash, bytes32 schema) private pure returns (bytes32) {
        return keccak256(abi.encode(auditor, providerHash, schema));
    }
}
