// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";

import {IdentityRegistry} from "../../contracts/identity/IdentityRegistry.sol";
import {IIdentityRegistry} from "../../contracts/interfaces/IIdentityRegistry.sol";
import {ISecurityToken} from "../../contracts/interfaces/ISecurityToken.sol";
import {SecurityToken} from "../../contracts/token/SecurityToken.sol";

/// @notice Shared deployment for the fuzz and invariant tests: registry, token behind an ERC-1967 proxy, allow list
///         {HK}, professionals only, max balance 1,000,000 per investor (decimals 0).
abstract contract SecurityTokenSetup is Test {
    uint16 internal constant HK = 344;
    uint16 internal constant US = 840;
    uint256 internal constant MAX_BALANCE = 1_000_000;

    IdentityRegistry internal registry;
    SecurityToken internal token;

    function _deploy(address agent) internal {
        registry = new IdentityRegistry(0, address(this));
        registry.grantRole(registry.REGISTRY_AGENT_ROLE(), address(this));
        SecurityToken implementation = new SecurityToken();
        bytes memory init = abi.encodeCall(
            SecurityToken.initialize,
            (
                "Bond",
                "BND",
                0,
                IIdentityRegistry(address(registry)),
                address(this),
                0,
                agent,
                address(this),
                address(this)
            )
        );
        token = SecurityToken(address(new ERC1967Proxy(address(implementation), init)));
        registry.bindToken(address(token));
        token.setCountryMode(ISecurityToken.CountryMode.AllowList);
        uint16[] memory countries = new uint16[](1);
        countries[0] = HK;
        token.setCountries(countries, true);
        token.setMinimumInvestorClass(2);
        token.setMaxBalancePerInvestor(MAX_BALANCE);
    }
}

/// @notice Fuzz tests of the rule boundaries.
contract SecurityTokenFuzzTest is SecurityTokenSetup {
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");

    function setUp() public {
        _deploy(address(this));
        registry.registerInvestor(alice, HK, 2, uint40(block.timestamp + 365 days));
        registry.registerInvestor(bob, HK, 3, uint40(block.timestamp + 365 days));
    }

    /// Exactly at the max balance passes; anything above it reverts naming the rule and values.
    function testFuzz_mint_maxBalanceBoundary(uint256 amount) public {
        amount = bound(amount, 1, 2 * MAX_BALANCE);
        if (amount <= MAX_BALANCE) {
            token.mint(alice, amount);
            assertEq(token.balanceOf(alice), amount);
        } else {
            vm.expectRevert(
                abi.encodeWithSelector(
                    ISecurityToken.ComplianceMaxBalanceExceeded.selector,
                    uint32(1),
                    amount,
                    MAX_BALANCE
                )
            );
            token.mint(alice, amount);
        }
    }

    /// Transfers conserve supply and the pre-check view agrees with the outcome.
    function testFuzz_transfer_viewAgreesWithOutcome(uint256 minted, uint256 sent, uint256 frozen) public {
        minted = bound(minted, 1, MAX_BALANCE);
        frozen = bound(frozen, 0, minted);
        sent = bound(sent, 0, 2 * minted);
        token.mint(alice, minted);
        token.freezePartialTokens(alice, frozen);
        (ISecurityToken.TransferCheck code, , ) = token.checkTransfer(alice, bob, sent);
        vm.prank(alice);
        // solhint-disable-next-line avoid-low-level-calls
        (bool ok, ) = address(token).call(abi.encodeCall(token.transfer, (bob, sent)));
        assertEq(ok, code == ISecurityToken.TransferCheck.Ok);
        assertEq(token.balanceOf(alice) + token.balanceOf(bob), token.totalSupply());
        assertLe(token.getFrozenTokens(alice), token.balanceOf(alice));
    }

    /// The ERC-7201 namespace is where the header says: its first slot holds the registry address (Config).
    function test_storage_erc7201Slot() public view {
        bytes32 slot =
            keccak256(abi.encode(uint256(keccak256("bauhinia.storage.SecurityToken")) - 1)) & ~bytes32(uint256(0xff));
        assertEq(address(uint160(uint256(vm.load(address(token), slot)))), address(registry));
    }

    /// The KYC end is the first second at which a wallet is no longer verified.
    function testFuzz_kycEndSecond(uint40 offset) public {
        uint40 end = uint40(block.timestamp) + uint40(bound(offset, 1, 1000 days));
        address carol = makeAddr("carol");
        registry.registerInvestor(carol, HK, 2, end);
        vm.warp(end - 1);
        assertTrue(registry.isVerified(carol));
        vm.warp(end);
        assertFalse(registry.isVerified(carol));
    }
}

