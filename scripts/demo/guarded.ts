import { formatUnits } from "ethers";

import GuardedSecurityTokenModule from "../../deploy/modules/GuardedSecurityToken.js";
import { fundedStablecoin, HKD } from "../lib/stablecoin.js";
import type { DemoChapter } from "./types.js";

const HK = 344;
const PROFESSIONAL = 2;
const E8 = 100_000_000n;
/** `ICircuitBreaker.HaltReason` names by value (docs/adr/0037). */
const REASONS = ["None", "NotConfigured", "GlobalHalt", "ManualHalt", "Latched", "CoolingOff", "PriceDeviation"];

/** Chapter: the green bond guarded by the circuit breaker; agent powers and the HKD cash leg stay open. */
export const guardedChapter: DemoChapter = {
  title: "Wiring: the green bond halts on a >10% move, agent actions and HKD payments go on",
  async run(connection, log) {
    const { ethers, ignition, networkHelpers } = connection;
    const [issuer, alice, bob] = await ethers.getSigners();
    if (!issuer || !alice || !bob) throw new Error("needs three accounts");

    const feed = await ethers.deployContract("MockAggregatorV3", [8, 100n * E8]);
    const deployed = await ignition.deploy(GuardedSecurityTokenModule, {
      parameters: {
        SecurityToken: { countries: [HK], minimumInvestorClass: PROFESSIONAL },
        GuardedSecurityToken: { priceFeed: await feed.getAddress() },
      },
    });
    const bond = await ethers.getContractAt("SecurityToken", deployed.token);
    const registry = await ethers.getContractAt("IdentityRegistry", deployed.registry);
    const breaker = await ethers.getContractAt("CircuitBreaker", deployed.breaker);
    log(`green bond ${await bond.getAddress()} guarded by breaker ${await bond.tradingGuard()}`);

    const kycEnd = BigInt(await networkHelpers.time.latest()) + 365n * 86_400n;
    await (
      await registry.batchRegisterInvestors([alice, bob], [HK, HK], [PROFESSIONAL, PROFESSIONAL], [kycEnd, kycEnd])
    ).wait();
    await (await bond.batchMint([alice, bob], [100n, 100n])).wait();
    await (await breaker.check(bond)).wait();
    log("alice and bob (HK professional investors) hold 100 bonds each; the breaker anchored the price at HKD 100");

    const transfer = async (label: string) => {
      try {
        await bond.connect(alice).transfer.staticCall(bob, 1n);
        await (await bond.connect(alice).transfer(bob, 1n)).wait();
        log(`${label}: alice → bob 1 bond went through`);
      } catch (error: unknown) {
        const data = typeof error === "object" && error !== null && "data" in error ? error.data : undefined;
        const parsed = typeof data === "string" ? breaker.interface.parseError(data) : null;
        if (parsed === null) throw error;
        log(`${label}: alice → bob reverted with ${parsed.name}(bond, ${REASONS[Number(parsed.args[1])]})`);
      }
    };

    await transfer("price HKD 100");
    await (await feed.setAnswer(89n * E8)).wait();
    await transfer("price falls 11% to HKD 89");
    await (await breaker.check(bond)).wait();
    const { haltedUntil } = await breaker.status(bond);
    log(`a keeper recorded the trip: halted until ${new Date(Number(haltedUntil) * 1000).toISOString()}`);
    await transfer("during the cooling-off");

    await (await bond.forcedTransfer(alice, bob, 5n)).wait();
    log(`the agent's court-ordered forced transfer still works: bob holds ${await bond.balanceOf(bob)} bonds`);

    const hkd = await fundedStablecoin(connection);
    await (await hkd.token.connect(hkd.alice).transfer(hkd.bob, 10n * HKD)).wait();
    log(`the HKD stablecoin is never halted by the bond's breaker: paid HKD ${formatUnits(10n * HKD, 6)}`);

    await networkHelpers.time.increaseTo(haltedUntil);
    await transfer("after the 5-minute cooling-off (the price re-anchors at HKD 89)");
  },
};
