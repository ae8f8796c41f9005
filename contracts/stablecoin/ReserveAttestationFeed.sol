// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// solhint-disable-next-line max-line-length
import {AccessControlDefaultAdminRules} from "@openzeppelin/contracts/access/extensions/AccessControlDefaultAdminRules.sol";

import {IReserveAttestationFeed} from "../interfaces/IReserveAttestationFeed.sol";

/// @title ReserveAttestationFeed
/// @notice Proof-of-reserve feed for the HKD stablecoin: an attestor posts `(reserves, asOf, reportHash)` after each
///         accountant's attestation; the stablecoin reads it through Chainlink's `AggregatorV3Interface` only, so a
///         Chainlink Proof-of-Reserve feed can replace it.
/// @dev Roles: DEFAULT_ADMIN_ROLE (two-step, delayed handover) grants ATTESTOR_ROLE; ATTESTOR_ROLE posts. The
///      attestor must never be a minter of the stablecoin (docs/roles.md). Not upgradeable: a new feed is swapped in
///      through the stablecoin's delayed reserve-policy change.
///      Invariants: INV-FEED-1 rounds are numbered 1, 2, … and `asOf` strictly increases with the round;
///      INV-FEED-2 no round is dated after the block that posted it.
/// @custom:security-contact security@bauhinia.dev
contract ReserveAttestationFeed is IReserveAttestationFeed, AccessControlDefaultAdminRules {
    /// @dev Latest round packed into one slot so that `latestRoundData` costs one SLOAD on the mint path.
    struct Latest {
        uint80 roundId;
        uint64 asOf;
        uint112 reserves;
    }

    /// @notice Role allowed to post attestations.
    bytes32 public constant ATTESTOR_ROLE = keccak256("ATTESTOR_ROLE");

    uint8 private immutable _DECIMALS;

    Latest private _latest;
    mapping(uint80 roundId => Attestation) private _rounds;
    string private _description;

    /// @param admin Default admin.
    /// @param adminDelay Delay of a default-admin handover, seconds.
    /// @param attestor First holder of ATTESTOR_ROLE (zero for none).
    /// @param decimals_ Decimals of the reserves figure (6 for HKD cents-of-cents, as the stablecoin).
    /// @param description_ Human-readable description.
    constructor(
        address admin,
        uint48 adminDelay,
        address attestor,
        uint8 decimals_,
        string memory description_
    ) AccessControlDefaultAdminRules(adminDelay, admin) {
        if (decimals_ > 36) revert ReserveFeedInvalidDecimals(decimals_);
        _DECIMALS = decimals_;
        _description = description_;
        if (attestor != address(0)) _grantRole(ATTESTOR_ROLE, attestor);
    }

    /// @inheritdoc IReserveAttestationFeed
    function attest(
        int256 reserves,
        uint64 asOf,
        bytes32 reportHash
    ) external onlyRole(ATTESTOR_ROLE) returns (uint80 roundId) {
        if (reserves < 0 || reserves > int256(uint256(type(uint112).max))) revert ReserveFeedInvalidReserves(reserves);
        if (asOf > block.timestamp) revert ReserveFeedAttestationFromFuture(asOf, block.timestamp);
        Latest memory latest = _latest;
        if (latest.roundId != 0 && asOf <= latest.asOf) revert ReserveFeedAttestationOutOfOrder(asOf, latest.asOf);
        if (reportHash == bytes32(0)) revert ReserveFeedEmptyReportHash();

        roundId = latest.roundId + 1;
        // Casts are safe: reserves was range-checked above; block.timestamp fits 64 bits for billions of years.
        uint112 packed = uint112(uint256(reserves));
        _latest = Latest({roundId: roundId, asOf: asOf, reserves: packed});
        _rounds[roundId] = Attestation({
            reserves: packed,
            asOf: asOf,
            postedAt: uint64(block.timestamp),
            reportHash: reportHash
        });
        emit ReservesAttested(roundId, reserves, asOf, reportHash, msg.sender);
    }

    /// @inheritdoc IReserveAttestationFeed
    function attestation(uint80 roundId) external view returns (Attestation memory attestation_) {
        attestation_ = _rounds[roundId];
        if (attestation_.postedAt == 0) revert ReserveFeedUnknownRound(roundId);
    }

    /// @inheritdoc IReserveAttestationFeed
    function latestRound() external view returns (uint80 roundId) {
        return _latest.roundId;
    }

    /// @notice Number of decimals of `answer`.
    function decimals() external view returns (uint8) {
        return _DECIMALS;
    }

    /// @notice Human-readable description of the feed.
    function description() external view returns (string memory) {
        return _description;
    }

    /// @notice Data of round `roundId`; reverts with ReserveFeedUnknownRound for a round never posted.
    /// @dev `startedAt` and `updatedAt` are the attestation's `asOf`.
    function getRoundData(
        uint80 roundId
    )
        external
        view
        returns (uint80 roundId_, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        Attestation memory a = _rounds[roundId];
        if (a.postedAt == 0) revert ReserveFeedUnknownRound(roundId);
        return (roundId, int256(uint256(a.reserves)), a.asOf, a.asOf, roundId);
    }

    /// @notice Data of the latest round; all zero before the first attestation (the stablecoin then refuses to mint).
    /// @dev `startedAt` and `updatedAt` are the attestation's `asOf`.
    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        Latest memory latest = _latest;
        return (latest.roundId, int256(uint256(latest.reserves)), latest.asOf, latest.asOf, latest.roundId);
    }

    /// @notice Version of this feed implementation (1).
    function version() external pure returns (uint256) {
        return 1;
    }
}
