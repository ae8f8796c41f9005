import { id, Signature } from "ethers";

import { AUTH_TYPES, deployStablecoin, domainOf, HKD, MINTER_LIMITS, PERMIT_TYPES } from "../lib/stablecoin.js";
import { gasOf, type BenchSuite } from "./types.js";

/**
 * HKD stablecoin rows (issue 3), measured through the ERC-1967 proxy deployed by deploy/modules/HkdStablecoin.ts.
 * Scenarios: warm = both balances non-zero before and after; new = recipient had a zero balance; mint = to an
 * existing holder, reserve check on (one external call to the attestation feed); transferFrom with a finite
 * allowance that stays non-zero; permit = first permit of the owner (nonce 0 → 1, allowance 0 → value);
 * transferWithAuthorization = to an existing holder with a fresh nonce; redeem.request = first request of the
 * holder (new request record); redeem.fulfil = burn from escrow by the redemption operator.
 */
export const stablecoinSuite: BenchSuite = async (connection) => {
  const { ethers, networkHelpers } = connection;
  const d = await deployStablecoin(connection);
  const { token, feed, minter, alice, bob, carol, mallory, operator, masterMinter, attestor } = d;
  const now = BigInt(await networkHelpers.time.latest());
  await gasOf(feed.connect(attestor).attest(100_000_000n * HKD, now, id("bench report")));
  await gasOf(token.connect(masterMinter).configureMinter(minter.address, MINTER_LIMITS));
  await gasOf(token.connect(minter).mint(alice.address, 1_000n * HKD));
  await gasOf(token.connect(minter).mint(bob.address, 1_000n * HKD));

  const transferWarm = await gasOf(token.connect(alice).transfer(bob.address, 1n * HKD));
  const transferNew = await gasOf(token.connect(alice).transfer(carol.address, 1n * HKD));
  const mint = await gasOf(token.connect(minter).mint(alice.address, 100n * HKD));

  await gasOf(token.connect(alice).approve(mallory.address, 500n * HKD));
  const transferFrom = await gasOf(token.connect(mallory).transferFrom(alice.address, bob.address, 1n * HKD));

  const domain = await domainOf(token, ethers);
  const deadline = now + 86_400n;
  const permitSig = Signature.from(
    await bob.signTypedData(domain, PERMIT_TYPES, {
      owner: bob.address,
      spender: carol.address,
      value: 10n * HKD,
      nonce: 0n,
      deadline,
    }),
  );
  const permit = await gasOf(
    token
      .connect(mallory)
      ["permit(address,address,uint256,uint256,uint8,bytes32,bytes32)"](
        bob.address,
        carol.address,
        10n * HKD,
        deadline,
        permitSig.v,
        permitSig.r,
        permitSig.s,
      ),
  );

  const nonce = id("bench authorization");
  const auth = Signature.from(
    await alice.signTypedData(domain, AUTH_TYPES, {
      from: alice.address,
      to: bob.address,
      value: 5n * HKD,
      validAfter: 0n,
      validBefore: deadline,
      nonce,
    }),
  );
  const transferWithAuthorization = await gasOf(
    token
      .connect(mallory)
      ["transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)"](
        alice.address,
        bob.address,
        5n * HKD,
        0n,
        deadline,
        nonce,
        auth.v,
        auth.r,
        auth.s,
      ),
  );

  const redeemRequest = await gasOf(token.connect(bob).requestRedemption(50n * HKD, id("bob bank ref")));
  const redeemFulfil = await gasOf(token.connect(operator).fulfil(1n, id("fiat payment 1")));

  const rows = [
    { name: "stablecoin.transfer.warm", gasUsed: transferWarm, reference: "erc20.transfer.warm", budget: 45_000n },
    { name: "stablecoin.transfer.new", gasUsed: transferNew, reference: "erc20.transfer.new", budget: 62_000n },
    { name: "stablecoin.mint", gasUsed: mint, reference: "erc20.mint", budget: 60_000n },
    { name: "stablecoin.transferFrom", gasUsed: transferFrom, reference: "erc20.transfer.warm" },
    { name: "stablecoin.permit", gasUsed: permit, reference: "erc20.transfer.warm", budget: 93_000n },
    {
      name: "stablecoin.transferWithAuthorization",
      gasUsed: transferWithAuthorization,
      reference: "erc20.transfer.warm",
      budget: 85_000n,
    },
    { name: "stablecoin.redeem.request", gasUsed: redeemRequest, reference: "erc20.transfer.warm" },
    { name: "stablecoin.redeem.fulfil", gasUsed: redeemFulfil, reference: "erc20.transfer.warm" },
  ];
  return rows;
};
