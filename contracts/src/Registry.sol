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
    struct Provider {
        address owner;
        uint96 pricePerRequest;
        string name;
        string endpoint;
        bytes sealingKey;
        string metadataCID;
    }

    /// @notice Longest name: a DNS label.
    uint256 public constant MAX_NAME_LENGTH = 63;
    /// @notice Longest endpoint URL.
    uint256 public constant MAX_ENDPOINT_LENGTH = 512;
    /// @notice Largest sealing key; room for hybrid post-quantum KEM keys.
    uint256 public constant MAX_SEALING_KEY_LENGTH = 2048;
    /// @notice Longest metadata CID.
    uint256 public constant MAX_METADATA_LENGTH = 128;

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
        string metadataCID
    );
    /// @notice A provider replaced its entry.
    event ProviderUpdated(
        string name,
        address indexed owner,
        string endpoint,
        bytes sealingKey,
        uint96 pricePerRequest,
        string metadataCID
    );
    /// @notice A provider released its name; anyone may register it again.
    event ProviderDeregistered(string name, address indexed owner);

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

    /// @notice Registers `name` for the caller.
    /// @dev Reverts with {NameTaken} if anyone holds it, {InvalidName} or {InvalidField} on bad input.
    function register(
        string calldata name,
        string calldata endpoint,
        bytes calldata sealingKey,
        uint96 pricePerRequest,
        string calldata metadataCID
    ) external {
        _checkName(name);
        _checkFields(endpoint, sealingKey, metadataCID);
        bytes32 key = keccak256(bytes(name));
        if (_position[key] != 0) revert NameTaken(name, _providers[key].owner);
        _names.push(key);
        _position[key] = _names.length;
        _providers[key] = Provider(msg.sender, pricePerRequest, name, endpoint, sealingKey, metadataCID);
        emit ProviderRegistered(name, msg.sender, endpoint, sealingKey, pricePerRequest, metadataCID);
    }

    /// @notice Replaces the endpoint, sealing key, price and metadata of the caller's entry `name`.
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
        emit ProviderUpdated(name, msg.sender, endpoint, sealingKey, pricePerRequest, metadataCID);
    }

    /// @notice Removes the caller's entry `name`, freeing the name.
    /// @dev Reverts with {UnknownProvider} or {NotProviderOwner}. The last entry
    /// moves into the freed slot, so {list} order is not stable across removals.
    function deregister(string calldata name) external {
        _owned(name);
        bytes32 key = keccak256(bytes(name));
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
        emit ProviderDeregistered(name, msg.sender);
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
