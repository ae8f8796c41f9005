// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

import {IEIP3009} from "../interfaces/IEIP3009.sol";
import {IHkdStablecoin} from "../interfaces/IHkdStablecoin.sol";

/// @title HkdStablecoinStorage
/// @notice ERC-7201 storage layout of the HKD stablecoin and its single balance-changing function, shared by the
///         token (hot paths) and its delegate-only operations module (cold paths), see ADR 0010.
/// @custom:security-contact security@bauhinia.dev
library HkdStablecoinStorage {
    /// @dev Balance and compliance flags of one account in ONE slot: the transfer path reads the flags at no extra
    ///      cold SLOAD (Circle packs its blacklist bit the same way). Balances fit 128 bits because totalSupply does.
    struct Account {
        uint128 balance;
        bool frozen;
        bool allowlisted;
    }

    /// @dev Everything the transfer and mint paths read besides balances, in ONE slot (ADR 0010).
    struct Config {
        address reserveFeed;
        uint8 feedDecimals;
        uint8 pausedScopes;
        bool allowlistMode;
        bool reserveCheckEnabled;
        uint16 marginBps;
        uint32 maxAgeSeconds;
    }

    /// @dev Minter state written on every mint (one slot).
    struct MinterState {
        uint128 allowance;
        uint96 windowMinted;
        uint32 windowStart;
    }

    /// @dev Minter limits read on every mint (one slot).
    struct MinterLimits {
        uint96 perTxCap;
        uint96 windowLimit;
        uint32 windowSeconds;
        bool active;
    }

    /// @custom:storage-location erc7201:bauhinia.storage.HkdStablecoin
    struct Layout {
        Config config;
        uint256 totalSupply;
        mapping(address account => Account) accounts;
        mapping(address owner => mapping(address spender => uint256)) allowances;
        mapping(address owner => uint256) permitNonces;
        mapping(address authorizer => mapping(bytes32 nonce => bool)) authorizationStates;
        mapping(address minter => MinterState) minterStates;
        mapping(address minter => MinterLimits) minterLimits;
        mapping(uint256 id => IHkdStablecoin.Redemption) redemptions;
        mapping(uint256 day => bool) holidays;
        uint64 redemptionCount;
        uint32 policyDelaySeconds;
        uint32 cutoffSeconds;
        uint16 redemptionFeeBps;
        IHkdStablecoin.ReservePolicy scheduledPolicy;
        uint256 scheduledPolicyAt;
        string name;
        string symbol;
    }

    /// @dev Pause scope flags (mirrored as public constants on the token).
    uint8 internal constant PAUSE_TRANSFERS = 1;
    uint8 internal constant PAUSE_MINTING = 2;
    uint8 internal constant PAUSE_REDEMPTIONS = 4;
    uint8 internal constant ALL_SCOPES = 7;

    /// @dev Hong Kong time is UTC+8 all year (no daylight saving).
    uint256 internal constant HKT_OFFSET_SECONDS = 8 hours;
    /// @dev How far ahead the calendar is scanned for a business day.
    uint256 internal constant MAX_CALENDAR_SCAN_DAYS = 31;

    /// @dev keccak256("TransferWithAuthorization(address from,address to,uint256 value,uint256 validAfter,
    ///      uint256 validBefore,bytes32 nonce)")
    bytes32 internal constant TRANSFER_WITH_AUTHORIZATION_TYPEHASH =
        0x7c7c6cdb67a18743f49ec6fa9b35f50d52ed05cbed4cc592e13b44501c1a2267;
    /// @dev keccak256("ReceiveWithAuthorization(address from,address to,uint256 value,uint256 validAfter,
    ///      uint256 validBefore,bytes32 nonce)")
    bytes32 internal constant RECEIVE_WITH_AUTHORIZATION_TYPEHASH =
        0xd099cc98ef71107a616c4f0f941f04c322d8e254fe26b3c6668db87aae413de8;
    /// @dev keccak256("CancelAuthorization(address authorizer,bytes32 nonce)")
    bytes32 internal constant CANCEL_AUTHORIZATION_TYPEHASH =
        0x158b0a9edf7a828aad02f63cd515c68ef2f50ba807396f6d12842833a1597429;
    /// @dev keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)")
    bytes32 internal constant PERMIT_TYPEHASH = 0x6e71edae12b1b97f4d1f60370fef10105fa2faae0126114a169c64845d6126c9;
    /// @dev keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)")
    bytes32 internal constant DOMAIN_TYPEHASH = 0x8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f;
    /// @dev keccak256("1"): EIP-712 domain version.
    bytes32 internal constant VERSION_HASH = 0xc89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc6;

    /// @dev keccak256(abi.encode(uint256(keccak256("bauhinia.storage.HkdStablecoin")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 internal constant STORAGE_SLOT = 0x10d8b2df2b75e881d6be6a9a901e58afd720ebfa943c8f5936cf4ac4f15b4500;

    /// @dev The only place balances and supply change; always emits Transfer (REQ 9). On every path a frozen
    ///      recipient is refused, and a frozen sender is refused unless `seizure` (the single exception, INV-STB-4).
    ///      With `enforceAllowlist` (allowlist mode, holder-to-holder transfers and mints) a non-zero sender and
    ///      recipient must be allowlisted; redemption escrow moves and seizures skip the allowlist.
    function update(address from, address to, uint256 value, bool enforceAllowlist, bool seizure) internal {
        Layout storage $ = layout();
        if (from == address(0)) {
            // Checked addition (panics on overflow as OpenZeppelin's ERC-20); supply must also fit 128 bits.
            uint256 newSupply = $.totalSupply + value;
            if (newSupply > type(uint128).max) revert IHkdStablecoin.StablecoinInvalidAmount(value);
            $.totalSupply = newSupply;
        } else {
            Account memory a = $.accounts[from];
            if (a.frozen && !seizure) revert IHkdStablecoin.StablecoinAccountFrozen(from);
            if (enforceAllowlist && !a.allowlisted) revert IHkdStablecoin.StablecoinNotAllowlisted(from);
            if (a.balance < value) revert IERC20Errors.ERC20InsufficientBalance(from, a.balance, value);
            // Cannot underflow: value <= balance was checked just above.
            unchecked {
                $.accounts[from].balance = uint128(a.balance - value);
            }
        }
        if (to == address(0)) {
            // Cannot underflow: value <= balance of `from` <= totalSupply.
            unchecked {
                $.totalSupply -= value;
            }
        } else {
            Account memory b = $.accounts[to];
            if (b.frozen) revert IHkdStablecoin.StablecoinAccountFrozen(to);
            if (enforceAllowlist && !b.allowlisted) revert IHkdStablecoin.StablecoinNotAllowlisted(to);
            // Cannot overflow: balance + value <= totalSupply < 2^128.
            unchecked {
                $.accounts[to].balance = uint128(b.balance + value);
            }
        }
        emit IERC20.Transfer(from, to, value);
    }

    /// @dev Holder-to-holder transfer (transfer, transferFrom, EIP-3009): OpenZeppelin's zero-address rules, no
    ///      transfer to the token itself, refused while transfers are paused, allowlist enforced in allowlist mode.
    function transfer(address from, address to, uint256 value) internal {
        if (from == address(0)) revert IERC20Errors.ERC20InvalidSender(address(0));
        if (to == address(0) || to == address(this)) revert IERC20Errors.ERC20InvalidReceiver(to);
        Config memory c = layout().config;
        if (c.pausedScopes & PAUSE_TRANSFERS != 0) revert IHkdStablecoin.StablecoinPaused(PAUSE_TRANSFERS);
        update(from, to, value, c.allowlistMode, false);
    }

    /// @dev EIP-3009 transfer/receive with authorisation: time window, single-use nonce, signature, then transfer.
    function authorizedTransfer(
        bytes32 typehash,
        address from,
        address to,
        uint256 value,
        uint256 validAfter,
        uint256 validBefore,
        bytes32 nonce,
        bytes memory sig
    ) internal {
        if (block.timestamp <= validAfter) revert IEIP3009.EIP3009AuthorizationNotYetValid(validAfter, block.timestamp);
        if (block.timestamp >= validBefore) revert IEIP3009.EIP3009AuthorizationExpired(validBefore, block.timestamp);
        Layout storage $ = layout();
        if ($.authorizationStates[from][nonce]) revert IEIP3009.EIP3009AuthorizationUsedOrCanceled(from, nonce);
        bytes32 digest = hashTypedData(
            keccak256(abi.encode(typehash, from, to, value, validAfter, validBefore, nonce))
        );
        if (!isValidSignature(from, digest, sig)) revert IEIP3009.EIP3009InvalidSignature(from);
        $.authorizationStates[from][nonce] = true;
        emit IEIP3009.AuthorizationUsed(from, nonce);
        transfer(from, to, value);
    }

    /// @dev Explicit approvals (approve, permit): zero-address rules as OpenZeppelin, frozen parties refused.
    function approve(address owner, address spender, uint256 value) internal {
        if (owner == address(0)) revert IERC20Errors.ERC20InvalidApprover(address(0));
        if (spender == address(0)) revert IERC20Errors.ERC20InvalidSpender(address(0));
        Layout storage $ = layout();
        if ($.accounts[owner].frozen) revert IHkdStablecoin.StablecoinAccountFrozen(owner);
        if ($.accounts[spender].frozen) revert IHkdStablecoin.StablecoinAccountFrozen(spender);
        $.allowances[owner][spender] = value;
        emit IERC20.Approval(owner, spender, value);
    }

    /// @dev EIP-2612 permit (sequential nonce), ECDSA or ERC-1271 signature; errors as OpenZeppelin's ERC20Permit.
    function permit(address owner, address spender, uint256 value, uint256 deadline, bytes memory sig) internal {
        if (block.timestamp > deadline) revert IHkdStablecoin.ERC2612ExpiredSignature(deadline);
        Layout storage $ = layout();
        uint256 nonce = $.permitNonces[owner];
        bytes32 digest = hashTypedData(keccak256(abi.encode(PERMIT_TYPEHASH, owner, spender, value, nonce, deadline)));
        if (!isValidSignature(owner, digest, sig)) {
            (address recovered, , ) = ECDSA.tryRecover(digest, sig);
            revert IHkdStablecoin.ERC2612InvalidSigner(recovered, owner);
        }
        // Cannot overflow: a nonce is incremented once per signature.
        unchecked {
            $.permitNonces[owner] = nonce + 1;
        }
        approve(owner, spender, value);
    }

    /// @dev Saturday, Sunday and listed holidays are not business days. Day 0 (1970-01-01) was a Thursday, so
    ///      (day + 4) % 7 is 0 on Sunday and 6 on Saturday.
    function isBusinessDay(uint256 day) internal view returns (bool) {
        uint256 weekday = (day + 4) % 7;
        return weekday != 0 && weekday != 6 && !layout().holidays[day];
    }

    /// @dev Due-time rule (ADR 0011): a request made on a business day before the cut-off (Hong Kong time) is
    ///      received that day, otherwise on the next business day; it is due at the cut-off of the business day
    ///      after the day it was received.
    function dueTime(uint256 timestamp) internal view returns (uint256) {
        uint256 local = timestamp + HKT_OFFSET_SECONDS;
        uint256 day = local / 1 days;
        uint256 cutoff = layout().cutoffSeconds;
        if (local % 1 days >= cutoff || !isBusinessDay(day)) day = nextBusinessDay(day);
        return nextBusinessDay(day) * 1 days + cutoff - HKT_OFFSET_SECONDS;
    }

    /// @dev The first business day after `day`, scanning at most MAX_CALENDAR_SCAN_DAYS (bounded loop).
    function nextBusinessDay(uint256 day) internal view returns (uint256) {
        for (uint256 i = 1; i <= MAX_CALENDAR_SCAN_DAYS; ++i) {
            if (isBusinessDay(day + i)) return day + i;
        }
        revert IHkdStablecoin.StablecoinNoBusinessDay(day);
    }

    /// @dev OpenZeppelin SignatureChecker semantics (ECDSA first, then ERC-1271 for contracts) without its
    ///      Cancun-only `mcopy` (ADR 0002 compiles for shanghai): a malleable or malformed ECDSA signature never
    ///      passes; a contract signer must return the ERC-1271 magic value from a static call.
    function isValidSignature(address signer, bytes32 digest, bytes memory sig) internal view returns (bool) {
        (address recovered, ECDSA.RecoverError err, ) = ECDSA.tryRecover(digest, sig);
        if (err == ECDSA.RecoverError.NoError && recovered == signer) return true;
        if (signer.code.length == 0) return false;
        (bool ok, bytes memory ret) = signer.staticcall(abi.encodeCall(IERC1271.isValidSignature, (digest, sig)));
        return ok && ret.length >= 32 && abi.decode(ret, (bytes32)) == bytes32(IERC1271.isValidSignature.selector);
    }

    /// @dev EIP-712 domain: name = token name, version "1", this chain, this proxy. Computed on every use so that a
    ///      fork (new chain id) or another deployment never accepts a signature made for this one (no replay).
    ///      OpenZeppelin's EIP712Upgradeable is not used: it pulls in `Bytes.sol`, which needs Cancun's `mcopy`.
    function domainSeparator() internal view returns (bytes32) {
        return
            keccak256(
                abi.encode(DOMAIN_TYPEHASH, keccak256(bytes(layout().name)), VERSION_HASH, block.chainid, address(this))
            );
    }

    /// @dev EIP-712 digest of `structHash` in this token's domain.
    function hashTypedData(bytes32 structHash) internal view returns (bytes32) {
        return keccak256(abi.encodePacked("\x19\x01", domainSeparator(), structHash));
    }

    /// @dev The namespaced storage. Assembly is unavoidable to point a storage struct at an ERC-7201 slot (as in
    ///      every OpenZeppelin upgradeable contract); this is the only assembly in the stablecoin.
    function layout() internal pure returns (Layout storage $) {
        // solhint-disable-next-line no-inline-assembly
        assembly {
            $.slot := STORAGE_SLOT
        }
    }

    /// @dev Scales a feed answer to the token's 6 decimals, rounding down (never overstates reserves); saturates
    ///      instead of overflowing when scaling up an absurd answer (feed decimals < 6).
    function scaleReserves(uint256 answer, uint8 feedDecimals) internal pure returns (uint256) {
        if (feedDecimals == 6) return answer;
        if (feedDecimals > 6) return answer / 10 ** (feedDecimals - 6);
        uint256 factor = 10 ** (6 - feedDecimals);
        return answer > type(uint256).max / factor ? type(uint256).max : answer * factor;
    }
}
