// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// solhint-disable-next-line max-line-length
import {AccessControlDefaultAdminRules} from "@openzeppelin/contracts/access/extensions/AccessControlDefaultAdminRules.sol";

import {IComplianceModule} from "../../interfaces/IComplianceModule.sol";

/// @title TransferLimitModule
/// @notice Example rule added after launch: investor-to-investor transfers of one token may not exceed a per-day
///         volume per sending wallet (mints are not limited). Stateful: it counts volume in `transferred`.
/// @dev Roles: DEFAULT_ADMIN_ROLE (two-step, delayed) sets limits. Reason code 1 = daily limit exceeded, value =
///      the limit. Days are UTC days (`block.timestamp / 1 days`). Only a compliance that the admin authorised may
///      report transfers.
/// @custom:security-contact security@bauhinia.dev
contract TransferLimitModule is IComplianceModule, AccessControlDefaultAdminRules {
    /// @notice Reason code for "daily volume limit exceeded".
    uint256 public constant REASON_DAILY_LIMIT = 1;

    mapping(address token => uint256 limit) private _dailyLimit;
    mapping(address token => mapping(address wallet => mapping(uint256 day => uint256 volume))) private _volume;
    mapping(address compliance => bool authorised) private _compliances;

    /// @notice Emitted after `token`'s daily limit per wallet was set (0 = unlimited).
    event DailyLimitSet(address indexed token, uint256 limit);
    /// @notice Emitted after `compliance` was (de)authorised to report transfers.
    event ComplianceAuthorised(address indexed compliance, bool authorised);

    /// @notice `caller` is not an authorised compliance.
    error TransferLimitUnauthorisedCaller(address caller);

    /// @param initialDelay Delay of a default-admin handover, in seconds.
    /// @param initialAdmin Default admin.
    constructor(uint48 initialDelay, address initialAdmin) AccessControlDefaultAdminRules(initialDelay, initialAdmin) {}

    /// @notice Sets `token`'s daily limit per sending wallet (0 = unlimited).
    function setDailyLimit(address token, uint256 limit) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _dailyLimit[token] = limit;
        emit DailyLimitSet(token, limit);
    }

    /// @notice Authorises `compliance` to report transfers.
    function setCompliance(address compliance, bool authorised) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _compliances[compliance] = authorised;
        emit ComplianceAuthorised(compliance, authorised);
    }

    /// @inheritdoc IComplianceModule
    function transferred(address token, address from, address to, uint256 amount) external {
        if (!_compliances[msg.sender]) revert TransferLimitUnauthorisedCaller(msg.sender);
        if (from == address(0) || to == address(0)) return;
        _volume[token][from][block.timestamp / 1 days] += amount;
    }

    /// @inheritdoc IComplianceModule
    function checkTransfer(
        address token,
        address from,
        address,
        uint256 amount
    ) external view returns (uint256 reasonCode, uint256 value) {
        uint256 limit = _dailyLimit[token];
        if (limit == 0 || from == address(0)) return (0, 0);
        if (_volume[token][from][block.timestamp / 1 days] + amount > limit) return (REASON_DAILY_LIMIT, limit);
        return (0, 0);
    }

    /// @notice Volume `wallet` sent today in `token`.
    function volumeToday(address token, address wallet) external view returns (uint256 volume) {
        return _volume[token][wallet][block.timestamp / 1 days];
    }

    /// @inheritdoc IComplianceModule
    function name() external pure returns (string memory moduleName) {
        return "TransferLimitModule";
    }
}
