// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test, Vm} from "forge-std/Test.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IEIP3009} from "../../contracts/interfaces/IEIP3009.sol";
import {ReferenceERC20} from "../../contracts/mocks/ReferenceERC20.sol";
import {IHkdStablecoin} from "../../contracts/interfaces/IHkdStablecoin.sol";
import {StablecoinMockAggregator} from "../../contracts/mocks/StablecoinMockAggregator.sol";
import {HkdStablecoin} from "../../contracts/stablecoin/HkdStablecoin.sol";
import {HkdStablecoinOps} from "../../contracts/stablecoin/HkdStablecoinOps.sol";
import {HkdStablecoinViews} from "../../contracts/stablecoin/HkdStablecoinViews.sol";

/// @notice Fuzz tests: reserve margin and decimals arithmetic (ADR 0012), EIP-3009 signatures made with vm.sign,
///         ERC-20 transfer semantics and the redemption due-time rule (ADR 0011).
contract HkdStablecoinFuzzTest is Test {
    IHkdStablecoin internal token;
    StablecoinMockAggregator internal feed;
    address internal minter = makeAddr("minter");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");

    function setUp() public {
        vm.warp(1_800_000_000);
        feed = new StablecoinMockAggregator(6);
        HkdStablecoin implementation = new HkdStablecoin(
            address(new HkdStablecoinOps(address(new HkdStablecoinViews())))
        );
        IHkdStablecoin.InitParams memory p = IHkdStablecoin.InitParams({
            name: "Bauhinia Hong Kong Dollar",
            symbol: "HKDB",
            admin: address(this),
            adminDelay: 0,
            masterMinter: address(this),
            pauser: address(this),
            complianceOfficer: address(this),
            seizer: address(this),
            rescuer: address(this),
            upgrader: address(this),
            redemptionOperator: address(this),
            reservePolicy: IHkdStablecoin.ReservePolicy({
                feed: address(feed),
                enabled: true,
                marginBps: 0,
                maxAgeSeconds: 2 days,
                delaySeconds: 2 days
            }),
            cutoffSeconds: 16 hours,
            allowlistMode: false
        });
        token = IHkdStablecoin(
            address(new ERC1967Proxy(address(implementation), abi.encodeCall(HkdStablecoin.initialize, (p))))
        );
        token.configureMinter(
            minter,
            IHkdStablecoin.MinterConfig({
                allowance: type(uint128).max,
                perTxCap: type(uint96).max,
                windowLimit: type(uint96).max,
                windowSeconds: 1 days
            })
        );
    }

    /// ADR 0012: the margin is a share of attested reserves: a mint of `amount` on zero supply succeeds exactly
    /// when amount <= floor(reserves × (10000 − margin) / 10000).
    function testFuzz_mint_marginIsShareOfReserves(uint96 reserves, uint16 marginBps, uint96 amount) public {
        marginBps = uint16(_bound(marginBps, 0, 5_000));
        amount = uint96(_bound(amount, 1, type(uint96).max));
        reserves = uint96(_bound(reserves, 1, type(uint96).max));
        feed.set(int256(uint256(reserves)), block.timestamp);
        if (marginBps > 0) {
            token.scheduleReservePolicy(
                IHkdStablecoin.ReservePolicy({
                    feed: address(feed),
                    enabled: true,
                    marginBps: marginBps,
                    maxAgeSeconds: 2 days,
                    delaySeconds: 2 days
                })
            );
            token.executeReservePolicy(); // tightening: no delay
        }
        uint256 mintable = (uint256(reserves) * (10_000 - marginBps)) / 10_000;
        vm.prank(minter);
        if (amount <= mintable) {
            token.mint(alice, amount);
            assertEq(token.totalSupply(), amount);
        } else {
            vm.expectRevert(
                abi.encodeWithSelector(IHkdStablecoin.StablecoinReservesExceeded.selector, amount, mintable)
            );
            token.mint(alice, amount);
        }
    }

    /// Scaling a feed with any decimals to 6 never overstates reserves and is exact when decimals <= 6.
    function testFuzz_reserves_scalingNeverOverstates(uint8 decimals, uint128 answer) public {
        decimals = uint8(_bound(decimals, 0, 36));
        answer = uint128(_bound(answer, 1, type(uint128).max));
        StablecoinMockAggregator other = new StablecoinMockAggregator(decimals);
        other.set(int256(uint256(answer)), block.timestamp);
        token.scheduleReservePolicy(
            IHkdStablecoin.ReservePolicy({
                feed: address(other),
                enabled: true,
                marginBps: 0,
                maxAgeSeconds: 2 days,
                delaySeconds: 2 days
            })
        );
        vm.warp(block.timestamp + 2 days);
        token.executeReservePolicy();
        (uint256 attested, , ) = token.reserves();
        if (decimals <= 6) {
            assertEq(attested, uint256(answer) * 10 ** (6 - decimals));
        } else {
            uint256 unit = 10 ** (decimals - 6);
            assertLe(attested * unit, answer);
            assertGt((attested + 1) * unit, answer);
        }
    }

    /// EIP-3009 with any signer key and nonce: the payer's signature pays once; replay and a foreign key fail.
    function testFuzz_transferWithAuthorization_signature(
        uint256 key,
        uint256 otherKey,
        bytes32 nonce,
        uint96 value
    ) public {
        key = _bound(key, 1, 2 ** 200);
        otherKey = _bound(otherKey, 1, 2 ** 200);
        vm.assume(key != otherKey);
        value = uint96(_bound(value, 0, type(uint96).max - 1));
        address payer = vm.addr(key);
        feed.set(int256(uint256(type(uint96).max)), block.timestamp);
        vm.prank(minter);
        token.mint(payer, uint256(value) + 1);
        uint256 validBefore = block.timestamp + 1 hours;
        bytes32 digest = _digest(payer, bob, value, validBefore, nonce);

        (uint8 v, bytes32 r, bytes32 s) = vm.sign(otherKey, digest);
        vm.expectRevert(abi.encodeWithSelector(IEIP3009.EIP3009InvalidSignature.selector, payer));
        token.transferWithAuthorization(payer, bob, value, 0, validBefore, nonce, v, r, s);

        (v, r, s) = vm.sign(key, digest);
        token.transferWithAuthorization(payer, bob, value, 0, validBefore, nonce, v, r, s);
        assertEq(token.balanceOf(bob), value);
        assertTrue(token.authorizationState(payer, nonce));

        vm.expectRevert(abi.encodeWithSelector(IEIP3009.EIP3009AuthorizationUsedOrCanceled.selector, payer, nonce));
        token.transferWithAuthorization(payer, bob, value, 0, validBefore, nonce, v, r, s);
    }

    /// ERC-20 transfer as OpenZeppelin: exact balance moves within the balance, ERC20InsufficientBalance above it.
    function testFuzz_transfer_matchesOpenZeppelin(uint96 minted, uint96 sent) public {
        minted = uint96(_bound(minted, 1, type(uint96).max));
        feed.set(int256(uint256(type(uint96).max)), block.timestamp);
        vm.prank(minter);
        token.mint(alice, minted);
        vm.prank(alice);
        if (sent <= minted) {
            assertTrue(token.transfer(bob, sent));
            assertEq(token.balanceOf(alice), minted - sent);
            assertEq(token.balanceOf(bob), sent);
        } else {
            vm.expectRevert(
                abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, alice, minted, sent)
            );
            token.transfer(bob, sent);
        }
        assertEq(token.totalSupply(), minted);
    }

    /// ADR 0011: for any request time, the due time is after it, falls at the cut-off (16:00 HKT) of a weekday, and
    /// without holidays is at most 4 days later (Friday after the cut-off → Tuesday).
    function testFuzz_dueTime_nextBusinessDayAtCutoff(uint40 t) public view {
        t = uint40(_bound(t, 1_700_000_000, 4_000_000_000));
        uint256 due = token.dueTimeFor(t);
        assertGt(due, t);
        assertLe(due - t, 4 days + 16 hours);
        uint256 local = due + 8 hours;
        assertEq(local % 1 days, 16 hours);
        uint256 weekday = (local / 1 days + 4) % 7;
        assertTrue(weekday != 0 && weekday != 6);
        assertTrue(token.isBusinessDay(local / 1 days));
        // A request made before the cut-off of a business day is due the next business day.
        uint256 requestDay = (uint256(t) + 8 hours) / 1 days;
        if (token.isBusinessDay(requestDay) && (uint256(t) + 8 hours) % 1 days < 16 hours) {
            uint256 next = requestDay + 1;
            while (!token.isBusinessDay(next)) ++next;
            assertEq(local / 1 days, next);
        }
    }

    /// REQ-STB-10 / ADR 0010 differential test: the same random sequence of transfer, approve and transferFrom
    /// (zero addresses, zero amounts, infinite allowances, over-spending included) run on the stablecoin and on
    /// OpenZeppelin's ERC20 gives identical success/revert data, identical events (topics and data) and identical
    /// balances and allowances. Only the documented difference is excluded: a transfer to the token's own address.
    function testFuzz_differential_matchesOpenZeppelinERC20(uint256[16] memory ops) public {
        ReferenceERC20 oz = new ReferenceERC20("Reference", "REF");
        address[4] memory actors = [alice, bob, makeAddr("carol"), address(0)];
        feed.set(int256(uint256(type(uint96).max)), block.timestamp);
        for (uint256 i = 0; i < 3; ++i) {
            vm.prank(minter);
            token.mint(actors[i], 1_000e6);
            oz.mint(actors[i], 1_000e6);
        }
        for (uint256 k = 0; k < ops.length; ++k) {
            uint256 seed = ops[k];
            address from = actors[seed % 3];
            address to = actors[(seed >> 8) % 4];
            address other = actors[(seed >> 16) % 4];
            uint256 amount = (seed >> 24) % 7 == 0 ? type(uint256).max : (seed >> 32) % 1_500e6;
            bytes memory call;
            uint256 op = (seed >> 64) % 3;
            if (op == 0) call = abi.encodeCall(IERC20.transfer, (to, amount));
            else if (op == 1) call = abi.encodeCall(IERC20.approve, (to, amount));
            else call = abi.encodeCall(IERC20.transferFrom, (other, to, amount));
            _sameOutcome(from, address(oz), call);
        }
        for (uint256 i = 0; i < 4; ++i) {
            assertEq(token.balanceOf(actors[i]), oz.balanceOf(actors[i]));
            for (uint256 j = 0; j < 4; ++j)
                assertEq(token.allowance(actors[i], actors[j]), oz.allowance(actors[i], actors[j]));
        }
        assertEq(token.totalSupply(), oz.totalSupply());
    }

    /// Balances are stored in 128 bits: a mint that would take the supply past 2^128 − 1 reverts (reachable only
    /// with reserves above 3.4e32 HKD, so the supply is placed there with vm.store).
    function test_mint_supplyCappedAt128Bits() public {
        feed.set(type(int256).max, block.timestamp);
        bytes32 base = 0x10d8b2df2b75e881d6be6a9a901e58afd720ebfa943c8f5936cf4ac4f15b4500;
        vm.store(address(token), bytes32(uint256(base) + 1), bytes32(uint256(type(uint128).max)));
        assertEq(token.totalSupply(), type(uint128).max);
        vm.prank(minter);
        vm.expectRevert(abi.encodeWithSelector(IHkdStablecoin.StablecoinInvalidAmount.selector, 1));
        token.mint(alice, 1);
    }

    function _sameOutcome(address caller, address oz, bytes memory call) private {
        vm.recordLogs();
        vm.prank(caller);
        // solhint-disable-next-line avoid-low-level-calls
        (bool okA, bytes memory retA) = address(token).call(call);
        Vm.Log[] memory logsA = vm.getRecordedLogs();
        vm.prank(caller);
        // solhint-disable-next-line avoid-low-level-calls
        (bool okB, bytes memory retB) = oz.call(call);
        Vm.Log[] memory logsB = vm.getRecordedLogs();
        assertEq(okA, okB, "success differs");
        assertEq(retA, retB, "return or revert data differs");
        assertEq(logsA.length, logsB.length, "event count differs");
        for (uint256 i = 0; i < logsA.length; ++i) {
            assertEq(logsA[i].topics, logsB[i].topics);
            assertEq(logsA[i].data, logsB[i].data);
        }
    }

    function _digest(
        address from,
        address to,
        uint256 value,
        uint256 validBefore,
        bytes32 nonce
    ) private view returns (bytes32) {
        bytes32 structHash = keccak256(
            abi.encode(token.TRANSFER_WITH_AUTHORIZATION_TYPEHASH(), from, to, value, 0, validBefore, nonce)
        );
        return keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
    }
}
