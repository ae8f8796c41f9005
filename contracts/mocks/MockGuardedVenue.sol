// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AggregatorV3Interface} from "../interfaces/AggregatorV3Interface.sol";
import {ITradingGuard} from "../interfaces/ITradingGuard.sol";

/// @title MockGuardedVenue
/// @notice TEST ONLY. Stands for any trading venue (security-token transfer, DvP settlement, oracle-priced mint):
///         `trade` asks the guard first, exactly as a guarded product does; `tradeUnguarded` does the same work
///         without asking (the bench's reference for what the guard adds).
/// @custom:security-contact security@bauhinia.dev
contract MockGuardedVenue {
    /// @notice The trading guard (circuit breaker) consulted by `trade`.
    ITradingGuard public immutable GUARD;
    /// @notice Number of trades per asset that went through.
    mapping(address asset => uint256 count) public trades;

    /// @notice A trade in `asset` went through (`guarded` = the guard was consulted).
    event Traded(address indexed asset, bool guarded);

    /// @param guard The trading guard.
    constructor(ITradingGuard guard) {
        GUARD = guard;
    }

    /// @notice A guarded action: reverts with the guard's `AssetHalted` while `asset` is halted.
    /// @param asset The asset traded.
    function trade(address asset) external {
        GUARD.enforce(asset);
        trades[asset] += 1;
        emit Traded(asset, true);
    }

    /// @notice The same action without the guard but reading a price first, like an oracle-priced mint (the
    ///         bench's reference for what the guard adds beyond the price read itself).
    /// @param asset The asset traded.
    /// @param feed The asset's price feed.
    function tradePriced(address asset, AggregatorV3Interface feed) external {
        (, int256 answer, , , ) = feed.latestRoundData();
        trades[asset] += 1;
        emit Traded(asset, answer < 0);
    }

    /// @notice The same action without the guard (an agent action, or the bench's reference).
    /// @param asset The asset traded.
    function tradeUnguarded(address asset) external {
        trades[asset] += 1;
        emit Traded(asset, false);
    }
}
