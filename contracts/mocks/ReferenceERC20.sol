// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title ReferenceERC20
/// @notice TEST ONLY. A plain OpenZeppelin ERC-20, the reference row of the gas benchmark
///         (`erc20.transfer.warm`, `erc20.transfer.new`) that our tokens are measured against.
/// @dev Anyone may mint: this contract is never deployed outside tests, the bench and the demo.
/// @custom:security-contact security@bauhinia.dev
contract ReferenceERC20 is ERC20 {
    /// @param name_ Token name.
    /// @param symbol_ Token symbol.
    constructor(string memory name_, string memory symbol_) ERC20(name_, symbol_) {}

    /// @notice Mints `amount` to `to` (test only).
    /// @param to Recipient.
    /// @param amount Amount in the token's smallest unit.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
