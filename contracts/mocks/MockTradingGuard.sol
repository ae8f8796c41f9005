// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ITradingGuard} from "../interfaces/ITradingGuard.sol";

/// @title MockTradingGuard
/// @notice TEST ONLY. A circuit breaker stand-in that the test switches between open and halted; `enforce` counts the
///         calls so that tests can prove which operations consult the guard.
/// @custom:security-contact security@bauhinia.dev
contract MockTradingGuard is ITradingGuard {
    /// @notice Whether each asset is halted, and why.
    mapping(address asset => bytes32 reason) public haltReason;
    /// @notice How often `enforce` ran (and passed) per asset.
    mapping(address asset => uint256 count) public enforceCalls;

    /// @notice `asset` is halted for `reason` (same shape as the real breaker's error).
    error AssetHalted(address asset, bytes32 reason);

    /// @notice Halts `asset` with `reason`, or reopens it with reason 0.
    function setHalted(address asset, bytes32 reason) external {
        haltReason[asset] = reason;
    }

    /// @inheritdoc ITradingGuard
    function enforce(address asset) external {
        bytes32 reason = haltReason[asset];
        if (reason != bytes32(0)) revert AssetHalted(asset, reason);
        ++enforceCalls[asset];
    }

    /// @inheritdoc ITradingGuard
    function isHalted(address asset) external view returns (bool halted) {
        return haltReason[asset] != bytes32(0);
    }
}
