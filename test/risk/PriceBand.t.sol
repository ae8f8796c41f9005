// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {PriceBand} from "../../contracts/risk/PriceBand.sol";

/// @notice The trip rule `|P - R| * 10000 > thresholdBps * R` (contracts/risk/PriceBand.sol) against the literal
///         formula evaluated in 512-bit arithmetic, over the whole uint256 range (no overflow, no revert).
contract PriceBandTest is Test {
    /// @dev The issue's formula, word for word, with both products formed in 512 bits.
    function _referenceTrip(uint256 r, uint256 p, uint256 t) internal pure returns (bool) {
        uint256 d = p > r ? p - r : r - p;
        (uint256 lh, uint256 ll) = Math.mul512(d, 10_000);
        (uint256 rh, uint256 rl) = Math.mul512(t, r);
        return lh > rh || (lh == rh && ll > rl);
    }

    function testFuzz_isOutOfBand_matchesReferenceFormula(uint256 r, uint256 p, uint256 t) public pure {
        t = bound(t, 0, 10_000);
        assertEq(PriceBand.isOutOfBand(r, p, t), _referenceTrip(r, p, t));
    }

    /// @dev Small values hit the exact boundary often (d * 10000 == t * R).
    function testFuzz_isOutOfBand_matchesReferenceFormula_small(uint256 r, uint256 p, uint256 t) public pure {
        r = bound(r, 1, 100_000);
        p = bound(p, 0, 300_000);
        t = bound(t, 0, 10_000);
        assertEq(PriceBand.isOutOfBand(r, p, t), _referenceTrip(r, p, t));
    }

    /// @dev Prices near the top of uint256 (18-decimal feeds of huge nominal prices) neither overflow nor revert.
    function testFuzz_isOutOfBand_largePrices(uint256 r, uint256 p, uint256 t) public pure {
        r = bound(r, type(uint256).max / 2, type(uint256).max);
        p = bound(p, type(uint256).max / 4, type(uint256).max);
        t = bound(t, 0, 10_000);
        assertEq(PriceBand.isOutOfBand(r, p, t), _referenceTrip(r, p, t));
    }

    function test_isOutOfBand_exactlyTenPercentBothWays() public pure {
        assertFalse(PriceBand.isOutOfBand(100e8, 110e8, 1_000));
        assertTrue(PriceBand.isOutOfBand(100e8, 110e8 + 1, 1_000));
        assertFalse(PriceBand.isOutOfBand(100e8, 90e8, 1_000));
        assertTrue(PriceBand.isOutOfBand(100e8, 90e8 - 1, 1_000));
        assertFalse(PriceBand.isOutOfBand(100e18, 110e18, 1_000));
        assertTrue(PriceBand.isOutOfBand(100e18, 110e18 + 1, 1_000));
    }

    function test_isOutOfBand_maxValuesDoNotOverflow() public pure {
        uint256 max = type(uint256).max;
        assertFalse(PriceBand.isOutOfBand(max, max, 10_000));
        assertTrue(PriceBand.isOutOfBand(max, 0, 9_999));
        assertFalse(PriceBand.isOutOfBand(max, 0, 10_000)); // exactly -100%
        assertTrue(PriceBand.isOutOfBand(1, max, 10_000));
    }

    /// @dev `deviationBps` is the floor of |P - R| * 10000 / R: bps * R <= d * 10000 < (bps + 1) * R.
    function testFuzz_deviationBps_isTheFloor(uint256 r, uint256 p) public pure {
        r = bound(r, 1, type(uint128).max);
        p = bound(p, 0, type(uint128).max);
        uint256 bps = PriceBand.deviationBps(r, p);
        uint256 d = PriceBand.absDiff(p, r);
        assertLe(bps * r, d * 10_000);
        assertGt((bps + 1) * r, d * 10_000);
    }

    function test_deviationBps_saturatesInsteadOfReverting() public pure {
        assertEq(PriceBand.deviationBps(1, type(uint256).max), type(uint256).max);
        assertEq(PriceBand.deviationBps(120, 140), 1_666);
    }
}
