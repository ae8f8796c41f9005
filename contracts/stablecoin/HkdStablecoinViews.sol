// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {AggregatorV3Interface} from "../interfaces/AggregatorV3Interface.sol";
import {IEIP3009} from "../interfaces/IEIP3009.sol";
import {IHkdStablecoin} from "../interfaces/IHkdStablecoin.sol";
import {HkdStablecoinStorage as S} from "./HkdStablecoinStorage.sol";

/// @title HkdStablecoinViews
/// @notice Read-only surface and the signature-based cold paths (bytes-signature permit, receiveWithAuthorization,
///         cancelAuthorization, bytes-signature transferWithAuthorization) of the HKD stablecoin, reached through the
///         token's fallback → HkdStablecoinOps' fallback → DELEGATECALL here (ADR 0010).
/// @dev Delegate-only: state-changing functions revert when called directly (StablecoinOpsDirectCall). No role is
///      needed for anything here: every path is authorised by a signature or is a view.
/// @custom:security-contact security@bauhinia.dev
contract HkdStablecoinViews {
    /// @notice See IHkdStablecoin.PAUSE_TRANSFERS.
    uint8 public constant PAUSE_TRANSFERS = S.PAUSE_TRANSFERS;
    /// @notice See IHkdStablecoin.PAUSE_MINTING.
    uint8 public constant PAUSE_MINTING = S.PAUSE_MINTING;
    /// @notice See IHkdStablecoin.PAUSE_REDEMPTIONS.
    uint8 public constant PAUSE_REDEMPTIONS = S.PAUSE_REDEMPTIONS;
    /// @notice See IHkdStablecoin.MAX_REDEMPTION_FEE_BPS (0.5 %).
    uint16 public constant MAX_REDEMPTION_FEE_BPS = 50;
    /// @notice See IHkdStablecoin.MAX_MARGIN_BPS (50 % of reserves).
    uint16 public constant MAX_MARGIN_BPS = 5_000;
    /// @notice See IHkdStablecoin.TRANSFER_WITH_AUTHORIZATION_TYPEHASH.
    bytes32 public constant TRANSFER_WITH_AUTHORIZATION_TYPEHASH = S.TRANSFER_WITH_AUTHORIZATION_TYPEHASH;
    /// @notice See IHkdStablecoin.RECEIVE_WITH_AUTHORIZATION_TYPEHASH.
    bytes32 public constant RECEIVE_WITH_AUTHORIZATION_TYPEHASH = S.RECEIVE_WITH_AUTHORIZATION_TYPEHASH;
    /// @notice See IHkdStablecoin.CANCEL_AUTHORIZATION_TYPEHASH.
    bytes32 public constant CANCEL_AUTHORIZATION_TYPEHASH = S.CANCEL_AUTHORIZATION_TYPEHASH;
    /// @notice See IHkdStablecoin.PERMIT_TYPEHASH.
    bytes32 public constant PERMIT_TYPEHASH = S.PERMIT_TYPEHASH;

    uint256 private constant _BPS = 10_000;

    address private immutable _SELF = address(this);

    modifier onlyDelegateCall() {
        if (address(this) == _SELF) revert IHkdStablecoin.StablecoinOpsDirectCall();
        _;
    }

    /// @notice See IHkdStablecoin.permit (bytes signature).
    /// @param owner Token owner (signer).
    /// @param spender Spender.
    /// @param value Allowance.
    /// @param deadline Last valid time.
    /// @param signature The signature.
    function permit(
        address owner,
        address spender,
        uint256 value,
        uint256 deadline,
        bytes calldata signature
    ) external onlyDelegateCall {
        S.permit(owner, spender, value, deadline, signature);
    }

    /// @notice See IEIP3009.transferWithAuthorization (bytes signature).
    /// @param from Payer (signer).
    /// @param to Payee.
    /// @param value Amount.
    /// @param validAfter Lower time bound (exclusive).
    /// @param validBefore Upper time bound (exclusive).
    /// @param nonce Authorisation nonce.
    /// @param signature The signature.
    function transferWithAuthorization(
        address from,
        address to,
        uint256 value,
        uint256 validAfter,
        uint256 validBefore,
        bytes32 nonce,
        bytes calldata signature
    ) external onlyDelegateCall {
        S.authorizedTransfer(
            S.TRANSFER_WITH_AUTHORIZATION_TYPEHASH,
            from,
            to,
            value,
            validAfter,
            validBefore,
            nonce,
            signature
        );
    }

    /// @notice See IEIP3009.receiveWithAuthorization.
    /// @param from Payer (signer).
    /// @param to Payee, who must be the caller.
    /// @param value Amount.
    /// @param validAfter Lower time bound (exclusive).
    /// @param validBefore Upper time bound (exclusive).
    /// @param nonce Authorisation nonce.
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
    ) external onlyDelegateCall {
        _receive(from, to, value, validAfter, validBefore, nonce, abi.encodePacked(r, s, v));
    }

    /// @notice See IEIP3009.receiveWithAuthorization (bytes signature).
    /// @param from Payer (signer).
    /// @param to Payee, who must be the caller.
    /// @param value Amount.
    /// @param validAfter Lower time bound (exclusive).
    /// @param validBefore Upper time bound (exclusive).
    /// @param nonce Authorisation nonce.
    /// @param signature The signature.
    function receiveWithAuthorization(
        address from,
        address to,
        uint256 value,
        uint256 validAfter,
        uint256 validBefore,
        bytes32 nonce,
        bytes calldata signature
    ) external onlyDelegateCall {
        _receive(from, to, value, validAfter, validBefore, nonce, signature);
    }

    /// @notice See IEIP3009.cancelAuthorization.
    /// @param authorizer The payer.
    /// @param nonce The nonce.
    /// @param v Signature v.
    /// @param r Signature r.
    /// @param s Signature s.
    function cancelAuthorization(
        address authorizer,
        bytes32 nonce,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external onlyDelegateCall {
        _cancel(authorizer, nonce, abi.encodePacked(r, s, v));
    }

    /// @notice See IEIP3009.cancelAuthorization (bytes signature).
    /// @param authorizer The payer.
    /// @param nonce The nonce.
    /// @param signature The signature.
    function cancelAuthorization(
        address authorizer,
        bytes32 nonce,
        bytes calldata signature
    ) external onlyDelegateCall {
        _cancel(authorizer, nonce, signature);
    }

    /// @notice See IEIP3009.authorizationState.
    /// @param authorizer The payer.
    /// @param nonce The nonce.
    /// @return True once used or cancelled.
    function authorizationState(address authorizer, bytes32 nonce) external view returns (bool) {
        return S.layout().authorizationStates[authorizer][nonce];
    }

    /// @notice ERC-5267 EIP-712 domain: name = token name, version "1", this chain, the proxy.
    /// @return fields 0x0f (name, version, chainId, verifyingContract).
    /// @return name_ Token name.
    /// @return version "1".
    /// @return chainId Current chain id.
    /// @return verifyingContract The token (proxy) address.
    /// @return salt Unused.
    /// @return extensions None.
    function eip712Domain()
        external
        view
        returns (
            bytes1 fields,
            string memory name_,
            string memory version,
            uint256 chainId,
            address verifyingContract,
            bytes32 salt,
            uint256[] memory extensions
        )
    {
        return (hex"0f", S.layout().name, "1", block.chainid, address(this), bytes32(0), new uint256[](0));
    }

    /// @notice See IHkdStablecoin.isMinter.
    /// @param account The account.
    /// @return True when configured.
    function isMinter(address account) external view returns (bool) {
        return S.layout().minterLimits[account].active;
    }

    /// @notice See IHkdStablecoin.minterConfig.
    /// @param minter The minter.
    /// @return config Allowance and limits.
    function minterConfig(address minter) external view returns (IHkdStablecoin.MinterConfig memory config) {
        S.Layout storage $ = S.layout();
        S.MinterLimits memory lim = $.minterLimits[minter];
        config = IHkdStablecoin.MinterConfig({
            allowance: $.minterStates[minter].allowance,
            perTxCap: lim.perTxCap,
            windowLimit: lim.windowLimit,
            windowSeconds: lim.windowSeconds
        });
    }

    /// @notice See IHkdStablecoin.mintableInWindow.
    /// @param minter The minter.
    /// @return remaining Amount left in the current window, bounded by the allowance.
    function mintableInWindow(address minter) external view returns (uint256 remaining) {
        S.Layout storage $ = S.layout();
        S.MinterLimits memory lim = $.minterLimits[minter];
        S.MinterState memory st = $.minterStates[minter];
        if (!lim.active) return 0;
        uint256 used = block.timestamp >= uint256(st.windowStart) + lim.windowSeconds ? 0 : st.windowMinted;
        remaining = Math.min(lim.windowLimit - used, st.allowance);
    }

    /// @notice See IHkdStablecoin.reservePolicy.
    /// @return policy The policy in force.
    function reservePolicy() external view returns (IHkdStablecoin.ReservePolicy memory policy) {
        S.Layout storage $ = S.layout();
        S.Config memory c = $.config;
        policy = IHkdStablecoin.ReservePolicy({
            feed: c.reserveFeed,
            enabled: c.reserveCheckEnabled,
            marginBps: c.marginBps,
            maxAgeSeconds: c.maxAgeSeconds,
            delaySeconds: $.policyDelaySeconds
        });
    }

    /// @notice See IHkdStablecoin.scheduledReservePolicy.
    /// @return policy The scheduled policy.
    /// @return executableAt When it becomes executable (0 when nothing is scheduled).
    function scheduledReservePolicy()
        external
        view
        returns (IHkdStablecoin.ReservePolicy memory policy, uint256 executableAt)
    {
        S.Layout storage $ = S.layout();
        return ($.scheduledPolicy, $.scheduledPolicyAt);
    }

    /// @notice See IHkdStablecoin.reserves.
    /// @return attested Attested reserves (6 decimals).
    /// @return mintable Reserves × (1 − margin).
    /// @return updatedAt The attestation date.
    function reserves() external view returns (uint256 attested, uint256 mintable, uint256 updatedAt) {
        S.Config memory c = S.layout().config;
        int256 answer;
        (, answer, , updatedAt, ) = AggregatorV3Interface(c.reserveFeed).latestRoundData();
        if (answer > 0) attested = S.scaleReserves(uint256(answer), c.feedDecimals);
        mintable = Math.mulDiv(attested, _BPS - c.marginBps, _BPS);
    }

    /// @notice See IHkdStablecoin.pausedScopes.
    /// @return Bit set of paused scopes.
    function pausedScopes() external view returns (uint8) {
        return S.layout().config.pausedScopes;
    }

    /// @notice See IHkdStablecoin.isFrozen.
    /// @param account The account.
    /// @return True when frozen.
    function isFrozen(address account) external view returns (bool) {
        return S.layout().accounts[account].frozen;
    }

    /// @notice See IHkdStablecoin.isAllowlisted.
    /// @param account The account.
    /// @return True when allowlisted.
    function isAllowlisted(address account) external view returns (bool) {
        return S.layout().accounts[account].allowlisted;
    }

    /// @notice See IHkdStablecoin.allowlistMode.
    /// @return True when on.
    function allowlistMode() external view returns (bool) {
        return S.layout().config.allowlistMode;
    }

    /// @notice See IHkdStablecoin.isOverdue.
    /// @param id The request.
    /// @return True when pending past its due time.
    function isOverdue(uint256 id) external view returns (bool) {
        IHkdStablecoin.Redemption memory r = S.layout().redemptions[id];
        return r.status == IHkdStablecoin.RedemptionStatus.Pending && block.timestamp > r.dueAt;
    }

    /// @notice See IHkdStablecoin.redemption.
    /// @param id The request.
    /// @return The request.
    function redemption(uint256 id) external view returns (IHkdStablecoin.Redemption memory) {
        return S.layout().redemptions[id];
    }

    /// @notice See IHkdStablecoin.redemptionCount.
    /// @return Number of requests ever made.
    function redemptionCount() external view returns (uint256) {
        return S.layout().redemptionCount;
    }

    /// @notice See IHkdStablecoin.dueTimeFor.
    /// @param timestamp Request time.
    /// @return Due time.
    function dueTimeFor(uint256 timestamp) external view returns (uint256) {
        return S.dueTime(timestamp);
    }

    /// @notice See IHkdStablecoin.isBusinessDay.
    /// @param day Day number.
    /// @return True on a business day.
    function isBusinessDay(uint256 day) external view returns (bool) {
        return S.isBusinessDay(day);
    }

    /// @notice See IHkdStablecoin.redemptionFeeBps.
    /// @return The rate.
    function redemptionFeeBps() external view returns (uint16) {
        return S.layout().redemptionFeeBps;
    }

    /// @notice See IHkdStablecoin.redemptionCutoff.
    /// @return Seconds after midnight Hong Kong time.
    function redemptionCutoff() external view returns (uint32) {
        return S.layout().cutoffSeconds;
    }

    function _receive(
        address from,
        address to,
        uint256 value,
        uint256 validAfter,
        uint256 validBefore,
        bytes32 nonce,
        bytes memory sig
    ) private {
        if (to != msg.sender) revert IEIP3009.EIP3009CallerMustBePayee(msg.sender, to);
        S.authorizedTransfer(
            S.RECEIVE_WITH_AUTHORIZATION_TYPEHASH,
            from,
            to,
            value,
            validAfter,
            validBefore,
            nonce,
            sig
        );
    }

    function _cancel(address authorizer, bytes32 nonce, bytes memory sig) private {
        S.Layout storage $ = S.layout();
        if ($.authorizationStates[authorizer][nonce]) {
            revert IEIP3009.EIP3009AuthorizationUsedOrCanceled(authorizer, nonce);
        }
        bytes32 digest = S.hashTypedData(keccak256(abi.encode(S.CANCEL_AUTHORIZATION_TYPEHASH, authorizer, nonce)));
        if (!S.isValidSignature(authorizer, digest, sig)) revert IEIP3009.EIP3009InvalidSignature(authorizer);
        $.authorizationStates[authorizer][nonce] = true;
        emit IEIP3009.AuthorizationCanceled(authorizer, nonce);
    }
}
