// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// solhint-disable-next-line max-line-length
import {AccessControlDefaultAdminRules} from "@openzeppelin/contracts/access/extensions/AccessControlDefaultAdminRules.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IIdentityRegistry} from "../interfaces/IIdentityRegistry.sol";

/// @title IdentityRegistry
/// @notice Verified-investor registry shared by any number of Bauhinia security tokens. Registry agents onboard an
///         investor (registry-assigned id, ISO-3166 numeric country, investor class, KYC end) with one or more wallets.
/// @dev Roles: DEFAULT_ADMIN_ROLE (two-step, delayed) binds tokens and grants roles; REGISTRY_AGENT_ROLE registers,
///      updates and removes investors and wallets.
///      Storage: one packed slot per wallet: `next (160) | investorId (32) | country (16) | class (8) | kycEnd (40)`.
///      The wallets of an investor form a ring through `next` (a single wallet points to itself), so a token learns
///      from the record alone whether the investor has other wallets, and onboarding is a single SSTORE.
///      Not behind a proxy: every transfer of every bound token reads this contract, and a proxy would add ~4,700
///      gas per transfer (ADR 0020). A new registry version is deployed and tokens re-pointed (`setIdentityRegistry`).
///      Invariants (test/identity/IdentityRegistry.t.sol, docs/threat-model.md):
///       INV-SEC-6  the wallets of an investor form one ring of at most MAX_WALLETS_PER_INVESTOR wallets that all
///                  carry the same investor id, country, class and KYC end
///       INV-SEC-7  a wallet holding a bound token is never removed (per-investor balances and holder counts stay
///                  exact)
/// @custom:security-contact security@bauhinia.dev
contract IdentityRegistry is IIdentityRegistry, AccessControlDefaultAdminRules {
    /// @notice Role that onboards, updates and removes investors: keccak256("REGISTRY_AGENT_ROLE").
    bytes32 public constant REGISTRY_AGENT_ROLE = keccak256("REGISTRY_AGENT_ROLE");
    /// @notice Most wallets one investor may hold.
    uint256 public constant MAX_WALLETS_PER_INVESTOR = 8;
    /// @notice Most tokens that can be bound.
    uint256 public constant MAX_BOUND_TOKENS = 32;
    /// @notice Longest batch.
    uint256 public constant MAX_BATCH = 100;

    uint256 private constant _ID_SHIFT = 160;
    uint256 private constant _COUNTRY_SHIFT = 192;
    uint256 private constant _CLASS_SHIFT = 208;
    uint256 private constant _KYC_SHIFT = 216;
    uint256 private constant _NEXT_MASK = (1 << 160) - 1;
    uint256 private constant _MAX_COUNTRY = 999;

    mapping(address wallet => uint256 packed) private _records;
    address[] private _boundTokens;
    uint32 private _lastInvestorId;

    /// @param initialDelay Delay of a default-admin handover, in seconds.
    /// @param initialAdmin Default admin.
    constructor(uint48 initialDelay, address initialAdmin) AccessControlDefaultAdminRules(initialDelay, initialAdmin) {}

    /// @inheritdoc IIdentityRegistry
    function registerInvestor(
        address wallet,
        uint16 country,
        uint8 investorClass,
        uint40 kycValidUntil
    ) external onlyRole(REGISTRY_AGENT_ROLE) returns (uint32 investorId) {
        return _register(wallet, country, investorClass, kycValidUntil);
    }

    /// @inheritdoc IIdentityRegistry
    function batchRegisterInvestors(
        address[] calldata wallets,
        uint16[] calldata countries,
        uint8[] calldata investorClasses,
        uint40[] calldata kycValidUntils
    ) external onlyRole(REGISTRY_AGENT_ROLE) returns (uint32[] memory investorIds) {
        uint256 length = wallets.length;
        if (
            length > MAX_BATCH ||
            countries.length != length ||
            investorClasses.length != length ||
            kycValidUntils.length != length
        ) revert IdentityBatchInvalid(length, MAX_BATCH);
        investorIds = new uint32[](length);
        for (uint256 i = 0; i < length; ++i) {
            investorIds[i] = _register(wallets[i], countries[i], investorClasses[i], kycValidUntils[i]);
        }
    }

    /// @inheritdoc IIdentityRegistry
    function addWallet(address existingWallet, address newWallet) external onlyRole(REGISTRY_AGENT_ROLE) {
        uint256 anchor = _requireRecord(existingWallet);
        _requireNew(newWallet);
        uint32 investorId = _idOf(anchor);
        if (_ringLength(existingWallet) >= MAX_WALLETS_PER_INVESTOR) {
            revert IdentityTooManyWallets(investorId, MAX_WALLETS_PER_INVESTOR);
        }
        uint256 data = anchor & ~_NEXT_MASK;
        // Insert after the anchor: new -> anchor.next, anchor -> new.
        _records[newWallet] = data | (anchor & _NEXT_MASK);
        _records[existingWallet] = data | uint256(uint160(newWallet));
        emit WalletAdded(investorId, newWallet);
    }

    /// @inheritdoc IIdentityRegistry
    function updateInvestor(
        address wallet,
        uint16 country,
        uint8 investorClass,
        uint40 kycValidUntil
    ) external onlyRole(REGISTRY_AGENT_ROLE) {
        uint256 record = _requireRecord(wallet);
        _validate(country, investorClass);
        uint32 investorId = _idOf(record);
        uint256 data = _pack(address(0), investorId, country, investorClass, kycValidUntil);
        address current = wallet;
        // Bounded: a ring holds at most MAX_WALLETS_PER_INVESTOR wallets (INV-SEC-6).
        for (uint256 i = 0; i < MAX_WALLETS_PER_INVESTOR; ++i) {
            uint256 currentRecord = _records[current];
            _records[current] = data | (currentRecord & _NEXT_MASK);
            current = address(uint160(currentRecord));
            if (current == wallet) break;
        }
        emit InvestorUpdated(investorId, country, investorClass, kycValidUntil);
    }

    /// @inheritdoc IIdentityRegistry
    function removeWallet(address wallet) external onlyRole(REGISTRY_AGENT_ROLE) {
        uint256 record = _requireRecord(wallet);
        _unlink(wallet, record);
    }

    /// @inheritdoc IIdentityRegistry
    function removeInvestor(address wallet) external onlyRole(REGISTRY_AGENT_ROLE) {
        _requireRecord(wallet);
        address[] memory wallets = _walletsOf(wallet);
        for (uint256 i = 0; i < wallets.length; ++i) {
            _unlink(wallets[i], _records[wallets[i]]);
        }
    }

    /// @inheritdoc IIdentityRegistry
    function bindToken(address token) external onlyRole(DEFAULT_ADMIN_ROLE) {
        uint256 length = _boundTokens.length;
        if (token == address(0) || length >= MAX_BOUND_TOKENS) {
            revert IdentityTokenBindingInvalid(token, MAX_BOUND_TOKENS);
        }
        for (uint256 i = 0; i < length; ++i) {
            if (_boundTokens[i] == token) revert IdentityTokenBindingInvalid(token, MAX_BOUND_TOKENS);
        }
        _boundTokens.push(token);
        emit TokenBound(token);
    }

    /// @inheritdoc IIdentityRegistry
    function unbindToken(address token) external onlyRole(DEFAULT_ADMIN_ROLE) {
        uint256 length = _boundTokens.length;
        for (uint256 i = 0; i < length; ++i) {
            if (_boundTokens[i] == token) {
                _boundTokens[i] = _boundTokens[length - 1];
                _boundTokens.pop();
                emit TokenUnbound(token);
                return;
            }
        }
        revert IdentityTokenNotBound(token);
    }

    /// @inheritdoc IIdentityRegistry
    function isVerified(address wallet) external view returns (bool verified) {
        uint256 record = _records[wallet];
        return record != 0 && block.timestamp < (record >> _KYC_SHIFT);
    }

    /// @inheritdoc IIdentityRegistry
    function investorCountry(address wallet) external view returns (uint16 country) {
        return uint16(_records[wallet] >> _COUNTRY_SHIFT);
    }

    /// @inheritdoc IIdentityRegistry
    function walletRecord(address wallet) external view returns (WalletRecord memory record) {
        return _unpack(wallet, _records[wallet]);
    }

    /// @inheritdoc IIdentityRegistry
    function transferRecords(address from, address to) external view returns (uint256 fromRecord, uint256 toRecord) {
        return (_records[from], _records[to]);
    }

    /// @inheritdoc IIdentityRegistry
    function walletsOf(address wallet) external view returns (address[] memory wallets) {
        if (_records[wallet] == 0) return new address[](0);
        return _walletsOf(wallet);
    }

    /// @inheritdoc IIdentityRegistry
    function boundTokens() external view returns (address[] memory tokens) {
        return _boundTokens;
    }

    /// @inheritdoc IIdentityRegistry
    function nextInvestorId() external view returns (uint32 investorId) {
        return _lastInvestorId + 1;
    }

    function _register(
        address wallet,
        uint16 country,
        uint8 investorClass,
        uint40 kycValidUntil
    ) private returns (uint32 investorId) {
        _requireNew(wallet);
        _validate(country, investorClass);
        if (kycValidUntil <= block.timestamp) revert IdentityKycAlreadyExpired(kycValidUntil, block.timestamp);
        // Overflows only after 2^32 - 1 investors; checked arithmetic reverts then.
        investorId = ++_lastInvestorId;
        _records[wallet] = _pack(wallet, investorId, country, investorClass, kycValidUntil);
        emit InvestorRegistered(investorId, wallet, country, investorClass, kycValidUntil);
    }

    /// @dev Removes `wallet` from its ring after checking that it holds no bound token (INV-SEC-7).
    function _unlink(address wallet, uint256 record) private {
        uint256 tokens = _boundTokens.length;
        for (uint256 i = 0; i < tokens; ++i) {
            address token = _boundTokens[i];
            uint256 balance = IERC20(token).balanceOf(wallet);
            if (balance != 0) revert IdentityWalletHoldsTokens(wallet, token, balance);
        }
        address next = address(uint160(record));
        if (next != wallet) {
            // Find the predecessor (bounded by the ring length) and link it past `wallet`.
            address previous = next;
            for (uint256 i = 0; i < MAX_WALLETS_PER_INVESTOR; ++i) {
                uint256 previousRecord = _records[previous];
                if (address(uint160(previousRecord)) == wallet) {
                    _records[previous] = (previousRecord & ~_NEXT_MASK) | uint256(uint160(next));
                    break;
                }
                previous = address(uint160(previousRecord));
            }
        }
        delete _records[wallet];
        emit WalletRemoved(_idOf(record), wallet);
    }

    function _requireRecord(address wallet) private view returns (uint256 record) {
        record = _records[wallet];
        if (record == 0) revert IdentityWalletNotRegistered(wallet);
    }

    function _requireNew(address wallet) private view {
        if (wallet == address(0)) revert IdentityInvalidWallet(wallet);
        uint256 record = _records[wallet];
        if (record != 0) revert IdentityWalletAlreadyRegistered(wallet, _idOf(record));
    }

    function _ringLength(address wallet) private view returns (uint256 length) {
        address current = wallet;
        do {
            ++length;
            current = address(uint160(_records[current]));
        } while (current != wallet && length < MAX_WALLETS_PER_INVESTOR);
    }

    function _walletsOf(address wallet) private view returns (address[] memory wallets) {
        uint256 length = _ringLength(wallet);
        wallets = new address[](length);
        address current = wallet;
        for (uint256 i = 0; i < length; ++i) {
            wallets[i] = current;
            current = address(uint160(_records[current]));
        }
    }

    function _validate(uint16 country, uint8 investorClass) private pure {
        if (country == 0 || country > _MAX_COUNTRY) revert IdentityInvalidCountry(country);
        if (investorClass == 0 || investorClass > uint8(InvestorClass.Institutional)) {
            revert IdentityInvalidInvestorClass(investorClass);
        }
    }

    function _pack(
        address next,
        uint32 investorId,
        uint16 country,
        uint8 investorClass,
        uint40 kycValidUntil
    ) private pure returns (uint256) {
        return
            uint256(uint160(next)) |
            (uint256(investorId) << _ID_SHIFT) |
            (uint256(country) << _COUNTRY_SHIFT) |
            (uint256(investorClass) << _CLASS_SHIFT) |
            (uint256(kycValidUntil) << _KYC_SHIFT);
    }

    function _unpack(address wallet, uint256 record) private pure returns (WalletRecord memory unpacked) {
        if (record == 0) return unpacked;
        unpacked.investorId = _idOf(record);
        unpacked.country = uint16(record >> _COUNTRY_SHIFT);
        unpacked.investorClass = uint8(record >> _CLASS_SHIFT);
        unpacked.kycValidUntil = uint40(record >> _KYC_SHIFT);
        unpacked.multiWallet = address(uint160(record)) != wallet;
    }

    function _idOf(uint256 record) private pure returns (uint32) {
        return uint32(record >> _ID_SHIFT);
    }
}
