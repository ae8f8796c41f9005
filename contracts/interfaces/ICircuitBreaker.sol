// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AggregatorV3Interface} from "./AggregatorV3Interface.sol";
import {ITradingGuard} from "./ITradingGuard.sol";

/// @title ICircuitBreaker
/// @notice Per-asset price circuit breaker (HKEX volatility-control style): trading in an asset halts when its price
///         moves more than `thresholdBps` against a recent reference, and whenever its oracle is unhealthy. A trip
///         cools off for `coolOffSec`; a second trip within `escalationWindowSec` of the previous one latches the
///         halt until the risk role resumes it. Semantics: docs/adr/0030-circuit-breaker-semantics.md.
/// @dev Guarded contracts hold `ITradingGuard` and call `enforce(asset)`. Keepers and monitors call `check` /
///      `checkBatch` (permissionless) to record trips, and read `status`. Every function that judges an asset
///      (`enforce`, `isHalted`, `check`, `checkBatch`, `status`) runs the same evaluation, so a view can never say
///      "open" while `enforce` would revert, or the other way round (INV-BRK-5).
interface ICircuitBreaker is ITradingGuard {
    // ------------------------------------------------------------------------------------------------------------
    // Types
    // ------------------------------------------------------------------------------------------------------------

    /// @notice Why an asset is halted; `None` means it is open. Reported by `AssetHalted`, `status`, `check` and the
    ///         `OracleUnhealthy` event. When several hold, the first in this order wins: `NotConfigured`,
    ///         `GlobalHalt`, `ManualHalt`, `Latched`, `CoolingOff`, sequencer and oracle health, `PriceDeviation`.
    ///         Values are append-only (monitoring services store them as numbers).
    enum HaltReason {
        None, // 0  open
        NotConfigured, // 1  the asset has no feed configured (fail closed)
        GlobalHalt, // 2  a pauser halted every asset (`haltAll`)
        ManualHalt, // 3  the risk role halted this asset (`halt`), latched until `resume`
        Latched, // 4  a second trip within `escalationWindowSec` of the previous one, latched until `resume`
        CoolingOff, // 5  a recorded trip is cooling off until `haltedUntil`
        PriceDeviation, // 6  the live price is out of band against the reference (trip not recorded yet)
        SequencerDown, // 7  the L2 sequencer-uptime feed reports the sequencer down (answer != 0)
        SequencerGracePeriod, // 8  the sequencer came back less than `gracePeriodSec` ago
        SequencerFeedFailed, // 9  the sequencer-uptime feed reverted or returned malformed data
        OracleCallFailed, // 10 `latestRoundData` reverted, ran out of its gas cap or returned malformed data
        OracleRoundIdZero, // 11 `roundId == 0`
        OracleAnswerNotPositive, // 12 `answer <= 0`
        OracleAnswerTooLarge, // 13 `answer > type(uint128).max` (no real price; see ADR 0031)
        OracleUpdatedAtZero, // 14 `updatedAt == 0`
        OracleUpdatedAtInFuture, // 15 `updatedAt > block.timestamp`
        OracleStale, // 16 `block.timestamp - updatedAt > maxStalenessSec`
        OraclePriceBelowMin, // 17 `answer < minPrice` (bound set)
        OraclePriceAboveMax // 18 `answer > maxPrice` (bound set)
    }

    /// @notice Which configuration value `BreakerInvalidConfig` rejected.
    enum ConfigField {
        Asset, // 0  the zero address as asset
        Feed, // 1  zero address or no code
        ThresholdBps, // 2  outside [1, 10_000]
        MaxStalenessSec, // 3  outside [1, MAX_STALENESS_SEC]
        WindowSec, // 4  outside [1, MAX_WINDOW_SEC]
        CoolOffSec, // 5  outside [1, MAX_COOL_OFF_SEC]
        EscalationWindowSec, // 6  outside [coolOffSec, MAX_ESCALATION_WINDOW_SEC]
        PriceBounds, // 7  minPrice >= maxPrice while both are set
        SequencerFeed, // 8  non-zero address without code
        SequencerGracePeriodSec // 9  above MAX_GRACE_PERIOD_SEC, or non-zero without a sequencer feed
    }

    /// @notice Per-asset parameters, all in the feed's own units (no decimals conversion is needed: the trip rule
    ///         is a ratio, and the bounds are given in the feed's decimals).
    /// @param feed Chainlink-compatible price feed of the asset.
    /// @param thresholdBps Band half-width in basis points; trip iff `|P - R| * 10000 > thresholdBps * R`.
    /// @param maxStalenessSec The oracle is stale iff `now - updatedAt > maxStalenessSec` (equal is fresh).
    /// @param windowSec The reference rolls forward once `now - referenceAt >= windowSec`.
    /// @param coolOffSec A trip halts the asset until `trippedAt + coolOffSec` (exclusive).
    /// @param escalationWindowSec A trip at most this long after the previous trip latches the halt (inclusive).
    /// @param minPrice Lowest accepted answer (inclusive); 0 disables the bound.
    /// @param maxPrice Highest accepted answer (inclusive); 0 disables the bound.
    struct AssetConfig {
        AggregatorV3Interface feed;
        uint16 thresholdBps;
        uint32 maxStalenessSec;
        uint32 windowSec;
        uint32 coolOffSec;
        uint32 escalationWindowSec;
        uint128 minPrice;
        uint128 maxPrice;
    }

