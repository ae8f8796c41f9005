// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AggregatorV3Interface} from "../interfaces/AggregatorV3Interface.sol";

/// @title MockAggregatorV3
/// @notice TEST ONLY. A settable Chainlink-style feed with any number of decimals (8 for Chainlink USD pairs, 18 for
///         ETH pairs), usable as a price feed or as an L2 sequencer-uptime feed (answer 0 = up, 1 = down, `startedAt`
///         = time of the last status change). It can be switched to revert.
/// @dev Round data is packed in one slot (plus the answer) so that the bench measures a lean feed read.
/// @custom:security-contact security@bauhinia.dev
contract MockAggregatorV3 is AggregatorV3Interface {
    uint8 private immutable _DECIMALS;
    int256 private _answer;
    uint80 private _roundId;
    uint64 private _startedAt;
    uint64 private _updatedAt;
    bool private _reverts;

    /// @notice `latestRoundData` or `getRoundData` was called while the feed is switched to revert.
    error MockFeedReverted();

    /// @param decimals_ Decimals of the answer.
    /// @param answer_ First answer, published as round 1 at the deployment time.
    constructor(uint8 decimals_, int256 answer_) {
        _DECIMALS = decimals_;
        _answer = answer_;
        _roundId = 1;
        _startedAt = uint64(block.timestamp);
        _updatedAt = uint64(block.timestamp);
    }

    /// @notice Publishes `answer_` as the next round, updated now.
    /// @param answer_ The new answer.
    function setAnswer(int256 answer_) external {
        _answer = answer_;
        _roundId += 1;
        _startedAt = uint64(block.timestamp);
        _updatedAt = uint64(block.timestamp);
    }

    /// @notice Sets every field of the latest round (for health tests: roundId 0, updatedAt 0 or in the future).
    /// @param roundId_ Round id.
    /// @param answer_ Answer.
    /// @param startedAt_ Round start (the status-change time for a sequencer-uptime feed).
    /// @param updatedAt_ Update time.
    function setRoundData(uint80 roundId_, int256 answer_, uint64 startedAt_, uint64 updatedAt_) external {
        _roundId = roundId_;
        _answer = answer_;
        _startedAt = startedAt_;
        _updatedAt = updatedAt_;
    }

    /// @notice Makes `latestRoundData` and `getRoundData` revert (`reverts_ = true`) or answer again.
    /// @param reverts_ Whether to revert.
    function setReverts(bool reverts_) external {
        _reverts = reverts_;
    }

    /// @inheritdoc AggregatorV3Interface
    function decimals() external view override returns (uint8) {
        return _DECIMALS;
    }

    /// @inheritdoc AggregatorV3Interface
    function getRoundData(uint80 roundId) external view override returns (uint80, int256, uint256, uint256, uint80) {
        if (_reverts) revert MockFeedReverted();
        return (roundId, _answer, _startedAt, _updatedAt, roundId);
    }

    /// @inheritdoc AggregatorV3Interface
    function latestRoundData() external view override returns (uint80, int256, uint256, uint256, uint80) {
        if (_reverts) revert MockFeedReverted();
        return (_roundId, _answer, _startedAt, _updatedAt, _roundId);
    }

    /// @inheritdoc AggregatorV3Interface
    function description() external pure override returns (string memory) {
        return "Bauhinia mock feed";
    }

    /// @inheritdoc AggregatorV3Interface
    function version() external pure override returns (uint256) {
        return 4;
    }
}
