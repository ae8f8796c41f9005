// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IIdentityRegistry
/// @notice Verified-investor registry shared by any number of security tokens. An investor has a registry-assigned
///         id, an ISO-3166 numeric country, an investor class and a KYC validity end, and holds one or more wallets.
///         A wallet is verified while it is registered and `block.timestamp < kycValidUntil`.
/// @dev Each wallet's record is one packed storage slot (ring link to the investor's next wallet, investor id,
///      country, class, KYC end), so onboarding a wallet is a single SSTORE and a token reads both sides of a
///      transfer with one call (`transferRecords`). See docs/adr/0020-security-token-storage-and-gas.md.
interface IIdentityRegistry {
    /// @notice Investor class, lowest to highest. `None` is never stored.
    enum InvestorClass {
        None,
        Retail,
        Professional,
        Institutional
    }

    /// @notice The investor data a token needs for one side of a transfer.
    /// @param investorId Registry-assigned investor id; 0 when the wallet is not registered.
    /// @param country ISO-3166 numeric country code (1..999); 0 when not registered.
    /// @param investorClass Investor class as `uint8(InvestorClass)`.
    /// @param kycValidUntil First second at which the KYC is no longer valid.
    /// @param multiWallet True when the investor holds more than one wallet (see `walletsOf`).
    struct WalletRecord {
        uint32 investorId;
        uint16 country;
        uint8 investorClass;
        uint40 kycValidUntil;
        bool multiWallet;
    }

    /// @notice Emitted after a new investor was registered with its first wallet.
    event InvestorRegistered(
        uint32 indexed investorId,
        address indexed wallet,
        uint16 country,
        uint8 investorClass,
        uint40 kycValidUntil
    );
    /// @notice Emitted after `wallet` was added to the existing investor `investorId`.
    event WalletAdded(uint32 indexed investorId, address indexed wallet);
    /// @notice Emitted after `wallet` was removed from investor `investorId`.
    event WalletRemoved(uint32 indexed investorId, address indexed wallet);
    /// @notice Emitted after the investor's data was changed on all of its wallets.
    event InvestorUpdated(uint32 indexed investorId, uint16 country, uint8 investorClass, uint40 kycValidUntil);
    /// @notice Emitted after `token` was bound: wallets holding it can no longer be removed.
    event TokenBound(address indexed token);
    /// @notice Emitted after `token` was unbound.
    event TokenUnbound(address indexed token);

    /// @notice `wallet` is the zero address.
    error IdentityInvalidWallet(address wallet);
    /// @notice `wallet` is already registered (to investor `investorId`).
    error IdentityWalletAlreadyRegistered(address wallet, uint32 investorId);
    /// @notice `wallet` is not registered.
    error IdentityWalletNotRegistered(address wallet);
    /// @notice `country` is not an ISO-3166 numeric code (1..999).
    error IdentityInvalidCountry(uint16 country);
    /// @notice `investorClass` is not Retail, Professional or Institutional.
    error IdentityInvalidInvestorClass(uint8 investorClass);
    /// @notice A new registration's KYC end `kycValidUntil` is not after `nowTimestamp`.
    error IdentityKycAlreadyExpired(uint40 kycValidUntil, uint256 nowTimestamp);
    /// @notice Investor `investorId` already holds `maxWallets` wallets.
    error IdentityTooManyWallets(uint32 investorId, uint256 maxWallets);
    /// @notice `wallet` still holds `balance` of the bound `token`; move it (forced transfer or recovery) first.
    error IdentityWalletHoldsTokens(address wallet, address token, uint256 balance);
    /// @notice Batch arrays differ in length or exceed `maxLength`.
    error IdentityBatchInvalid(uint256 length, uint256 maxLength);
    /// @notice `token` is the zero address, already bound, or `maxTokens` are bound.
    error IdentityTokenBindingInvalid(address token, uint256 maxTokens);
    /// @notice `token` is not bound.
    error IdentityTokenNotBound(address token);