    /// @notice Everything a monitoring service needs about one asset, judged on the live price.
    /// @param halted True while any halt condition holds (same as `isHalted`).
    /// @param reason The highest-priority halt condition, or `None`.
    /// @param latched True while a human must resume the asset (escalated trip or manual halt).
    /// @param reanchorPending True when the next healthy reading re-anchors R without a deviation test.
    /// @param referencePrice The reference R in feed units; 0 before the first healthy reading.
    /// @param referenceAt When R was set (anchor or roll); 0 before the first healthy reading.
    /// @param haltedUntil End of the current or last cooling-off (exclusive); 0 if the asset never tripped.
    /// @param lastTripAt When the last trip was recorded; 0 if never.
    /// @param price The live answer that was judged; 0 when the feed could not be read, and during a manual halt, a
    ///        latch or a cooling-off, when no feed is read at all.
    // Returned in memory only, never stored: slot packing does not apply.
    // solhint-disable-next-line gas-struct-packing
    struct BreakerStatus {
        uint256 referencePrice;
        uint256 referenceAt;
        uint256 haltedUntil;
        uint256 lastTripAt;
        int256 price;
        bool halted;
        HaltReason reason;
        bool latched;
        bool reanchorPending;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Events
    // ------------------------------------------------------------------------------------------------------------

    /// @notice A trip was recorded: `price` moved `deviationBps` against `referencePrice`, and the asset is halted
    ///         until `haltedUntil` (exclusive), or until the risk role resumes it when `latched`.
    event BreakerTripped(
        address indexed asset,
        uint256 referencePrice,
        uint256 price,
        uint256 deviationBps,
        uint256 roundId,
        uint256 haltedUntil,
        bool latched
    );

    /// @notice R rolled forward from `oldReference` to `newReference` (healthy, in band, `windowSec` elapsed).
    event ReferenceUpdated(address indexed asset, uint256 oldReference, uint256 newReference, uint256 roundId);

    /// @notice R was set without a deviation test: first healthy reading, or first one after a cooling-off, a
    ///         resume or a feed change.
    event ReferenceAnchored(address indexed asset, uint256 referencePrice, uint256 roundId);

    /// @notice A state-changing evaluation (`check`, `checkBatch`, a config change) found the oracle unhealthy.
    /// @param reason One of the `Sequencer*` / `Oracle*` reasons.
    /// @param roundId The feed's round (zero when it could not be read).
    /// @param answer The feed's answer (zero when it could not be read).
    /// @param updatedAt The feed's update time (zero when it could not be read).
    event OracleUnhealthy(
        address indexed asset,
        HaltReason indexed reason,
        uint256 roundId,
        int256 answer,
        uint256 updatedAt
    );

    /// @notice The risk role `by` halted `asset` (latched until `resume`).
    event ManuallyHalted(address indexed asset, address indexed by);

    /// @notice The risk role `by` lifted the latch of `asset`; it stays halted until `haltedUntil` if a cooling-off
    ///         is still running, and the next healthy reading re-anchors R.
    event Resumed(address indexed asset, address indexed by, uint256 haltedUntil);

    /// @notice A pauser `by` halted every asset.
    event AllHalted(address indexed by);

    /// @notice The admin `by` lifted the global halt (per-asset halts are untouched).
    event AllResumed(address indexed by);

    /// @notice The admin set the parameters of `asset` (after recording any pending trip under the old ones).
    event AssetConfigured(address indexed asset, AssetConfig config);

    /// @notice The admin set the L2 sequencer-uptime feed (zero: none) and its grace period.
    event SequencerFeedSet(address indexed feed, uint256 gracePeriodSec);

    // ------------------------------------------------------------------------------------------------------------
    // Errors
    // ------------------------------------------------------------------------------------------------------------

    /// @notice Trading in `asset` is halted for `reason` (raised by `enforce`).
    error AssetHalted(address asset, HaltReason reason);

    /// @notice `asset` has no configuration (`check`, `checkBatch`, `halt`, `resume`).
    error BreakerAssetNotConfigured(address asset);

    /// @notice `value` is not acceptable for `field` of `asset` (zero address for the sequencer settings).
    error BreakerInvalidConfig(address asset, ConfigField field, uint256 value);

    /// @notice `resume` was called on an asset that is neither manually halted nor latched. A cooling-off cannot be
    ///         ended early (ADR 0032).
    error BreakerNotLatched(address asset, uint256 haltedUntil);

    /// @notice `resume` needs a healthy oracle to take the decision on; it is unhealthy for `reason` (ADR 0032).
    error BreakerResumeOracleUnhealthy(address asset, HaltReason reason);

