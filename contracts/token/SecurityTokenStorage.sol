// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ICompliance} from "../interfaces/ICompliance.sol";
import {IIdentityRegistry} from "../interfaces/IIdentityRegistry.sol";
import {ITradingGuard} from "../interfaces/ITradingGuard.sol";

/// @title SecurityTokenStorage
/// @notice ERC-7201 storage layout of `SecurityToken`, shared with its admin library `SecurityTokenAdmin`.
/// @dev Append-only: an upgrade may add members at the end of `Layout` (and of the small packed structs only into
///      their free bits), never reorder. The hot path reads `config` (one slot), the two `accounts` and, only when a
///      limit is bound or a holder count changes, `limits`.
/// @custom:security-contact security@bauhinia.dev
library SecurityTokenStorage {
    /// @dev One packed slot per wallet: balance, frozen part, wallet freeze.
    struct Account {
        uint120 balance;
        uint120 frozen;
        bool walletFrozen;
    }

    /// @dev The slot every transfer reads: registry, pause, rule flags and the small rule parameters.
    struct Config {
        IIdentityRegistry registry;
        bool paused;
        uint8 flags;
        uint8 countryMode;
        uint8 minimumInvestorClass;
        uint40 tokenLockupUntil;
        uint8 decimals;
    }

    /// @dev Read only when a holder count changes or a balance/holder limit is bound.
    struct Limits {
        uint120 maxBalancePerInvestor;
        uint32 holderCount;
        uint32 maxHolders;
    }

    /// @dev ERC-1643 document; `position` is its index in `documentNames` + 1 (0 when absent).
    struct Document {
        string uri;
        bytes32 documentHash;
        uint40 lastModified;
        uint32 position;
    }

    /// @custom:storage-location erc7201:bauhinia.storage.SecurityToken
    struct Layout {
        Config config;
        Limits limits;
        uint256 totalSupply;
        uint256 supplyCap;
        mapping(address wallet => Account) accounts;
        mapping(address owner => mapping(address spender => uint256)) allowances;
        uint256[4] countries; // bitmap over ISO-3166 numeric codes 0..1023
        mapping(uint32 investorId => uint40 until) investorLockups;
        uint256 investorLockupCount;
        ITradingGuard guard;
        ICompliance compliance;
        address onchainID;
        string name;
        string symbol;
        mapping(bytes32 name => Document) documents;
        bytes32[] documentNames;
    }

    /// @dev Implementation version reported by `version()` and UpdatedTokenInformation.
    string internal constant VERSION = "1.0.0";

    uint8 internal constant FLAG_GUARD = 1;
    uint8 internal constant FLAG_COMPLIANCE = 2;
    uint8 internal constant FLAG_INVESTOR_LOCKUPS = 4;
    uint8 internal constant FLAG_MAX_BALANCE = 8;
    uint8 internal constant FLAG_MAX_HOLDERS = 16;
    uint8 internal constant FLAG_SUPPLY_CAP = 32;

    // keccak256(abi.encode(uint256(keccak256("bauhinia.storage.SecurityToken")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant _SLOT = 0xed5f46f2e646f164cc683ac5ea3bc1e287c13586ef834e282fc18413ab9d3300;

    /// @dev Sets or clears `flag` in the config slot.
    function setFlag(Config storage config, uint8 flag, bool on) internal {
        config.flags = on ? config.flags | flag : config.flags & ~flag;
    }

    /// @dev Whether `country` is on the country list.
    function isListed(Layout storage $, uint16 country) internal view returns (bool) {
        if (country > 1023) return false;
        return ($.countries[country >> 8] >> (country & 0xff)) & 1 == 1;
    }

    /// @dev The token's namespaced storage. Assembly is the only way to point a storage reference at an ERC-7201
    ///      slot (ADR 0020).
    function layout() internal pure returns (Layout storage $) {
        bytes32 slot = _SLOT;
        // solhint-disable-next-line no-inline-assembly
        assembly {
            $.slot := slot
        }
    }
}
