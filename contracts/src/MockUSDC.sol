// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title Mock USDC for development and tests
/// @notice An ERC-20 with USDC's 6 decimals that anyone can mint. Never deploy
/// it where its tokens could be mistaken for money.
contract MockUSDC is ERC20 {
    constructor() ERC20("Mock USD Coin", "USDC") {}

    /// @notice USDC has 6 decimals: 1 USDC is 1_000_000 base units.
    function decimals() public pure override returns (uint8) {
        return 6;
    }

    /// @notice Creates `amount` base units for `to`. Open to anyone: dev only.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
