// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICompliance} from "../interfaces/ICompliance.sol";
import {IERC1643} from "../interfaces/IERC1643.sol";
import {IERC3643} from "../interfaces/IERC3643.sol";
import {IIdentityRegistry} from "../interfaces/IIdentityRegistry.sol";
import {ISecurityToken} from "../interfaces/ISecurityToken.sol";
import {ITradingGuard} from "../interfaces/ITradingGuard.sol";
import {SecurityTokenRules} from "./SecurityTokenRules.sol";
import {SecurityTokenStorage} from "./SecurityTokenStorage.sol";

/// @title SecurityTokenAdmin
/// @notice Configuration and record-keeping bodies of `SecurityToken` (rules, documents, token information, partial
///         freezes), deployed once as an external library so that the token stays under the 24,576-byte code limit.
/// @dev Called by DELEGATECALL from the token, which checks the caller's role first; it works on the token's ERC-7201
///      storage and emits the token's events. Nothing here is on the transfer path (ADR 0020).
/// @custom:security-contact security@bauhinia.dev
library SecurityTokenAdmin {
    using SecurityTokenStorage for SecurityTokenStorage.Config;

    uint16 private constant _MAX_COUNTRY = 999;
    uint256 private constant _MAX_BATCH = 100;
    uint256 private constant _MAX_DOCUMENTS = 32;

    /// @dev Stops investor transfers.
    function pause() external {
        SecurityTokenStorage.Config storage config = SecurityTokenStorage.layout().config;
        if (config.paused) revert ISecurityToken.SecurityTokenPaused();
        config.paused = true;
        emit IERC3643.Paused(msg.sender);
    }

    /// @dev Resumes investor transfers.
    function unpause() external {
        SecurityTokenStorage.Config storage config = SecurityTokenStorage.layout().config;
        if (!config.paused) revert ISecurityToken.SecurityTokenNotPaused();
        config.paused = false;
        emit IERC3643.Unpaused(msg.sender);
    }

    /// @dev Freezes or unfreezes several wallets (bounded batch).
    function batchSetAddressFrozen(address[] calldata wallets, bool[] calldata freeze) external {
        uint256 length = _checkBatch(wallets.length, freeze.length);
        for (uint256 i = 0; i < length; ++i) setAddressFrozen(wallets[i], freeze[i]);
    }

    /// @dev Sets the identity registry (non-zero).
    function setIdentityRegistry(address registry) external {
        if (registry == address(0)) revert ISecurityToken.SecurityInvalidRegistry(registry);
        SecurityTokenStorage.layout().config.registry = IIdentityRegistry(registry);
        emit IERC3643.IdentityRegistryAdded(registry);
    }

    /// @dev Sets the token name and emits the token information.
    function setName(string calldata name) external {
        SecurityTokenStorage.layout().name = name;
        _emitTokenInformation();
    }

    /// @dev Sets the token symbol and emits the token information.
    function setSymbol(string calldata symbol) external {
        SecurityTokenStorage.layout().symbol = symbol;
        _emitTokenInformation();
    }

    /// @dev Sets the onchain id and emits the token information.
    function setOnchainID(address onchainID) external {
        SecurityTokenStorage.layout().onchainID = onchainID;
        _emitTokenInformation();
    }

    /// @dev Sets the extension compliance (0 for none).
    function setCompliance(address compliance) external {
        SecurityTokenStorage.Layout storage $ = SecurityTokenStorage.layout();
        $.compliance = ICompliance(compliance);
        $.config.setFlag(SecurityTokenStorage.FLAG_COMPLIANCE, compliance != address(0));
        emit IERC3643.ComplianceAdded(compliance);
    }

    /// @dev Sets the trading guard (0 for none).
    function setTradingGuard(address guard) external {
        SecurityTokenStorage.Layout storage $ = SecurityTokenStorage.layout();
        $.guard = ITradingGuard(guard);
        $.config.setFlag(SecurityTokenStorage.FLAG_GUARD, guard != address(0));
        emit ISecurityToken.TradingGuardSet(guard);
    }

    /// @dev Sets the country rule mode.
    function setCountryMode(uint8 mode) external {
        SecurityTokenStorage.layout().config.countryMode = mode;
        emit ISecurityToken.CountryModeSet(ISecurityToken.CountryMode(mode));
    }

    /// @dev Lists or unlists countries (bounded batch, ISO-3166 numeric 1..999).
    function setCountries(uint16[] calldata countries, bool listed) external {
        uint256 length = countries.length;
        if (length > _MAX_BATCH) revert ISecurityToken.SecurityBatchInvalid(length, _MAX_BATCH);
        SecurityTokenStorage.Layout storage $ = SecurityTokenStorage.layout();
        for (uint256 i = 0; i < length; ++i) {
            uint16 country = countries[i];
            if (country == 0 || country > _MAX_COUNTRY) revert ISecurityToken.ComplianceInvalidCountry(country);
            uint256 bit = 1 << (country & 0xff);
            if (listed) $.countries[country >> 8] |= bit;
            else $.countries[country >> 8] &= ~bit;
            emit ISecurityToken.CountryListed(country, listed);
        }
    }

    /// @dev Sets the minimum receiver investor class (0 unbinds).
    function setMinimumInvestorClass(uint8 investorClass) external {
        if (investorClass > uint8(IIdentityRegistry.InvestorClass.Institutional)) {
            revert ISecurityToken.ComplianceInvalidInvestorClass(investorClass);
        }
        SecurityTokenStorage.layout().config.minimumInvestorClass = investorClass;
        emit ISecurityToken.MinimumInvestorClassSet(investorClass);
    }

    /// @dev Sets the max number of investors holding the token (0 unbinds).
    function setMaxHolders(uint32 maxHolders) external {
        SecurityTokenStorage.Layout storage $ = SecurityTokenStorage.layout();
        $.supply.maxHolders = maxHolders;
        $.config.setFlag(SecurityTokenStorage.FLAG_MAX_HOLDERS, maxHolders != 0);
        emit ISecurityToken.MaxHoldersSet(maxHolders);
    }

    /// @dev Sets the max balance per investor (0 unbinds).
    function setMaxBalancePerInvestor(uint256 maxBalance) external {
        SecurityTokenStorage.Layout storage $ = SecurityTokenStorage.layout();
        uint256 unit = 10 ** $.config.decimals;
        uint256 largest = uint256(type(uint56).max) * unit;
        if (maxBalance > largest) revert ISecurityToken.ComplianceLimitTooLarge(maxBalance, largest);
        if (maxBalance % unit != 0) revert ISecurityToken.ComplianceLimitNotWholeTokens(maxBalance, unit);
        // maxBalance / unit <= type(uint56).max (checked above).
        $.config.maxBalanceWholeTokens = uint56(maxBalance / unit);
        $.config.setFlag(SecurityTokenStorage.FLAG_MAX_BALANCE, maxBalance != 0);
        emit ISecurityToken.MaxBalancePerInvestorSet(maxBalance);
    }

    /// @dev Sets the token-wide lock-up end (0 unbinds).
    function setTokenLockup(uint40 until) external {
        SecurityTokenStorage.Layout storage $ = SecurityTokenStorage.layout();
        $.supply.tokenLockupUntil = until;
        $.config.setFlag(SecurityTokenStorage.FLAG_TOKEN_LOCKUP, until != 0);
        emit ISecurityToken.TokenLockupSet(until);
    }

    /// @dev Sets an investor's lock-up end (0 removes it); the rule is bound while any investor lock-up is set.
    function setInvestorLockup(uint32 investorId, uint40 until) external {
        SecurityTokenStorage.Layout storage $ = SecurityTokenStorage.layout();
        uint40 previous = $.investorLockups[investorId];
        $.investorLockups[investorId] = until;
        if (previous == 0 && until != 0) ++$.investorLockupCount;
        else if (previous != 0 && until == 0) --$.investorLockupCount;
        $.config.setFlag(SecurityTokenStorage.FLAG_INVESTOR_LOCKUPS, $.investorLockupCount != 0);
        emit ISecurityToken.InvestorLockupSet(investorId, until);
    }

    /// @dev Sets the supply cap (0 unbinds).
    function setSupplyCap(uint256 cap) external {
        SecurityTokenStorage.Layout storage $ = SecurityTokenStorage.layout();
        $.supplyCap = cap;
        $.config.setFlag(SecurityTokenStorage.FLAG_SUPPLY_CAP, cap != 0);
        emit ISecurityToken.SupplyCapSet(cap);
    }

    /// @dev Freezes several wallets' partial balances (bounded batch).
    function batchFreezePartialTokens(address[] calldata wallets, uint256[] calldata amounts) external {
        uint256 length = _checkBatch(wallets.length, amounts.length);
        for (uint256 i = 0; i < length; ++i) freezePartialTokens(wallets[i], amounts[i]);
    }

    /// @dev Unfreezes several wallets' partial balances (bounded batch).
    function batchUnfreezePartialTokens(address[] calldata wallets, uint256[] calldata amounts) external {
        uint256 length = _checkBatch(wallets.length, amounts.length);
        for (uint256 i = 0; i < length; ++i) unfreezePartialTokens(wallets[i], amounts[i]);
    }

    /// @dev Sets or replaces an ERC-1643 document (at most 32).
    function setDocument(bytes32 name, string calldata uri, bytes32 documentHash) external {
        if (name == bytes32(0) || bytes(uri).length == 0) revert ISecurityToken.SecurityDocumentInvalid(name);
        SecurityTokenStorage.Layout storage $ = SecurityTokenStorage.layout();
        SecurityTokenStorage.Document storage document = $.documents[name];
        if (document.position == 0) {
            if ($.documentNames.length >= _MAX_DOCUMENTS) {
                revert ISecurityToken.SecurityTooManyDocuments(_MAX_DOCUMENTS);
            }
            $.documentNames.push(name);
            // At most _MAX_DOCUMENTS (32) entries: fits in uint32.
            document.position = uint32($.documentNames.length);
        }
        document.uri = uri;
        document.documentHash = documentHash;
        document.lastModified = uint40(block.timestamp);
        emit IERC1643.DocumentUpdated(name, uri, documentHash);
    }

    /// @dev Removes an ERC-1643 document (swap-and-pop on the bounded name list).
    function removeDocument(bytes32 name) external {
        SecurityTokenStorage.Layout storage $ = SecurityTokenStorage.layout();
        SecurityTokenStorage.Document memory document = $.documents[name];
        if (document.position == 0) revert ISecurityToken.SecurityDocumentNotFound(name);
        uint256 index = document.position - 1;
        uint256 last = $.documentNames.length - 1;
        if (index != last) {
            bytes32 moved = $.documentNames[last];
            $.documentNames[index] = moved;
            $.documents[moved].position = document.position;
        }
        $.documentNames.pop();
        delete $.documents[name];
        emit IERC1643.DocumentRemoved(name, document.uri, document.documentHash);
    }

    /// @dev Stores the initial token information (the token grants roles itself).
    function initialize(
        string calldata name,
        string calldata symbol,
        uint8 decimals,
        IIdentityRegistry registry
    ) external {
        if (decimals > 18) revert ISecurityToken.SecurityInvalidDecimals(decimals);
        if (address(registry) == address(0)) revert ISecurityToken.SecurityInvalidRegistry(address(registry));
        SecurityTokenStorage.Layout storage $ = SecurityTokenStorage.layout();
        $.name = name;
        $.symbol = symbol;
        $.config.decimals = decimals;
        $.config.registry = registry;
        emit IERC3643.IdentityRegistryAdded(address(registry));
        _emitTokenInformation();
    }

    /// @dev After the balance moved: re-freezes the moved frozen tokens and the wallet freeze on the new wallet, leaves
    ///      the lost wallet frozen and emits RecoverySuccess.
    function completeRecovery(
        address lostWallet,
        address newWallet,
        uint256 frozen,
        bool walletFrozen,
        address investorRef
    ) external {
        SecurityTokenStorage.Layout storage $ = SecurityTokenStorage.layout();
        uint256 newAccount = $.accounts[newWallet];
        // frozen <= the lost balance that just arrived: the new frozen amount stays <= the new balance < 2^120.
        uint256 newFrozen = SecurityTokenStorage.frozenOf(newAccount) + frozen;
        bool newWalletFrozen = SecurityTokenStorage.isWalletFrozen(newAccount);
        $.accounts[newWallet] = SecurityTokenStorage.packAccount(
            SecurityTokenStorage.balanceOf(newAccount),
            newFrozen,
            newWalletFrozen || walletFrozen
        );
        if (frozen != 0) emit IERC3643.TokensFrozen(newWallet, frozen);
        if (walletFrozen && !newWalletFrozen) emit IERC3643.AddressFrozen(newWallet, true, msg.sender);
        if (!walletFrozen) {
            $.accounts[lostWallet] |= SecurityTokenStorage.WALLET_FROZEN_BIT;
            emit IERC3643.AddressFrozen(lostWallet, true, msg.sender);
        }
        emit IERC3643.RecoverySuccess(lostWallet, newWallet, investorRef);
    }

    /// @dev The rule configuration.
    function rules() external view returns (ISecurityToken.Rules memory tokenRules) {
        SecurityTokenStorage.Layout storage $ = SecurityTokenStorage.layout();
        SecurityTokenStorage.Config memory config = $.config;
        tokenRules.countryMode = config.countryMode;
        tokenRules.minimumInvestorClass = config.minimumInvestorClass;
        tokenRules.tokenLockupUntil = $.supply.tokenLockupUntil;
        tokenRules.maxHolders = $.supply.maxHolders;
        tokenRules.maxBalancePerInvestor = SecurityTokenRules.maxBalance(config);
        tokenRules.supplyCap = $.supplyCap;
        tokenRules.investorLockups = config.flags & SecurityTokenStorage.FLAG_INVESTOR_LOCKUPS != 0;
    }

    /// @dev Checks a recovery and returns what moves: the lost wallet's balance, frozen tokens, wallet freeze and the
    ///      investor reference `address(uint160(investorId))`.
    function prepareRecovery(
        address lostWallet,
        address newWallet,
        address investorOnchainID
    ) external view returns (uint256 balance, uint256 frozen, bool walletFrozen, address investorRef) {
        SecurityTokenStorage.Layout storage $ = SecurityTokenStorage.layout();
        (uint256 lostRecord, uint256 newRecord) = $.config.registry.transferRecords(lostWallet, newWallet);
        uint32 lostId = SecurityTokenRules.investorId(lostRecord);
        uint32 newId = SecurityTokenRules.investorId(newRecord);
        if (lostWallet == newWallet || lostId == 0 || lostId != newId) {
            revert ISecurityToken.SecurityRecoveryInvestorMismatch(lostWallet, newWallet, lostId, newId);
        }
        investorRef = address(uint160(lostId));
        if (investorOnchainID != investorRef)
            revert ISecurityToken.SecurityRecoveryWrongInvestor(investorOnchainID, investorRef);
        uint256 account = $.accounts[lostWallet];
        return (
            SecurityTokenStorage.balanceOf(account),
            SecurityTokenStorage.frozenOf(account),
            SecurityTokenStorage.isWalletFrozen(account),
            investorRef
        );
    }

    /// @dev The pre-check view: the same evaluation as `_update`, plus the trading guard's live answer.
    function checkTransfer(
        address from,
        address to,
        uint256 amount
    ) external view returns (uint8 code, uint256 valueA, uint256 valueB) {
        SecurityTokenStorage.Layout storage $ = SecurityTokenStorage.layout();
        SecurityTokenStorage.Config memory config = $.config;
        SecurityTokenRules.Mode mode =
            from == address(0) ? SecurityTokenRules.Mode.Issue : SecurityTokenRules.Mode.Transfer;
        ISecurityToken.TransferCheck check;
        (check, valueA, valueB, ) = SecurityTokenRules.evaluate(config, from, to, amount, mode);
        code = uint8(check);
        if (
            check == ISecurityToken.TransferCheck.Ok &&
            mode == SecurityTokenRules.Mode.Transfer &&
            config.flags & SecurityTokenStorage.FLAG_GUARD != 0 &&
            $.guard.isHalted(address(this))
        ) return (uint8(ISecurityToken.TransferCheck.TradingHalted), 0, 0);
    }

    /// @dev Balance of the investor holding `wallet`, over its registered wallets.
    function investorBalance(address wallet) external view returns (uint256 balance) {
        SecurityTokenStorage.Layout storage $ = SecurityTokenStorage.layout();
        balance = SecurityTokenStorage.balanceOf($.accounts[wallet]);
        if ($.config.registry.walletRecord(wallet).multiWallet) balance += SecurityTokenRules.siblingBalance($, wallet);
    }

    /// @dev ERC-1643 document `name`.
    function getDocument(
        bytes32 name
    ) external view returns (string memory uri, bytes32 documentHash, uint256 lastModified) {
        SecurityTokenStorage.Document storage document = SecurityTokenStorage.layout().documents[name];
        return (document.uri, document.documentHash, document.lastModified);
    }

    /// @dev ERC-1643 document names.
    function getAllDocuments() external view returns (bytes32[] memory names) {
        return SecurityTokenStorage.layout().documentNames;
    }

    /// @dev Reverts with the custom error that matches a failed check (the failure path of `_update`).
    function revertFor(
        uint8 code,
        address from,
        address to,
        uint256 valueA,
        uint256 valueB,
        uint32 receiverId,
        uint256 moduleValue
    ) external pure {
        SecurityTokenRules.revertFor(
            ISecurityToken.TransferCheck(code),
            from,
            to,
            valueA,
            valueB,
            receiverId,
            moduleValue
        );
    }

    /// @dev Freezes or unfreezes a wallet; `msg.sender` (the agent, preserved by DELEGATECALL) is reported.
    function setAddressFrozen(address wallet, bool freeze) public {
        mapping(address => uint256) storage accounts = SecurityTokenStorage.layout().accounts;
        uint256 account = accounts[wallet];
        accounts[wallet] =
            freeze
                ? account | SecurityTokenStorage.WALLET_FROZEN_BIT
                : account & ~SecurityTokenStorage.WALLET_FROZEN_BIT;
        emit IERC3643.AddressFrozen(wallet, freeze, msg.sender);
    }

    /// @dev Freezes `amount` more of `wallet`'s tokens; reverts above the balance (never clamps, INV-SEC-2).
    function freezePartialTokens(address wallet, uint256 amount) public {
        mapping(address => uint256) storage accounts = SecurityTokenStorage.layout().accounts;
        uint256 account = accounts[wallet];
        uint256 balance = SecurityTokenStorage.balanceOf(account);
        uint256 frozenAfter = SecurityTokenStorage.frozenOf(account) + amount;
        if (frozenAfter > balance) revert ISecurityToken.SecurityFreezeExceedsBalance(wallet, balance, frozenAfter);
        // frozenAfter <= balance < 2^120 (INV-SEC-2).
        accounts[wallet] = SecurityTokenStorage.packAccount(
            balance,
            frozenAfter,
            SecurityTokenStorage.isWalletFrozen(account)
        );
        emit IERC3643.TokensFrozen(wallet, amount);
    }

    /// @dev Unfreezes `amount` of `wallet`'s frozen tokens.
    function unfreezePartialTokens(address wallet, uint256 amount) public {
        mapping(address => uint256) storage accounts = SecurityTokenStorage.layout().accounts;
        uint256 account = accounts[wallet];
        uint256 frozen = SecurityTokenStorage.frozenOf(account);
        if (amount > frozen) revert ISecurityToken.SecurityUnfreezeExceedsFrozen(wallet, frozen, amount);
        // amount <= frozen: no underflow.
        accounts[wallet] = SecurityTokenStorage.packAccount(
            SecurityTokenStorage.balanceOf(account),
            frozen - amount,
            SecurityTokenStorage.isWalletFrozen(account)
        );
        emit IERC3643.TokensUnfrozen(wallet, amount);
    }

    /// @dev Emits UpdatedTokenInformation with the current values.
    function _emitTokenInformation() private {
        SecurityTokenStorage.Layout storage $ = SecurityTokenStorage.layout();
        emit IERC3643.UpdatedTokenInformation(
            $.name,
            $.symbol,
            $.config.decimals,
            SecurityTokenStorage.VERSION,
            $.onchainID
        );
    }

    function _checkBatch(uint256 length, uint256 otherLength) private pure returns (uint256) {
        if (length != otherLength || length > _MAX_BATCH)
            revert ISecurityToken.SecurityBatchInvalid(length, _MAX_BATCH);
        return length;
    }
}
