// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// @title WebFunctions trial credits
/// @notice A provider grants a user (an address) credits usable only with
/// that provider, paid in the escrow's token, so a new user can try it
/// without funding an escrow. Credits are never withdrawable by either
/// side: there is no function that gives them back. The provider's node
/// spends them before the user's own allowance and records what it spent
/// with {spend}, which sends the spent tokens to SINK (the rewards pool's
/// sponsor, or any treasury), not to the provider: the provider gains
/// nothing by overstating use, and a grant is a public, irrevocable
/// commitment the user can check before relying on it.
contract Credits {
    using SafeERC20 for IERC20;

    /// @notice The token credits are granted in.
    IERC20 public immutable TOKEN;
    /// @notice Where spent credits go.
    address public immutable SINK;

    /// @notice Credits `provider` granted `user` that are not spent yet.
    mapping(address provider => mapping(address user => uint256)) public credits;
    /// @notice Credits of `provider` spent by `user`, in all.
    mapping(address provider => mapping(address user => uint256)) public spent;

    event Granted(address indexed provider, address indexed user, uint256 amount, uint256 total);
    event Spent(address indexed provider, address indexed user, uint256 amount, uint256 left);

    error ZeroAmount();
    error ZeroAddress();
    /// @notice Spending `amount` exceeds the `left` credits.
    error InsufficientCredits(uint256 amount, uint256 left);

    constructor(IERC20 token, address sink) {
        if (address(token) == address(0) || sink == address(0)) revert ZeroAddress();
        TOKEN = token;
        SINK = sink;
    }

    /// @notice Grants `user` `amount` of the caller's tokens as credits with the caller.
    function grant(address user, uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        if (user == address(0)) revert ZeroAddress();
        uint256 total = credits[msg.sender][user] + amount;
        credits[msg.sender][user] = total;
        emit Granted(msg.sender, user, amount, total);
        TOKEN.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice Records that `user` used `amount` of the caller's credits; the tokens go to SINK.
    function spend(address user, uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        uint256 left = credits[msg.sender][user];
        if (amount > left) revert InsufficientCredits(amount, left);
        left -= amount;
        credits[msg.sender][user] = left;
        spent[msg.sender][user] += amount;
        emit Spent(msg.sender, user, amount, left);
        TOKEN.safeTransfer(SINK, amount);
    }
}
