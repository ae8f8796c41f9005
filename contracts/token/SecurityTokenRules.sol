// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

import {ISecurityToken} from "../interfaces/ISecurityToken.sol";
import {SecurityTokenStorage} from "./SecurityTokenStorage.sol";

/// @title SecurityTokenRules
/// @notice The checks of a `SecurityToken` balance change, in the documented order (ISecurityToken.TransferCheck),
///         evaluated from packed storage: pause, freezes, balance, verification, lock-ups, country, class, max
///         balance per investor, max holders, supply cap, extension modules.
/// @dev Internal library: compiled into the token (hot path, `_update`) and into `SecurityTokenAdmin` (the
///      `checkTransfer` view), so the view and the transfer run the very same code and always agree.
/// @custom:security-contact security@bauhinia.dev
library SecurityTokenRules {
    /// @notice How a balance change is checked.
    /// @dev Transfer: investor-to-investor (all rules, pause, freezes, guard). Issue: mint (receiver rules, supply cap;
    ///      not pause, not lock-ups). Agent: forced transfer, recovery, burn (only a verified receiver).
    enum Mode {
        Transfer,
        Issue,
        Agent
    }

    /// @dev Everything `_evaluate` learns that `_update` needs for the effects.
    struct Move {
        uint256 fromAccount; // packed account words (SecurityTokenStorage.balanceOf / frozenOf / isWalletFrozen)
        uint256 toAccount;
        uint256 fromRecord; // packed registry record (IIdentityRegistry.transferRecords)
        uint256 toRecord;
        bool joins;
        bool leaves;
        uint256 moduleValue;
    }

    // Packed registry record: next wallet (bits 0-159) | investorId (160-191) | country (192-207) |
    // class (208-215) | kycValidUntil (216-255). See IIdentityRegistry.transferRecords.
    uint256 private constant _ID_SHIFT = 160;
    uint256 private constant _COUNTRY_SHIFT = 192;
    uint256 private constant _CLASS_SHIFT = 208;
    uint256 private constant _KYC_SHIFT = 216;

    /// @dev Runs every check of a balance change in the documented order and returns the first failure. Shared by
    ///      `_update` (which reverts with the matching error) and `checkTransfer` (which reports it).
    // solhint-disable-next-line function-max-lines
    function evaluate(
        SecurityTokenStorage.Config memory config,
        address from,
        address to,
        uint256 value,
        Mode mode
    ) internal view returns (ISecurityToken.TransferCheck, uint256, uint256, Move memory move) {
        SecurityTokenStorage.Layout storage $ = SecurityTokenStorage.layout();
        if (mode == Mode.Transfer && config.paused) return (ISecurityToken.TransferCheck.Paused, 0, 0, move);
        (move.fromRecord, move.toRecord) = config.registry.transferRecords(from, to);
        if (from != address(0)) move.fromAccount = $.accounts[from];
        if (to != address(0)) move.toAccount = $.accounts[to];

        if (mode != Mode.Agent) {
            if (mode == Mode.Transfer && SecurityTokenStorage.isWalletFrozen(move.fromAccount)) {
                return (ISecurityToken.TransferCheck.SenderFrozen, uint160(from), 0, move);
            }
            if (SecurityTokenStorage.isWalletFrozen(move.toAccount))
                return (ISecurityToken.TransferCheck.ReceiverFrozen, uint160(to), 0, move);
        }
        if (from != address(0)) {
            uint256 balance = SecurityTokenStorage.balanceOf(move.fromAccount);
            if (value > balance) return (ISecurityToken.TransferCheck.InsufficientBalance, balance, value, move);
            if (mode == Mode.Transfer) {
                uint256 unfrozen;
                // frozen <= balance (INV-SEC-2): no underflow.
                unchecked {
                    unfrozen = balance - SecurityTokenStorage.frozenOf(move.fromAccount);
                }
                if (value > unfrozen)
                    return (ISecurityToken.TransferCheck.InsufficientUnfrozenBalance, unfrozen, value, move);
            }
        }
        if (mode == Mode.Transfer && !isVerified(move.fromRecord)) {
            return (ISecurityToken.TransferCheck.SenderNotVerified, uint160(from), 0, move);
        }
        if (to != address(0) && !isVerified(move.toRecord)) {
            return (ISecurityToken.TransferCheck.ReceiverNotVerified, uint160(to), 0, move);
        }

        uint256 receiverInvestorAfter = account(config, $, from, to, value, move);
        if (mode == Mode.Agent) return (ISecurityToken.TransferCheck.Ok, 0, 0, move);

        if (mode == Mode.Transfer) {
            if (config.flags & SecurityTokenStorage.FLAG_TOKEN_LOCKUP != 0) {
                uint40 lockupUntil = $.supply.tokenLockupUntil;
                if (block.timestamp < lockupUntil) {
                    return (ISecurityToken.TransferCheck.TokenLockedUp, lockupUntil, 0, move);
                }
            }
            if (config.flags & SecurityTokenStorage.FLAG_INVESTOR_LOCKUPS != 0) {
                uint40 until = $.investorLockups[investorId(move.fromRecord)];
                if (block.timestamp < until) {
                    return (ISecurityToken.TransferCheck.InvestorLockedUp, investorId(move.fromRecord), until, move);
                }
            }
        }
        if (config.countryMode != uint8(ISecurityToken.CountryMode.None)) {
            uint16 country = uint16(move.toRecord >> _COUNTRY_SHIFT);
            bool listed = SecurityTokenStorage.isListed($, country);
            if (listed != (config.countryMode == uint8(ISecurityToken.CountryMode.AllowList))) {
                return (ISecurityToken.TransferCheck.CountryNotAllowed, country, 0, move);
            }
        }
        uint8 receiverClass = uint8(move.toRecord >> _CLASS_SHIFT);
        if (receiverClass < config.minimumInvestorClass) {
            return (ISecurityToken.TransferCheck.InvestorClassTooLow, receiverClass, config.minimumInvestorClass, move);
        }
        if (config.flags & SecurityTokenStorage.FLAG_MAX_BALANCE != 0 && receiverInvestorAfter > maxBalance(config)) {
            return (ISecurityToken.TransferCheck.MaxBalanceExceeded, receiverInvestorAfter, maxBalance(config), move);
        }
        if (config.flags & SecurityTokenStorage.FLAG_MAX_HOLDERS != 0 && move.joins && !move.leaves) {
            SecurityTokenStorage.Supply storage supply = $.supply;
            uint256 holdersAfter;
            // holderCount < 2^32.
            unchecked {
                holdersAfter = uint256(supply.holderCount) + 1;
            }
            uint256 maxHolders = supply.maxHolders;
            if (holdersAfter > maxHolders) {
                return (ISecurityToken.TransferCheck.MaxHoldersExceeded, holdersAfter, maxHolders, move);
            }
        }
        if (from == address(0) && config.flags & SecurityTokenStorage.FLAG_SUPPLY_CAP != 0) {
            uint256 supplyAfter = uint256($.supply.totalSupply) + value;
            uint256 cap = $.supplyCap;
            if (supplyAfter > cap) return (ISecurityToken.TransferCheck.SupplyCapExceeded, supplyAfter, cap, move);
        }
        if (config.flags & SecurityTokenStorage.FLAG_COMPLIANCE != 0) {
            (address module, uint256 reasonCode, uint256 moduleValue) = $.compliance.checkTransfer(from, to, value);
            if (module != address(0)) {
                move.moduleValue = moduleValue;
                return (ISecurityToken.TransferCheck.ModuleRefused, uint160(module), reasonCode, move);
            }
        }
        return (ISecurityToken.TransferCheck.Ok, 0, 0, move);
    }

    /// @dev Per-investor accounting of a balance change: whether the receiving investor starts holding (`joins`),
    ///      whether the sending investor stops (`leaves`), and the receiving investor's balance after the change
    ///      (0 when not needed). A move between two wallets of one investor changes neither. Sibling wallets are read
    ///      only for investors with several wallets, and only when the answer depends on them.
    function account(
        SecurityTokenStorage.Config memory config,
        SecurityTokenStorage.Layout storage $,
        address from,
        address to,
        uint256 value,
        Move memory move
    ) internal view returns (uint256 receiverInvestorAfter) {
        if (value == 0 || from == to) return 0;
        uint32 toId = investorId(move.toRecord);
        if (from != address(0) && to != address(0) && toId != 0 && toId == investorId(move.fromRecord)) return 0;
        bool maxBalanceBound = config.flags & SecurityTokenStorage.FLAG_MAX_BALANCE != 0;
        if (to != address(0)) {
            uint256 before = SecurityTokenStorage.balanceOf(move.toAccount);
            if (isMultiWallet(move.toRecord, to) && (maxBalanceBound || before == 0)) before += siblingBalance($, to);
            move.joins = before == 0;
            // before <= totalSupply < 2^120 and value <= 2^120 (a balance, or a mint bounded by MAX_SUPPLY).
            unchecked {
                receiverInvestorAfter = before + value;
            }
        }
        if (from != address(0) && SecurityTokenStorage.balanceOf(move.fromAccount) == value) {
            move.leaves = !isMultiWallet(move.fromRecord, from) || siblingBalance($, from) == 0;
        }
    }

    function siblingBalance(SecurityTokenStorage.Layout storage $, address wallet) internal view returns (uint256 sum) {
        address[] memory wallets = $.config.registry.walletsOf(wallet);
        // wallets[0] is `wallet` itself; the registry bounds the list (MAX_WALLETS_PER_INVESTOR).
        for (uint256 i = 1; i < wallets.length; ++i) sum += SecurityTokenStorage.balanceOf($.accounts[wallets[i]]);
    }

    /// @dev Registered and `block.timestamp < kycValidUntil` (the KYC end is the first invalid second).
    function isVerified(uint256 record) internal view returns (bool) {
        return record != 0 && block.timestamp < (record >> _KYC_SHIFT);
    }

    /// @dev The max balance per investor in token units (whole tokens × 10^decimals).
    function maxBalance(SecurityTokenStorage.Config memory config) internal pure returns (uint256) {
        // decimals <= 18 and whole tokens < 2^56: the product is below 2^116 (the EXP opcode, no overflow loop).
        unchecked {
            return uint256(config.maxBalanceWholeTokens) * 10 ** config.decimals;
        }
    }

    /// @dev Investor id of a packed record (0 when not registered).
    function investorId(uint256 record) internal pure returns (uint32) {
        return uint32(record >> _ID_SHIFT);
    }

    /// @dev Whether the investor has other wallets: the ring link does not point back at `wallet`.
    function isMultiWallet(uint256 record, address wallet) internal pure returns (bool) {
        return record != 0 && address(uint160(record)) != wallet;
    }

    function revertFor(
        ISecurityToken.TransferCheck code,
        address from,
        address to,
        uint256 valueA,
        uint256 valueB,
        uint32 receiverId,
        uint256 moduleValue
    ) internal pure {
        if (code == ISecurityToken.TransferCheck.Paused) revert ISecurityToken.SecurityTokenPaused();
        if (code == ISecurityToken.TransferCheck.SenderFrozen) revert ISecurityToken.SecurityWalletFrozen(from);
        if (code == ISecurityToken.TransferCheck.ReceiverFrozen) revert ISecurityToken.SecurityWalletFrozen(to);
        if (code == ISecurityToken.TransferCheck.InsufficientBalance)
            revert IERC20Errors.ERC20InsufficientBalance(from, valueA, valueB);
        if (code == ISecurityToken.TransferCheck.InsufficientUnfrozenBalance) {
            revert ISecurityToken.SecurityInsufficientUnfrozenBalance(from, valueA, valueB);
        }
        if (code == ISecurityToken.TransferCheck.SenderNotVerified)
            revert ISecurityToken.SecurityWalletNotVerified(from);
        if (code == ISecurityToken.TransferCheck.ReceiverNotVerified)
            revert ISecurityToken.SecurityWalletNotVerified(to);
        if (code == ISecurityToken.TransferCheck.TokenLockedUp)
            revert ISecurityToken.ComplianceTokenLockedUp(uint40(valueA));
        if (code == ISecurityToken.TransferCheck.InvestorLockedUp)
            revert ISecurityToken.ComplianceInvestorLockedUp(uint32(valueA), uint40(valueB));
        if (code == ISecurityToken.TransferCheck.CountryNotAllowed)
            revert ISecurityToken.ComplianceCountryNotAllowed(to, uint16(valueA));
        if (code == ISecurityToken.TransferCheck.InvestorClassTooLow) {
            revert ISecurityToken.ComplianceInvestorClassTooLow(to, uint8(valueA), uint8(valueB));
        }
        if (code == ISecurityToken.TransferCheck.MaxBalanceExceeded) {
            revert ISecurityToken.ComplianceMaxBalanceExceeded(receiverId, valueA, valueB);
        }
        if (code == ISecurityToken.TransferCheck.MaxHoldersExceeded)
            revert ISecurityToken.ComplianceMaxHoldersExceeded(valueA, valueB);
        if (code == ISecurityToken.TransferCheck.SupplyCapExceeded)
            revert ISecurityToken.ComplianceSupplyCapExceeded(valueA, valueB);
        revert ISecurityToken.ComplianceModuleRefused(address(uint160(valueA)), valueB, moduleValue);
    }
}
