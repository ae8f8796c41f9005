import { formatUnits, id, Signature } from "ethers";

import { AUTH_TYPES, deployStablecoin, domainOf, MINTER_LIMITS } from "../lib/stablecoin.js";
import type { DemoChapter } from "./types.js";

const hkd = (units: bigint): string => `HKD ${formatUnits(units, 6)}`;
const HKD = 1_000_000n;

/** Chapter: the reserve-backed HKD stablecoin (issue 3), deployed through deploy/modules/HkdStablecoin.ts. */
export const stablecoinChapter: DemoChapter = {
  title: "HKD stablecoin: secure mint, gasless payment, AML seizure, redemption at par",
  async run(connection, log) {
    const { ethers, networkHelpers } = connection;
    const d = await deployStablecoin(connection);
    const { token, feed, attestor, masterMinter, minter, alice, bob, compliance, seizer, custodian, operator } = d;
    log(
      `deployed ${await token.name()} (${await token.symbol()}) behind an ERC-1967 proxy at ${await token.getAddress()}`,
    );
    log(`reserve attestation feed (Chainlink AggregatorV3Interface) at ${await feed.getAddress()}`);

    const now = BigInt(await networkHelpers.time.latest());
    await (await feed.connect(attestor).attest(5_000_000n * HKD, now, id("Q4 attestation report"))).wait();
    const [attested] = await token.reserves();
    log(`attestor posted reserves of ${hkd(attested)} (report hash ${id("Q4 attestation report").slice(0, 10)}…)`);

    await (await token.connect(masterMinter).configureMinter(minter.address, MINTER_LIMITS)).wait();
    log(
      `master minter set the minter's allowance to ${hkd(MINTER_LIMITS.allowance)}, cap ${hkd(MINTER_LIMITS.perTxCap)} per mint, ${hkd(MINTER_LIMITS.windowLimit)} per day`,
    );
    await (await token.connect(minter).mint(alice.address, 1_000_000n * HKD)).wait();
    await (await token.connect(minter).mint(alice.address, 1_000_000n * HKD)).wait();
    log(`minted ${hkd(2_000_000n * HKD)} to alice; supply ${hkd(await token.totalSupply())}`);
    try {
      await token.connect(minter).mint.staticCall(bob.address, 1n);
    } catch (error) {
      const data = (error as { data?: string }).data;
      const parsed = data === undefined ? null : token.interface.parseError(data);
      log(
        `one more unit today is refused by the rate limit: ${parsed?.name ?? "reverted"}(${parsed?.args.join(", ") ?? ""})`,
      );
    }

    const domain = await domainOf(token, ethers);
    const message = {
      from: alice.address,
      to: bob.address,
      value: 250n * HKD,
      validAfter: 0n,
      validBefore: now + 3600n,
      nonce: id("invoice 2026-001"),
    };
    const sig = Signature.from(await alice.signTypedData(domain, AUTH_TYPES, message));
    const receipt = await (
      await token
        .connect(operator)
        ["transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)"](
          message.from,
          message.to,
          message.value,
          message.validAfter,
          message.validBefore,
          message.nonce,
          sig.v,
          sig.r,
          sig.s,
        )
    ).wait();
    log(`alice paid bob ${hkd(message.value)} gaslessly (EIP-3009, relayer paid ${receipt?.gasUsed} gas)`);

    await (await token.connect(compliance).freeze(bob.address)).wait();
    await (await token.connect(seizer).seize(bob.address, custodian.address, 250n * HKD, id("HCMP 42/2026"))).wait();
    log(`compliance froze bob; the seizer moved ${hkd(250n * HKD)} to the court custodian under order HCMP 42/2026`);

    const request = await (await token.connect(alice).requestRedemption(100_000n * HKD, id("alice HSBC"))).wait();
    const r = await token.redemption(1n);
    log(
      `alice asked to redeem ${hkd(r.amount)} at block time ${new Date(Number(r.requestedAt) * 1000).toISOString()}; due ${new Date(Number(r.dueAt) * 1000).toISOString()} (next HK business day, 16:00 HKT; gas ${request?.gasUsed})`,
    );
    await (await token.connect(operator).fulfil(1n, id("CHATS HKD wire 778"))).wait();
    log(
      `operator paid the fiat and burnt the escrow; supply now ${hkd(await token.totalSupply())}, reserves attested ${hkd(attested)}`,
    );
  },
};
