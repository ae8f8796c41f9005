// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// solhint-disable-next-line max-line-length
import {AccessControlDefaultAdminRulesUpgradeable} from "@openzeppelin/contracts-upgradeable/access/extensions/AccessControlDefaultAdminRulesUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {AggregatorV3Interface} from "../interfaces/AggregatorV3Interface.sol";
import {IHkdStablecoin} from "../interfaces/IHkdStablecoin.sol";
import {HkdStablecoinOps} from "./HkdStablecoinOps.sol";
import {HkdStablecoinStorage as S} from "./HkdStablecoinStorage.sol";

/// @title HkdStablecoin
/// @notice Reserve-backed Hong Kong dollar stablecoin (6 decimals) for a licensed issuer under the Stablecoins
///         Ordinance: secure mint against attested reserves, par redemption queue, AML freeze and seizure, scoped
///         pause, EIP-2612 permit and EIP-3009 gasless payments. No interest, no rebasing, no yield surface.
///         Its complete external surface is `IHkdStablecoin`: use that ABI at the proxy address.
/// @dev Deployed behind an ERC-1967 proxy (UUPS). This implementation holds the hot paths (ERC-20, permit,
///      transferWithAuthorization, mint), access control and upgrades; every other selector falls through to the
///      HkdStablecoinOps module by DELEGATECALL (and from there to HkdStablecoinViews), sharing this ERC-7201
///      storage, because the whole surface compiled at 10,000 optimizer runs is ~39 kB, far above the 24,576-byte
///      limit (ADR 0010). Roles (docs/roles.md):
///      - DEFAULT_ADMIN_ROLE: two-step delayed handover; unpauses, schedules the reserve policy, sets calendar, fee
///        and allowlist mode; may also seize.
///      - MASTER_MINTER_ROLE: configures and removes minters (the only way an allowance rises).
///      - minters (configured by the master minter, not an AccessControl role): mint within allowance, cap and rate.
///      - PAUSER_ROLE: pauses scopes immediately. COMPLIANCE_ROLE: freeze, unfreeze, allowlist.
///      - SEIZER_ROLE: seizure from frozen accounts. RESCUER_ROLE: foreign ERC-20s. UPGRADER_ROLE: upgrades.
///      - REDEMPTION_OPERATOR_ROLE: fulfils and rejects redemption requests.
///      Every balance change passes HkdStablecoinStorage.update, which emits `Transfer`.
///      Invariants (test/stablecoin/HkdStablecoin.invariants.t.sol, docs/threat-model.md):
///       INV-STB-1  every mint leaves totalSupply() <= attested reserves × (1 − margin) while the check is on;
///                  hence totalSupply() <= max(attested reserves, supply when that attestation was posted)
///       INV-STB-2  Σ balanceOf(holders) + balanceOf(address(this)) (redemption escrow) == totalSupply()
///       INV-STB-3  a minter's allowance only falls on mint; only MASTER_MINTER_ROLE raises it
///       INV-STB-4  a frozen account's balance changes only by seizure
///       INV-STB-5  an EIP-3009 authorisation nonce is used (or cancelled) at most once
///       INV-STB-6  balanceOf(address(this)) == Σ amount of Pending redemption requests
/// @custom:security-contact security@bauhinia.dev
/// @custom:storage-location erc7201:bauhinia.storage.HkdStablecoin
contract HkdStablecoin is
    IERC20Metadata,
    IERC20Permit,
    IERC20Errors,
    Initializable,
    UUPSUpgradeable,
    AccessControlDefaultAdminRulesUpgradeable
{
    /// @notice Configures minters and their allowances.
    bytes32 public constant MASTER_MINTER_ROLE = keccak256("MASTER_MINTER_ROLE");
    /// @notice Pauses scopes.
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");
    /// @notice Freezes, unfreezes and manages the allowlist.
    bytes32 public constant COMPLIANCE_ROLE = keccak256("COMPLIANCE_ROLE");
    /// @notice Seizes from frozen accounts under court order.
    bytes32 public constant SEIZER_ROLE = keccak256("SEIZER_ROLE");
    /// @notice Recovers foreign ERC-20s.
    bytes32 public constant RESCUER_ROLE = keccak256("RESCUER_ROLE");
    /// @notice Upgrades the implementation.
    bytes32 public constant UPGRADER_ROLE = keccak256("UPGRADER_ROLE");
    /// @notice Fulfils and rejects redemption requests.
    bytes32 public constant REDEMPTION_OPERATOR_ROLE = keccak256("REDEMPTION_OPERATOR_ROLE");

    uint256 private constant _BPS = 10_000;
    uint8 private constant _DECIMALS = 6;

    /// @dev The operations module this implementation was built and tested with.
    address private immutable _OPS;

    /// @param ops The HkdStablecoinOps module (deployed first; replaced together with the implementation).
    /// @custom:oz-upgrades-unsafe-allow constructor state-variable-immutable
    constructor(address ops) {
        if (ops == address(0)) revert IHkdStablecoin.StablecoinZeroAddress();
        _OPS = ops;
        _disableInitializers();
    }

    /// @notice Every selector not implemented here runs in the operations module (ADR 0010); the module's return
    ///         data is returned as is and its revert data is bubbled up. Not payable: the token never holds ETH.
    /// @param input The call data.
    /// @return The module's return data.
    fallback(bytes calldata input) external returns (bytes memory) {
        return Address.functionDelegateCall(_OPS, input);
    }

    /// @notice Initialises the proxy: name, symbol, role holders, reserve policy (enabled), redemption cut-off.
    /// @param p Initialisation parameters; `p.reservePolicy.enabled` must be true (the check is on by default).
    function initialize(IHkdStablecoin.InitParams calldata p) external initializer {
        __AccessControlDefaultAdminRules_init(p.adminDelay, p.admin);
        _grantNonZero(MASTER_MINTER_ROLE, p.masterMinter);
        _grantNonZero(PAUSER_ROLE, p.pauser);
        _grantNonZero(COMPLIANCE_ROLE, p.complianceOfficer);
        _grantNonZero(SEIZER_ROLE, p.seizer);
        _grantNonZero(RESCUER_ROLE, p.rescuer);
        _grantNonZero(UPGRADER_ROLE, p.upgrader);
        _grantNonZero(REDEMPTION_OPERATOR_ROLE, p.redemptionOperator);
        Address.functionDelegateCall(_OPS, abi.encodeCall(HkdStablecoinOps.initialize, (p)));
    }

    /// @inheritdoc IERC20
    /// @dev Refused while transfers are paused, when either party is frozen or (allowlist mode) not allowlisted,
    ///      and when `to` is the token itself (ERC20InvalidReceiver).
    function transfer(address to, uint256 value) external returns (bool) {
        S.transfer(msg.sender, to, value);
        return true;
    }

    /// @inheritdoc IERC20
    /// @dev As OpenZeppelin: the allowance is spent first (ERC20InsufficientAllowance), `type(uint256).max` is an
    ///      infinite allowance, no Approval event on spending. A frozen caller is refused as well.
    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        S.Layout storage $ = S.layout();
        if ($.accounts[msg.sender].frozen) revert IHkdStablecoin.StablecoinAccountFrozen(msg.sender);
        uint256 current = $.allowances[from][msg.sender];
        if (current < type(uint256).max) {
            if (current < value) revert ERC20InsufficientAllowance(msg.sender, current, value);
            // Cannot underflow: value <= current was checked just above.
            unchecked {
                $.allowances[from][msg.sender] = current - value;
            }
        }
        S.transfer(from, to, value);
        return true;
    }

    /// @inheritdoc IERC20
    /// @dev Refused when the owner or the spender is frozen; NOT refused while transfers are paused (ADR 0015).
    function approve(address spender, uint256 value) external returns (bool) {
        S.approve(msg.sender, spender, value);
        return true;
    }

    /// @inheritdoc IERC20Permit
    /// @dev The signature may also be an ERC-1271 contract-wallet signature packed as (r, s, v); the `bytes` form
    ///      (IHkdStablecoin) takes any length.
    function permit(
        address owner,
        address spender,
        uint256 value,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external {
        S.permit(owner, spender, value, deadline, abi.encodePacked(r, s, v));
    }

    /// @notice EIP-3009 transfer signed by `from` (see IEIP3009).
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
    ) external {
        S.authorizedTransfer(
            S.TRANSFER_WITH_AUTHORIZATION_TYPEHASH,
            from,
            to,
            value,
            validAfter,
            validBefore,
            nonce,
            abi.encodePacked(r, s, v)
        );
    }

    /// @notice Mints `amount` to `to` against attested reserves (see IHkdStablecoin.mint).
    /// @param to Recipient.
    /// @param amount Amount in 6-decimal units.
    /// @return Always true.
    function mint(address to, uint256 amount) external returns (bool) {
        S.Layout storage $ = S.layout();
        S.Config memory c = $.config;
        if (c.pausedScopes & S.PAUSE_MINTING != 0) revert IHkdStablecoin.StablecoinPaused(S.PAUSE_MINTING);
        S.MinterLimits memory lim = $.minterLimits[msg.sender];
        if (!lim.active) revert IHkdStablecoin.StablecoinNotMinter(msg.sender);
        if (to == address(0) || to == address(this)) revert ERC20InvalidReceiver(to);
        if (amount == 0) revert IHkdStablecoin.StablecoinInvalidAmount(0);
        if (amount > lim.perTxCap) revert IHkdStablecoin.StablecoinMintCapExceeded(msg.sender, lim.perTxCap, amount);
        S.MinterState memory st = $.minterStates[msg.sender];
        if (amount > st.allowance) {
            revert IHkdStablecoin.StablecoinMintAllowanceExceeded(msg.sender, st.allowance, amount);
        }
        if (block.timestamp >= uint256(st.windowStart) + lim.windowSeconds) {
            // Cast is safe until the year 2106.
            st.windowStart = uint32(block.timestamp);
            st.windowMinted = 0;
        }
        // Cannot underflow: windowMinted <= windowLimit (kept by mint and configureMinter).
        uint256 remaining = lim.windowLimit - st.windowMinted;
        if (amount > remaining) revert IHkdStablecoin.StablecoinMintRateExceeded(msg.sender, remaining, amount);
        if (c.reserveCheckEnabled) _checkReserves(c, $.totalSupply + amount);

        // Casts are safe: amount <= perTxCap < 2^96 and amount <= allowance (both checked above).
        st.allowance -= uint128(amount);
        st.windowMinted += uint96(amount);
        $.minterStates[msg.sender] = st;
        S.update(address(0), to, amount, c.allowlistMode, false);
        emit IHkdStablecoin.Minted(msg.sender, to, amount);
        return true;
    }

    /// @inheritdoc IERC20Metadata
    function name() external view returns (string memory) {
        return S.layout().name;
    }

    /// @inheritdoc IERC20Metadata
    function symbol() external view returns (string memory) {
        return S.layout().symbol;
    }

    /// @inheritdoc IERC20
    function totalSupply() external view returns (uint256) {
        return S.layout().totalSupply;
    }

    /// @inheritdoc IERC20
    function balanceOf(address account) external view returns (uint256) {
        return S.layout().accounts[account].balance;
    }

    /// @inheritdoc IERC20
    function allowance(address owner, address spender) external view returns (uint256) {
        return S.layout().allowances[owner][spender];
    }

    /// @inheritdoc IERC20Permit
    function nonces(address owner) external view returns (uint256) {
        return S.layout().permitNonces[owner];
    }

    /// @inheritdoc IERC20Permit
    // solhint-disable-next-line func-name-mixedcase
    function DOMAIN_SEPARATOR() external view returns (bytes32) {
        return S.domainSeparator();
    }

    /// @notice The operations module this implementation delegates its cold paths to.
    /// @return The module address.
    function operationsModule() external view returns (address) {
        return _OPS;
    }

    /// @inheritdoc IERC20Metadata
    function decimals() external pure returns (uint8) {
        return _DECIMALS;
    }

    /// @dev Upgrades need UPGRADER_ROLE.
    function _authorizeUpgrade(address) internal override onlyRole(UPGRADER_ROLE) {}

    function _grantNonZero(bytes32 role, address account) private {
        if (account == address(0)) revert IHkdStablecoin.StablecoinZeroAddress();
        _grantRole(role, account);
    }

    function _checkReserves(S.Config memory c, uint256 newSupply) private view {
        (, int256 answer, , uint256 updatedAt, ) = AggregatorV3Interface(c.reserveFeed).latestRoundData();
        if (answer <= 0) revert IHkdStablecoin.StablecoinReservesNotPositive(answer);
        if (updatedAt > block.timestamp) {
            revert IHkdStablecoin.StablecoinAttestationFromFuture(updatedAt, block.timestamp);
        }
        // Cannot underflow: updatedAt <= block.timestamp was checked just above.
        unchecked {
            if (block.timestamp - updatedAt > c.maxAgeSeconds) {
                revert IHkdStablecoin.StablecoinAttestationStale(updatedAt, c.maxAgeSeconds, block.timestamp);
            }
        }
        uint256 mintable = Math.mulDiv(S.scaleReserves(uint256(answer), c.feedDecimals), _BPS - c.marginBps, _BPS);
        if (newSupply > mintable) revert IHkdStablecoin.StablecoinReservesExceeded(newSupply, mintable);
    }
}
