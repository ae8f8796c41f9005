// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {SecurityToken} from "../token/SecurityToken.sol";

/// @title SecurityTokenHookMock
/// @notice TEST ONLY. A product-style extension of `SecurityToken` that overrides the `_afterBalancesChanged` hook, the
///         way the income-distribution product will, to prove the hook sees every balance change (ADR 0022).
/// @custom:security-contact security@bauhinia.dev
contract SecurityTokenHookMock is SecurityToken {
    /// @notice Emitted by the hook after every balance change.
    event BalancesChanged(address from, address to, uint256 value);

    function _afterBalancesChanged(address from, address to, uint256 value) internal override {
        emit BalancesChanged(from, to, value);
    }
}
