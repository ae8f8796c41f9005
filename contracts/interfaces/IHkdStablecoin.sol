// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// solhint-disable-next-line max-line-length
import {IAccessControlDefaultAdminRules} from "@openzeppelin/contracts/access/extensions/IAccessControlDefaultAdminRules.sol";
import {IERC5267} from "@openzeppelin/contracts/interfaces/IERC5267.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";

import {IEIP3009} from "./IEIP3009.sol";

/// @title IHkdStablecoin
/// @notice Reserve-backed HKD stablecoin (6 decimals): secure mint against attested reserves read through a
///         Chainlink-compatible `AggregatorV3Interface` feed, par redemption queue with a business-day due time,
///         AML freeze and court-ordered seizure, optional allowlist mode, scoped pause, EIP-2612 and EIP-3009.
/// @dev Amounts are in 6-decimal units (1 HKD = 1_000_000). ERC-20 failures use the ERC-6093 errors exactly as
///      OpenZeppelin's ERC-20 does; everything else uses the `Stablecoin…` errors below.
/// @dev The implementation is split (ADR 0010): HkdStablecoin (hot paths, access control, upgrades) falls through
///      to HkdStablecoinOps and HkdStablecoinViews by DELEGATECALL; this interface is the whole surface at the proxy.
// solhint-disable func-name-mixedcase
interface IHkdStablecoin is
    IERC20Metadata,
    IERC20Permit,
    IERC20Errors,
    IEIP3009,
    IERC5267,
    IAccessControlDefaultAdminRules
{
    /// @notice Lifecycle of a redemption request.
    enum RedemptionStatus {
        None,
        Pending,
        Fulfilled,
        Rejected,
        Seized
    }

    /// @notice A redemption request. The tokens sit in escrow (the token's own address) while Pending.
    /// @param holder Who asked for redemption (and receives the fiat).
    /// @param amount Escrowed amount, burnt in full on fulfilment.
    /// @param requestedAt Block time of the request.
    /// @param dueAt Time by which the issuer must have paid (see ADR 0011).
    /// @param feeBps Fee rate snapshotted at request time; the fee is deducted from the fiat paid out.
    /// @param status Current status.
    struct Redemption {
        address holder;
        uint96 amount;
        uint40 requestedAt;
        uint40 dueAt;
        uint16 feeBps;
        RedemptionStatus status;
    }

    /// @notice How `mint` checks reserves. Changing it is a scheduled action (ADR 0013).
    /// @param feed Reserve feed (our ReserveAttestationFeed or a Chainlink Proof-of-Reserve feed).
    /// @param enabled Whether `mint` checks reserves at all.
    /// @param marginBps Safety margin as a share of attested reserves: supply may reach reserves × (1 − margin).
    /// @param maxAgeSeconds Oldest acceptable attestation (`block.timestamp − updatedAt`).
    /// @param delaySeconds Delay applied to the next loosening change.
    struct ReservePolicy {
        address feed;
        bool enabled;
        uint16 marginBps;
        uint32 maxAgeSeconds;
        uint32 delaySeconds;
    }

    /// @notice A minter's fat-finger limits and allowance.
    /// @param allowance What the minter may still mint in total; falls on every mint.
    /// @param perTxCap Largest single mint.
    /// @param windowLimit Most that may be minted in one rate window.
    /// @param windowSeconds Length of the fixed rate window.
    struct MinterConfig {
        uint128 allowance;
        uint96 perTxCap;
        uint96 windowLimit;
        uint32 windowSeconds;
    }

    /// @notice Initialisation parameters (one struct so that the proxy can be deployed in one transaction).
    /// @param name Token name (also the EIP-712 domain name).
    /// @param symbol Token symbol.
    /// @param admin Default admin (two-step handover with `adminDelay`).
    /// @param adminDelay Delay of a default-admin handover, seconds.
    /// @param cutoffSeconds Redemption cut-off, seconds after midnight Hong Kong time.
    /// @param allowlistMode Start in allowlist (KYC launch) mode.
    /// @param masterMinter Holder of MASTER_MINTER_ROLE.
    /// @param pauser Holder of PAUSER_ROLE.
    /// @param complianceOfficer Holder of COMPLIANCE_ROLE (freeze, allowlist).
    /// @param seizer Holder of SEIZER_ROLE.
    /// @param rescuer Holder of RESCUER_ROLE.
    /// @param upgrader Holder of UPGRADER_ROLE.
    /// @param redemptionOperator Holder of REDEMPTION_OPERATOR_ROLE.
    /// @param reservePolicy Initial reserve policy (must be enabled).
    struct InitParams {
        string name;
        string symbol;
        address admin;
        uint48 adminDelay;
        uint32 cutoffSeconds;
        bool allowlistMode;
        address masterMinter;
        address pauser;
        address complianceOfficer;
        address seizer;
        address rescuer;
        address upgrader;
        address redemptionOperator;
        ReservePolicy reservePolicy;
    }

    /// @notice Emitted after `minter` created `amount` for `to` (next to the standard Transfer from zero).
    /// @param minter The minter.
    /// @param to The recipient.
    /// @param amount The amount.
    event Minted(address indexed minter, address indexed to, uint256 amount);

    /// @notice Emitted after `burner` destroyed `amount` of its own balance.
    /// @param burner The minter that burnt.
    /// @param amount The amount.
    event Burnt(address indexed burner, uint256 amount);

    /// @notice Emitted after the master minter configured `minter`.
    /// @param minter The minter.
    /// @param allowance New allowance.
    /// @param perTxCap New per-transaction cap.
    /// @param windowLimit New amount per rate window.
    /// @param windowSeconds New rate window length.
    event MinterConfigured(
        address indexed minter,
        uint256 allowance,
        uint256 perTxCap,
        uint256 windowLimit,
        uint256 windowSeconds
    );

    /// @notice Emitted after the master minter removed `minter`.
    /// @param minter The removed minter.
    event MinterRemoved(address indexed minter);

    /// @notice Emitted after a reserve-policy change was scheduled.
    /// @param policy The scheduled policy.
    /// @param executableAt When it may be executed (now for a tightening change).
    /// @param loosening Whether the change loosens the check (and was therefore delayed).
    event ReservePolicyScheduled(ReservePolicy policy, uint256 executableAt, bool loosening);

    /// @notice Emitted after the scheduled reserve-policy change was cancelled.
    /// @param policy The cancelled policy.
    event ReservePolicyCancelled(ReservePolicy policy);

    /// @notice Emitted after a reserve policy took effect (also at initialisation).
    /// @param policy The policy now in force.
    /// @param feedDecimals The feed's decimals, cached for scaling.
    event ReservePolicyChanged(ReservePolicy policy, uint8 feedDecimals);

    /// @notice Emitted after `account` paused the scopes in `scopes` (bit set of PAUSE_* flags).
    /// @param account The pauser.
    /// @param scopes The scopes paused.
    event ScopesPaused(address indexed account, uint8 scopes);

    /// @notice Emitted after `account` unpaused the scopes in `scopes`.
    /// @param account The admin.
    /// @param scopes The scopes unpaused.
    event ScopesUnpaused(address indexed account, uint8 scopes);

    /// @notice Emitted after `account` was frozen.
    /// @param account The frozen account.
    event AccountFrozen(address indexed account);

    /// @notice Emitted after `account` was unfrozen.
    /// @param account The unfrozen account.
    event AccountUnfrozen(address indexed account);

    /// @notice Emitted after `account` was added to or removed from the allowlist.
    /// @param account The account.
    /// @param allowed Whether it is allowlisted now.
    event AllowlistUpdated(address indexed account, bool allowed);

    /// @notice Emitted after allowlist mode was switched.
    /// @param enabled Whether allowlist mode is on now.
    event AllowlistModeChanged(bool enabled);

    /// @notice Emitted after `amount` was moved from frozen `from` to custodian `to` under court order `orderHash`.
    /// @param from The frozen account.
    /// @param to The custodian.
    /// @param amount The amount.
    /// @param orderHash Hash of the court order.
    event Seized(address indexed from, address indexed to, uint256 amount, bytes32 indexed orderHash);

    /// @notice Emitted after `holder` asked to redeem `amount` (moved into escrow).
    /// @param id Request id.
    /// @param holder The holder.
    /// @param amount The escrowed amount.
    /// @param fee Fee that will be deducted from the fiat payout.
    /// @param bankRef Reference of the holder's bank instruction (a hash; never plain bank details).
    /// @param dueAt When the issuer must have paid.
    event RedemptionRequested(
        uint256 indexed id,
        address indexed holder,
        uint256 amount,
        uint256 fee,
        bytes32 bankRef,
        uint256 dueAt
    );

    /// @notice Emitted after request `id` was paid in fiat and its escrow burnt.
    /// @param id Request id.
    /// @param holder The holder.
    /// @param amountBurnt Burnt amount (the full request).
    /// @param fiatPaid Fiat paid out (amount − fee), 6 decimals.
    /// @param fiatRef Reference of the bank payment.
    event RedemptionFulfilled(
        uint256 indexed id,
        address indexed holder,
        uint256 amountBurnt,
        uint256 fiatPaid,
        bytes32 fiatRef
    );

    /// @notice Emitted after request `id` was rejected and its escrow returned to the holder.
    /// @param id Request id.
    /// @param holder The holder.
    /// @param amount The returned amount.
    /// @param reason Reason code.
    event RedemptionRejected(uint256 indexed id, address indexed holder, uint256 amount, bytes32 reason);

    /// @notice Emitted after the escrow of frozen `holder`'s request `id` was moved to custodian `to`.
    /// @param id Request id.
    /// @param holder The frozen holder.
    /// @param to The custodian.
    /// @param amount The amount.
    /// @param orderHash Hash of the court order.
    event RedemptionSeized(
        uint256 indexed id,
        address indexed holder,
        address indexed to,
        uint256 amount,
        bytes32 orderHash
    );

    /// @notice Emitted after the redemption fee was set.
    /// @param feeBps The new fee rate.
    event RedemptionFeeSet(uint16 feeBps);

    /// @notice Emitted after the redemption cut-off was set.
    /// @param cutoffSeconds Seconds after midnight Hong Kong time.
    event RedemptionCutoffSet(uint32 cutoffSeconds);

    /// @notice Emitted after `day` was marked as a holiday or a business day.
    /// @param day Day number (days since 1970-01-01 in Hong Kong time).
    /// @param holiday Whether it is a holiday now.
    event HolidaySet(uint32 indexed day, bool holiday);

    /// @notice Emitted after a foreign token sent to this contract was recovered.
    /// @param token The foreign token.
    /// @param to Where it went.
    /// @param amount The amount.
    event Rescued(address indexed token, address indexed to, uint256 amount);

    /// @notice The permit's deadline has passed (same error as OpenZeppelin's ERC20Permit).
    /// @param deadline The signed deadline.
    error ERC2612ExpiredSignature(uint256 deadline);

    /// @notice The permit signature is not `owner`'s (same error as OpenZeppelin's ERC20Permit).
    /// @param signer The address an ECDSA signature recovers to (zero when it recovers to nothing).
    /// @param owner The owner named in the permit.
    error ERC2612InvalidSigner(address signer, address owner);

    /// @notice The operation's scope (PAUSE_TRANSFERS, PAUSE_MINTING or PAUSE_REDEMPTIONS) is paused.
    /// @param scope The paused scope flag.
    error StablecoinPaused(uint8 scope);

    /// @notice The scope bit set is empty or names an unknown scope.
    /// @param scopes The refused bit set.
    error StablecoinInvalidScopes(uint8 scopes);

    /// @notice The caller is not a configured minter.
    /// @param account The caller.
    error StablecoinNotMinter(address account);

    /// @notice `requested` is above what `minter` may still mint.
    /// @param minter The minter.
    /// @param allowance Its remaining allowance.
    /// @param requested The amount asked for.
    error StablecoinMintAllowanceExceeded(address minter, uint256 allowance, uint256 requested);

    /// @notice `requested` is above `minter`'s per-transaction cap.
    /// @param minter The minter.
    /// @param cap The cap.
    /// @param requested The amount asked for.
    error StablecoinMintCapExceeded(address minter, uint256 cap, uint256 requested);

    /// @notice `requested` is above what `minter` may still mint in the current rate window.
    /// @param minter The minter.
    /// @param remaining What is left in the window.
    /// @param requested The amount asked for.
    error StablecoinMintRateExceeded(address minter, uint256 remaining, uint256 requested);

    /// @notice Minter limits must be non-zero and the per-transaction cap at most the window limit.
    /// @param perTxCap Refused cap.
    /// @param windowLimit Refused window limit.
    /// @param windowSeconds Refused window length.
    error StablecoinInvalidMinterLimits(uint256 perTxCap, uint256 windowLimit, uint256 windowSeconds);

    /// @notice The amount must be non-zero (and fit the redemption record).
    /// @param amount The refused amount.
    error StablecoinInvalidAmount(uint256 amount);

    /// @notice The reserve feed reported non-positive reserves.
    /// @param answer The feed's answer.
    error StablecoinReservesNotPositive(int256 answer);

    /// @notice The latest attestation is dated after the current block.
    /// @param updatedAt The attestation date.
    /// @param nowTimestamp The current block time.
    error StablecoinAttestationFromFuture(uint256 updatedAt, uint256 nowTimestamp);

    /// @notice The latest attestation is older than the maximum age.
    /// @param updatedAt The attestation date.
    /// @param maxAgeSeconds The maximum age.
    /// @param nowTimestamp The current block time.
    error StablecoinAttestationStale(uint256 updatedAt, uint256 maxAgeSeconds, uint256 nowTimestamp);

    /// @notice The mint would take supply above the attested reserves after the safety margin.
    /// @param newSupply Supply after the mint.
    /// @param mintableReserves Reserves × (1 − margin), scaled to 6 decimals.
    error StablecoinReservesExceeded(uint256 newSupply, uint256 mintableReserves);

    /// @notice The reserve policy is invalid (zero feed, margin ≥ 100 %, zero max age, delay out of range, feed
    ///         decimals above 36, or disabled at initialisation).
    /// @param policy The refused policy.
    error StablecoinInvalidReservePolicy(ReservePolicy policy);

    /// @notice No reserve-policy change is scheduled.
    error StablecoinNoScheduledPolicy();

    /// @notice The scheduled reserve-policy change is not executable yet.
    /// @param executableAt When it becomes executable.
    /// @param nowTimestamp The current block time.
    error StablecoinPolicyNotReady(uint256 executableAt, uint256 nowTimestamp);

    /// @notice `account` is frozen.
    /// @param account The frozen account.
    error StablecoinAccountFrozen(address account);

    /// @notice Seizure needs `account` to be frozen first.
    /// @param account The account that is not frozen.
    error StablecoinAccountNotFrozen(address account);

    /// @notice Allowlist mode is on and `account` is not allowlisted.
    /// @param account The account.
    error StablecoinNotAllowlisted(address account);

    /// @notice Neither SEIZER_ROLE nor the default admin.
    /// @param account The caller.
    error StablecoinUnauthorizedSeizer(address account);

    /// @notice Request `id` is not pending.
    /// @param id The request.
    /// @param status Its status.
    error StablecoinRedemptionNotPending(uint256 id, RedemptionStatus status);

    /// @notice The fee is above MAX_REDEMPTION_FEE_BPS.
    /// @param feeBps Refused rate.
    /// @param maxFeeBps The cap.
    error StablecoinRedemptionFeeTooHigh(uint16 feeBps, uint16 maxFeeBps);

    /// @notice The cut-off must be within (0, 86400] seconds after midnight.
    /// @param cutoffSeconds Refused value.
    error StablecoinInvalidCutoff(uint32 cutoffSeconds);

    /// @notice No business day within MAX_CALENDAR_SCAN_DAYS after `day` (the calendar is misconfigured).
    /// @param day The day scanned from.
    error StablecoinNoBusinessDay(uint256 day);

    /// @notice The stablecoin itself cannot be "rescued" (its own balance is the redemption escrow).
    error StablecoinCannotRescueSelf();

    /// @notice A zero address (or, for freeze, the token's own escrow address) was given where an account is required.
    error StablecoinZeroAddress();

    /// @notice `minter` holds ATTESTOR_ROLE on the reserve feed: the key that creates money never attests reserves.
    /// @param minter The refused minter.
    error StablecoinMinterIsAttestor(address minter);

    /// @notice The operations module was called directly instead of through the token's DELEGATECALL.
    error StablecoinOpsDirectCall();

    // ----------------------------------------------------------------------------------------------------------------
    // State-changing functions
    // ----------------------------------------------------------------------------------------------------------------

    /// @notice EIP-2612 permit with a packed ECDSA signature or an ERC-1271 contract-wallet signature.
    /// @param owner Token owner (signer).
    /// @param spender Spender.
    /// @param value Allowance.
    /// @param deadline Last valid time.
    /// @param signature The signature.
    function permit(address owner, address spender, uint256 value, uint256 deadline, bytes calldata signature) external;

    /// @notice Mints `amount` to `to` against attested reserves.
    /// @dev Caller must be a configured minter. Reverts when minting is paused, when `to` is zero, the token, frozen
    ///      or (in allowlist mode) not allowlisted, when `amount` is zero or above the cap, allowance or rate window,
    ///      and, while the reserve check is enabled, when the attestation is non-positive, future-dated, older than
    ///      the maximum age or when `totalSupply + amount` exceeds reserves × (1 − margin) (INV-STB-1).
    /// @param to Recipient.
    /// @param amount Amount in 6-decimal units.
    /// @return success Always true.
    function mint(address to, uint256 amount) external returns (bool success);

    /// @notice Burns `amount` of the calling minter's own balance (e.g. tokens returned to the issuer).
    /// @dev Caller must be a configured minter; the minter's allowance is not restored. Not blocked by any pause.
    /// @param amount Amount in 6-decimal units.
    function burn(uint256 amount) external;

    /// @notice Sets `minter`'s allowance and limits (adds the minter if new).
    /// @dev Needs MASTER_MINTER_ROLE: the only way a minter's allowance can rise (INV-STB-3). Refuses an attestor of
    ///      the reserve feed when the feed exposes `hasRole` (our ReserveAttestationFeed; a Chainlink feed does not).
    /// @param minter The minter.
    /// @param config Allowance and limits.
    function configureMinter(address minter, MinterConfig calldata config) external;

    /// @notice Removes `minter` (allowance and limits are deleted).
    /// @dev Needs MASTER_MINTER_ROLE.
    /// @param minter The minter.
    function removeMinter(address minter) external;

    /// @notice Schedules a reserve-policy change. Loosening (other feed, check disabled, lower margin, longer max
    ///         age, shorter delay) becomes executable after the current delay; tightening immediately.
    /// @dev Needs DEFAULT_ADMIN_ROLE. Replaces any scheduled change.
    /// @param policy The new policy.
    /// @return executableAt When it may be executed.
    function scheduleReservePolicy(ReservePolicy calldata policy) external returns (uint256 executableAt);

    /// @notice Applies the scheduled reserve policy once its time has come.
    /// @dev Needs DEFAULT_ADMIN_ROLE.
    function executeReservePolicy() external;

    /// @notice Cancels the scheduled reserve-policy change.
    /// @dev Needs DEFAULT_ADMIN_ROLE.
    function cancelReservePolicy() external;

    /// @notice Pauses the scopes in `scopes` (PAUSE_TRANSFERS | PAUSE_MINTING | PAUSE_REDEMPTIONS), immediately.
    /// @dev Needs PAUSER_ROLE.
    /// @param scopes Bit set of scopes.
    function pause(uint8 scopes) external;

    /// @notice Unpauses the scopes in `scopes`.
    /// @dev Needs DEFAULT_ADMIN_ROLE (a higher role than the pauser).
    /// @param scopes Bit set of scopes.
    function unpause(uint8 scopes) external;

    /// @notice Freezes `account`: it can neither send, receive nor approve or be approved.
    /// @dev Needs COMPLIANCE_ROLE. Its balance stays in `totalSupply` (still backed).
    /// @param account The account.
    function freeze(address account) external;

    /// @notice Unfreezes `account`.
    /// @dev Needs COMPLIANCE_ROLE.
    /// @param account The account.
    function unfreeze(address account) external;

    /// @notice Moves `amount` from frozen `from` to court-appointed custodian `to`; supply is unchanged.
    /// @dev Needs SEIZER_ROLE or DEFAULT_ADMIN_ROLE. Works while paused and regardless of allowlist mode.
    /// @param from The frozen account.
    /// @param to The custodian (not frozen, not zero, not the token).
    /// @param amount The amount.
    /// @param orderHash Hash of the court order.
    function seize(address from, address to, uint256 amount, bytes32 orderHash) external;

    /// @notice Adds or removes `account` from the allowlist.
    /// @dev Needs COMPLIANCE_ROLE.
    /// @param account The account.
    /// @param allowed Allowlisted or not.
    function setAllowlisted(address account, bool allowed) external;

    /// @notice Switches allowlist mode (both parties of a transfer and a mint's recipient must be allowlisted).
    /// @dev Needs DEFAULT_ADMIN_ROLE.
    /// @param enabled Allowlist mode on or off.
    function setAllowlistMode(bool enabled) external;

    /// @notice Sends `amount` of a foreign ERC-20 `token` held by this contract to `to`.
    /// @dev Needs RESCUER_ROLE. Cannot touch this token (the redemption escrow).
    /// @param token The foreign token.
    /// @param to Recipient.
    /// @param amount Amount.
    function rescueERC20(address token, address to, uint256 amount) external;

    /// @notice Moves `amount` of the caller's tokens into escrow and records a redemption request at par.
    /// @dev Works while transfers are paused; refused while redemptions are paused or the caller is frozen.
    /// @param amount Amount to redeem.
    /// @param bankRef Reference of the holder's bank instruction (hash).
    /// @return id The request id.
    function requestRedemption(uint256 amount, bytes32 bankRef) external returns (uint256 id);

    /// @notice Records the fiat payment of request `id` and burns exactly its escrowed amount.
    /// @dev Needs REDEMPTION_OPERATOR_ROLE. Refused while redemptions are paused or the holder is frozen (ADR 0014).
    /// @param id The request.
    /// @param fiatRef Reference of the bank payment.
    function fulfil(uint256 id, bytes32 fiatRef) external;

    /// @notice Rejects request `id` and returns its escrow to the holder.
    /// @dev Needs REDEMPTION_OPERATOR_ROLE. Refused while the holder is frozen (ADR 0014). Works while paused.
    /// @param id The request.
    /// @param reason Reason code.
    function reject(uint256 id, bytes32 reason) external;

    /// @notice Moves the escrow of frozen holder's pending request `id` to custodian `to` under court order.
    /// @dev Needs SEIZER_ROLE or DEFAULT_ADMIN_ROLE.
    /// @param id The request.
    /// @param to The custodian.
    /// @param orderHash Hash of the court order.
    function seizeRedemption(uint256 id, address to, bytes32 orderHash) external;

    /// @notice Sets the redemption fee (0 by default), at most MAX_REDEMPTION_FEE_BPS.
    /// @dev Needs DEFAULT_ADMIN_ROLE. Pending requests keep their snapshotted rate.
    /// @param feeBps New rate.
    function setRedemptionFee(uint16 feeBps) external;

    /// @notice Sets the daily cut-off (seconds after midnight Hong Kong time).
    /// @dev Needs DEFAULT_ADMIN_ROLE.
    /// @param cutoffSeconds New cut-off.
    function setRedemptionCutoff(uint32 cutoffSeconds) external;

    /// @notice Marks `dayNumbers` (days since 1970-01-01, Hong Kong time) as holidays or business days.
    /// @dev Needs DEFAULT_ADMIN_ROLE.
    /// @param dayNumbers The days.
    /// @param holiday Holiday or not.
    function setHolidays(uint32[] calldata dayNumbers, bool holiday) external;

    // ----------------------------------------------------------------------------------------------------------------
    // Views (constants, roles, state)
    // ----------------------------------------------------------------------------------------------------------------

    /// @notice Role that configures minters and their allowances.
    /// @return The role id.
    function MASTER_MINTER_ROLE() external view returns (bytes32);

    /// @notice Role that pauses scopes.
    /// @return The role id.
    function PAUSER_ROLE() external view returns (bytes32);

    /// @notice Role that freezes, unfreezes and manages the allowlist.
    /// @return The role id.
    function COMPLIANCE_ROLE() external view returns (bytes32);

    /// @notice Role that seizes from frozen accounts.
    /// @return The role id.
    function SEIZER_ROLE() external view returns (bytes32);

    /// @notice Role that recovers foreign ERC-20s.
    /// @return The role id.
    function RESCUER_ROLE() external view returns (bytes32);

    /// @notice Role that upgrades the implementation.
    /// @return The role id.
    function UPGRADER_ROLE() external view returns (bytes32);

    /// @notice Role that fulfils and rejects redemptions.
    /// @return The role id.
    function REDEMPTION_OPERATOR_ROLE() external view returns (bytes32);

    /// @notice Pause scope flag: transfer, transferFrom, transferWithAuthorization, receiveWithAuthorization.
    /// @return The flag (1).
    function PAUSE_TRANSFERS() external view returns (uint8);

    /// @notice Pause scope flag: mint.
    /// @return The flag (2).
    function PAUSE_MINTING() external view returns (uint8);

    /// @notice Pause scope flag: requestRedemption and fulfil.
    /// @return The flag (4).
    function PAUSE_REDEMPTIONS() external view returns (uint8);

    /// @notice Largest redemption fee, in basis points.
    /// @return The cap.
    function MAX_REDEMPTION_FEE_BPS() external view returns (uint16);

    /// @notice Largest safety margin, in basis points of reserves.
    /// @return The cap.
    function MAX_MARGIN_BPS() external view returns (uint16);

    /// @notice EIP-3009 TransferWithAuthorization typehash.
    /// @return The typehash.
    function TRANSFER_WITH_AUTHORIZATION_TYPEHASH() external view returns (bytes32);

    /// @notice EIP-3009 ReceiveWithAuthorization typehash.
    /// @return The typehash.
    function RECEIVE_WITH_AUTHORIZATION_TYPEHASH() external view returns (bytes32);

    /// @notice EIP-3009 CancelAuthorization typehash.
    /// @return The typehash.
    function CANCEL_AUTHORIZATION_TYPEHASH() external view returns (bytes32);

    /// @notice EIP-2612 Permit typehash.
    /// @return The typehash.
    function PERMIT_TYPEHASH() external view returns (bytes32);

    /// @notice The operations module the implementation delegates its cold paths to.
    /// @return The module address.
    function operationsModule() external view returns (address);

    /// @notice Whether `account` is a configured minter.
    /// @param account The account.
    /// @return True when configured.
    function isMinter(address account) external view returns (bool);

    /// @notice `minter`'s allowance and limits.
    /// @param minter The minter.
    /// @return config Allowance, cap, window limit and length.
    function minterConfig(address minter) external view returns (MinterConfig memory config);

    /// @notice What `minter` may still mint in the current rate window.
    /// @param minter The minter.
    /// @return remaining Amount left in the window (also bounded by the allowance).
    function mintableInWindow(address minter) external view returns (uint256 remaining);

    /// @notice The reserve policy in force.
    /// @return policy The policy.
    function reservePolicy() external view returns (ReservePolicy memory policy);

    /// @notice The scheduled reserve-policy change, if any.
    /// @return policy The scheduled policy.
    /// @return executableAt When it becomes executable (0 when nothing is scheduled).
    function scheduledReservePolicy() external view returns (ReservePolicy memory policy, uint256 executableAt);

    /// @notice Attested reserves scaled to 6 decimals and the part available for supply after the margin.
    /// @dev Reads the feed; does not check age or sign (a non-positive answer reads as 0).
    /// @return attested Attested reserves (6 decimals).
    /// @return mintable Reserves × (1 − margin).
    /// @return updatedAt The attestation date.
    function reserves() external view returns (uint256 attested, uint256 mintable, uint256 updatedAt);

    /// @notice The paused scopes.
    /// @return scopes Bit set of paused scopes.
    function pausedScopes() external view returns (uint8 scopes);

    /// @notice Whether `account` is frozen.
    /// @param account The account.
    /// @return True when frozen.
    function isFrozen(address account) external view returns (bool);

    /// @notice Whether `account` is allowlisted.
    /// @param account The account.
    /// @return True when allowlisted.
    function isAllowlisted(address account) external view returns (bool);

    /// @notice Whether allowlist mode is on.
    /// @return True when on.
    function allowlistMode() external view returns (bool);

    /// @notice Whether request `id` is pending past its due time.
    /// @param id The request.
    /// @return True when overdue.
    function isOverdue(uint256 id) external view returns (bool);

    /// @notice Request `id`.
    /// @param id The request.
    /// @return request The request.
    function redemption(uint256 id) external view returns (Redemption memory request);

    /// @notice Number of requests ever made (ids run from 1).
    /// @return count The count.
    function redemptionCount() external view returns (uint256 count);

    /// @notice Due time of a request made at `timestamp` under the current calendar and cut-off (ADR 0011).
    /// @param timestamp Request time.
    /// @return dueAt Due time.
    function dueTimeFor(uint256 timestamp) external view returns (uint256 dueAt);

    /// @notice Whether `day` is a business day (not Saturday, Sunday or a listed holiday).
    /// @param day Day number.
    /// @return True on a business day.
    function isBusinessDay(uint256 day) external view returns (bool);

    /// @notice The redemption fee rate.
    /// @return feeBps The rate.
    function redemptionFeeBps() external view returns (uint16 feeBps);

    /// @notice The daily cut-off.
    /// @return cutoffSeconds Seconds after midnight Hong Kong time.
    function redemptionCutoff() external view returns (uint32 cutoffSeconds);
}
