// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

import {AggregatorV3Interface} from "../interfaces/AggregatorV3Interface.sol";
import {IHkdStablecoin} from "../interfaces/IHkdStablecoin.sol";
import {HkdStablecoinStorage as S} from "./HkdStablecoinStorage.sol";

/// @title HkdStablecoinOps
/// @notice State-changing cold paths of the HKD stablecoin (minter administration, reserve policy, pause, AML,
///         allowlist, redemption queue, calendar, rescue), run by DELEGATECALL from the token's fallback so that each
///         contract stays under the 24,576-byte limit (ADR 0010). Shares the token's ERC-7201 storage layout.
///         Selectors not found here fall through to HkdStablecoinViews.
/// @dev Delegate-only: every function (and the fallback) reverts when called directly (StablecoinOpsDirectCall).
///      Role checks ask the token itself (`IAccessControl(address(this)).hasRole`, i.e. the proxy's AccessControl
///      storage) and revert with OpenZeppelin's AccessControlUnauthorizedAccount, as `onlyRole` does.
///      A new token implementation is deployed together with the modules it was tested with (immutable addresses).
/// @custom:security-contact security@bauhinia.dev
contract HkdStablecoinOps {
    using SafeERC20 for IERC20;

    uint256 private constant _BPS = 10_000;
    uint16 private constant _MAX_REDEMPTION_FEE_BPS = 50;
    uint16 private constant _MAX_MARGIN_BPS = 5_000;
    uint32 private constant _MIN_POLICY_DELAY = 1 hours;
    uint32 private constant _MAX_POLICY_DELAY = 30 days;

    bytes32 private constant _DEFAULT_ADMIN_ROLE = 0x00;
    bytes32 private constant _MASTER_MINTER_ROLE = keccak256("MASTER_MINTER_ROLE");
    bytes32 private constant _PAUSER_ROLE = keccak256("PAUSER_ROLE");
    bytes32 private constant _COMPLIANCE_ROLE = keccak256("COMPLIANCE_ROLE");
    bytes32 private constant _SEIZER_ROLE = keccak256("SEIZER_ROLE");
    bytes32 private constant _RESCUER_ROLE = keccak256("RESCUER_ROLE");
    bytes32 private constant _REDEMPTION_OPERATOR_ROLE = keccak256("REDEMPTION_OPERATOR_ROLE");
    bytes32 private constant _ATTESTOR_ROLE = keccak256("ATTESTOR_ROLE");

    address private immutable _SELF = address(this);
    address private immutable _VIEWS;

    modifier onlyDelegateCall() {
        _checkDelegateCall();
        _;
    }

    modifier onlyRole(bytes32 role) {
        _checkRole(role);
        _;
    }

    /// @param views The HkdStablecoinViews module.
    constructor(address views) {
        if (views == address(0)) revert IHkdStablecoin.StablecoinZeroAddress();
        _VIEWS = views;
    }

    /// @notice Selectors not found here go on to the views module; a direct call is refused first.
    /// @param input The call data.
    /// @return The views module's return data.
    fallback(bytes calldata input) external returns (bytes memory) {
        return _forwardToViews(input);
    }

    /// @notice Initialises name, symbol, reserve policy, cut-off and allowlist mode (roles are granted by the token).
    /// @param p The token's initialisation parameters.
    function initialize(IHkdStablecoin.InitParams calldata p) external onlyDelegateCall {
        S.Layout storage $ = S.layout();
        $.name = p.name;
        $.symbol = p.symbol;
        if (!p.reservePolicy.enabled) revert IHkdStablecoin.StablecoinInvalidReservePolicy(p.reservePolicy);
        _applyPolicy(p.reservePolicy, _validatePolicy(p.reservePolicy));
        _setCutoff(p.cutoffSeconds);
        if (p.allowlistMode) {
            $.config.allowlistMode = true;
            emit IHkdStablecoin.AllowlistModeChanged(true);
        }
    }

    /// @notice See IHkdStablecoin.configureMinter.
    /// @param minter The minter.
    /// @param config Allowance and limits.
    function configureMinter(
        address minter,
        IHkdStablecoin.MinterConfig calldata config
    ) external onlyDelegateCall onlyRole(_MASTER_MINTER_ROLE) {
        if (minter == address(0)) revert IHkdStablecoin.StablecoinZeroAddress();
        if (
            config.perTxCap == 0 ||
            config.windowSeconds == 0 ||
            config.windowLimit == 0 ||
            config.perTxCap > config.windowLimit
        )
            revert IHkdStablecoin.StablecoinInvalidMinterLimits(
                config.perTxCap,
                config.windowLimit,
                config.windowSeconds
            );
        S.Layout storage $ = S.layout();
        if (_isFeedAttestor($.config.reserveFeed, minter)) revert IHkdStablecoin.StablecoinMinterIsAttestor(minter);
        // The current window's count is kept so that re-configuring cannot reset the rate limit.
        S.MinterState storage st = $.minterStates[minter];
        st.allowance = config.allowance;
        if (st.windowMinted > config.windowLimit) st.windowMinted = config.windowLimit;
        $.minterLimits[minter] = S.MinterLimits({
            perTxCap: config.perTxCap,
            windowLimit: config.windowLimit,
            windowSeconds: config.windowSeconds,
            active: true
        });
        emit IHkdStablecoin.MinterConfigured(
            minter,
            config.allowance,
            config.perTxCap,
            config.windowLimit,
            config.windowSeconds
        );
    }

    /// @notice See IHkdStablecoin.removeMinter.
    /// @param minter The minter.
    function removeMinter(address minter) external onlyDelegateCall onlyRole(_MASTER_MINTER_ROLE) {
        S.Layout storage $ = S.layout();
        if (!$.minterLimits[minter].active) revert IHkdStablecoin.StablecoinNotMinter(minter);
        delete $.minterLimits[minter];
        delete $.minterStates[minter];
        emit IHkdStablecoin.MinterRemoved(minter);
    }

    /// @notice See IHkdStablecoin.scheduleReservePolicy.
    /// @param policy The new policy.
    /// @return executableAt When it may be executed.
    function scheduleReservePolicy(
        IHkdStablecoin.ReservePolicy calldata policy
    ) external onlyDelegateCall onlyRole(_DEFAULT_ADMIN_ROLE) returns (uint256 executableAt) {
        _validatePolicy(policy);
        S.Layout storage $ = S.layout();
        S.Config memory c = $.config;
        bool loosening =
            policy.feed != c.reserveFeed ||
                (c.reserveCheckEnabled && !policy.enabled) ||
                policy.marginBps < c.marginBps ||
                policy.maxAgeSeconds > c.maxAgeSeconds ||
                policy.delaySeconds < $.policyDelaySeconds;
        executableAt = loosening ? block.timestamp + $.policyDelaySeconds : block.timestamp;
        $.scheduledPolicy = policy;
        $.scheduledPolicyAt = executableAt;
        emit IHkdStablecoin.ReservePolicyScheduled(policy, executableAt, loosening);
    }

    /// @notice See IHkdStablecoin.executeReservePolicy.
    function executeReservePolicy() external onlyDelegateCall onlyRole(_DEFAULT_ADMIN_ROLE) {
        S.Layout storage $ = S.layout();
        uint256 at = $.scheduledPolicyAt;
        if (at == 0) revert IHkdStablecoin.StablecoinNoScheduledPolicy();
        if (block.timestamp < at) revert IHkdStablecoin.StablecoinPolicyNotReady(at, block.timestamp);
        IHkdStablecoin.ReservePolicy memory policy = $.scheduledPolicy;
        delete $.scheduledPolicy;
        delete $.scheduledPolicyAt;
        // Decimals are read again: the feed is external and only trusted once the change takes effect.
        _applyPolicy(policy, _validatePolicy(policy));
    }

    /// @notice See IHkdStablecoin.cancelReservePolicy.
    function cancelReservePolicy() external onlyDelegateCall onlyRole(_DEFAULT_ADMIN_ROLE) {
        S.Layout storage $ = S.layout();
        if ($.scheduledPolicyAt == 0) revert IHkdStablecoin.StablecoinNoScheduledPolicy();
        IHkdStablecoin.ReservePolicy memory policy = $.scheduledPolicy;
        delete $.scheduledPolicy;
        delete $.scheduledPolicyAt;
        emit IHkdStablecoin.ReservePolicyCancelled(policy);
    }

    /// @notice See IHkdStablecoin.seize.
    /// @param from The frozen account.
    /// @param to The custodian.
    /// @param amount The amount.
    /// @param orderHash Hash of the court order.
    function seize(address from, address to, uint256 amount, bytes32 orderHash) external onlyDelegateCall {
        _checkSeizer();
        if (!S.layout().accounts[from].frozen) revert IHkdStablecoin.StablecoinAccountNotFrozen(from);
        if (to == address(0) || to == address(this)) revert IERC20Errors.ERC20InvalidReceiver(to);
        if (amount == 0) revert IHkdStablecoin.StablecoinInvalidAmount(0);
        S.update(from, to, amount, false, true);
        emit IHkdStablecoin.Seized(from, to, amount, orderHash);
    }

    /// @notice See IHkdStablecoin.rescueERC20 (no state is written; the untrusted token is called last).
    /// @param token The foreign token.
    /// @param to Recipient.
    /// @param amount Amount.
    function rescueERC20(address token, address to, uint256 amount) external onlyDelegateCall onlyRole(_RESCUER_ROLE) {
        if (token == address(this)) revert IHkdStablecoin.StablecoinCannotRescueSelf();
        if (to == address(0)) revert IHkdStablecoin.StablecoinZeroAddress();
        emit IHkdStablecoin.Rescued(token, to, amount);
        IERC20(token).safeTransfer(to, amount);
    }

    /// @notice See IHkdStablecoin.requestRedemption.
    /// @param amount Amount to redeem.
    /// @param bankRef Reference of the holder's bank instruction.
    /// @return id The request id.
    function requestRedemption(uint256 amount, bytes32 bankRef) external onlyDelegateCall returns (uint256 id) {
        S.Layout storage $ = S.layout();
        if ($.config.pausedScopes & S.PAUSE_REDEMPTIONS != 0) {
            revert IHkdStablecoin.StablecoinPaused(S.PAUSE_REDEMPTIONS);
        }
        if (amount == 0 || amount > type(uint96).max) revert IHkdStablecoin.StablecoinInvalidAmount(amount);
        uint16 feeBps = $.redemptionFeeBps;
        uint256 dueAt = S.dueTime(block.timestamp);
        // Cannot overflow: 2^64 requests would cost more gas than exists.
        unchecked {
            id = ++$.redemptionCount;
        }
        // Casts are safe: amount < 2^96 (checked); times fit 40 bits until the year 36812.
        $.redemptions[id] = IHkdStablecoin.Redemption({
            holder: msg.sender,
            amount: uint96(amount),
            requestedAt: uint40(block.timestamp),
            dueAt: uint40(dueAt),
            feeBps: feeBps,
            status: IHkdStablecoin.RedemptionStatus.Pending
        });
        // Escrow: the holder's tokens move to the token's own address; a frozen holder is refused here.
        S.update(msg.sender, address(this), amount, false, false);
        emit IHkdStablecoin.RedemptionRequested(id, msg.sender, amount, (amount * feeBps) / _BPS, bankRef, dueAt);
    }

    /// @notice See IHkdStablecoin.fulfil.
    /// @param id The request.
    /// @param fiatRef Reference of the bank payment.
    function fulfil(uint256 id, bytes32 fiatRef) external onlyDelegateCall onlyRole(_REDEMPTION_OPERATOR_ROLE) {
        S.Layout storage $ = S.layout();
        if ($.config.pausedScopes & S.PAUSE_REDEMPTIONS != 0) {
            revert IHkdStablecoin.StablecoinPaused(S.PAUSE_REDEMPTIONS);
        }
        IHkdStablecoin.Redemption storage r = _pending(id);
        address holder = r.holder;
        if ($.accounts[holder].frozen) revert IHkdStablecoin.StablecoinAccountFrozen(holder);
        uint256 amount = r.amount;
        uint256 fee = (amount * r.feeBps) / _BPS;
        r.status = IHkdStablecoin.RedemptionStatus.Fulfilled;
        S.update(address(this), address(0), amount, false, false);
        emit IHkdStablecoin.RedemptionFulfilled(id, holder, amount, amount - fee, fiatRef);
    }

    /// @notice See IHkdStablecoin.reject.
    /// @param id The request.
    /// @param reason Reason code.
    function reject(uint256 id, bytes32 reason) external onlyDelegateCall onlyRole(_REDEMPTION_OPERATOR_ROLE) {
        IHkdStablecoin.Redemption storage r = _pending(id);
        address holder = r.holder;
        uint256 amount = r.amount;
        r.status = IHkdStablecoin.RedemptionStatus.Rejected;
        // A frozen holder cannot receive: update() reverts StablecoinAccountFrozen (ADR 0014).
        S.update(address(this), holder, amount, false, false);
        emit IHkdStablecoin.RedemptionRejected(id, holder, amount, reason);
    }

    /// @notice See IHkdStablecoin.seizeRedemption.
    /// @param id The request.
    /// @param to The custodian.
    /// @param orderHash Hash of the court order.
    function seizeRedemption(uint256 id, address to, bytes32 orderHash) external onlyDelegateCall {
        _checkSeizer();
        IHkdStablecoin.Redemption storage r = _pending(id);
        address holder = r.holder;
        if (!S.layout().accounts[holder].frozen) revert IHkdStablecoin.StablecoinAccountNotFrozen(holder);
        if (to == address(0) || to == address(this)) revert IERC20Errors.ERC20InvalidReceiver(to);
        uint256 amount = r.amount;
        r.status = IHkdStablecoin.RedemptionStatus.Seized;
        S.update(address(this), to, amount, false, false);
        emit IHkdStablecoin.RedemptionSeized(id, holder, to, amount, orderHash);
    }

    /// @notice See IHkdStablecoin.setRedemptionFee.
    /// @param feeBps New rate.
    function setRedemptionFee(uint16 feeBps) external onlyDelegateCall onlyRole(_DEFAULT_ADMIN_ROLE) {
        if (feeBps > _MAX_REDEMPTION_FEE_BPS) {
            revert IHkdStablecoin.StablecoinRedemptionFeeTooHigh(feeBps, _MAX_REDEMPTION_FEE_BPS);
        }
        S.layout().redemptionFeeBps = feeBps;
        emit IHkdStablecoin.RedemptionFeeSet(feeBps);
    }

    /// @notice See IHkdStablecoin.setRedemptionCutoff.
    /// @param cutoffSeconds New cut-off.
    function setRedemptionCutoff(uint32 cutoffSeconds) external onlyDelegateCall onlyRole(_DEFAULT_ADMIN_ROLE) {
        _setCutoff(cutoffSeconds);
    }

    /// @notice See IHkdStablecoin.setHolidays.
    /// @param dayNumbers The days.
    /// @param holiday Holiday or not.
    function setHolidays(
        uint32[] calldata dayNumbers,
        bool holiday
    ) external onlyDelegateCall onlyRole(_DEFAULT_ADMIN_ROLE) {
        S.Layout storage $ = S.layout();
        for (uint256 i = 0; i < dayNumbers.length; ++i) {
            $.holidays[dayNumbers[i]] = holiday;
            emit IHkdStablecoin.HolidaySet(dayNumbers[i], holiday);
        }
    }

    /// @notice See IHkdStablecoin.burn.
    /// @param amount Amount in 6-decimal units.
    function burn(uint256 amount) external onlyDelegateCall {
        if (!S.layout().minterLimits[msg.sender].active) revert IHkdStablecoin.StablecoinNotMinter(msg.sender);
        if (amount == 0) revert IHkdStablecoin.StablecoinInvalidAmount(0);
        S.update(msg.sender, address(0), amount, false, false);
        emit IHkdStablecoin.Burnt(msg.sender, amount);
    }

    /// @notice See IHkdStablecoin.pause.
    /// @param scopes Bit set of scopes.
    function pause(uint8 scopes) external onlyDelegateCall onlyRole(_PAUSER_ROLE) {
        _checkScopes(scopes);
        S.layout().config.pausedScopes |= scopes;
        emit IHkdStablecoin.ScopesPaused(msg.sender, scopes);
    }

    /// @notice See IHkdStablecoin.unpause.
    /// @param scopes Bit set of scopes.
    function unpause(uint8 scopes) external onlyDelegateCall onlyRole(_DEFAULT_ADMIN_ROLE) {
        _checkScopes(scopes);
        S.layout().config.pausedScopes &= ~scopes;
        emit IHkdStablecoin.ScopesUnpaused(msg.sender, scopes);
    }

    /// @notice See IHkdStablecoin.freeze.
    /// @param account The account.
    function freeze(address account) external onlyDelegateCall onlyRole(_COMPLIANCE_ROLE) {
        if (account == address(0) || account == address(this)) revert IHkdStablecoin.StablecoinZeroAddress();
        S.layout().accounts[account].frozen = true;
        emit IHkdStablecoin.AccountFrozen(account);
    }

    /// @notice See IHkdStablecoin.unfreeze.
    /// @param account The account.
    function unfreeze(address account) external onlyDelegateCall onlyRole(_COMPLIANCE_ROLE) {
        S.layout().accounts[account].frozen = false;
        emit IHkdStablecoin.AccountUnfrozen(account);
    }

    /// @notice See IHkdStablecoin.setAllowlisted.
    /// @param account The account.
    /// @param allowed Allowlisted or not.
    function setAllowlisted(address account, bool allowed) external onlyDelegateCall onlyRole(_COMPLIANCE_ROLE) {
        if (account == address(0)) revert IHkdStablecoin.StablecoinZeroAddress();
        S.layout().accounts[account].allowlisted = allowed;
        emit IHkdStablecoin.AllowlistUpdated(account, allowed);
    }

    /// @notice See IHkdStablecoin.setAllowlistMode.
    /// @param enabled Allowlist mode on or off.
    function setAllowlistMode(bool enabled) external onlyDelegateCall onlyRole(_DEFAULT_ADMIN_ROLE) {
        S.layout().config.allowlistMode = enabled;
        emit IHkdStablecoin.AllowlistModeChanged(enabled);
    }

    function _forwardToViews(bytes calldata input) private returns (bytes memory) {
        _checkDelegateCall();
        return Address.functionDelegateCall(_VIEWS, input);
    }

    function _applyPolicy(IHkdStablecoin.ReservePolicy memory policy, uint8 feedDecimals) private {
        S.Layout storage $ = S.layout();
        S.Config storage c = $.config;
        c.reserveFeed = policy.feed;
        c.feedDecimals = feedDecimals;
        c.reserveCheckEnabled = policy.enabled;
        c.marginBps = policy.marginBps;
        c.maxAgeSeconds = policy.maxAgeSeconds;
        $.policyDelaySeconds = policy.delaySeconds;
        emit IHkdStablecoin.ReservePolicyChanged(policy, feedDecimals);
    }

    function _setCutoff(uint32 cutoffSeconds) private {
        if (cutoffSeconds == 0 || cutoffSeconds > 1 days) revert IHkdStablecoin.StablecoinInvalidCutoff(cutoffSeconds);
        S.layout().cutoffSeconds = cutoffSeconds;
        emit IHkdStablecoin.RedemptionCutoffSet(cutoffSeconds);
    }

    function _validatePolicy(IHkdStablecoin.ReservePolicy memory policy) private view returns (uint8 feedDecimals) {
        if (
            policy.feed == address(0) ||
            policy.marginBps > _MAX_MARGIN_BPS ||
            policy.maxAgeSeconds == 0 ||
            policy.delaySeconds < _MIN_POLICY_DELAY ||
            policy.delaySeconds > _MAX_POLICY_DELAY
        ) revert IHkdStablecoin.StablecoinInvalidReservePolicy(policy);
        feedDecimals = AggregatorV3Interface(policy.feed).decimals();
        if (feedDecimals > 36) revert IHkdStablecoin.StablecoinInvalidReservePolicy(policy);
    }

    function _pending(uint256 id) private view returns (IHkdStablecoin.Redemption storage r) {
        r = S.layout().redemptions[id];
        if (r.status != IHkdStablecoin.RedemptionStatus.Pending) {
            revert IHkdStablecoin.StablecoinRedemptionNotPending(id, r.status);
        }
    }

    function _checkDelegateCall() private view {
        if (address(this) == _SELF) revert IHkdStablecoin.StablecoinOpsDirectCall();
    }

    /// @dev Asks the token (this proxy) itself, so the roles live in one place: the proxy's AccessControl storage.
    function _checkRole(bytes32 role) private view {
        if (!IAccessControl(address(this)).hasRole(role, msg.sender)) {
            revert IAccessControl.AccessControlUnauthorizedAccount(msg.sender, role);
        }
    }

    function _checkSeizer() private view {
        IAccessControl self = IAccessControl(address(this));
        if (!self.hasRole(_SEIZER_ROLE, msg.sender) && !self.hasRole(_DEFAULT_ADMIN_ROLE, msg.sender)) {
            revert IHkdStablecoin.StablecoinUnauthorizedSeizer(msg.sender);
        }
    }

    /// @dev Whether `account` holds ATTESTOR_ROLE on `feed`. A feed without `hasRole` (a Chainlink aggregator) answers
    ///      false: the static call fails or returns no 32-byte word.
    function _isFeedAttestor(address feed, address account) private view returns (bool) {
        // solhint-disable-next-line avoid-low-level-calls
        (bool ok, bytes memory ret) = feed.staticcall(
            abi.encodeCall(IAccessControl.hasRole, (_ATTESTOR_ROLE, account))
        );
        return ok && ret.length == 32 && abi.decode(ret, (uint256)) == 1;
    }

    function _checkScopes(uint8 scopes) private pure {
        if (scopes == 0 || scopes & ~S.ALL_SCOPES != 0) revert IHkdStablecoin.StablecoinInvalidScopes(scopes);
    }
}
