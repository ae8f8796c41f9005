// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// solhint-disable-next-line max-line-length
import {AccessControlDefaultAdminRulesUpgradeable} from "@openzeppelin/contracts-upgradeable/access/extensions/AccessControlDefaultAdminRulesUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";

import {ICompliance} from "../interfaces/ICompliance.sol";
import {IERC1643} from "../interfaces/IERC1643.sol";
import {IERC3643} from "../interfaces/IERC3643.sol";
import {IIdentityRegistry} from "../interfaces/IIdentityRegistry.sol";
import {ISecurityToken} from "../interfaces/ISecurityToken.sol";
import {ITradingGuard} from "../interfaces/ITradingGuard.sol";
import {SecurityTokenAdmin} from "./SecurityTokenAdmin.sol";
import {SecurityTokenRules} from "./SecurityTokenRules.sol";
import {SecurityTokenStorage} from "./SecurityTokenStorage.sol";

/// @title SecurityToken
/// @notice Permissioned ERC-3643 security token for Hong Kong offerings: only verified investors of the bound
///         `IIdentityRegistry` may hold it, the issuer's common compliance rules are evaluated from packed storage on
///         every transfer, and the token agent can freeze, force-transfer, burn and recover wallets.
/// @dev Roles: DEFAULT_ADMIN_ROLE (two-step, delayed handover) sets name, symbol, onchain id and registry, and grants
///      roles; AGENT_ROLE (token agent) mints, burns, pauses, freezes, force-transfers, recovers and publishes
///      documents; COMPLIANCE_ADMIN_ROLE binds rules, the extension compliance and the trading guard; UPGRADER_ROLE
///      upgrades the implementation (UUPS).
///      Every balance change passes `_update(from, to, value, mode)`; the pre-check view `checkTransfer` runs the very
///      same `SecurityTokenRules.evaluate`, so it always names the error a transfer would revert with. Extension
///      points for products
///      (green bond, PV revenue): `_afterBalancesChanged` (per-holder income accounting, ADR 0022).
///      Invariants (test/token/SecurityToken.t.sol, docs/threat-model.md):
///       INV-SEC-1  Σ balanceOf(holder) == totalSupply() <= 2^120 - 1
///       INV-SEC-2  getFrozenTokens(holder) <= balanceOf(holder) for every holder
///       INV-SEC-3  every wallet with a balance was a verified investor when it received (mint, transfer, forced
///                  transfer and recovery all require a verified receiver)
///       INV-SEC-4  holderCount() == number of investors whose wallets hold a non-zero balance
///       INV-SEC-5  while paused, no investor transfer (transfer, transferFrom, batchTransfer) succeeds
/// @custom:security-contact security@bauhinia.dev
/// @custom:storage-location erc7201:bauhinia.storage.SecurityToken
contract SecurityToken is
    ISecurityToken,
    IERC20Errors,
    Initializable,
    AccessControlDefaultAdminRulesUpgradeable,
    UUPSUpgradeable
{
    /// @notice Token agent: keccak256("AGENT_ROLE").
    bytes32 public constant AGENT_ROLE = keccak256("AGENT_ROLE");
    /// @notice Compliance admin: keccak256("COMPLIANCE_ADMIN_ROLE").
    bytes32 public constant COMPLIANCE_ADMIN_ROLE = keccak256("COMPLIANCE_ADMIN_ROLE");
    /// @notice Upgrader: keccak256("UPGRADER_ROLE").
    bytes32 public constant UPGRADER_ROLE = keccak256("UPGRADER_ROLE");
    /// @notice Longest batch of any batch function.
    uint256 public constant MAX_BATCH = 100;
    /// @notice Most ERC-1643 documents.
    uint256 public constant MAX_DOCUMENTS = 32;
    /// @notice Largest total supply (a balance is stored in 120 bits).
    uint256 public constant MAX_SUPPLY = type(uint120).max;

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    /// @notice Initialises the proxy.
    /// @param name_ Token name.
    /// @param symbol_ Token symbol.
    /// @param decimals_ Decimals, at most 18 (bonds usually 0).
    /// @param registry Identity registry (non-zero).
    /// @param admin Default admin.
    /// @param adminDelay Delay of a default-admin handover, in seconds.
    /// @param agent Token agent (AGENT_ROLE).
    /// @param complianceAdmin Compliance admin (COMPLIANCE_ADMIN_ROLE).
    /// @param upgrader Upgrader (UPGRADER_ROLE).
    // solhint-disable-next-line gas-calldata-parameters
    function initialize(
        string memory name_,
        string memory symbol_,
        uint8 decimals_,
        IIdentityRegistry registry,
        address admin,
        uint48 adminDelay,
        address agent,
        address complianceAdmin,
        address upgrader
    ) external initializer {
        __AccessControlDefaultAdminRules_init(adminDelay, admin);
        SecurityTokenAdmin.initialize(name_, symbol_, decimals_, registry);
        _grantRole(AGENT_ROLE, agent);
        _grantRole(COMPLIANCE_ADMIN_ROLE, complianceAdmin);
        _grantRole(UPGRADER_ROLE, upgrader);
    }

    // ------------------------------------------------------------------------------------------------------------
    // ERC-20
    // ------------------------------------------------------------------------------------------------------------

    /// @inheritdoc IERC20
    function transfer(address to, uint256 value) external returns (bool) {
        // msg.sender is never the zero address: only the receiver needs the ERC-20 zero check.
        if (to == address(0)) revert ERC20InvalidReceiver(address(0));
        _update(msg.sender, to, value, SecurityTokenRules.Mode.Transfer);
        return true;
    }

    /// @inheritdoc IERC20
    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        _spendAllowance(from, msg.sender, value);
        _transfer(from, to, value);
        return true;
    }

    /// @inheritdoc IERC20
    function approve(address spender, uint256 value) external returns (bool) {
        if (spender == address(0)) revert ERC20InvalidSpender(address(0));
        _storage().allowances[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    /// @inheritdoc IERC3643
    function batchTransfer(address[] calldata toList, uint256[] calldata amounts) external {
        uint256 length = _checkBatch(toList.length, amounts.length);
        for (uint256 i = 0; i < length; ++i) _transfer(msg.sender, toList[i], amounts[i]);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Agent actions
    // ------------------------------------------------------------------------------------------------------------

    /// @inheritdoc IERC3643
    /// @dev Receiver rules and the supply cap apply; pause and lock-ups do not; a frozen receiver is refused.
    function mint(address to, uint256 amount) external onlyRole(AGENT_ROLE) {
        _mint(to, amount);
    }

    /// @inheritdoc IERC3643
    function batchMint(address[] calldata toList, uint256[] calldata amounts) external onlyRole(AGENT_ROLE) {
        uint256 length = _checkBatch(toList.length, amounts.length);
        for (uint256 i = 0; i < length; ++i) _mint(toList[i], amounts[i]);
    }

    /// @inheritdoc IERC3643
    /// @dev Works while paused and on frozen wallets; burns free tokens first, then unfreezes what it must.
    function burn(address userAddress, uint256 amount) external onlyRole(AGENT_ROLE) {
        _burn(userAddress, amount);
    }

    /// @inheritdoc IERC3643
    function batchBurn(address[] calldata userAddresses, uint256[] calldata amounts) external onlyRole(AGENT_ROLE) {
        uint256 length = _checkBatch(userAddresses.length, amounts.length);
        for (uint256 i = 0; i < length; ++i) _burn(userAddresses[i], amounts[i]);
    }

    /// @inheritdoc IERC3643
    /// @dev Works while paused and on frozen wallets, skips compliance rules, unfreezes what it must; the receiver
    ///      must be verified.
    function forcedTransfer(address from, address to, uint256 amount) external onlyRole(AGENT_ROLE) returns (bool) {
        _forcedTransfer(from, to, amount);
        return true;
    }

    /// @inheritdoc IERC3643
    function batchForcedTransfer(
        address[] calldata fromList,
        address[] calldata toList,
        uint256[] calldata amounts
    ) external onlyRole(AGENT_ROLE) {
        uint256 length = _checkBatch(fromList.length, amounts.length);
        if (toList.length != length) revert SecurityBatchInvalid(toList.length, MAX_BATCH);
        for (uint256 i = 0; i < length; ++i) _forcedTransfer(fromList[i], toList[i], amounts[i]);
    }

    /// @inheritdoc IERC3643
    /// @dev `newWallet` must already be registered to the same investor and verified. The whole balance moves, the
    ///      frozen amount and the wallet freeze move with it, and the lost wallet is left frozen so that it can never
    ///      hold the token again. Works while paused.
    function recoveryAddress(
        address lostWallet,
        address newWallet,
        address investorOnchainID
    ) external onlyRole(AGENT_ROLE) returns (bool) {
        (uint256 balance, uint256 frozen, bool walletFrozen, address investorRef) = SecurityTokenAdmin.prepareRecovery(
            lostWallet,
            newWallet,
            investorOnchainID
        );
        _update(lostWallet, newWallet, balance, SecurityTokenRules.Mode.Agent);
        SecurityTokenAdmin.completeRecovery(lostWallet, newWallet, frozen, walletFrozen, investorRef);
        return true;
    }

    /// @inheritdoc IERC3643
    function pause() external onlyRole(AGENT_ROLE) {
        _forwardToAdmin();
    }

    /// @inheritdoc IERC3643
    function unpause() external onlyRole(AGENT_ROLE) {
        _forwardToAdmin();
    }

    /// @inheritdoc IERC3643
    function setAddressFrozen(address, bool) external onlyRole(AGENT_ROLE) {
        _forwardToAdmin();
    }

    /// @inheritdoc IERC3643
    function batchSetAddressFrozen(address[] calldata, bool[] calldata) external onlyRole(AGENT_ROLE) {
        _forwardToAdmin();
    }

    /// @inheritdoc IERC3643
    /// @dev Reverts (never clamps) when the frozen amount would pass the balance (INV-SEC-2).
    function freezePartialTokens(address, uint256) external onlyRole(AGENT_ROLE) {
        _forwardToAdmin();
    }

    /// @inheritdoc IERC3643
    function batchFreezePartialTokens(address[] calldata, uint256[] calldata) external onlyRole(AGENT_ROLE) {
        _forwardToAdmin();
    }

    /// @inheritdoc IERC3643
    function unfreezePartialTokens(address, uint256) external onlyRole(AGENT_ROLE) {
        _forwardToAdmin();
    }

    /// @inheritdoc IERC3643
    function batchUnfreezePartialTokens(address[] calldata, uint256[] calldata) external onlyRole(AGENT_ROLE) {
        _forwardToAdmin();
    }

    /// @inheritdoc IERC1643
    function setDocument(bytes32, string calldata, bytes32) external onlyRole(AGENT_ROLE) {
        _forwardToAdmin();
    }

    /// @inheritdoc IERC1643
    function removeDocument(bytes32) external onlyRole(AGENT_ROLE) {
        _forwardToAdmin();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Admin
    // ------------------------------------------------------------------------------------------------------------

    /// @inheritdoc IERC3643
    function setName(string calldata) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _forwardToAdmin();
    }

    /// @inheritdoc IERC3643
    function setSymbol(string calldata) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _forwardToAdmin();
    }

    /// @inheritdoc IERC3643
    function setOnchainID(address) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _forwardToAdmin();
    }

    /// @inheritdoc IERC3643
    /// @dev The new registry must know the same investors (same ids and wallet rings), or per-investor holder counts
    ///      and balances lose their meaning; bind this token in it (`bindToken`) before switching.
    function setIdentityRegistry(address) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _forwardToAdmin();
    }

    /// @inheritdoc IERC3643
    function setCompliance(address) external onlyRole(COMPLIANCE_ADMIN_ROLE) {
        _forwardToAdmin();
    }

    /// @inheritdoc ISecurityToken
    function setTradingGuard(ITradingGuard) external onlyRole(COMPLIANCE_ADMIN_ROLE) {
        _forwardToAdmin();
    }

    /// @inheritdoc ISecurityToken
    function setCountryMode(CountryMode) external onlyRole(COMPLIANCE_ADMIN_ROLE) {
        _forwardToAdmin();
    }

    /// @inheritdoc ISecurityToken
    function setCountries(uint16[] calldata, bool) external onlyRole(COMPLIANCE_ADMIN_ROLE) {
        _forwardToAdmin();
    }

    /// @inheritdoc ISecurityToken
    function setMinimumInvestorClass(uint8) external onlyRole(COMPLIANCE_ADMIN_ROLE) {
        _forwardToAdmin();
    }

    /// @inheritdoc ISecurityToken
    function setMaxHolders(uint32) external onlyRole(COMPLIANCE_ADMIN_ROLE) {
        _forwardToAdmin();
    }

    /// @inheritdoc ISecurityToken
    function setMaxBalancePerInvestor(uint256) external onlyRole(COMPLIANCE_ADMIN_ROLE) {
        _forwardToAdmin();
    }

    /// @inheritdoc ISecurityToken
    function setTokenLockup(uint40) external onlyRole(COMPLIANCE_ADMIN_ROLE) {
        _forwardToAdmin();
    }

    /// @inheritdoc ISecurityToken
    function setInvestorLockup(uint32, uint40) external onlyRole(COMPLIANCE_ADMIN_ROLE) {
        _forwardToAdmin();
    }

    /// @inheritdoc ISecurityToken
    function setSupplyCap(uint256) external onlyRole(COMPLIANCE_ADMIN_ROLE) {
        _forwardToAdmin();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Views
    // ------------------------------------------------------------------------------------------------------------

    /// @inheritdoc ISecurityToken
    function checkTransfer(
        address from,
        address to,
        uint256 amount
    ) external view returns (TransferCheck code, uint256 valueA, uint256 valueB) {
        uint8 check;
        (check, valueA, valueB) = SecurityTokenAdmin.checkTransfer(from, to, amount);
        code = TransferCheck(check);
    }

    /// @inheritdoc IERC20
    function totalSupply() external view returns (uint256) {
        return _storage().supply.totalSupply;
    }

    /// @inheritdoc IERC20
    function balanceOf(address account) external view returns (uint256) {
        return SecurityTokenStorage.balanceOf(_storage().accounts[account]);
    }

    /// @inheritdoc IERC20
    function allowance(address owner, address spender) external view returns (uint256) {
        return _storage().allowances[owner][spender];
    }

    /// @inheritdoc IERC20Metadata
    function name() external view returns (string memory) {
        return _storage().name;
    }

    /// @inheritdoc IERC20Metadata
    function symbol() external view returns (string memory) {
        return _storage().symbol;
    }

    /// @inheritdoc IERC20Metadata
    function decimals() external view returns (uint8) {
        return _storage().config.decimals;
    }

    /// @inheritdoc IERC3643
    function onchainID() external view returns (address) {
        return _storage().onchainID;
    }

    /// @inheritdoc IERC3643
    function identityRegistry() external view returns (IIdentityRegistry) {
        return _storage().config.registry;
    }

    /// @inheritdoc IERC3643
    function compliance() external view returns (ICompliance) {
        return _storage().compliance;
    }

    /// @inheritdoc IERC3643
    function paused() external view returns (bool) {
        return _storage().config.paused;
    }

    /// @inheritdoc IERC3643
    function isFrozen(address userAddress) external view returns (bool) {
        return SecurityTokenStorage.isWalletFrozen(_storage().accounts[userAddress]);
    }

    /// @inheritdoc IERC3643
    function getFrozenTokens(address userAddress) external view returns (uint256) {
        return SecurityTokenStorage.frozenOf(_storage().accounts[userAddress]);
    }

    /// @inheritdoc ISecurityToken
    function rules() external view returns (Rules memory tokenRules) {
        return SecurityTokenAdmin.rules();
    }

    /// @inheritdoc ISecurityToken
    function isCountryListed(uint16 country) external view returns (bool listed) {
        return SecurityTokenStorage.isListed(_storage(), country);
    }

    /// @inheritdoc ISecurityToken
    function investorLockupUntil(uint32 investorId) external view returns (uint40 until) {
        return _storage().investorLockups[investorId];
    }

    /// @inheritdoc ISecurityToken
    function holderCount() external view returns (uint256 holders) {
        return _storage().supply.holderCount;
    }

    /// @inheritdoc ISecurityToken
    function investorBalance(address wallet) external view returns (uint256 balance) {
        return SecurityTokenAdmin.investorBalance(wallet);
    }

    /// @inheritdoc ISecurityToken
    function tradingGuard() external view returns (ITradingGuard) {
        return _storage().guard;
    }

    /// @inheritdoc IERC1643
    function getDocument(
        bytes32 name_
    ) external view returns (string memory uri, bytes32 documentHash, uint256 lastModified) {
        return SecurityTokenAdmin.getDocument(name_);
    }

    /// @inheritdoc IERC1643
    function getAllDocuments() external view returns (bytes32[] memory names) {
        return SecurityTokenAdmin.getAllDocuments();
    }

    /// @inheritdoc IERC3643
    function version() external pure returns (string memory) {
        return SecurityTokenStorage.VERSION;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Internal: the choke point
    // ------------------------------------------------------------------------------------------------------------

    /// @dev The single place where balances change. Checks (`_evaluate`, shared with `checkTransfer`), then effects,
    ///      then the product hook, then the trusted external calls (trading guard for investor transfers only,
    ///      extension compliance). The guard is called after the effects: its `AssetHalted` revert undoes them.
    // solhint-disable-next-line function-max-lines
    function _update(address from, address to, uint256 value, SecurityTokenRules.Mode mode) internal {
        SecurityTokenStorage.Layout storage $ = _storage();
        SecurityTokenStorage.Config memory config = $.config;
        (TransferCheck code, uint256 valueA, uint256 valueB, SecurityTokenRules.Move memory move) = SecurityTokenRules
            .evaluate(config, from, to, value, mode);
        if (code != TransferCheck.Ok) {
            SecurityTokenAdmin.revertFor(
                uint8(code),
                from,
                to,
                valueA,
                valueB,
                SecurityTokenRules.investorId(move.toRecord),
                move.moduleValue
            );
        }

        if (from != to) {
            if (from == address(0)) {
                // totalSupply + value <= MAX_SUPPLY = 2^120 - 1 (checked in _mint): fits in 120 bits.
                $.supply.totalSupply += uint120(value);
            } else {
                uint256 account = move.fromAccount;
                uint256 balanceAfter;
                // value <= balance was checked in SecurityTokenRules.evaluate: no underflow.
                unchecked {
                    balanceAfter = SecurityTokenStorage.balanceOf(account) - value;
                }
                uint256 frozen = SecurityTokenStorage.frozenOf(account);
                if (frozen > balanceAfter) {
                    // Only an agent action gets here (investor transfers are limited to the unfrozen balance).
                    emit TokensUnfrozen(from, frozen - balanceAfter);
                    frozen = balanceAfter;
                }
                $.accounts[from] = SecurityTokenStorage.packAccount(
                    balanceAfter,
                    frozen,
                    SecurityTokenStorage.isWalletFrozen(account)
                );
            }
            if (to == address(0)) {
                // value <= balance <= totalSupply (INV-SEC-1): no underflow, fits in 120 bits.
                $.supply.totalSupply -= uint120(value);
            } else {
                // balance + value <= totalSupply <= MAX_SUPPLY (INV-SEC-1): the sum fits in the 120-bit balance
                // field and cannot carry into the frozen field.
                unchecked {
                    $.accounts[to] = move.toAccount + value;
                }
            }
            if (move.joins != move.leaves) {
                SecurityTokenStorage.Supply storage supply = $.supply;
                if (move.joins) ++supply.holderCount;
                else --supply.holderCount;
            }
        }
        emit Transfer(from, to, value);

        _afterBalancesChanged(from, to, value);

        if (mode == SecurityTokenRules.Mode.Transfer && config.flags & SecurityTokenStorage.FLAG_GUARD != 0)
            $.guard.enforce(address(this));
        if (config.flags & SecurityTokenStorage.FLAG_COMPLIANCE != 0) $.compliance.transferred(from, to, value);
    }

    /// @dev Hook for products (income distribution): runs after every balance change (mint: `from` 0, burn: `to` 0),
    ///      after the balances are written and before any external call. The previous balances are
    ///      `balanceOf(from) + value` and `balanceOf(to) - value`. Overrides must not revert for a reason the
    ///      pre-check view cannot see, and must not call untrusted contracts.
    function _afterBalancesChanged(address from, address to, uint256 value) internal virtual {}

    /// @inheritdoc UUPSUpgradeable
    function _authorizeUpgrade(address) internal override onlyRole(UPGRADER_ROLE) {}

    // ------------------------------------------------------------------------------------------------------------
    // Private
    // ------------------------------------------------------------------------------------------------------------

    function _transfer(address from, address to, uint256 value) private {
        if (from == address(0)) revert ERC20InvalidSender(address(0));
        if (to == address(0)) revert ERC20InvalidReceiver(address(0));
        _update(from, to, value, SecurityTokenRules.Mode.Transfer);
    }

    function _mint(address to, uint256 amount) private {
        if (to == address(0)) revert ERC20InvalidReceiver(address(0));
        uint256 supply = _storage().supply.totalSupply;
        if (amount > MAX_SUPPLY - supply) revert SecuritySupplyOverflow(supply, amount);
        _update(address(0), to, amount, SecurityTokenRules.Mode.Issue);
    }

    function _burn(address from, uint256 amount) private {
        if (from == address(0)) revert ERC20InvalidSender(address(0));
        _update(from, address(0), amount, SecurityTokenRules.Mode.Agent);
    }

    function _forcedTransfer(address from, address to, uint256 amount) private {
        if (from == address(0)) revert ERC20InvalidSender(address(0));
        if (to == address(0)) revert ERC20InvalidReceiver(address(0));
        _update(from, to, amount, SecurityTokenRules.Mode.Agent);
    }

    function _spendAllowance(address owner, address spender, uint256 value) private {
        mapping(address => uint256) storage allowances = _storage().allowances[owner];
        uint256 current = allowances[spender];
        if (current == type(uint256).max) return;
        if (current < value) revert ERC20InsufficientAllowance(spender, current, value);
        // current >= value checked above.
        unchecked {
            allowances[spender] = current - value;
        }
    }

    /// @dev Runs this very call (same selector and arguments) in `SecurityTokenAdmin` by DELEGATECALL, on this
    ///      token's storage, after the caller's role was checked here; bubbles the library's custom errors.
    function _forwardToAdmin() private {
        Address.functionDelegateCall(address(SecurityTokenAdmin), msg.data);
    }

    function _checkBatch(uint256 length, uint256 otherLength) private pure returns (uint256) {
        if (length != otherLength || length > MAX_BATCH) revert SecurityBatchInvalid(length, MAX_BATCH);
        return length;
    }

    function _storage() private pure returns (SecurityTokenStorage.Layout storage) {
        return SecurityTokenStorage.layout();
    }
}
