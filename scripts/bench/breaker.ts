import CircuitBreakerModule from "../../deploy/modules/CircuitBreaker.js";
import { gasOf, type BenchRow, type BenchSuite } from "./types.js";

const E8 = 10n ** 8n;

/**
 * Circuit breaker rows (issue 5). The breaker is deployed through its Ignition module; the feed is the lean
 * `MockAggregatorV3` (two storage slots), so the rows measure the breaker itself plus one cold feed call. A real
 * Chainlink proxy costs more to read (proxy + aggregator): see docs/adr/0036-circuit-breaker-gas.md.
 *
 * - `breaker.check`: a keeper's `check` on a healthy, in-band asset (no roll), a transaction of its own.
 * - `breaker.venue.trade.unguarded`: the mock venue's trade without the guard (reference for the next row).
 * - `breaker.enforce`: the same trade with `enforce` consulted first (healthy, in band, no roll).
 * - `breaker.venue.trade.priced`: the unguarded trade plus a cold read of the feed (what an oracle-priced action
 *   pays for its price anyway).
 * - `breaker.enforce.added`: `breaker.enforce` minus `breaker.venue.trade.unguarded`: everything the breaker adds
 *   to a guarded action, including the cold feed read (a difference of two measured receipts, never typed in).
 * - `breaker.enforce.added.own`: `breaker.enforce` minus `breaker.venue.trade.priced`: the breaker's own share,
 *   without the feed's cost, which depends on the oracle chosen; budget 15,000 (issue 5, ADR 0036).
 * - `breaker.enforce.roll`: a guarded trade that also rolls the reference forward (once per window at most).
 * - `breaker.enforce.l2`: a guarded trade with an L2 sequencer-uptime feed configured (one more feed call).
 * - `breaker.check.trip`: a `check` that records a trip (cooling-off starts, event emitted).
 */
export const breakerSuite: BenchSuite = async ({ ethers, ignition, networkHelpers }) => {
  const [deployer] = await ethers.getSigners();
  if (deployer === undefined) throw new Error("the bench needs one account");
  const deployed = await ignition.deploy(CircuitBreakerModule, {
    parameters: {
      CircuitBreaker: { admin: deployer.address, riskOfficer: deployer.address, pauser: deployer.address },
    },
  });
  const breaker = await ethers.getContractAt("CircuitBreaker", deployed.breaker);
  const feed = await ethers.deployContract("MockAggregatorV3", [8, 100n * E8]);
  const venue = await ethers.deployContract("MockGuardedVenue", [await breaker.getAddress()]);
  const config = {
    feed: await feed.getAddress(),
    thresholdBps: 1_000,
    maxStalenessSec: 3_600,
    windowSec: 300,
    coolOffSec: 300,
    escalationWindowSec: 86_400,
    minPrice: 0n,
    maxPrice: 0n,
  };
  const asset = "0x00000000000000000000000000000000000a55e7";
  const other = "0x00000000000000000000000000000000000a55e8";
  await gasOf(breaker.setAssetConfig(asset, config));
  await gasOf(breaker.setAssetConfig(other, config));
  await gasOf(breaker.check(asset)); // anchors R = 100
  await gasOf(breaker.check(other));
  // Warm both the venue's counter slots so that the two venue rows differ only by the guard.
  await gasOf(venue.tradeUnguarded(asset));
  await gasOf(venue.tradePriced(asset, await feed.getAddress()));
  await gasOf(venue.trade(asset));
  await gasOf(feed.setAnswer(101n * E8));

  const check = await gasOf(breaker.check(asset));
  const unguarded = await gasOf(venue.tradeUnguarded(asset));
  const priced = await gasOf(venue.tradePriced(asset, await feed.getAddress()));
  const enforce = await gasOf(venue.trade(asset));

  await networkHelpers.time.increase(300);
  await gasOf(feed.setAnswer(102n * E8));
  const roll = await gasOf(venue.trade(asset));

  const sequencer = await ethers.deployContract("MockAggregatorV3", [0, 0n]);
  const upSince = (await networkHelpers.time.latest()) - 7_200;
  await gasOf(sequencer.setRoundData(1, 0n, upSince, upSince));
  await gasOf(breaker.setSequencerFeed(await sequencer.getAddress(), 3_600));
  await gasOf(feed.setAnswer(102n * E8));
  const l2 = await gasOf(venue.trade(asset));
  await gasOf(breaker.setSequencerFeed(ethers.ZeroAddress, 0));

  await gasOf(feed.setAnswer(150n * E8));
  const trip = await gasOf(breaker.check(other));

  const rows: BenchRow[] = [
    { name: "breaker.check", gasUsed: check, reference: "erc20.transfer.warm" },
    {
      name: "breaker.venue.trade.unguarded",
      gasUsed: unguarded,
      note: "reference: the mock venue's trade without guard",
    },
    { name: "breaker.enforce", gasUsed: enforce, reference: "breaker.venue.trade.unguarded" },
    { name: "breaker.venue.trade.priced", gasUsed: priced, reference: "breaker.venue.trade.unguarded" },
    {
      name: "breaker.enforce.added",
      gasUsed: enforce - unguarded,
      note: "breaker.enforce − breaker.venue.trade.unguarded",
    },
    {
      name: "breaker.enforce.added.own",
      gasUsed: enforce - priced,
      note: "breaker.enforce − breaker.venue.trade.priced (the feed read excluded)",
      budget: 15_000n,
    },
    { name: "breaker.enforce.roll", gasUsed: roll, reference: "breaker.enforce" },
    { name: "breaker.enforce.l2", gasUsed: l2, reference: "breaker.enforce" },
    { name: "breaker.check.trip", gasUsed: trip, reference: "breaker.check" },
  ];
  return rows;
};
