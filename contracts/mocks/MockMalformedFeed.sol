// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title MockMalformedFeed
/// @notice TEST ONLY. A hostile "feed": every call it does not know (such as `latestRoundData`) returns the raw
///         bytes set with `setPayload` (short, oversized or with dirty high bits), or burns all the gas it is given.
/// @custom:security-contact security@bauhinia.dev
contract MockMalformedFeed {
    bytes private _payload;
    bool private _burnGas;

    /// @notice Answers any other call with the payload (or burns the gas).
    /// @return The raw payload.
    // solhint-disable-next-line no-complex-fallback
    fallback(bytes calldata) external returns (bytes memory) {
        if (_burnGas) {
            uint256 spin = 0;
            while (true) {
                spin += 1;
            }
        }
        return _payload;
    }

    /// @notice Sets the raw bytes every unknown call returns.
    /// @param payload The bytes.
    function setPayload(bytes calldata payload) external {
        _payload = payload;
    }

    /// @notice Makes every unknown call loop until it runs out of gas.
    /// @param burn Whether to burn gas.
    function setBurnGas(bool burn) external {
        _burnGas = burn;
    }
}
