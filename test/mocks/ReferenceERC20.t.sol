// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";

import {ReferenceERC20} from "../../contracts/mocks/ReferenceERC20.sol";

/// @notice Smoke test of the Solidity test toolchain (forge-std, fuzzing) on the bench's reference token.
contract ReferenceERC20Test is Test {
    ReferenceERC20 internal token;
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");

    function setUp() public {
        token = new ReferenceERC20("Reference Token", "REF");
    }

    function testFuzz_transfer_conservesSupply(uint128 minted, uint128 sent) public {
        vm.assume(sent <= minted);
        token.mint(alice, minted);
        vm.prank(alice);
        token.transfer(bob, sent);
        assertEq(token.balanceOf(alice) + token.balanceOf(bob), token.totalSupply());
        assertEq(token.balanceOf(bob), sent);
    }
}
