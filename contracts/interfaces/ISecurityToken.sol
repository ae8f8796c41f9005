// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC1643} from "./IERC1643.sol";
import {IERC3643} from "./IERC3643.sol";
import {ITradingGuard} from "./ITradingGuard.sol";

/// @title ISecurityToken
/// @notice Bauhinia's permissioned security token: the ERC-3643 surface, ERC-1643 documents, the built-in compliance
///         rules (country allow/deny list, minimum investor class, max holders counted per investor, max balance per
///         investor across wallets, token-wide and per-investor lock-up, supply cap), a pre-check view that gives the
///         same answer as the transfer, and the circuit-breaker seam (`ITradingGuard`).
/// @dev Every refusal reverts with a custom error naming the rule and the values. Semantics (which error wins, exact
///      seconds, agent bypasses) are fixed in docs/adr/0021-security-token-semantics.md and docs/rulebook.md.
interface ISecurityToken is IERC3643, IERC1643 {
    /// @notice Country rule mode: none, only listed countries may receive, or listed countries may not receive.
    enum CountryMode {
        None,
        AllowList,
        DenyList
    }

    /// @notice Outcome of `checkTransfer`, in evaluation order: the first failing check wins, and a transfer reverts
    ///         with the error that corresponds to the code the view returns.
    /// @dev valueA / valueB per code: SenderFrozen/ReceiverFrozen/SenderNotVerified/ReceiverNotVerified (wallet as
    ///      uint160, 0); InsufficientBalance (balance, amount); InsufficientUnfrozenBalance (unfrozen, amount);
    ///      TokenLockedUp (until, 0); InvestorLockedUp (investorId, until); CountryNotAllowed (country, 0);
    ///      InvestorClassTooLow (class, minimum); MaxBalanceExceeded (balanceAfter, max); MaxHoldersExceeded
    ///      (holdersAfter, max); SupplyCapExceeded (supplyAfter, cap); ModuleRefused (module as uint160, reason);
    ///      TradingHalted (0, 0).
    enum TransferCheck {
        Ok,
        Paused,
        SenderFrozen,
        ReceiverFrozen,
        InsufficientBalance,
        InsufficientUnfrozenBalance,
        SenderNotVerified,
        ReceiverNotVerified,
        TokenLockedUp,
        InvestorLockedUp,
        CountryNotAllowed,
        InvestorClassTooLow,
        MaxBalanceExceeded,
        MaxHoldersExceeded,
        SupplyCapExceeded,
        ModuleRefused,
        TradingHalted
    }

    /// @notice The rule configuration, as stored.
    /// @dev `countryMode` is `uint8(CountryMode)`.
    struct Rules {
        uint256 maxBalancePerInvestor;
        uint256 supplyCap;
        uint8 countryMode;
        uint8 minimumInvestorClass;
        uint40 tokenLockupUntil;
        uint32 maxHolders;
        bool investorLockups;
    }

    /// @notice Emitted after the country rule mode was set.
    event CountryModeSet(CountryMode mode);
    /// @notice Emitted after `country` was put on (`listed`) or taken off the country list.
    event CountryListed(uint16 indexed country, bool listed);
    /// @notice Emitted after the minimum investor class was set (0 unbinds the rule).
    event MinimumInvestorClassSet(uint8 investorClass);
    /// @notice Emitted after the max number of holders (investors) was set (0 unbinds the rule).
    event MaxHoldersSet(uint256 maxHolders);
    /// @notice Emitted after the max balance per investor was set (0 unbinds the rule).
    event MaxBalancePerInvestorSet(uint256 maxBalance);
    /// @notice Emitted after the token-wide lock-up end was set (0 unbinds the rule).
    event TokenLockupSet(uint40 until);
    /// @notice Emitted after investor `investorId`'s lock-up end was set (0 removes it).
    event InvestorLockupSet(uint32 indexed investorId, uint40 until);
    /// @notice Emitted after the supply cap was set (0 unbinds the rule).
    event SupplyCapSet(uint256 cap);
    /// @notice Emitted after the trading guard (circuit breaker) was set; 0 means none.
    event TradingGuardSet(address indexed guard);

    /// @notice Investor transfers are paused.
    error SecurityTokenPaused();
    /// @notice Investor transfers are not paused.
    error SecurityTokenNotPaused();
    /// @notice `wallet` is frozen.
    error SecurityWalletFrozen(address wallet);
    /// @notice `wallet` has only `unfrozen` unfrozen tokens, `amount` were needed.
    error SecurityInsufficientUnfrozenBalance(address wallet, uint256 unfrozen, uint256 amount);
    /// @notice `wallet` is not a verified investor (unregistered, or KYC ended).
    error SecurityWalletNotVerified(address wallet);
    /// @notice Freezing would make `wallet`'s frozen tokens `frozenAfter`, above its `balance`.
    error SecurityFreezeExceedsBalance(address wallet, uint256 balance, uint256 frozenAfter);
    /// @notice `wallet` has only `frozen` frozen tokens, `amount` were to be unfrozen.
    error SecurityUnfreezeExceedsFrozen(address wallet, uint256 frozen, uint256 amount);
    /// @notice `newWallet` must be a different wallet registered to the same investor as `lostWallet`.
    error SecurityRecoveryInvestorMismatch(
        address lostWallet,
        address newWallet,
        uint32 lostInvestorId,
        uint32 newInvestorId
    );
    /// @notice `given` is not the lost wallet's investor reference `expected` (`address(uint160(investorId))`).
    error SecurityRecoveryWrongInvestor(address given, address expected);
    /// @notice Batch arrays differ in length, or `length` is above `maxLength`.
    error SecurityBatchInvalid(uint256 length, uint256 maxLength);
    /// @notice Minting `amount` would take the supply above what a balance slot stores (2^120 - 1).
    error SecuritySupplyOverflow(uint256 totalSupply, uint256 amount);
    /// @notice `decimals` is above 18.
    error SecurityInvalidDecimals(uint8 decimals);
    /// @notice `registry` is the zero address.
    error SecurityInvalidRegistry(address registry);
    /// @notice Document name is zero or its URI is empty.
    error SecurityDocumentInvalid(bytes32 name);
    /// @notice No document `name`.
    error SecurityDocumentNotFound(bytes32 name);
    /// @notice The document list already holds `maxDocuments` documents.
    error SecurityTooManyDocuments(uint256 maxDocuments);

