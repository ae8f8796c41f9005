// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IComplianceModule} from "../interfaces/IComplianceModule.sol";

/// @title MockComplianceModule
/// @notice TEST ONLY. A compliance module whose answer the test sets, and which counts `transferred` calls.
/// @custom:security-contact security@bauhinia.dev
contract MockComplianceModule is IComplianceModule {
    /// @notice Reason code returned by `checkTransfer` (0 = pass).
    uint256 public reasonCode;
    /// @notice Value returned with a refusal.
    uint256 public refusalValue;
    /// @notice Number of `transferred` calls.
    uint256 public transferredCalls;

    /// @notice Sets the answer of `checkTransfer`.
    function setRefusal(uint256 code, uint256 value) external {
        reasonCode = code;
        refusalValue = value;
    }

    /// @inheritdoc IComplianceModule
    function transferred(address, address, address, uint256) external {
        ++transferredCalls;
    }

    /// @inheritdoc IComplianceModule
    function checkTransfer(address, address, address, uint256) external view returns (uint256, uint256) {
        return (reasonCode, reasonCode == 0 ? 0 : refusalValue);
    }

    /// @inheritdoc IComplianceModule
    function name() external pure returns (string memory) {
        return "MockComplianceModule";
    }
}
