// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title ITradingGuard
/// @notice What a trading venue (security token, DvP settlement, oracle-priced mint or redemption) asks before an
///         asset changes hands. Implemented by the circuit breaker in `contracts/risk/`.
/// @dev A guarded contract holds this interface, never the concrete breaker. `enforce` judges the asset on its live
///      price and reverts with the guard's own `AssetHalted(asset, reason)` error while the asset is halted. Because
///      a revert undoes every write, `enforce` cannot record a trip: it only persists bookkeeping on the open path
///      (such as rolling the reference price forward). Trips, their cooling-off and their events are recorded by the
///      guard's permissionless `check` (keepers, monitors); guarded actions are blocked either way. Agent actions
///      (forced transfer, recovery, freeze, burn), income claims, cancellations and par redemption are never guarded.
interface ITradingGuard {
    /// @notice Reverts with `AssetHalted(asset, reason)` while `asset` is halted; otherwise returns (and may update the
    ///         guard's bookkeeping for an open asset).
    /// @param asset The asset (token contract) about to trade.
    function enforce(address asset) external;

    /// @notice Whether trading in `asset` is halted right now, judged on the live price even if no trip was recorded.
    /// @param asset The asset (token contract).
    /// @return halted True while any halt condition holds.
    function isHalted(address asset) external view returns (bool halted);
}