    /// @notice The token-wide lock-up runs until `until` (first second transfers are allowed).
    error ComplianceTokenLockedUp(uint40 until);
    /// @notice The sending investor `investorId` is locked up until `until`.
    error ComplianceInvestorLockedUp(uint32 investorId, uint40 until);
    /// @notice The receiver `wallet`'s `country` is not allowed.
    error ComplianceCountryNotAllowed(address wallet, uint16 country);
    /// @notice The receiver `wallet`'s `investorClass` is below `minimumClass`.
    error ComplianceInvestorClassTooLow(address wallet, uint8 investorClass, uint8 minimumClass);
    /// @notice Investor `investorId` would hold `balanceAfter` across its wallets, above `maxBalance`.
    error ComplianceMaxBalanceExceeded(uint32 investorId, uint256 balanceAfter, uint256 maxBalance);
    /// @notice The transfer would make `holdersAfter` investors hold the token, above `maxHolders`.
    error ComplianceMaxHoldersExceeded(uint256 holdersAfter, uint256 maxHolders);
    /// @notice Minting would make the supply `supplyAfter`, above `cap`.
    error ComplianceSupplyCapExceeded(uint256 supplyAfter, uint256 cap);
    /// @notice Extension compliance module `module` refused with its `reasonCode` and `value`.
    error ComplianceModuleRefused(address module, uint256 reasonCode, uint256 value);
    /// @notice `country` is not an ISO-3166 numeric code (1..999).
    error ComplianceInvalidCountry(uint16 country);
    /// @notice `investorClass` is above Institutional (3).
    error ComplianceInvalidInvestorClass(uint8 investorClass);
    /// @notice `value` is above the largest storable limit `max`.
    error ComplianceLimitTooLarge(uint256 value, uint256 max);
    /// @notice The max balance `value` is not a whole number of tokens (a multiple of `unit` = 10^decimals).
    error ComplianceLimitNotWholeTokens(uint256 value, uint256 unit);

    /// @notice Sets the country rule mode. Needs COMPLIANCE_ADMIN_ROLE.
    function setCountryMode(CountryMode mode) external;

    /// @notice Lists or unlists `countries` (bounded batch). Needs COMPLIANCE_ADMIN_ROLE.
    function setCountries(uint16[] calldata countries, bool listed) external;

    /// @notice Sets the minimum receiver investor class (0 unbinds). Needs COMPLIANCE_ADMIN_ROLE.
    function setMinimumInvestorClass(uint8 investorClass) external;

    /// @notice Sets the max number of investors holding the token (0 unbinds). Needs COMPLIANCE_ADMIN_ROLE.
    function setMaxHolders(uint32 maxHolders) external;

    /// @notice Sets the max balance per investor, across its wallets (0 unbinds). Needs COMPLIANCE_ADMIN_ROLE.
    /// @dev Stored in whole tokens so that it shares the slot every transfer reads: must be a multiple of 10^decimals
    ///      and at most (2^56 - 1) whole tokens.
    function setMaxBalancePerInvestor(uint256 maxBalance) external;

    /// @notice Sets the token-wide lock-up end (0 unbinds). Needs COMPLIANCE_ADMIN_ROLE.
    function setTokenLockup(uint40 until) external;

    /// @notice Sets investor `investorId`'s lock-up end (0 removes it). Needs COMPLIANCE_ADMIN_ROLE.
    function setInvestorLockup(uint32 investorId, uint40 until) external;

    /// @notice Sets the supply cap (0 unbinds). Needs COMPLIANCE_ADMIN_ROLE.
    function setSupplyCap(uint256 cap) external;

    /// @notice Sets the trading guard consulted on investor-to-investor transfers (0 for none).
    /// @dev Needs COMPLIANCE_ADMIN_ROLE.
    function setTradingGuard(ITradingGuard guard) external;

    /// @notice Whether `from` could transfer `amount` to `to` now (`from` 0: a mint), and why not: the first failing
    ///         check in the order of `TransferCheck`, with its values.
    function checkTransfer(
        address from,
        address to,
        uint256 amount
    ) external view returns (TransferCheck code, uint256 valueA, uint256 valueB);

    /// @notice The rule configuration.
    function rules() external view returns (Rules memory tokenRules);

    /// @notice Whether `country` is on the country list.
    function isCountryListed(uint16 country) external view returns (bool listed);

    /// @notice Lock-up end of investor `investorId` (0 when none).
    function investorLockupUntil(uint32 investorId) external view returns (uint40 until);

    /// @notice Number of investors (not wallets) with a non-zero balance.
    function holderCount() external view returns (uint256 holders);

    /// @notice Balance of the investor holding `wallet`, summed over its registered wallets.
    function investorBalance(address wallet) external view returns (uint256 balance);

    /// @notice The trading guard (0 when none).
    function tradingGuard() external view returns (ITradingGuard guard);
}
