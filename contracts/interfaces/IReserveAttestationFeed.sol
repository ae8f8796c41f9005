// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AggregatorV3Interface} from "./AggregatorV3Interface.sol";

/// @title IReserveAttestationFeed
/// @notice Proof-of-reserve feed on which an attestor posts the HKD reserves backing the stablecoin. It implements
///         Chainlink's `AggregatorV3Interface`, so a Chainlink Proof-of-Reserve feed can replace it without any change
///         to the stablecoin: `answer` is the attested reserves (scaled by `decimals()`), `updatedAt` (and
///         `startedAt`) is the `asOf` time of the attestation (when the reserves were counted, not when they were
///         posted), `answeredInRound` equals the round id.
interface IReserveAttestationFeed is AggregatorV3Interface {
    /// @notice One attestation as posted.
    /// @param reserves Attested reserves, scaled by `decimals()`.
    /// @param asOf When the reserves were counted (unix seconds).
    /// @param postedAt When the attestation was posted on chain (unix seconds).
    /// @param reportHash Hash of the accountant's attestation report (e.g. keccak256 of the signed PDF).
    struct Attestation {
        uint112 reserves;
        uint64 asOf;
        uint64 postedAt;
        bytes32 reportHash;
    }

    /// @notice Emitted after `attestor` posted round `roundId`.
    /// @param roundId The new round.
    /// @param reserves Attested reserves, scaled by `decimals()`.
    /// @param asOf When the reserves were counted.
    /// @param reportHash Hash of the attestation report.
    /// @param attestor The account that posted it.
    event ReservesAttested(
        uint80 indexed roundId,
        int256 reserves,
        uint64 asOf,
        bytes32 indexed reportHash,
        address indexed attestor
    );

    /// @notice `reserves` is negative or does not fit the feed's 112-bit storage.
    /// @param reserves The refused value.
    error ReserveFeedInvalidReserves(int256 reserves);

    /// @notice The attestation is dated after the current block (refused when posted; ADR 0012).
    /// @param asOf The refused date.
    /// @param nowTimestamp The current block time.
    error ReserveFeedAttestationFromFuture(uint64 asOf, uint256 nowTimestamp);

    /// @notice The attestation is not newer than the latest one (attestations are strictly ordered by `asOf`).
    /// @param asOf The refused date.
    /// @param latestAsOf The date of the latest attestation.
    error ReserveFeedAttestationOutOfOrder(uint64 asOf, uint64 latestAsOf);

    /// @notice An attestation must name its report.
    error ReserveFeedEmptyReportHash();

    /// @notice No round `roundId` was ever posted.
    /// @param roundId The unknown round.
    error ReserveFeedUnknownRound(uint80 roundId);

    /// @notice The feed's `decimals` must be at most 36.
    /// @param decimals The refused value.
    error ReserveFeedInvalidDecimals(uint8 decimals);

    /// @notice Posts a new attestation as round `latest + 1`.
    /// @dev Needs ATTESTOR_ROLE. Reverts when `reserves` is negative or too large, when `asOf` is in the future or
    ///      not after the latest attestation, or when `reportHash` is zero. Zero reserves are a valid (true)
    ///      statement; the stablecoin refuses to mint against them.
    /// @param reserves Attested reserves, scaled by `decimals()`.
    /// @param asOf When the reserves were counted (unix seconds, not in the future).
    /// @param reportHash Hash of the attestation report.
    /// @return roundId The new round id.
    function attest(int256 reserves, uint64 asOf, bytes32 reportHash) external returns (uint80 roundId);

    /// @notice The full attestation of round `roundId` (including posting time and report hash).
    /// @dev Reverts with ReserveFeedUnknownRound for a round never posted.
    /// @param roundId The round to read.
    /// @return attestation_ The attestation.
    function attestation(uint80 roundId) external view returns (Attestation memory attestation_);

    /// @notice The id of the latest round (0 before the first attestation).
    /// @return roundId The latest round id.
    function latestRound() external view returns (uint80 roundId);
}