/// @notice Drives the token with random investor and agent actions; records what the invariants need.
/// @dev Calls that may be refused go through low-level calls so that the handler can record the outcome.
/* solhint-disable avoid-low-level-calls */
contract SecurityTokenHandler is Test {
    SecurityToken internal immutable TOKEN;
    IdentityRegistry internal immutable REGISTRY;
    address[] internal actors;

    /// Successful investor transfers observed while the token was paused (INV-SEC-5).
    uint256 public transfersWhilePaused;
    /// Receipts by a wallet that was not verified at the time (INV-SEC-3).
    uint256 public unverifiedReceipts;

    constructor(SecurityToken token_, IdentityRegistry registry_, address[] memory actors_) {
        TOKEN = token_;
        REGISTRY = registry_;
        actors = actors_;
    }

    function transfer(uint256 fromSeed, uint256 toSeed, uint256 amount) external {
        address from = _actor(fromSeed);
        address to = _actor(toSeed);
        amount = bound(amount, 0, TOKEN.balanceOf(from) + 1);
        bool paused = TOKEN.paused();
        bool verified = REGISTRY.isVerified(to);
        vm.prank(from);
        (bool ok, ) = address(TOKEN).call(abi.encodeCall(TOKEN.transfer, (to, amount)));
        if (ok && paused) ++transfersWhilePaused;
        if (ok && amount != 0 && !verified) ++unverifiedReceipts;
    }

    function batchTransfer(uint256 fromSeed, uint256 toSeed, uint256 amount) external {
        address from = _actor(fromSeed);
        address[] memory to = new address[](2);
        to[0] = _actor(toSeed);
        to[1] = _actor(toSeed + 1);
        uint256[] memory amounts = new uint256[](2);
        amounts[0] = bound(amount, 0, TOKEN.balanceOf(from));
        amounts[1] = 1;
        bool paused = TOKEN.paused();
        bool verified = REGISTRY.isVerified(to[0]) && REGISTRY.isVerified(to[1]);
        vm.prank(from);
        (bool ok, ) = address(TOKEN).call(abi.encodeCall(TOKEN.batchTransfer, (to, amounts)));
        if (ok && paused) ++transfersWhilePaused;
        if (ok && !verified) ++unverifiedReceipts;
    }

    function mint(uint256 toSeed, uint256 amount) external {
        address to = _actor(toSeed);
        bool verified = REGISTRY.isVerified(to);
        (bool ok, ) = address(TOKEN).call(abi.encodeCall(TOKEN.mint, (to, bound(amount, 1, 400_000))));
        if (ok && !verified) ++unverifiedReceipts;
    }

    function burn(uint256 seed, uint256 amount) external {
        address from = _actor(seed);
        TOKEN.burn(from, bound(amount, 0, TOKEN.balanceOf(from)));
    }

    function forcedTransfer(uint256 fromSeed, uint256 toSeed, uint256 amount) external {
        address from = _actor(fromSeed);
        address to = _actor(toSeed);
        bool verified = REGISTRY.isVerified(to);
        (bool ok, ) = address(TOKEN).call(
            abi.encodeCall(TOKEN.forcedTransfer, (from, to, bound(amount, 1, TOKEN.balanceOf(from) + 1)))
        );
        if (ok && !verified) ++unverifiedReceipts;
    }

    function freezePartial(uint256 seed, uint256 amount) external {
        address wallet = _actor(seed);
        uint256 free = TOKEN.balanceOf(wallet) - TOKEN.getFrozenTokens(wallet);
        TOKEN.freezePartialTokens(wallet, bound(amount, 0, free));
    }

    function unfreezePartial(uint256 seed, uint256 amount) external {
        address wallet = _actor(seed);
        TOKEN.unfreezePartialTokens(wallet, bound(amount, 0, TOKEN.getFrozenTokens(wallet)));
    }

    function setFrozen(uint256 seed, bool freeze) external {
        TOKEN.setAddressFrozen(_actor(seed), freeze);
    }

    function togglePause() external {
        if (TOKEN.paused()) TOKEN.unpause();
        else TOKEN.pause();
    }

    function passTime(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 0, 60 days));
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function actorAt(uint256 index) external view returns (address) {
        return actors[index];
    }

    function _actor(uint256 seed) internal view returns (address) {
        return actors[seed % actors.length];
    }
}

