import { formatUnits } from "ethers";

import CircuitBreakerModule from "../../deploy/modules/CircuitBreaker.js";
import type { DemoChapter } from "./types.js";

/** ICircuitBreaker.HaltReason names, by value. */
const REASONS = [
  "None",
  "NotConfigured",
  "GlobalHalt",
  "ManualHalt",
  "Latched",
  "CoolingOff",
  "PriceDeviation",
  "SequencerDown",
  "SequencerGracePeriod",
  "SequencerFeedFailed",
  "OracleCallFailed",
  "OracleRoundIdZero",
  "OracleAnswerNotPositive",
  "OracleAnswerTooLarge",
  "OracleUpdatedAtZero",
  "OracleUpdatedAtInFuture",
  "OracleStale",
  "OraclePriceBelowMin",
  "OraclePriceAboveMax",
];

const E8 = 10n ** 8n;

/** Chapter: the circuit breaker halts a tokenised bond's trading on a >10% move and on a stale oracle. */
export const breakerChapter: DemoChapter = {
  title: "Circuit breaker (HKEX-style ±10% volatility control, fail-closed oracle)",
  async run({ ethers, ignition, networkHelpers }, log) {
    const { time } = networkHelpers;
    const [admin, risk, pauser, keeper] = await ethers.getSigners();
    if (admin === undefined || risk === undefined || pauser === undefined || keeper === undefined) {
      throw new Error("the demo needs four accounts");
    }
    const deployed = await ignition.deploy(CircuitBreakerModule, {
      parameters: {
        CircuitBreaker: { admin: admin.address, riskOfficer: risk.address, pauser: pauser.address },
      },
    });
    const breaker = await ethers.getContractAt("CircuitBreaker", deployed.breaker);
    const feed = await ethers.deployContract("MockAggregatorV3", [8, 100n * E8]);
    const venue = await ethers.deployContract("MockGuardedVenue", [await breaker.getAddress()]);
    const bond = "0x00000000000000000000000000000000000b0bd1"; // stands for a green-bond token address
    log(`breaker ${await breaker.getAddress()}; risk officer ${risk.address}; pauser ${pauser.address}`);

    await (
      await breaker.setAssetConfig(bond, {
        feed: await feed.getAddress(),
        thresholdBps: 1_000,
        maxStalenessSec: 3_600,
        windowSec: 300,
        coolOffSec: 300,
        escalationWindowSec: 86_400,
        minPrice: 0n,
        maxPrice: 0n,
      })
    ).wait();
    log("configured the bond: ±10% band, 5-minute window, 5-minute cooling-off, 24-hour escalation, 1-hour staleness");

    const price = async () => formatUnits((await feed.latestRoundData())[1], 8);
    const show = async (label: string) => {
      const s = await breaker.status(bond);
      const reason = REASONS[Number(s.reason)] ?? `#${s.reason}`;
      const until = s.haltedUntil > BigInt(await time.latest()) ? `, halted until ${s.haltedUntil}` : "";
      log(
        `${label}: price HKD ${await price()}, R = ${formatUnits(s.referencePrice, 8)} → ` +
          `${s.halted ? `HALTED (${reason})` : "open"}${s.latched ? ", latched" : ""}${until}`,
      );
    };
    const tryTrade = async () => {
      try {
        await venue.trade.staticCall(bond);
        await (await venue.trade(bond)).wait();
        log(`   a guarded trade went through (trades so far: ${await venue.trades(bond)})`);
      } catch (error: unknown) {
        const data = typeof error === "object" && error !== null && "data" in error ? error.data : undefined;
        const parsed = typeof data === "string" ? breaker.interface.parseError(data) : null;
        if (parsed === null) throw error;
        log(`   a guarded trade reverted: ${parsed.name}(${parsed.args[0]}, ${REASONS[Number(parsed.args[1])]})`);
      }
    };

    await (await breaker.connect(keeper).check(bond)).wait();
    await show("first reading anchors the reference");
    await tryTrade();

    await time.increase(60);
    await (await feed.setAnswer(112n * E8)).wait();
    await show("price jumps 12%, nobody has called check yet");
    await tryTrade();

    await (await breaker.connect(keeper).check(bond)).wait();
    await show("a keeper calls check: the trip is recorded");
    await tryTrade();

    await time.increase(300);
    await show("five minutes later the cooling-off is over");
    await tryTrade();
    await show("the trade re-anchored the reference to the new price");

    await time.increase(3_600);
    await (await feed.setAnswer(99n * E8)).wait();
    await (await breaker.connect(keeper).check(bond)).wait();
    await show("a second >10% move within 24 hours");
    await time.increase(600);
    await show("ten minutes later");
    await (await breaker.connect(risk).resume(bond)).wait();
    await show("the risk officer reviews and resumes");
    await tryTrade();

    await time.increase(3_601);
    await show("the oracle stops updating for an hour and a second");
    await tryTrade();
    await (await feed.setAnswer(100n * E8)).wait();
    await show("the oracle publishes again: the halt clears by itself");

    await (await breaker.connect(pauser).haltAll()).wait();
    await show("emergency: the pauser halts every asset");
    await (await breaker.connect(admin).resumeAll()).wait();
    await show("the admin lifts the global halt");
    await tryTrade();
  },
};