    /// @notice `resumeAll` was called while no global halt is active.
    error BreakerGlobalHaltNotActive();

    /// @notice `checkBatch` got `length` assets; at most `max` are evaluated in one call.
    error BreakerBatchTooLarge(uint256 length, uint256 max);

    /// @notice A feed call failed with only `gasLeft` gas left afterwards, so it may have been starved by the
    ///         caller (EIP-150 63/64 rule) rather than by the feed; the caller must retry with more gas.
    error BreakerInsufficientGas(uint256 gasLeft);

    // ------------------------------------------------------------------------------------------------------------
    // Evaluation (permissionless)
    // ------------------------------------------------------------------------------------------------------------

    /// @notice Evaluates `asset` and records the outcome: a trip (cooling-off, escalation), an anchor or roll of the
    ///         reference, or an unhealthy-oracle event. Never reverts because of the feed.
    /// @dev Permissionless (keepers, monitors, anyone). During a cooling-off, a latch or a manual halt it reads no
    ///      feed, changes nothing and emits nothing (ADR 0033).
    /// @param asset A configured asset.
    /// @return halted Whether the asset is halted after the evaluation.
    /// @return reason Why (after recording: a fresh trip reports `CoolingOff` or `Latched`).
    function check(address asset) external returns (bool halted, HaltReason reason);

    /// @notice `check` for up to `MAX_BATCH` assets; reverts as a whole on bad input.
    /// @param assets Configured assets.
    /// @return reasons The reason of each asset after its evaluation (`None` = open).
    function checkBatch(address[] calldata assets) external returns (HaltReason[] memory reasons);

    // ------------------------------------------------------------------------------------------------------------
    // Manual controls
    // ------------------------------------------------------------------------------------------------------------

    /// @notice Halts `asset` at once, latched until `resume`. Reads no feed, so a broken oracle cannot block it.
    /// @dev RISK_ROLE. Does not count toward escalation (ADR 0034). Idempotent.
    /// @param asset A configured asset.
    function halt(address asset) external;

    /// @notice Lifts a manual halt or an escalation latch of `asset`; the next healthy reading re-anchors R.
    /// @dev RISK_ROLE. Reverts `BreakerNotLatched` when there is no latch (a cooling-off cannot be shortened) and
    ///      `BreakerResumeOracleUnhealthy` when the oracle is unhealthy (ADR 0032). A running cooling-off continues.
    /// @param asset A configured asset.
    function resume(address asset) external;

    /// @notice Halts every asset at once. Per-asset evaluation continues underneath (`check` still records trips).
    /// @dev PAUSER_ROLE. Idempotent.
    function haltAll() external;

    /// @notice Lifts the global halt; per-asset halts (cooling-off, latches, oracle) are untouched.
    /// @dev DEFAULT_ADMIN_ROLE: reopening every market at once is a loosening action (ADR 0035).
    function resumeAll() external;

    // ------------------------------------------------------------------------------------------------------------
    // Configuration (DEFAULT_ADMIN_ROLE)
    // ------------------------------------------------------------------------------------------------------------

    /// @notice Sets (or replaces) the parameters of `asset`. An existing asset is first evaluated under its old
    ///         parameters so a pending trip is recorded; no halt is ever cleared. A new feed re-anchors R.
    /// @param asset The asset (token contract), never the zero address.
    /// @param config See `AssetConfig`.
    function setAssetConfig(address asset, AssetConfig calldata config) external;

    /// @notice Sets the L2 sequencer-uptime feed (zero address: none, e.g. on L1) and its grace period.
    /// @param feed Chainlink sequencer-uptime feed (answer 0 = up, 1 = down; startedAt = last status change).
    /// @param gracePeriodSec Assets stay halted while `now < startedAt + gracePeriodSec` after the sequencer is up.
    function setSequencerFeed(AggregatorV3Interface feed, uint32 gracePeriodSec) external;

    // ------------------------------------------------------------------------------------------------------------
    // Views
    // ------------------------------------------------------------------------------------------------------------

    /// @notice The full monitoring view of `asset`, judged on the live price. Never reverts because of the feed.
    /// @param asset Any address; an unconfigured one reports `NotConfigured`.
    /// @return s See `BreakerStatus`.
    function status(address asset) external view returns (BreakerStatus memory s);

    /// @notice The parameters of `asset` (all zero when unconfigured).
    /// @param asset The asset.
    /// @return config See `AssetConfig`.
    function assetConfig(address asset) external view returns (AssetConfig memory config);

    /// @notice The L2 sequencer-uptime feed (zero: none) and its grace period.
    /// @return feed The feed.
    /// @return gracePeriodSec The grace period.
    function sequencerFeed() external view returns (AggregatorV3Interface feed, uint256 gracePeriodSec);

    /// @notice Whether a global halt (`haltAll`) is active.
    /// @return halted True while active.
    function allHalted() external view returns (bool halted);
}
