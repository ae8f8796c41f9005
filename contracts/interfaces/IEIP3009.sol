// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IEIP3009
/// @notice EIP-3009 "Transfer With Authorization": gasless payments authorised by an EIP-712 signature of the payer
///         and identified by a random 32-byte nonce (not a sequential one), so that many authorisations can be in
///         flight at once. Names, typehashes and events are the standard ones (as in Circle's FiatToken v2). Each
///         function exists in the standard `(v, r, s)` form and in a `bytes signature` form that also accepts
///         ERC-1271 contract-wallet signatures.
interface IEIP3009 {
    /// @notice Emitted when the authorisation `nonce` of `authorizer` was used.
    /// @param authorizer The payer who signed.
    /// @param nonce The authorisation nonce.
    event AuthorizationUsed(address indexed authorizer, bytes32 indexed nonce);

    /// @notice Emitted when `authorizer` cancelled the unused authorisation `nonce`.
    /// @param authorizer The payer who signed.
    /// @param nonce The authorisation nonce.
    event AuthorizationCanceled(address indexed authorizer, bytes32 indexed nonce);

    /// @notice The authorisation is not valid yet (`block.timestamp <= validAfter`).
    /// @param validAfter The signed lower bound.
    /// @param nowTimestamp The current block time.
    error EIP3009AuthorizationNotYetValid(uint256 validAfter, uint256 nowTimestamp);

    /// @notice The authorisation has expired (`block.timestamp >= validBefore`).
    /// @param validBefore The signed upper bound.
    /// @param nowTimestamp The current block time.
    error EIP3009AuthorizationExpired(uint256 validBefore, uint256 nowTimestamp);

    /// @notice The authorisation nonce was already used or cancelled.
    /// @param authorizer The payer.
    /// @param nonce The nonce.
    error EIP3009AuthorizationUsedOrCanceled(address authorizer, bytes32 nonce);

    /// @notice The signature is not a valid signature of `authorizer` over this authorisation (EOA or ERC-1271).
    /// @param authorizer The account the signature had to come from.
    error EIP3009InvalidSignature(address authorizer);

    /// @notice `receiveWithAuthorization` must be called by the payee `to` (front-running protection).
    /// @param caller The caller.
    /// @param payee The payee named in the authorisation.
    error EIP3009CallerMustBePayee(address caller, address payee);

    /// @notice Executes a transfer signed by `from`.
    /// @param from Payer (signer).
    /// @param to Payee.
    /// @param value Amount.
    /// @param validAfter The authorisation is valid strictly after this time.
    /// @param validBefore The authorisation is valid strictly before this time.
    /// @param nonce Unique 32-byte nonce chosen by the payer.
    /// @param v Signature v.
    /// @param r Signature r.
    /// @param s Signature s.
    function transferWithAuthorization(
        address from,
        address to,
        uint256 value,
        uint256 validAfter,
        uint256 validBefore,
        bytes32 nonce,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external;

    /// @notice As the `(v, r, s)` form, with a packed ECDSA signature or an ERC-1271 signature of a contract wallet.
    /// @param from Payer (signer).
    /// @param to Payee.
    /// @param value Amount.
    /// @param validAfter The authorisation is valid strictly after this time.
    /// @param validBefore The authorisation is valid strictly before this time.
    /// @param nonce Unique 32-byte nonce chosen by the payer.
    /// @param signature The signature.
    function transferWithAuthorization(
        address from,
        address to,
        uint256 value,
        uint256 validAfter,
        uint256 validBefore,
        bytes32 nonce,
        bytes calldata signature
    ) external;

    /// @notice Executes a transfer signed by `from`; only the payee `to` may submit it.
    /// @param from Payer (signer).
    /// @param to Payee, who must be the caller.
    /// @param value Amount.
    /// @param validAfter The authorisation is valid strictly after this time.
    /// @param validBefore The authorisation is valid strictly before this time.
    /// @param nonce Unique 32-byte nonce chosen by the payer.
    /// @param v Signature v.
    /// @param r Signature r.
    /// @param s Signature s.
    function receiveWithAuthorization(
        address from,
        address to,
        uint256 value,
        uint256 validAfter,
        uint256 validBefore,
        bytes32 nonce,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external;

    /// @notice As the `(v, r, s)` form, with a packed ECDSA signature or an ERC-1271 signature of a contract wallet.
    /// @param from Payer (signer).
    /// @param to Payee, who must be the caller.
    /// @param value Amount.
    /// @param validAfter The authorisation is valid strictly after this time.
    /// @param validBefore The authorisation is valid strictly before this time.
    /// @param nonce Unique 32-byte nonce chosen by the payer.
    /// @param signature The signature.
    function receiveWithAuthorization(
        address from,
        address to,
        uint256 value,
        uint256 validAfter,
        uint256 validBefore,
        bytes32 nonce,
        bytes calldata signature
    ) external;

    /// @notice Cancels the unused authorisation `nonce` of `authorizer`.
    /// @param authorizer The payer.
    /// @param nonce The nonce to cancel.
    /// @param v Signature v.
    /// @param r Signature r.
    /// @param s Signature s.
    function cancelAuthorization(address authorizer, bytes32 nonce, uint8 v, bytes32 r, bytes32 s) external;

    /// @notice As the `(v, r, s)` form, with a packed ECDSA signature or an ERC-1271 signature of a contract wallet.
    /// @param authorizer The payer.
    /// @param nonce The nonce to cancel.
    /// @param signature The signature.
    function cancelAuthorization(address authorizer, bytes32 nonce, bytes calldata signature) external;

    /// @notice Whether the authorisation `nonce` of `authorizer` was used or cancelled.
    /// @param authorizer The payer.
    /// @param nonce The nonce.
    /// @return used True once used or cancelled.
    function authorizationState(address authorizer, bytes32 nonce) external view returns (bool used);
}
