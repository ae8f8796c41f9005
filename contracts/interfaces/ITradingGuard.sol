// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title ITradingGuard
/// @notice What a trading venue (security token, DvP settlement, oracle-priced mint or redemption) asks before an
///         asset changes hands. Implemented by the circuit breaker in `contracts/risk/`.
/// @dev A guarded contract holds this interface, never the concrete breaker. `enforce` evaluates the asset's price,
///      records any trip it finds (so the cooling-off starts and events are emitted) and reverts with the guard's
///      own `AssetHalted(asset, reason)` error while the asset is halted. Agent actions (forced transfer, recovery,
///      freeze, burn), income claims, cancellations and par redemption are never guarded.
interface ITradingGuard {
    /// @notice Evaluates `asset`, records any trip, and reverts with `AssetHalted(asset, reason)` while it is halted.
    /// @param asset The asset (token contract) about to trade.
    function enforce(address asset) external;

    /// @notice Whether trading in `asset` is halted right now, judged on the live price even if no trip was recorded.
    /// @param asset The asset (token contract).
    /// @return halted True while any halt condition holds.
    function isHalted(address asset) external view returns (bool halted);
}
