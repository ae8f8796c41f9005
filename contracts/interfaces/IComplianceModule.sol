// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IComplianceModule
/// @notice One extra transfer rule plugged into a `ModularCompliance` after the token is live (rules the token does
///         not build in). A module answers a view check with a reason code and may keep state through `transferred`.
/// @dev Unlike ERC-3643's `moduleCheck` (a bare bool), a refusal carries a module-defined non-zero reason code and a
///      value, which the token reports in `ComplianceModuleRefused(module, reasonCode, value)`.
interface IComplianceModule {
    /// @notice Called by the compliance after every balance change of `token` (mint: `from` 0, burn: `to` 0),
    ///         including agent actions, so stateful modules stay exact.
    function transferred(address token, address from, address to, uint256 amount) external;

    /// @notice Checks a balance change of `token` (`from` 0 for a mint).
    /// @param token The security token.
    /// @param from Sender (0 for a mint).
    /// @param to Receiver.
    /// @param amount Amount in the token's smallest unit.
    /// @return reasonCode 0 when the transfer passes, otherwise a module-defined code.
    /// @return value The value that made it fail (e.g. the limit), 0 when it passes.
    function checkTransfer(
        address token,
        address from,
        address to,
        uint256 amount
    ) external view returns (uint256 reasonCode, uint256 value);

    /// @notice Human-readable module name.
    function name() external view returns (string memory moduleName);
}
