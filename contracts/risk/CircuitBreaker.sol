// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// solhint-disable-next-line max-line-length
import {AccessControlDefaultAdminRules} from "@openzeppelin/contracts/access/extensions/AccessControlDefaultAdminRules.sol";

import {AggregatorV3Interface} from "../interfaces/AggregatorV3Interface.sol";
import {ICircuitBreaker} from "../interfaces/ICircuitBreaker.sol";
import {ITradingGuard} from "../interfaces/ITradingGuard.sol";
import {PriceBand} from "./PriceBand.sol";

/// @title CircuitBreaker
/// @notice Halts trading in an asset when its price moves more than `thresholdBps` (default 10%) against a recent
///         reference, and whenever its oracle is unhealthy; trips cool off, a second trip within the escalation
///         window latches. One deployment serves many assets. Semantics: docs/adr/0030-circuit-breaker-semantics.md.
/// @dev Not upgradeable (ADR 0031): guarded contracts hold `ITradingGuard` and are re-pointed to a new breaker.
///
///      Roles (docs/roles.md):
///       - DEFAULT_ADMIN_ROLE (two-step, delayed handover): asset parameters, sequencer feed, `resumeAll`, roles.
///       - RISK_ROLE: `halt` one asset (latched), `resume` it.
///       - PAUSER_ROLE: `haltAll`.
///       - anyone: `check`, `checkBatch` (record trips), views.
///
///      Invariants (test/risk/CircuitBreakerInvariant.t.sol, docs/threat-model.md):
///       INV-BRK-1  while `isHalted(asset)` is true, every guarded action (`enforce`) reverts with `AssetHalted`
///       INV-BRK-2  the reference price moves only on a healthy reading that is in band (roll, once `windowSec`
///                  has passed) or that re-anchors; never on a trip or while the oracle is unhealthy
///       INV-BRK-3  a recorded halt (running cooling-off, escalation latch, manual halt) is never cleared by a
///                  configuration change or a global resume; latches are cleared only by `resume` (RISK_ROLE)
///       INV-BRK-4  no feed behaviour (revert, garbage or short return data, gas exhaustion) makes `check`,
///                  `isHalted` or `status` revert when the caller supplies enough gas
///       INV-BRK-5  `isHalted(asset) == status(asset).halted`, and `enforce(asset)` succeeds iff it is false
///
///      Storage per asset is packed so that the hot path (healthy, in band) reads three slots: the global slot
///      (sequencer feed, grace period, global halt), the asset's first config slot (feed, threshold, staleness,
///      window, bounds flag) and its state slot (reference, reference time, halted-until, last trip, flags).
///      Cool-off, escalation window and price bounds live in colder slots read only on a trip or when set.
///
///      Feeds are only ever `staticcall`ed with a gas cap and length-checked decoding, so they cannot re-enter,
///      revert the breaker or return data that fails to decode.
/// @custom:security-contact security@bauhinia.dev
contract CircuitBreaker is ICircuitBreaker, AccessControlDefaultAdminRules {
    // ------------------------------------------------------------------------------------------------------------
    // Types
    // ------------------------------------------------------------------------------------------------------------

    /// @dev What a state-changing evaluation must record.
    enum Action {
        None,
        Anchor,
        Roll,
        Trip,
        ReportUnhealthy
    }

    /// @dev Per-asset parameters. Slot 0 is read on every evaluation, slot 1 on a trip, `minPrice`/`maxPrice`
    ///      (slots 1-2) only when `hasBounds`.
    struct Config {
        // slot 0: 160 + 16 + 32 + 32 + 8 = 248 bits
        address feed;
        uint16 thresholdBps;
        uint32 maxStalenessSec;
        uint32 windowSec;
        bool hasBounds;
        // slot 1: 32 + 32 + 128 = 192 bits
        uint32 coolOffSec;
        uint32 escalationWindowSec;
        uint128 minPrice;
        // slot 2
        uint128 maxPrice;
    }

    /// @dev Per-asset state, one slot: 128 + 40 + 40 + 40 + 8 = 256 bits. Times are unix seconds (uint40 lasts
    ///      until the year 36812); the reference fits 128 bits because larger answers are unhealthy (ADR 0031).
    struct State {
        uint128 referencePrice;
        uint40 referenceAt;
        uint40 haltedUntil;
        uint40 lastTripAt;
        uint8 flags;
    }

    /// @dev A feed's `latestRoundData` as read (zeros when `ok` is false).
    struct Reading {
        bool ok;
        uint256 roundId;
        int256 answer;
        uint256 startedAt;
        uint256 updatedAt;
    }

    /// @dev The result of `_evaluate`: the reason the asset is halted (or None), what to record, what was read.
    struct Evaluation {
        HaltReason reason;
        Action action;
        Reading reading;
        State state;
        bool globalHalt;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Constants
    // ------------------------------------------------------------------------------------------------------------

    /// @notice May halt one asset (latched) and resume it. keccak256("RISK_ROLE").
    bytes32 public constant RISK_ROLE = keccak256("RISK_ROLE");
    /// @notice May halt every asset at once. keccak256("PAUSER_ROLE").
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");

    /// @notice Gas forwarded to a feed's `latestRoundData` (a Chainlink proxy read costs ~15-25k cold).
    uint256 public constant FEED_GAS_LIMIT = 100_000;
    /// @notice Most assets `checkBatch` evaluates in one call.
    uint256 public constant MAX_BATCH = 64;
    /// @notice Upper bound of `maxStalenessSec` (a weekly heartbeat is the slowest feed we accept).
    uint32 public constant MAX_STALENESS_SEC = 7 days;
    /// @notice Upper bound of `windowSec`.
    uint32 public constant MAX_WINDOW_SEC = 1 days;
    /// @notice Upper bound of `coolOffSec`.
    uint32 public constant MAX_COOL_OFF_SEC = 7 days;
    /// @notice Upper bound of `escalationWindowSec`.
    uint32 public constant MAX_ESCALATION_WINDOW_SEC = 30 days;
    /// @notice Upper bound of the sequencer grace period.
    uint32 public constant MAX_GRACE_PERIOD_SEC = 1 days;

    /// @dev `State.flags`: an automatic trip latched by escalation.
    uint8 private constant _FLAG_LATCHED = 1;
    /// @dev `State.flags`: a manual halt by the risk role.
    uint8 private constant _FLAG_MANUAL = 2;
    /// @dev `State.flags`: the next healthy reading re-anchors R without a deviation test.
    uint8 private constant _FLAG_REANCHOR = 4;

    // ------------------------------------------------------------------------------------------------------------
    // Storage
    // ------------------------------------------------------------------------------------------------------------

    /// @dev Global slot (160 + 32 + 8 bits), read on every evaluation.
    address private _sequencerFeed;
    uint32 private _gracePeriodSec;
    bool private _allHalted;

    mapping(address asset => Config) private _configs;
    mapping(address asset => State) private _states;

    // ------------------------------------------------------------------------------------------------------------
    // Constructor
    // ------------------------------------------------------------------------------------------------------------

    /// @param initialAdminDelay Delay of a default-admin handover (OpenZeppelin `AccessControlDefaultAdminRules`).
    /// @param initialAdmin Default admin (configuration, `resumeAll`, role grants).
    /// @param riskOfficer Initial RISK_ROLE holder (zero: none yet).
    /// @param pauser Initial PAUSER_ROLE holder (zero: none yet).
    constructor(
        uint48 initialAdminDelay,
        address initialAdmin,
        address riskOfficer,
        address pauser
    ) AccessControlDefaultAdminRules(initialAdminDelay, initialAdmin) {
        if (riskOfficer != address(0)) _grantRole(RISK_ROLE, riskOfficer);
        if (pauser != address(0)) _grantRole(PAUSER_ROLE, pauser);
    }

    // ------------------------------------------------------------------------------------------------------------
    // External: trading guard and evaluation
    // ------------------------------------------------------------------------------------------------------------

    /// @inheritdoc ITradingGuard
    /// @dev Hot path: three storage reads and one capped feed call. When it does not revert it may anchor or roll
    ///      the reference. A trip it finds is reported through the revert; the revert also undoes any write, so
    ///      trips are recorded by `check` (a keeper, or anyone) while `isHalted` keeps blocking in the meantime.
    function enforce(address asset) external override {
        Evaluation memory e = _evaluate(asset);
        if (e.reason != HaltReason.None) revert AssetHalted(asset, e.reason);
        if (e.action != Action.None) _record(asset, e);
    }

    /// @inheritdoc ICircuitBreaker
    function check(address asset) external override returns (bool halted, HaltReason reason) {
        reason = _checkOne(asset);
        halted = reason != HaltReason.None;
    }

    /// @inheritdoc ICircuitBreaker
    function checkBatch(address[] calldata assets) external override returns (HaltReason[] memory reasons) {
        uint256 n = assets.length;
        if (n > MAX_BATCH) revert BreakerBatchTooLarge(n, MAX_BATCH);
        reasons = new HaltReason[](n);
        for (uint256 i = 0; i < n; ++i) {
            reasons[i] = _checkOne(assets[i]);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // External: manual controls
    // ------------------------------------------------------------------------------------------------------------

    /// @inheritdoc ICircuitBreaker
    function halt(address asset) external override onlyRole(RISK_ROLE) {
        _requireConfigured(asset);
        _states[asset].flags |= _FLAG_MANUAL;
        emit ManuallyHalted(asset, msg.sender);
    }

    /// @inheritdoc ICircuitBreaker
    function resume(address asset) external override onlyRole(RISK_ROLE) {
        _requireConfigured(asset);
        State memory s = _states[asset];
        if (s.flags & (_FLAG_MANUAL | _FLAG_LATCHED) == 0) revert BreakerNotLatched(asset, s.haltedUntil);
        (HaltReason health, ) = _oracleHealth(_configs[asset]);
        if (health != HaltReason.None) revert BreakerResumeOracleUnhealthy(asset, health);
        s.flags = (s.flags & ~(_FLAG_MANUAL | _FLAG_LATCHED)) | _FLAG_REANCHOR;
        _states[asset] = s;
        emit Resumed(asset, msg.sender, s.haltedUntil);
    }

    /// @inheritdoc ICircuitBreaker
    function haltAll() external override onlyRole(PAUSER_ROLE) {
        _allHalted = true;
        emit AllHalted(msg.sender);
    }

    /// @inheritdoc ICircuitBreaker
    function resumeAll() external override onlyRole(DEFAULT_ADMIN_ROLE) {
        if (!_allHalted) revert BreakerGlobalHaltNotActive();
        _allHalted = false;
        emit AllResumed(msg.sender);
    }

    // ------------------------------------------------------------------------------------------------------------
    // External: configuration
    // ------------------------------------------------------------------------------------------------------------

    /// @inheritdoc ICircuitBreaker
    function setAssetConfig(address asset, AssetConfig calldata config) external override onlyRole(DEFAULT_ADMIN_ROLE) {
        _validate(asset, config);
        Config storage c = _configs[asset];
        address oldFeed = c.feed;
        if (oldFeed != address(0)) {
            // Record any pending trip (or anchor/roll) under the parameters in force until now.
            _record(asset, _evaluate(asset));
        }
        if (oldFeed != address(config.feed)) {
            // A new feed may have other decimals: its first healthy reading re-anchors R.
            _states[asset].flags |= _FLAG_REANCHOR;
        }
        c.feed = address(config.feed);
        c.thresholdBps = config.thresholdBps;
        c.maxStalenessSec = config.maxStalenessSec;
        c.windowSec = config.windowSec;
        c.hasBounds = config.minPrice != 0 || config.maxPrice != 0;
        c.coolOffSec = config.coolOffSec;
        c.escalationWindowSec = config.escalationWindowSec;
        c.minPrice = config.minPrice;
        c.maxPrice = config.maxPrice;
        emit AssetConfigured(asset, config);
    }

    /// @inheritdoc ICircuitBreaker
    function setSequencerFeed(
        AggregatorV3Interface feed,
        uint32 gracePeriodSec
    ) external override onlyRole(DEFAULT_ADMIN_ROLE) {
        if (address(feed) != address(0) && address(feed).code.length == 0) {
            revert BreakerInvalidConfig(address(0), ConfigField.SequencerFeed, uint256(uint160(address(feed))));
        }
        if (gracePeriodSec > MAX_GRACE_PERIOD_SEC || (address(feed) == address(0) && gracePeriodSec != 0)) {
            revert BreakerInvalidConfig(address(0), ConfigField.SequencerGracePeriodSec, gracePeriodSec);
        }
        _sequencerFeed = address(feed);
        _gracePeriodSec = gracePeriodSec;
        emit SequencerFeedSet(address(feed), gracePeriodSec);
    }

    // ------------------------------------------------------------------------------------------------------------
    // External views
    // ------------------------------------------------------------------------------------------------------------

    /// @inheritdoc ITradingGuard
    function isHalted(address asset) external view override returns (bool halted) {
        return _evaluate(asset).reason != HaltReason.None;
    }

    /// @inheritdoc ICircuitBreaker
    function status(address asset) external view override returns (BreakerStatus memory s) {
        Evaluation memory e = _evaluate(asset);
        State memory st = _states[asset];
        s.halted = e.reason != HaltReason.None;
        s.reason = e.reason;
        s.referencePrice = st.referencePrice;
        s.referenceAt = st.referenceAt;
        s.haltedUntil = st.haltedUntil;
        s.lastTripAt = st.lastTripAt;
        s.latched = st.flags & (_FLAG_MANUAL | _FLAG_LATCHED) != 0;
        s.reanchorPending = st.flags & _FLAG_REANCHOR != 0 || st.referencePrice == 0;
        s.price = e.reading.answer;
    }

    /// @inheritdoc ICircuitBreaker
    function assetConfig(address asset) external view override returns (AssetConfig memory config) {
        Config storage c = _configs[asset];
        config = AssetConfig({
            feed: AggregatorV3Interface(c.feed),
            thresholdBps: c.thresholdBps,
            maxStalenessSec: c.maxStalenessSec,
            windowSec: c.windowSec,
            coolOffSec: c.coolOffSec,
            escalationWindowSec: c.escalationWindowSec,
            minPrice: c.minPrice,
            maxPrice: c.maxPrice
        });
    }

    /// @inheritdoc ICircuitBreaker
    function sequencerFeed() external view override returns (AggregatorV3Interface feed, uint256 gracePeriodSec) {
        return (AggregatorV3Interface(_sequencerFeed), _gracePeriodSec);
    }

    /// @inheritdoc ICircuitBreaker
    function allHalted() external view override returns (bool halted) {
        return _allHalted;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Public views
    // ------------------------------------------------------------------------------------------------------------

    /// @notice ERC-165: also reports `ITradingGuard` and `ICircuitBreaker`.
    /// @param interfaceId The interface identifier.
    /// @return supported Whether this contract implements it.
    function supportsInterface(bytes4 interfaceId) public view override returns (bool supported) {
        return
            interfaceId == type(ITradingGuard).interfaceId ||
            interfaceId == type(ICircuitBreaker).interfaceId ||
            super.supportsInterface(interfaceId);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Private: evaluation
    // ------------------------------------------------------------------------------------------------------------

    /// @dev `check` for one asset: evaluate, record, return the reason after recording.
    function _checkOne(address asset) private returns (HaltReason reason) {
        _requireConfigured(asset);
        return _record(asset, _evaluate(asset));
    }

    /// @dev Applies what `_evaluate` found; returns the halt reason after the write (a fresh trip reports
    ///      `CoolingOff` or `Latched`, or `GlobalHalt` under a global halt). Emits exactly one event per action.
    function _record(address asset, Evaluation memory e) private returns (HaltReason reason) {
        reason = e.reason;
        Action action = e.action;
        if (action == Action.None) return reason;
        State memory s = e.state;
        Reading memory r = e.reading;
        if (action == Action.ReportUnhealthy) {
            emit OracleUnhealthy(asset, e.reason, r.roundId, r.answer, r.updatedAt);
            return reason;
        }
        // Anchor, Roll and Trip all come from a healthy reading: 0 < answer <= type(uint128).max.
        uint256 price = uint256(r.answer);
        if (action == Action.Trip) {
            uint256 last = s.lastTripAt;
            bool latched = last != 0 && block.timestamp - last <= _configs[asset].escalationWindowSec;
            uint256 until = block.timestamp + _configs[asset].coolOffSec;
            s.haltedUntil = uint40(until);
            s.lastTripAt = uint40(block.timestamp);
            s.flags |= latched ? _FLAG_REANCHOR | _FLAG_LATCHED : _FLAG_REANCHOR;
            _states[asset] = s;
            emit BreakerTripped(
                asset,
                s.referencePrice,
                price,
                PriceBand.deviationBps(s.referencePrice, price),
                r.roundId,
                until,
                latched
            );
            if (e.globalHalt) return HaltReason.GlobalHalt;
            return latched ? HaltReason.Latched : HaltReason.CoolingOff;
        }
        uint256 oldReference = s.referencePrice;
        // Safe: a healthy answer is at most type(uint128).max (`_oracleHealth`); now fits 40 bits.
        s.referencePrice = uint128(price);
        s.referenceAt = uint40(block.timestamp);
        if (action == Action.Anchor) {
            s.flags &= ~_FLAG_REANCHOR;
            _states[asset] = s;
            emit ReferenceAnchored(asset, price, r.roundId);
        } else {
            _states[asset] = s;
            emit ReferenceUpdated(asset, oldReference, price, r.roundId);
        }
    }

    /// @dev Validates an asset configuration; reverts `BreakerInvalidConfig` naming the first bad field.
    function _validate(address asset, AssetConfig calldata c) private view {
        if (asset == address(0)) revert BreakerInvalidConfig(asset, ConfigField.Asset, 0);
        address feed = address(c.feed);
        if (feed == address(0) || feed.code.length == 0) {
            revert BreakerInvalidConfig(asset, ConfigField.Feed, uint256(uint160(feed)));
        }
        if (c.thresholdBps == 0 || c.thresholdBps > PriceBand.BPS) {
            revert BreakerInvalidConfig(asset, ConfigField.ThresholdBps, c.thresholdBps);
        }
        if (c.maxStalenessSec == 0 || c.maxStalenessSec > MAX_STALENESS_SEC) {
            revert BreakerInvalidConfig(asset, ConfigField.MaxStalenessSec, c.maxStalenessSec);
        }
        if (c.windowSec == 0 || c.windowSec > MAX_WINDOW_SEC) {
            revert BreakerInvalidConfig(asset, ConfigField.WindowSec, c.windowSec);
        }
        if (c.coolOffSec == 0 || c.coolOffSec > MAX_COOL_OFF_SEC) {
            revert BreakerInvalidConfig(asset, ConfigField.CoolOffSec, c.coolOffSec);
        }
        if (c.escalationWindowSec < c.coolOffSec || c.escalationWindowSec > MAX_ESCALATION_WINDOW_SEC) {
            revert BreakerInvalidConfig(asset, ConfigField.EscalationWindowSec, c.escalationWindowSec);
        }
        if (c.minPrice != 0 && c.maxPrice != 0 && c.minPrice >= c.maxPrice) {
            revert BreakerInvalidConfig(asset, ConfigField.PriceBounds, c.minPrice);
        }
    }

    /// @dev Reverts `BreakerAssetNotConfigured` for an asset without a feed.
    function _requireConfigured(address asset) private view {
        if (_configs[asset].feed == address(0)) revert BreakerAssetNotConfigured(asset);
    }

    /// @dev The single judgement behind every entry point (INV-BRK-5). Reason priority: NotConfigured, GlobalHalt,
    ///      ManualHalt, Latched, CoolingOff, sequencer/oracle health, PriceDeviation. While a per-asset halt holds
    ///      no feed is read and nothing is to be recorded; under a global halt the per-asset machine keeps running.
    function _evaluate(address asset) private view returns (Evaluation memory e) {
        Config storage c = _configs[asset];
        if (c.feed == address(0)) {
            e.reason = HaltReason.NotConfigured;
            return e;
        }
        State memory s = _states[asset];
        e.state = s;
        e.globalHalt = _allHalted;
        HaltReason held = HaltReason.None;
        if (s.flags & _FLAG_MANUAL != 0) held = HaltReason.ManualHalt;
        else if (s.flags & _FLAG_LATCHED != 0) held = HaltReason.Latched;
        else if (block.timestamp < s.haltedUntil) held = HaltReason.CoolingOff;
        if (held != HaltReason.None) {
            e.reason = e.globalHalt ? HaltReason.GlobalHalt : held;
            return e;
        }
        HaltReason health;
        (health, e.reading) = _oracleHealth(c);
        if (health != HaltReason.None) {
            e.reason = health;
            e.action = Action.ReportUnhealthy;
        } else if (s.referencePrice == 0 || s.flags & _FLAG_REANCHOR != 0) {
            e.action = Action.Anchor;
        } else if (PriceBand.isOutOfBand(s.referencePrice, uint256(e.reading.answer), c.thresholdBps)) {
            e.reason = HaltReason.PriceDeviation;
            e.action = Action.Trip;
        } else if (block.timestamp - s.referenceAt >= c.windowSec) {
            // Safe subtraction: referenceAt was a past block.timestamp.
            e.action = Action.Roll;
        }
        if (e.globalHalt) e.reason = HaltReason.GlobalHalt;
    }

    /// @dev Oracle health in the issue's order: sequencer (if set), then the feed's round, answer, time, bounds.
    function _oracleHealth(Config storage c) private view returns (HaltReason reason, Reading memory r) {
        address sequencer = _sequencerFeed;
        if (sequencer != address(0)) {
            Reading memory seq = _latestRoundData(sequencer);
            if (!seq.ok || seq.startedAt == 0) return (HaltReason.SequencerFeedFailed, r);
            if (seq.answer != 0) return (HaltReason.SequencerDown, r);
            // Up since `startedAt`: halted while now < startedAt + grace (a future startedAt is inside the grace).
            if (seq.startedAt > block.timestamp || block.timestamp - seq.startedAt < _gracePeriodSec) {
                return (HaltReason.SequencerGracePeriod, r);
            }
        }
        r = _latestRoundData(c.feed);
        if (!r.ok) return (HaltReason.OracleCallFailed, r);
        if (r.roundId == 0) return (HaltReason.OracleRoundIdZero, r);
        if (r.answer <= 0) return (HaltReason.OracleAnswerNotPositive, r);
        if (uint256(r.answer) > type(uint128).max) return (HaltReason.OracleAnswerTooLarge, r);
        if (r.updatedAt == 0) return (HaltReason.OracleUpdatedAtZero, r);
        if (r.updatedAt > block.timestamp) return (HaltReason.OracleUpdatedAtInFuture, r);
        // Safe subtraction: updatedAt <= block.timestamp was checked above. Equal to maxStalenessSec is fresh.
        if (block.timestamp - r.updatedAt > c.maxStalenessSec) return (HaltReason.OracleStale, r);
        if (c.hasBounds) {
            uint256 price = uint256(r.answer);
            uint256 minPrice = c.minPrice;
            uint256 maxPrice = c.maxPrice;
            if (minPrice != 0 && price < minPrice) return (HaltReason.OraclePriceBelowMin, r);
            if (maxPrice != 0 && price > maxPrice) return (HaltReason.OraclePriceAboveMax, r);
        }
        return (HaltReason.None, r);
    }

    /// @dev `latestRoundData` through a gas-capped `staticcall`, decoded only when at least five words came back,
    ///      every word as a full-width type (a narrow type such as uint80 would revert on dirty high bits). A failed
    ///      call with less than 1/63 of the cap left may have been starved by the caller (EIP-150): revert so the
    ///      caller cannot forge an "unhealthy" reading by choosing the gas limit.
    function _latestRoundData(address feed) private view returns (Reading memory r) {
        (bool success, bytes memory data) = feed.staticcall{gas: FEED_GAS_LIMIT}(
            abi.encodeCall(AggregatorV3Interface.latestRoundData, ())
        );
        if (!success) {
            uint256 left = gasleft();
            if (left < FEED_GAS_LIMIT / 63) revert BreakerInsufficientGas(left);
            return r;
        }
        if (data.length < 160) return r;
        (r.roundId, r.answer, r.startedAt, r.updatedAt, ) = abi.decode(
            data,
            (uint256, int256, uint256, uint256, uint256)
        );
        r.ok = true;
    }
}
