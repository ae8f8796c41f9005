// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// The standard Chainlink name is kept so that integrators recognise it.
// solhint-disable interface-starts-with-i

/// @title AggregatorV3Interface
/// @notice Chainlink's price and Proof-of-Reserve feed interface, declared here with the same function signatures so
///         that any Chainlink feed (or our own reserve attestation feed) can be plugged in. We do not depend on the
///         Chainlink contracts package: its dependency tree cannot be installed from our registries.
interface AggregatorV3Interface {
    /// @notice Number of decimals of `answer`.
    function decimals() external view returns (uint8);

    /// @notice Human-readable description of the feed.
    function description() external view returns (string memory);

    /// @notice Version of the aggregator.
    function version() external view returns (uint256);

    /// @notice Data of round `roundId`.
    /// @param roundId The round to read.
    /// @return roundId_ The round read.
    /// @return answer The value reported in that round.
    /// @return startedAt When the round started.
    /// @return updatedAt When `answer` was last updated.
    /// @return answeredInRound Deprecated; kept for interface compatibility.
    function getRoundData(
        uint80 roundId
    )
        external
        view
        returns (uint80 roundId_, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);

    /// @notice Data of the latest round.
    /// @return roundId The latest round.
    /// @return answer The value reported in that round.
    /// @return startedAt When the round started.
    /// @return updatedAt When `answer` was last updated.
    /// @return answeredInRound Deprecated; kept for interface compatibility.
    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);
}
