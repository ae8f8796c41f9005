// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IComplianceModule} from "./IComplianceModule.sol";

/// @title ICompliance
/// @notice ERC-3643 compliance bound to one security token: a bounded, ordered list of `IComplianceModule`s that the
///         issuer can extend after the token is live, without redeploying it.
/// @dev The common rules (country, class, holders, balance, lock-ups, supply cap) are evaluated inside the token from
///      packed storage (ADR 0023); this contract carries the rules added later. The token calls `checkTransfer`
///      before and `transferred` after each balance change only while a compliance is set.
interface ICompliance {
    /// @notice Emitted after `token` was bound (ERC-3643 name).
    event TokenBound(address indexed token);
    /// @notice Emitted after `module` was appended (ERC-3643 name).
    event ModuleAdded(address indexed module);
    /// @notice Emitted after `module` was removed (ERC-3643 name).
    event ModuleRemoved(address indexed module);

    /// @notice `caller` is not the bound token.
    error ComplianceCallerNotToken(address caller, address token);
    /// @notice A token is already bound, or `token` is the zero address.
    error ComplianceTokenAlreadyBound(address token);
    /// @notice `module` is the zero address or already in the list.
    error ComplianceModuleInvalid(address module);
    /// @notice `module` is not in the list.
    error ComplianceModuleNotFound(address module);
    /// @notice The list already holds `maxModules` modules.
    error ComplianceTooManyModules(uint256 maxModules);

    /// @notice Binds the token (once).
    /// @dev Needs COMPLIANCE_ADMIN_ROLE.
    function bindToken(address token) external;

    /// @notice Appends `module` to the list (at most `MAX_MODULES`).
    /// @dev Needs COMPLIANCE_ADMIN_ROLE.
    function addModule(IComplianceModule module) external;

    /// @notice Removes `module` from the list.
    /// @dev Needs COMPLIANCE_ADMIN_ROLE.
    function removeModule(IComplianceModule module) external;

    /// @notice Forwards a completed balance change to every module. Only the bound token may call.
    function transferred(address from, address to, uint256 amount) external;

    /// @notice First module that refuses the transfer, with its reason; module 0 when all pass.
    function checkTransfer(
        address from,
        address to,
        uint256 amount
    ) external view returns (address module, uint256 reasonCode, uint256 value);

    /// @notice Whether every module accepts the transfer (ERC-3643 `canTransfer`).
    function canTransfer(address from, address to, uint256 amount) external view returns (bool allowed);

    /// @notice The bound token (ERC-3643 name).
    function getTokenBound() external view returns (address token);

    /// @notice The modules, in evaluation order (ERC-3643 name).
    function getModules() external view returns (address[] memory modules);
}
