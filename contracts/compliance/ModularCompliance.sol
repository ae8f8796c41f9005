// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// solhint-disable-next-line max-line-length
import {AccessControlDefaultAdminRules} from "@openzeppelin/contracts/access/extensions/AccessControlDefaultAdminRules.sol";

import {ICompliance} from "../interfaces/ICompliance.sol";
import {IComplianceModule} from "../interfaces/IComplianceModule.sol";

/// @title ModularCompliance
/// @notice ERC-3643 compliance bound to one security token: a bounded, ordered list of extra rule modules that the
///         issuer adds after the token is live, without redeploying it. The token's common rules (country, class,
///         holders, balance, lock-ups, supply cap) are built into the token and evaluated from packed storage
///         (ADR 0023); this contract carries the rest.
/// @dev Roles: DEFAULT_ADMIN_ROLE (two-step, delayed); COMPLIANCE_ADMIN_ROLE binds the token and adds/removes modules.
///      Invariants (test/compliance/ModularCompliance.test.ts, docs/threat-model.md):
///       INV-SEC-8  at most MAX_MODULES modules, each at most once; only the bound token calls `transferred`
///      Not behind a proxy: it holds only the module list; replacing it is `token.setCompliance(new)`.
/// @custom:security-contact security@bauhinia.dev
contract ModularCompliance is ICompliance, AccessControlDefaultAdminRules {
    /// @notice Role that binds the token and edits the module list: keccak256("COMPLIANCE_ADMIN_ROLE").
    bytes32 public constant COMPLIANCE_ADMIN_ROLE = keccak256("COMPLIANCE_ADMIN_ROLE");
    /// @notice Most modules in the list (bounds every loop over it).
    uint256 public constant MAX_MODULES = 8;

    address private _token;
    IComplianceModule[] private _modules;

    /// @param initialDelay Delay of a default-admin handover, in seconds.
    /// @param initialAdmin Default admin.
    constructor(uint48 initialDelay, address initialAdmin) AccessControlDefaultAdminRules(initialDelay, initialAdmin) {}

    /// @inheritdoc ICompliance
    function bindToken(address token) external onlyRole(COMPLIANCE_ADMIN_ROLE) {
        if (_token != address(0) || token == address(0)) revert ComplianceTokenAlreadyBound(token);
        _token = token;
        emit TokenBound(token);
    }

    /// @inheritdoc ICompliance
    function addModule(IComplianceModule module) external onlyRole(COMPLIANCE_ADMIN_ROLE) {
        uint256 length = _modules.length;
        if (length >= MAX_MODULES) revert ComplianceTooManyModules(MAX_MODULES);
        if (address(module) == address(0)) revert ComplianceModuleInvalid(address(module));
        for (uint256 i = 0; i < length; ++i) {
            if (_modules[i] == module) revert ComplianceModuleInvalid(address(module));
        }
        _modules.push(module);
        emit ModuleAdded(address(module));
    }

    /// @inheritdoc ICompliance
    function removeModule(IComplianceModule module) external onlyRole(COMPLIANCE_ADMIN_ROLE) {
        uint256 length = _modules.length;
        for (uint256 i = 0; i < length; ++i) {
            if (_modules[i] == module) {
                // Keep evaluation order: shift the tail left (bounded by MAX_MODULES).
                for (uint256 j = i; j + 1 < length; ++j) _modules[j] = _modules[j + 1];
                _modules.pop();
                emit ModuleRemoved(address(module));
                return;
            }
        }
        revert ComplianceModuleNotFound(address(module));
    }

    /// @inheritdoc ICompliance
    function transferred(address from, address to, uint256 amount) external {
        address token = _token;
        if (msg.sender != token) revert ComplianceCallerNotToken(msg.sender, token);
        uint256 length = _modules.length;
        for (uint256 i = 0; i < length; ++i) _modules[i].transferred(token, from, to, amount);
    }

    /// @inheritdoc ICompliance
    function canTransfer(address from, address to, uint256 amount) external view returns (bool allowed) {
        (address module, , ) = checkTransfer(from, to, amount);
        return module == address(0);
    }

    /// @inheritdoc ICompliance
    function getTokenBound() external view returns (address token) {
        return _token;
    }

    /// @inheritdoc ICompliance
    function getModules() external view returns (address[] memory modules) {
        uint256 length = _modules.length;
        modules = new address[](length);
        for (uint256 i = 0; i < length; ++i) modules[i] = address(_modules[i]);
    }

    /// @inheritdoc ICompliance
    function checkTransfer(
        address from,
        address to,
        uint256 amount
    ) public view returns (address module, uint256 reasonCode, uint256 value) {
        uint256 length = _modules.length;
        for (uint256 i = 0; i < length; ++i) {
            (reasonCode, value) = _modules[i].checkTransfer(_token, from, to, amount);
            if (reasonCode != 0) return (address(_modules[i]), reasonCode, value);
        }
        return (address(0), 0, 0);
    }
}
