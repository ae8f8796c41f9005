// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {HkdStablecoin} from "../stablecoin/HkdStablecoin.sol";

/// @title StablecoinV2Mock
/// @notice TEST ONLY: a second implementation to prove that upgrades keep the ERC-7201 state and need UPGRADER_ROLE.
contract StablecoinV2Mock is HkdStablecoin {
    constructor(address ops) HkdStablecoin(ops) {}

    /// @notice Implementation version.
    function version() external pure returns (uint256) {
        return 2;
    }
}
