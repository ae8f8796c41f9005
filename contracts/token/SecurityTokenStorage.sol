// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ICompliance} from "../interfaces/ICompliance.sol";
import {IIdentityRegistry} from "../interfaces/IIdentityRegistry.sol";
import {ITradingGuard} from "../interfaces/ITradingGuard.sol";

/// @title SecurityTokenStorage
/// @notice ERC-7201 storage layout of `SecurityToken`, shared with its admin library `SecurityTokenAdmin`.
/// @dev Append-only: an upgrade may add members at the end of `Layout` (and of the small packed structs only into
///      their free bits), never reorder. The hot path reads `config` (one slot), the two `accounts` and, only when a
///      holder limit or lock-up is bound or a holder count changes, `supply`.
/// @custom:security-contact security@bauhinia.dev
library SecurityTokenStorage {
    /// @dev The slot every transfer reads: registry, pause, rule flags and the parameters of the common rules. The
    ///      max balance per investor is kept in whole tokens (units of 10^decimals) so that it fits here.
    struct Config {
        IIdentityRegistry registry;
        bool paused;
        uint8 flags;
        uint8 countryMode;
        uint8 minimumInvestorClass;
        uint8 decimals;
        uint56 maxBalanceWholeTokens;
    }

    /// @dev Read by mints, burns and transfers that change the holder count, and when a holder limit or the token
    ///      lock-up is bound; never by a warm transfer under the common rules.
    struct Supply {
        uint120 totalSupply;
        uint32 holderCount;
        uint32 maxHolders;
        uint40 tokenLockupUntil;
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
        Supply supply;
        uint256 supplyCap;
        mapping(address wallet => uint256 account) accounts; // packed: see balanceOf / frozenOf / isWalletFrozen
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

    /// @dev Account word: balance (bits 0-119) | frozen tokens (120-239) | wallet frozen (bit 240). Balances never
    ///      exceed MAX_SUPPLY = 2^120 - 1, so adding to the balance never carries into the frozen field.
    uint256 internal constant AMOUNT_MASK = (1 << 120) - 1;
    uint256 internal constant FROZEN_SHIFT = 120;
    uint256 internal constant WALLET_FROZEN_BIT = 1 << 240;

    uint8 internal constant FLAG_GUARD = 1;
    uint8 internal constant FLAG_COMPLIANCE = 2;
    uint8 internal constant FLAG_INVESTOR_LOCKUPS = 4;
    uint8 internal constant FLAG_MAX_BALANCE = 8;
    uint8 internal constant FLAG_MAX_HOLDERS = 16;
    uint8 internal constant FLAG_SUPPLY_CAP = 32;
    uint8 internal constant FLAG_TOKEN_LOCKUP = 64;

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

    /// @dev Balance of a packed account word.
    function balanceOf(uint256 account) internal pure returns (uint256) {
        return account & AMOUNT_MASK;
    }

    /// @dev Frozen tokens of a packed account word.
    function frozenOf(uint256 account) internal pure returns (uint256) {
        return (account >> FROZEN_SHIFT) & AMOUNT_MASK;
    }

    /// @dev Whether a packed account word has its wallet frozen.
    function isWalletFrozen(uint256 account) internal pure returns (bool) {
        return account & WALLET_FROZEN_BIT != 0;
    }

    /// @dev A packed account word from its parts (`balance`, `frozen` <= MAX_SUPPLY).
    function packAccount(uint256 balance, uint256 frozen, bool walletFrozen) internal pure returns (uint256) {
        return balance | (frozen << FROZEN_SHIFT) | (walletFrozen ? WALLET_FROZEN_BIT : 0);
    }
}
