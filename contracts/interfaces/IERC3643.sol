// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";

import {ICompliance} from "./ICompliance.sol";
import {IIdentityRegistry} from "./IIdentityRegistry.sol";

/// @title IERC3643
/// @notice The ERC-3643 (T-REX) permissioned-token surface with its standard function names and events, so that
///         integrators who know ERC-3643 can drive a Bauhinia security token unchanged.
/// @dev Differences from the T-REX reference are documented in docs/adr/0020 to 0024: the
///      identity registry holds packed investor records instead of ONCHAINID claims, `compliance()` may be the zero
///      address (the common rules are built into the token), and refusals are custom errors naming the rule.
interface IERC3643 is IERC20Metadata {
    /// @notice Emitted when name, symbol, decimals, version or onchain id are set.
    event UpdatedTokenInformation(
        string newName,
        string newSymbol,
        uint8 newDecimals,
        string newVersion,
        address newOnchainID
    );
    /// @notice Emitted after the identity registry was set.
    event IdentityRegistryAdded(address indexed identityRegistry);
    /// @notice Emitted after the (extension) compliance was set; the zero address means none.
    event ComplianceAdded(address indexed compliance);
    /// @notice Emitted after a lost wallet's balance and freeze state moved to the investor's new wallet.
    /// @param investorOnchainID The investor reference: `address(uint160(investorId))` (ADR 0021).
    event RecoverySuccess(address indexed lostWallet, address indexed newWallet, address indexed investorOnchainID);
    /// @notice Emitted after `userAddress` was frozen or unfrozen by `owner` (the agent).
    event AddressFrozen(address indexed userAddress, bool indexed isFrozen, address indexed owner);
    /// @notice Emitted after `amount` of `userAddress`'s tokens were frozen.
    event TokensFrozen(address indexed userAddress, uint256 amount);
    /// @notice Emitted after `amount` of `userAddress`'s tokens were unfrozen.
    event TokensUnfrozen(address indexed userAddress, uint256 amount);
    /// @notice Emitted after `userAddress` paused investor transfers.
    event Paused(address userAddress);
    /// @notice Emitted after `userAddress` unpaused investor transfers.
    event Unpaused(address userAddress);

    /// @notice Sets the token name. Needs DEFAULT_ADMIN_ROLE.
    function setName(string calldata name) external;

    /// @notice Sets the token symbol. Needs DEFAULT_ADMIN_ROLE.
    function setSymbol(string calldata symbol) external;

    /// @notice Sets the issuer's onchain id (any address, 0 for none). Needs DEFAULT_ADMIN_ROLE.
    function setOnchainID(address onchainID) external;

    /// @notice Stops investor-to-investor transfers. Needs AGENT_ROLE.
    function pause() external;

    /// @notice Resumes investor-to-investor transfers. Needs AGENT_ROLE.
    function unpause() external;

    /// @notice Freezes or unfreezes a whole wallet. Needs AGENT_ROLE.
    function setAddressFrozen(address userAddress, bool freeze) external;

    /// @notice Freezes `amount` more of `userAddress`'s tokens. Needs AGENT_ROLE. Reverts above the balance.
    function freezePartialTokens(address userAddress, uint256 amount) external;

    /// @notice Unfreezes `amount` of `userAddress`'s frozen tokens. Needs AGENT_ROLE.
    function unfreezePartialTokens(address userAddress, uint256 amount) external;

    /// @notice Sets the identity registry. Needs DEFAULT_ADMIN_ROLE.
    function setIdentityRegistry(address identityRegistry) external;

    /// @notice Sets the extension compliance (0 for none). Needs COMPLIANCE_ADMIN_ROLE.
    function setCompliance(address compliance) external;

    /// @notice Moves `amount` from `from` to `to` on the agent's authority. Needs AGENT_ROLE.
    /// @return success Always true (reverts otherwise).
    function forcedTransfer(address from, address to, uint256 amount) external returns (bool success);

    /// @notice Issues `amount` to `to`. Needs AGENT_ROLE.
    function mint(address to, uint256 amount) external;

    /// @notice Destroys `amount` of `userAddress`'s tokens. Needs AGENT_ROLE.
    function burn(address userAddress, uint256 amount) external;

    /// @notice Moves the whole balance and freeze state of `lostWallet` to `newWallet`. Needs AGENT_ROLE.
    /// @param investorOnchainID Must equal `address(uint160(investorId))` of the lost wallet's investor.
    /// @return success Always true (reverts otherwise).
    function recoveryAddress(
        address lostWallet,
        address newWallet,
        address investorOnchainID
    ) external returns (bool success);

    /// @notice Several investor transfers from the caller in one call.
    function batchTransfer(address[] calldata toList, uint256[] calldata amounts) external;

    /// @notice Several forced transfers. Needs AGENT_ROLE.
    function batchForcedTransfer(
        address[] calldata fromList,
        address[] calldata toList,
        uint256[] calldata amounts
    ) external;

    /// @notice Several mints. Needs AGENT_ROLE.
    function batchMint(address[] calldata toList, uint256[] calldata amounts) external;

    /// @notice Several burns. Needs AGENT_ROLE.
    function batchBurn(address[] calldata userAddresses, uint256[] calldata amounts) external;

    /// @notice Several wallet freezes or unfreezes. Needs AGENT_ROLE.
    function batchSetAddressFrozen(address[] calldata userAddresses, bool[] calldata freeze) external;

    /// @notice Several partial freezes. Needs AGENT_ROLE.
    function batchFreezePartialTokens(address[] calldata userAddresses, uint256[] calldata amounts) external;

    /// @notice Several partial unfreezes. Needs AGENT_ROLE.
    function batchUnfreezePartialTokens(address[] calldata userAddresses, uint256[] calldata amounts) external;

    /// @notice The issuer's onchain id (0 when none).
    function onchainID() external view returns (address onchainId);

    /// @notice Implementation version.
    function version() external view returns (string memory tokenVersion);

    /// @notice The identity registry.
    function identityRegistry() external view returns (IIdentityRegistry registry);

    /// @notice The extension compliance (0 when none; the common rules are built in).
    function compliance() external view returns (ICompliance tokenCompliance);

    /// @notice Whether investor transfers are paused.
    function paused() external view returns (bool isPaused);

    /// @notice Whether `userAddress` is frozen.
    function isFrozen(address userAddress) external view returns (bool frozen);

    /// @notice Frozen part of `userAddress`'s balance.
    function getFrozenTokens(address userAddress) external view returns (uint256 frozenAmount);
}
