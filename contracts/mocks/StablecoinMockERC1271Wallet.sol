// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/// @title StablecoinMockERC1271Wallet
/// @notice TEST ONLY: a contract wallet that accepts a hash when its owner EOA signed it (ERC-1271), or any hash
///         when `acceptAll` is set, to test the stablecoin's contract-wallet signatures.
contract StablecoinMockERC1271Wallet is IERC1271 {
    address public immutable OWNER;
    bool public acceptAll;

    constructor(address owner_) {
        OWNER = owner_;
    }

    /// @notice Makes the wallet accept (or stop accepting) any signature.
    function setAcceptAll(bool accept) external {
        acceptAll = accept;
    }

    /// @inheritdoc IERC1271
    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        if (acceptAll) return IERC1271.isValidSignature.selector;
        (address recovered, ECDSA.RecoverError err, ) = ECDSA.tryRecover(hash, signature);
        return err == ECDSA.RecoverError.NoError && recovered == OWNER ? IERC1271.isValidSignature.selector : bytes4(0);
    }
}
