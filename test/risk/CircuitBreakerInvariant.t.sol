// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {AggregatorV3Interface} from "../../contracts/interfaces/AggregatorV3Interface.sol";
import {ICircuitBreaker} from "../../contracts/interfaces/ICircuitBreaker.sol";
import {ITradingGuard} from "../../contracts/interfaces/ITradingGuard.sol";
import {CircuitBreaker} from "../../contracts/risk/CircuitBreaker.sol";
import {MockAggregatorV3} from "../../contracts/mocks/MockAggregatorV3.sol";
import {MockGuardedVenue} from "../../contracts/mocks/MockGuardedVenue.sol";
import {MockMalformedFeed} from "../../contracts/mocks/MockMalformedFeed.sol";

/// @notice Drives the breaker through random prices, times, feed failures, checks, trades, manual and global
///         halts, resumes and configuration changes, and records every breach of the invariants
///         INV-BRK-1..5 (contracts/risk/CircuitBreaker.sol header, docs/threat-model.md).
contract BreakerHandler is Test {
    CircuitBreaker public breaker;
    MockGuardedVenue public venue;
    address public admin;
    address[3] public assets;
    MockAggregatorV3[2] public feeds;
    MockMalformedFeed public malformed;

    // Ghost counters: breaches must stay zero; the others show the run was not vacuous.
    uint256 public tradedWhileHalted; // INV-BRK-1
    uint256 public blockedWhileOpen; // INV-BRK-5 (enforce reverted although isHalted was false)
    uint256 public unexpectedTradeError; // INV-BRK-1/5 (a trade failed with something other than AssetHalted)
    uint256 public referenceMovedBadly; // INV-BRK-2
    uint256 public haltCleared; // INV-BRK-3
    uint256 public evaluationReverted; // INV-BRK-4
    uint256 public tradesOk;
    uint256 public tradesBlocked;
    uint256 public trips;

    constructor(
        CircuitBreaker breaker_,
        MockGuardedVenue venue_,
        address admin_,
        address[3] memory assets_,
        MockAggregatorV3[2] memory feeds_,
        MockMalformedFeed malformed_
    ) {
        breaker = breaker_;
        venue = venue_;
        admin = admin_;
        assets = assets_;
        feeds = feeds_;
        malformed = malformed_;
    }

    // ----------------------------------------------------------------------------------------------------------
    // Actions
    // ----------------------------------------------------------------------------------------------------------

    /// @dev Mostly a move of up to ±15% from the current answer (so in-band moves, rolls and trips all happen).
    function setPrice(uint256 which, int256 moveBps) external {
        MockAggregatorV3 feed = feeds[which % 2];
        (, int256 current, , , ) = feed.latestRoundData();
        if (current <= 0 || current > 1e30) current = 100e8;
        moveBps = bound(moveBps, -1_500, 1_500);
        int256 answer = current + (current * moveBps) / 10_000;
        _observe(which, abi.encodeCall(MockAggregatorV3.setAnswer, (answer)), address(feed));
    }

    /// @dev Arbitrary round data, including roundId 0, answer <= 0, updatedAt 0 or in the future.
    function setRoundData(uint256 which, uint80 roundId, int256 answer, uint64 startedAt, uint64 updatedAt) external {
        roundId = uint80(bound(roundId, 0, 3));
        answer = bound(answer, -1, 250e8);
        updatedAt = uint64(bound(updatedAt, 0, block.timestamp + 2));
        _observe(
            which,
            abi.encodeCall(MockAggregatorV3.setRoundData, (roundId, answer, startedAt, updatedAt)),
            address(feeds[which % 2])
        );
    }

    function setFeedReverts(uint256 which, bool reverts) external {
        if (which % 3 == 0) reverts = false; // recover more often than break
        _observe(which, abi.encodeCall(MockAggregatorV3.setReverts, (reverts)), address(feeds[which % 2]));
    }

    function setMalformed(bytes calldata payload, bool burn) external {
        malformed.setPayload(payload);
        malformed.setBurnGas(burn);
    }

    function warp(uint256 dt) external {
        dt = dt % 10 == 0 ? bound(dt, 0, 2 days) : bound(dt, 0, 400);
        uint256 which = dt % 3;
        Snapshot memory before = _snap(assets[which]);
        vm.warp(block.timestamp + dt);
        _compare(assets[which], before, false, false);
    }

    function check(uint256 which) external {
        address asset = assets[which % 3];
        Snapshot memory before = _snap(asset);
        try breaker.check{gas: 5_000_000}(asset) {} catch {
            evaluationReverted += 1; // INV-BRK-4: configured asset, ample gas
        }
        _compare(asset, before, true, false);
    }

    function checkAll() external {
        address[] memory list = new address[](3);
        (list[0], list[1], list[2]) = (assets[0], assets[1], assets[2]);
        try breaker.checkBatch{gas: 10_000_000}(list) {} catch {
            evaluationReverted += 1;
        }
    }

    function trade(uint256 which) external {
        address asset = assets[which % 3];
        Snapshot memory before = _snap(asset);
        bool haltedBefore = breaker.isHalted(asset);
        try venue.trade{gas: 5_000_000}(asset) {
            tradesOk += 1;
            if (haltedBefore) tradedWhileHalted += 1; // INV-BRK-1
        } catch (bytes memory err) {
            tradesBlocked += 1;
            if (bytes4(err) != ICircuitBreaker.AssetHalted.selector) unexpectedTradeError += 1;
            if (!haltedBefore) blockedWhileOpen += 1; // INV-BRK-5
        }
        _compare(asset, before, true, false);
    }

    function manualHalt(uint256 which) external {
        if (which % 4 != 0) return; // rarer than trades and checks
        vm.prank(admin);
        breaker.halt(assets[which % 3]);
    }

    function resume(uint256 which) external {
        address asset = assets[which % 3];
        Snapshot memory before = _snap(asset);
        vm.prank(admin);
        try breaker.resume(asset) {} catch {}
        _compare(asset, before, false, true);
    }

    function haltAll(uint256 seed) external {
        if (seed % 4 != 0) return; // rarer than trades and checks
        vm.prank(admin);
        breaker.haltAll();
    }

    function resumeAll(uint256 which) external {
        address asset = assets[which % 3];
        Snapshot memory before = _snap(asset);
        vm.prank(admin);
        try breaker.resumeAll() {} catch {}
        _compare(asset, before, false, false);
    }

    /// @dev Loosens or tightens every parameter at random; must never clear a halt (INV-BRK-3).
    function reconfigure(uint256 which, uint16 thresholdBps, uint32 coolOffSec, uint32 windowSec) external {
        address asset = assets[which % 2];
        ICircuitBreaker.AssetConfig memory c = breaker.assetConfig(asset);
        c.thresholdBps = uint16(bound(thresholdBps, 1, 10_000));
        c.coolOffSec = uint32(bound(coolOffSec, 1, 3_600));
        c.escalationWindowSec = uint32(bound(c.escalationWindowSec, c.coolOffSec, 30 days));
        c.windowSec = uint32(bound(windowSec, 1, 3_600));
        Snapshot memory before = _snap(asset);
        vm.prank(admin);
        breaker.setAssetConfig(asset, c);
        _compare(asset, before, true, false);
    }

    // ----------------------------------------------------------------------------------------------------------
    // Ghost bookkeeping
    // ----------------------------------------------------------------------------------------------------------

    struct Snapshot {
        uint256 referencePrice;
        uint256 haltedUntil;
        uint256 lastTripAt;
        bool latched;
    }

    function _observe(uint256 which, bytes memory call, address target) private {
        address asset = assets[which % 2];
        Snapshot memory before = _snap(asset);
        // solhint-disable-next-line avoid-low-level-calls
        (bool ok, ) = target.call(call);
        require(ok, "feed setter failed");
        _compare(asset, before, false, false);
    }

    function _snap(address asset) private view returns (Snapshot memory s) {
        ICircuitBreaker.BreakerStatus memory st = breaker.status(asset);
        s = Snapshot(st.referencePrice, st.haltedUntil, st.lastTripAt, st.latched);
    }

    /// @param evaluated Whether the action evaluated the asset (only then may R move or a trip be recorded).
    /// @param resumed Whether the action was a resume (only then may a latch clear).
    function _compare(address asset, Snapshot memory before, bool evaluated, bool resumed) private {
        Snapshot memory afterwards = _snap(asset);
        if (afterwards.lastTripAt != before.lastTripAt) trips += 1;
        // INV-BRK-3: a running cooling-off never shortens; a latch clears only through resume.
        if (afterwards.haltedUntil < before.haltedUntil) haltCleared += 1;
        if (before.latched && !afterwards.latched && !resumed) haltCleared += 1;
        // INV-BRK-2: R moves only in an evaluation, never together with a trip, and only to the live healthy price.
        if (afterwards.referencePrice != before.referencePrice) {
            if (!evaluated || afterwards.lastTripAt != before.lastTripAt) {
                referenceMovedBadly += 1;
            } else {
                // After an anchor or roll nothing holds the asset, so status reads the feed again: same price.
                int256 live = breaker.status(asset).price;
                if (live <= 0 || uint256(live) != afterwards.referencePrice) referenceMovedBadly += 1;
            }
        }
    }
}