    /// @notice Registers a new investor with its first wallet and assigns it the next investor id.
    /// @dev Needs REGISTRY_AGENT_ROLE. One storage slot per wallet (onboarding ≤ 60,000 gas, bench row
    ///      `security.registerInvestor`).
    /// @param wallet The investor's first wallet (not registered yet).
    /// @param country ISO-3166 numeric code, 1..999.
    /// @param investorClass 1 Retail, 2 Professional, 3 Institutional.
    /// @param kycValidUntil First second at which the KYC is no longer valid; must be in the future.
    /// @return investorId The id assigned to the investor.
    function registerInvestor(
        address wallet,
        uint16 country,
        uint8 investorClass,
        uint40 kycValidUntil
    ) external returns (uint32 investorId);

    /// @notice Registers several investors, one wallet each (bounded batch).
    /// @dev Needs REGISTRY_AGENT_ROLE.
    /// @return investorIds The assigned ids, in input order.
    function batchRegisterInvestors(
        address[] calldata wallets,
        uint16[] calldata countries,
        uint8[] calldata investorClasses,
        uint40[] calldata kycValidUntils
    ) external returns (uint32[] memory investorIds);

    /// @notice Adds `newWallet` to the investor that holds `existingWallet` (the new wallet copies its data).
    /// @dev Needs REGISTRY_AGENT_ROLE. At most `MAX_WALLETS_PER_INVESTOR` wallets per investor.
    function addWallet(address existingWallet, address newWallet) external;

    /// @notice Updates country, class and KYC end of the investor holding `wallet`, on all of its wallets.
    /// @dev Needs REGISTRY_AGENT_ROLE. `kycValidUntil` may be in the past: that revokes verification at once while
    ///      keeping the investor's wallets linked (the way to cut off an investor who still holds tokens).
    function updateInvestor(address wallet, uint16 country, uint8 investorClass, uint40 kycValidUntil) external;

    /// @notice Removes `wallet` from its investor. Reverts while the wallet holds any bound token.
    /// @dev Needs REGISTRY_AGENT_ROLE.
    function removeWallet(address wallet) external;

    /// @notice Removes every wallet of the investor holding `wallet`. Reverts while any of them holds a bound token.
    /// @dev Needs REGISTRY_AGENT_ROLE.
    function removeInvestor(address wallet) external;

    /// @notice Binds `token`: wallets holding it cannot be removed (keeps per-investor accounting exact).
    /// @dev Needs DEFAULT_ADMIN_ROLE. At most `MAX_BOUND_TOKENS`.
    function bindToken(address token) external;

    /// @notice Unbinds `token`.
    /// @dev Needs DEFAULT_ADMIN_ROLE.
    function unbindToken(address token) external;

    /// @notice Whether `wallet` is registered and its investor's KYC has not ended (`block.timestamp < end`).
    function isVerified(address wallet) external view returns (bool verified);

    /// @notice ISO-3166 numeric country of the investor holding `wallet` (0 when not registered).
    function investorCountry(address wallet) external view returns (uint16 country);

    /// @notice The full record of `wallet` (all zero when not registered).
    function walletRecord(address wallet) external view returns (WalletRecord memory record);

    /// @notice Packed records of both sides of a transfer in one call (0 when not registered); the hot path of every
    ///         bound token. Layout: next wallet of the investor's ring (bits 0-159; the wallet itself when it is the
    ///         investor's only wallet) | investorId (160-191) | country (192-207) | class (208-215) |
    ///         kycValidUntil (216-255).
    function transferRecords(address from, address to) external view returns (uint256 fromRecord, uint256 toRecord);

    /// @notice Every wallet of the investor holding `wallet`, `wallet` first (empty when not registered).
    function walletsOf(address wallet) external view returns (address[] memory wallets);

    /// @notice The tokens bound to this registry.
    function boundTokens() external view returns (address[] memory tokens);

    /// @notice The id the next registered investor will get.
    function nextInvestorId() external view returns (uint32 investorId);
}
