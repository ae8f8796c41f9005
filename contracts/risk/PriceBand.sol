// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title PriceBand
/// @notice The circuit breaker's trip rule in integer maths: with reference R and observed price P, the price is
///         out of band iff `|P - R| * 10000 > thresholdBps * R`.
/// @dev Exact for every `uint256` input, never overflows: for integers `d * 10000 > x` holds iff
///      `d > floor(x / 10000)` (if `x / 10000` is an integer both sides agree; otherwise `d > x / 10000` iff
///      `d >= ceil(x / 10000) = floor(x / 10000) + 1`). `floor(thresholdBps * R / 10000)` is computed with full
///      512-bit precision by `Math.mulDiv`, so neither side is ever formed as an overflowing product.
///      test/risk/PriceBand.t.sol fuzzes this against the literal formula evaluated in 512 bits.
library PriceBand {
    /// @notice Basis points in one whole (100%).
    uint256 internal constant BPS = 10_000;

    /// @notice Whether `price` is out of band against `referencePrice` (trip iff `|P - R| * 10000 > t * R`).
    /// @param referencePrice R.
    /// @param price P.
    /// @param thresholdBps t, the band half-width in basis points.
    /// @return out True iff the move is strictly larger than `thresholdBps`.
    function isOutOfBand(uint256 referencePrice, uint256 price, uint256 thresholdBps) internal pure returns (bool out) {
        return absDiff(price, referencePrice) > Math.mulDiv(thresholdBps, referencePrice, BPS);
    }

    /// @notice The move of `price` against `referencePrice` in basis points, rounded down, saturating at
    ///         `type(uint256).max` (for events; the trip decision uses `isOutOfBand`).
    /// @param referencePrice R, non-zero.
    /// @param price P.
    /// @return bps `floor(|P - R| * 10000 / R)`.
    function deviationBps(uint256 referencePrice, uint256 price) internal pure returns (uint256 bps) {
        uint256 diff = absDiff(price, referencePrice);
        // `diff * 10000 / R` overflows uint256 only when diff / R >= 2^256 / 10000, i.e. never for R >= 10000;
        // for tiny R with huge diff the result is clamped rather than reverting inside an event payload.
        if (diff / referencePrice >= type(uint256).max / BPS) return type(uint256).max;
        return Math.mulDiv(diff, BPS, referencePrice);
    }

    /// @notice `|a - b|` without overflow.
    /// @param a One value.
    /// @param b The other value.
    /// @return d The absolute difference.
    function absDiff(uint256 a, uint256 b) internal pure returns (uint256 d) {
        // Both branches subtract the smaller value from the larger one, so neither can underflow.
        unchecked {
            d = a > b ? a - b : b - a;
        }
    }
}