/// @notice Invariant suite of the circuit breaker (INV-BRK-1..5) plus fuzz tests of the deployed trip rule.
contract CircuitBreakerInvariantTest is Test {
    CircuitBreaker internal breaker;
    MockGuardedVenue internal venue;
    BreakerHandler internal handler;
    MockAggregatorV3 internal feedA;
    MockAggregatorV3 internal feedB;
    MockMalformedFeed internal malformed;
    address internal constant ASSET_A = address(0xA);
    address internal constant ASSET_B = address(0xB);
    address internal constant ASSET_C = address(0xC);

    function setUp() public {
        vm.warp(1_800_000_000);
        breaker = new CircuitBreaker(0, address(this), address(this), address(this));
        venue = new MockGuardedVenue(ITradingGuard(address(breaker)));
        feedA = new MockAggregatorV3(8, 100e8);
        feedB = new MockAggregatorV3(18, 100e18 / 1e10); // an 18-decimal feed priced small, to vary magnitudes
        malformed = new MockMalformedFeed();
        breaker.setAssetConfig(ASSET_A, _config(address(feedA)));
        breaker.setAssetConfig(ASSET_B, _config(address(feedB)));
        breaker.setAssetConfig(ASSET_C, _config(address(malformed)));

        handler = new BreakerHandler(
            breaker,
            venue,
            address(this),
            [ASSET_A, ASSET_B, ASSET_C],
            [feedA, feedB],
            malformed
        );
        // The handler acts as admin, risk officer and pauser through vm.prank(address(this)).
        targetContract(address(handler));
        // Only the actions (not the ghost getters), trades and checks listed twice so they happen most often.
        bytes4[] memory selectors = new bytes4[](15);
        selectors[0] = BreakerHandler.setPrice.selector;
        selectors[1] = BreakerHandler.setPrice.selector;
        selectors[2] = BreakerHandler.setRoundData.selector;
        selectors[3] = BreakerHandler.setFeedReverts.selector;
        selectors[4] = BreakerHandler.setMalformed.selector;
        selectors[5] = BreakerHandler.warp.selector;
        selectors[6] = BreakerHandler.check.selector;
        selectors[7] = BreakerHandler.checkAll.selector;
        selectors[8] = BreakerHandler.trade.selector;
        selectors[9] = BreakerHandler.trade.selector;
        selectors[10] = BreakerHandler.manualHalt.selector;
        selectors[11] = BreakerHandler.resume.selector;
        selectors[12] = BreakerHandler.haltAll.selector;
        selectors[13] = BreakerHandler.resumeAll.selector;
        selectors[14] = BreakerHandler.reconfigure.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    function _config(address feed) internal pure returns (ICircuitBreaker.AssetConfig memory) {
        return
            ICircuitBreaker.AssetConfig({
                feed: AggregatorV3Interface(feed),
                thresholdBps: 1_000,
                maxStalenessSec: 3_600,
                windowSec: 300,
                coolOffSec: 300,
                escalationWindowSec: 86_400,
                minPrice: 0,
                maxPrice: 0
            });
    }

    // ----------------------------------------------------------------------------------------------------------
    // Invariants
    // ----------------------------------------------------------------------------------------------------------

    /// @dev INV-BRK-1: no guarded action succeeds while isHalted is true (checked by the handler on every trade,
    ///      and here directly against the current state of every asset).
    function invariant_INV_BRK_1_noGuardedActionWhileHalted() public {
        assertEq(handler.tradedWhileHalted(), 0, "traded while halted");
        assertEq(handler.unexpectedTradeError(), 0, "unexpected error");
        address[3] memory list = [ASSET_A, ASSET_B, ASSET_C];
        for (uint256 i = 0; i < 3; ++i) {
            if (breaker.isHalted(list[i])) {
                try venue.trade(list[i]) {
                    fail();
                } catch (bytes memory err) {
                    assertEq(bytes4(err), ICircuitBreaker.AssetHalted.selector);
                }
            }
        }
    }

    /// @dev INV-BRK-2: the reference moves only on a healthy evaluation (anchor or in-band roll), never on a trip.
    function invariant_INV_BRK_2_referenceMovesOnlyOnHealthyInBandReadings() public view {
        assertEq(handler.referenceMovedBadly(), 0);
    }

    /// @dev INV-BRK-3: recorded halts are never cleared by configuration or a global resume.
    function invariant_INV_BRK_3_haltsNeverClearedByConfig() public view {
        assertEq(handler.haltCleared(), 0);
    }

    /// @dev INV-BRK-4: no feed behaviour makes an evaluation revert (views included).
    function invariant_INV_BRK_4_feedsCannotRevertTheBreaker() public view {
        assertEq(handler.evaluationReverted(), 0);
        address[3] memory list = [ASSET_A, ASSET_B, ASSET_C];
        for (uint256 i = 0; i < 3; ++i) {
            breaker.status(list[i]);
            breaker.isHalted(list[i]);
        }
    }

    /// @dev INV-BRK-5: the views and enforce agree.
    function invariant_INV_BRK_5_viewsAndEnforceAgree() public view {
        assertEq(handler.blockedWhileOpen(), 0);
        address[3] memory list = [ASSET_A, ASSET_B, ASSET_C];
        for (uint256 i = 0; i < 3; ++i) {
            assertEq(breaker.isHalted(list[i]), breaker.status(list[i]).halted);
        }
    }

    /// @dev The handler is not vacuous: it can anchor, trade, trip and get blocked.
    function test_handler_tradesTripsAndBlocks() public {
        handler.trade(0); // anchors A and trades
        handler.setPrice(0, 1_500); // +15%
        handler.trade(0); // blocked: PriceDeviation
        handler.check(0); // records the trip
        assertEq(handler.tradesOk(), 1);
        assertEq(handler.tradesBlocked(), 1);
        assertEq(handler.trips(), 1);
    }

    // ----------------------------------------------------------------------------------------------------------
    // Fuzz: the deployed trip rule against the issue's formula, up to type(uint128).max
    // ----------------------------------------------------------------------------------------------------------

    function testFuzz_check_tripsIffReferenceFormula(uint128 r, uint128 p, uint16 t) public {
        r = uint128(bound(r, 1, type(uint128).max));
        p = uint128(bound(p, 1, type(uint128).max));
        t = uint16(bound(t, 1, 10_000));
        MockAggregatorV3 feed = new MockAggregatorV3(18, int256(uint256(r)));
        ICircuitBreaker.AssetConfig memory c = _config(address(feed));
        c.thresholdBps = t;
        address asset = address(0xF00D);
        breaker.setAssetConfig(asset, c);
        breaker.check(asset); // anchors R
        feed.setAnswer(int256(uint256(p)));

        uint256 d = p > r ? p - r : r - p;
        (uint256 lh, uint256 ll) = Math.mul512(d, 10_000);
        (uint256 rh, uint256 rl) = Math.mul512(t, r);
        bool expected = lh > rh || (lh == rh && ll > rl);

        assertEq(breaker.isHalted(asset), expected);
        (bool halted, ICircuitBreaker.HaltReason reason) = breaker.check(asset);
        assertEq(halted, expected);
        if (expected) assertEq(uint8(reason), uint8(ICircuitBreaker.HaltReason.CoolingOff));
        assertEq(breaker.status(asset).referencePrice, r); // R never moves on a trip or within the window
    }

    /// @dev The staleness rule at its boundary for any maxStalenessSec: equal is fresh, one second over is stale.
    function testFuzz_staleness_boundary(uint32 maxStalenessSec, uint32 age) public {
        maxStalenessSec = uint32(bound(maxStalenessSec, 1, 7 days));
        age = uint32(bound(age, 0, 8 days));
        MockAggregatorV3 feed = new MockAggregatorV3(8, 100e8);
        ICircuitBreaker.AssetConfig memory c = _config(address(feed));
        c.maxStalenessSec = maxStalenessSec;
        address asset = address(0xBEEF);
        breaker.setAssetConfig(asset, c);
        vm.warp(block.timestamp + age);
        ICircuitBreaker.BreakerStatus memory s = breaker.status(asset);
        if (age > maxStalenessSec) {
            assertEq(uint8(s.reason), uint8(ICircuitBreaker.HaltReason.OracleStale));
        } else {
            assertEq(uint8(s.reason), uint8(ICircuitBreaker.HaltReason.None));
        }
    }

    /// @dev Any bytes a feed returns leave `check` alive and the asset halted unless they decode to a healthy round.
    function testFuzz_malformedFeed_neverReverts(bytes calldata payload) public {
        malformed.setPayload(payload);
        (bool halted, ICircuitBreaker.HaltReason reason) = breaker.check(ASSET_C);
        if (payload.length < 160) {
            assertTrue(halted);
            assertEq(uint8(reason), uint8(ICircuitBreaker.HaltReason.OracleCallFailed));
        }
        assertEq(breaker.isHalted(ASSET_C), halted);
    }
}