/* solhint-enable avoid-low-level-calls */

/// @notice Invariants INV-SEC-1..5 (contracts/token/SecurityToken.sol header, docs/threat-model.md).
contract SecurityTokenInvariantTest is SecurityTokenSetup {
    SecurityTokenHandler internal handler;
    address[] internal actors;

    function setUp() public {
        for (uint256 i = 0; i < 7; ++i) actors.push(makeAddr(string(abi.encodePacked("actor", vm.toString(i)))));
        // The handler is the token agent; this test contract is admin, compliance admin and registry agent.
        _deploy(address(0));
        handler = new SecurityTokenHandler(token, registry, actors);
        token.grantRole(token.AGENT_ROLE(), address(handler));
        uint40 kycEnd = uint40(block.timestamp + 200 days);
        // actor0 and actor1: one investor with two wallets; actor2, actor3: professionals with short and long KYC;
        // actor4: retail (refused by class); actor5: US (refused by country); actor6: never registered.
        registry.registerInvestor(actors[0], HK, 2, kycEnd);
        registry.addWallet(actors[0], actors[1]);
        registry.registerInvestor(actors[2], HK, 3, uint40(block.timestamp + 30 days));
        registry.registerInvestor(actors[3], HK, 2, kycEnd);
        registry.registerInvestor(actors[4], HK, 1, kycEnd);
        registry.registerInvestor(actors[5], US, 2, kycEnd);
        targetContract(address(handler));
    }

    /// INV-SEC-1: Σ balances == totalSupply (the actors are the only possible holders).
    function invariant_INV_SEC_1_balancesSumToSupply() public view {
        uint256 sum;
        for (uint256 i = 0; i < actors.length; ++i) sum += token.balanceOf(actors[i]);
        assertEq(sum, token.totalSupply());
    }

    /// INV-SEC-2: frozen <= balance for every holder.
    function invariant_INV_SEC_2_frozenWithinBalance() public view {
        for (uint256 i = 0; i < actors.length; ++i) {
            assertLe(token.getFrozenTokens(actors[i]), token.balanceOf(actors[i]));
        }
    }

    /// INV-SEC-3: every receipt went to a verified investor; the never-registered wallet holds nothing.
    function invariant_INV_SEC_3_holdersWereVerified() public view {
        assertEq(handler.unverifiedReceipts(), 0);
        assertEq(token.balanceOf(actors[6]), 0);
    }

    /// INV-SEC-4: holderCount == number of investors with a non-zero balance across their wallets.
    function invariant_INV_SEC_4_holderCountPerInvestor() public view {
        uint256 holders;
        uint32[] memory seen = new uint32[](actors.length);
        uint256 seenCount;
        for (uint256 i = 0; i < actors.length; ++i) {
            uint32 id = registry.walletRecord(actors[i]).investorId;
            if (id == 0) continue;
            bool counted;
            for (uint256 j = 0; j < seenCount; ++j) if (seen[j] == id) counted = true;
            if (counted) continue;
            seen[seenCount++] = id;
            if (token.investorBalance(actors[i]) != 0) ++holders;
        }
        assertEq(token.holderCount(), holders);
    }

    /// INV-SEC-5: no investor transfer succeeded while paused.
    function invariant_INV_SEC_5_noTransferWhilePaused() public view {
        assertEq(handler.transfersWhilePaused(), 0);
    }
}
