// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title WebFunctions provider registry
/// @notice Providers list themselves here under a unique name so that callers
/// and gateways can find their endpoint, the public key secrets are sealed to,
/// and their advertised price. Names are first come, first served; only the
/// account that registered a name can update or release it.
/// @dev Names are DNS labels (1-63 of `a-z`, `0-9`, `-`, not starting or ending
/// with `-`) because gateways route `<name>.<gateway-domain>`. Entries are kept
/// in a dense array so that discovery can page through them with {list}.
contract Registry {
    /// @notice A registered provider.
    /// @param owner the account that registered the name; the only one that can change it
    /// @param pricePerRequest advertised price per request in the escrow token's base units
    /// @param name the unique DNS-label name
    /// @param endpoint base URL requests are sent to, e.g. https://node.example.com
    /// @param sealingKey public key (HPKE) that secrets for this provider are sealed to
    /// @param metadataCID optional CID of further metadata (may be empty)
    /// @param expires when the lease ends (unix seconds); {reclaim} is open from expires + grace
    struct Provider {
        address owner;
        uint96 pricePerRequest;
        string name;
        string endpoint;
        bytes sealingKey;
        string metadataCID;
        uint64 expires;
    }

    /// @notice Longest name: a DNS label.
    uint256 public constant MAX_NAME_LENGTH = 63;
    /// @notice Longest endpoint URL.
    uint256 public constant MAX_ENDPOINT_LENGTH = 512;
    /// @notice Largest sealing key; room for hybrid post-quantum KEM keys.
    uint256 public constant MAX_SEALING_KEY_LENGTH = 2048;
    /// @notice Longest metadata CID.
    uint256 public constant MAX_METADATA_LENGTH = 128;

    /// @notice Share of the bond paid to whoever reclaims a lapsed name, in basis points.
    uint256 public constant RECLAIM_BOUNTY_BPS = 1000;
    /// @notice Gas a bond refund may use before it is kept for {withdrawRefund} instead.
    uint256 public constant REFUND_GAS = 10_000;

    /// @notice Ether deposited with each registration, paid back on release.
    uint256 public immutable bond;
    /// @notice Seconds a registration, renewal or update holds the name.
    uint64 public immutable lease;
    /// @notice Seconds after a lease ends before anyone may reclaim the name.
    uint64 public immutable grace;

    /// @notice Refunds that could not be sent (the recipient refused them), by recipient.
    mapping(address account => uint256) public refunds;

    mapping(bytes32 nameHash => Provider) private _providers;
    /// @dev 1-based position of a name hash in _names; 0 means not registered.
    mapping(bytes32 nameHash => uint256) private _position;
    bytes32[] private _names;

    /// @notice A name was registered.
    event ProviderRegistered(
        string name,
        address indexed owner,
        string endpoint,
        bytes sealingKey,
        uint96 pricePerRequest,
        string metadataCID,
        uint64 expires
    );
    /// @notice A provider replaced its entry.
    event ProviderUpdated(
        string name,
        address indexed owner,
        string endpoint,
        bytes sealingKey,
        uint96 pricePerRequest,
        string metadataCID,
        uint64 expires
    );
    /// @notice A provider released its name; anyone may register it again.
    event ProviderDeregistered(string name, address indexed owner);
    /// @notice The holder extended its lease to `expires`.
    event ProviderRenewed(string name, address indexed owner, uint64 expires);
    /// @notice A lapsed name was taken back by `reclaimer`; `refund` went to the former `owner`.
    event ProviderReclaimed(string name, address indexed owner, address indexed reclaimer, uint256 refund, uint256 bounty);

    /// @notice The name is not a DNS label (see the contract's notes).
    error InvalidName(string name);
    /// @notice Another account holds the name.
    error NameTaken(string name, address owner);
    /// @notice No provider has the name.
    error UnknownProvider(string name);
    /// @notice The caller does not own the entry it tried to change.
    error NotProviderOwner(string name, address owner, address caller);
    /// @notice A field is empty where it must not be, or too long. `field` names it.
    error InvalidField(string field);
    /// @notice A registration must deposit exactly the bond.
    error WrongBond(uint256 sent, uint256 required);
    /// @notice The name's lease has not lapsed long enough to reclaim it: from `reclaimableAt`.
    error NotReclaimable(string name, uint256 reclaimableAt);
    /// @notice There is no refund waiting for the caller.
    error NoRefund();
    /// @notice Sending ether failed.
    error TransferFailed();

    /// @param bond_ ether (wei) deposited per name; may be 0 (no bond)
    /// @param lease_ seconds a (re)registration holds a name; at least an hour
    /// @param grace_ seconds after a lease ends before the name can be reclaimed
    constructor(uint256 bond_, uint64 lease_, uint64 grace_) {
        if (lease_ < 1 hours) revert InvalidField("lease");
        bond = bond_;
        lease = lease_;
        grace = grace_;
    }

    /// @notice Registers `name` for the caller, who deposits {bond} with it.
    /// A lapsed name (see {reclaim}) is reclaimed first, the bounty going to the caller.
    /// @dev Reverts with {NameTaken} if anyone holds it, {WrongBond}, {InvalidName} or {InvalidField}.
    function register(
        string calldata name,
        string calldata endpoint,
        bytes calldata sealingKey,
        uint96 pricePerRequest,
        string calldata metadataCID
    ) external payable {
        if (msg.value != bond) revert WrongBond(msg.value, bond);
        _checkName(name);
        _checkFields(endpoint, sealingKey, metadataCID);
        bytes32 key = keccak256(bytes(name));
        address former;
        if (_position[key] != 0) {
            Provider storage old = _providers[key];
            if (block.timestamp < uint256(old.expires) + grace) revert NameTaken(name, old.owner);
            former = old.owner;
            _remove(key);
            _reclaimed(name, former); // before ProviderRegistered: readers replay events in order
        }
        _names.push(key);
        _position[key] = _names.length;
        uint64 expires = uint64(block.timestamp) + lease;
        _providers[key] = Provider(msg.sender, pricePerRequest, name, endpoint, sealingKey, metadataCID, expires);
        emit ProviderRegistered(name, msg.sender, endpoint, sealingKey, pricePerRequest, metadataCID, expires);
        if (former != address(0)) _payReclaim(former);
    }

    /// @notice Extends the lease of the caller's entry `name` to now + {lease}.
    /// @dev Reverts with {UnknownProvider} or {NotProviderOwner}. A lapsed name not yet
    /// reclaimed is renewed too: its holder is back.
    function renew(string calldata name) external {
        Provider storage p = _owned(name);
        uint64 expires = uint64(block.timestamp) + lease;
        p.expires = expires;
        emit ProviderRenewed(name, msg.sender, expires);
    }

    /// @notice Frees `name`, whose lease ended more than {grace} ago, for anyone to register.
    /// The former holder gets its bond back less the bounty, which goes to the caller.
    /// @dev Reverts with {UnknownProvider} or {NotReclaimable}.
    function reclaim(string calldata name) external {
        bytes32 key = keccak256(bytes(name));
        if (_position[key] == 0) revert UnknownProvider(name);
        Provider storage p = _providers[key];
        uint256 from = uint256(p.expires) + grace;
        if (block.timestamp < from) revert NotReclaimable(name, from);
        address former = p.owner;
        _remove(key);
        _reclaimed(name, former);
        _payReclaim(former);
    }

    /// @notice Pays the caller the refunds that could not be sent to it.
    function withdrawRefund() external {
        uint256 amount = refunds[msg.sender];
        if (amount == 0) revert NoRefund();
        refunds[msg.sender] = 0;
        (bool ok,) = msg.sender.call{value: amount}("");
        if (!ok) revert TransferFailed();
    }

    /// @notice Replaces the endpoint, sealing key, price and metadata of the caller's entry `name`,
    /// and renews its lease.
    /// @dev Reverts with {UnknownProvider} or {NotProviderOwner}.
    function update(
        string calldata name,
        string calldata endpoint,
        bytes calldata sealingKey,
        uint96 pricePerRequest,
        string calldata metadataCID
    ) external {
        _checkFields(endpoint, sealingKey, metadataCID);
        Provider storage p = _owned(name);
        p.pricePerRequest = pricePerRequest;
        p.endpoint = endpoint;
        p.sealingKey = sealingKey;
        p.metadataCID = metadataCID;
        uint64 expires = uint64(block.timestamp) + lease;
        p.expires = expires;
        emit ProviderUpdated(name, msg.sender, endpoint, sealingKey, pricePerRequest, metadataCID, expires);
    }

    /// @notice Removes the caller's entry `name`, freeing the name, and pays back its bond.
    /// @dev Reverts with {UnknownProvider} or {NotProviderOwner}. The last entry
    /// moves into the freed slot, so {list} order is not stable across removals.
    function deregister(string calldata name) external {
        _owned(name);
        _remove(keccak256(bytes(name)));
        emit ProviderDeregistered(name, msg.sender);
        _pay(msg.sender, bond);
    }

    /// @notice Returns the entry registered under `name`.
    /// @dev Reverts with {UnknownProvider} if there is none.
    function lookup(string calldata name) external view returns (Provider memory) {
        bytes32 key = keccak256(bytes(name));
        if (_position[key] == 0) revert UnknownProvider(name);
        return _providers[key];
    }

    /// @notice Number of registered providers.
    function providerCount() external view returns (uint256) {
        return _names.length;
    }

    /// @notice Returns up to `limit` entries starting at position `offset`, for discovery.
    /// @dev Returns fewer (or none) past the end. Positions change when entries are removed.
    function list(uint256 offset, uint256 limit) external view returns (Provider[] memory out) {
        uint256 n = _names.length;
        if (offset >= n) return out;
        uint256 end = n - offset < limit ? n : offset + limit;
        out = new Provider[](end - offset);
        for (uint256 i = offset; i < end; ++i) {
            out[i - offset] = _providers[_names[i]];
        }
    }

    function _remove(bytes32 key) private {
        uint256 pos = _position[key];
        uint256 last = _names.length;
        if (pos != last) {
            bytes32 moved = _names[last - 1];
            _names[pos - 1] = moved;
            _position[moved] = pos;
        }
        _names.pop();
        delete _position[key];
        delete _providers[key];
    }

    function _reclaimed(string calldata name, address former) private {
        uint256 bounty = bond * RECLAIM_BOUNTY_BPS / 10_000;
        emit ProviderReclaimed(name, former, msg.sender, bond - bounty, bounty);
    }

    /// @dev Splits the bond of a reclaimed name between its former holder and the caller.
    function _payReclaim(address former) private {
        uint256 bounty = bond * RECLAIM_BOUNTY_BPS / 10_000;
        _pay(former, bond - bounty);
        _pay(msg.sender, bounty);
    }

    /// @dev Sends ether with bounded gas; a recipient that refuses it (or needs more gas)
    /// finds it in {refunds}, so nobody can block a release or reclaim by refusing.
    function _pay(address to, uint256 amount) private {
        if (amount == 0) return;
        (bool ok,) = to.call{value: amount, gas: REFUND_GAS}("");
        if (!ok) refunds[to] += amount;
    }

    function _owned(string calldata name) private view returns (Provider storage p) {
        bytes32 key = keccak256(bytes(name));
        if (_position[key] == 0) revert UnknownProvider(name);
        p = _providers[key];
        if (p.owner != msg.sender) revert NotProviderOwner(name, p.owner, msg.sender);
    }

    function _checkName(string calldata name) private pure {
        bytes calldata b = bytes(name);
        uint256 n = b.length;
        if (n == 0 || n > MAX_NAME_LENGTH || b[0] == "-" || b[n - 1] == "-") revert InvalidName(name);
        for (uint256 i; i < n; ++i) {
            bytes1 c = b[i];
            if (!((c >= "a" && c <= "z") || (c >= "0" && c <= "9") || c == "-")) revert InvalidName(name);
        }
    }

    function _checkFields(string calldata endpoint, bytes calldata sealingKey, string calldata metadataCID)
        private
        pure
    {
        if (bytes(endpoint).length == 0 || bytes(endpoint).length > MAX_ENDPOINT_LENGTH) revert InvalidField("endpoint");
        if (sealingKey.length == 0 || sealingKey.length > MAX_SEALING_KEY_LENGTH) revert InvalidField("sealingKey");
        if (bytes(metadataCID).length > MAX_METADATA_LENGTH) revert InvalidField("metadataCID");
    }
}
