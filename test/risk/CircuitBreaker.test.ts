import { readFile } from "node:fs/promises";

import { expect } from "chai";
import hre, { network } from "hardhat";
import { anyUint } from "@nomicfoundation/hardhat-ethers-chai-matchers/withArgs";

import CircuitBreakerModule from "../../deploy/modules/CircuitBreaker.js";
import type { CircuitBreaker, MockAggregatorV3 } from "../../types/ethers-contracts/index.js";

const { ethers, ignition, networkHelpers } = await network.create();
const { time } = networkHelpers;

/** ICircuitBreaker.HaltReason, by value. */
const R = {
  None: 0,
  NotConfigured: 1,
  GlobalHalt: 2,
  ManualHalt: 3,
  Latched: 4,
  CoolingOff: 5,
  PriceDeviation: 6,
  SequencerDown: 7,
  SequencerGracePeriod: 8,
  SequencerFeedFailed: 9,
  OracleCallFailed: 10,
  OracleRoundIdZero: 11,
  OracleAnswerNotPositive: 12,
  OracleAnswerTooLarge: 13,
  OracleUpdatedAtZero: 14,
  OracleUpdatedAtInFuture: 15,
  OracleStale: 16,
  OraclePriceBelowMin: 17,
  OraclePriceAboveMax: 18,
} as const;

/** ICircuitBreaker.ConfigField, by value. */
const F = {
  Asset: 0,
  Feed: 1,
  ThresholdBps: 2,
  MaxStalenessSec: 3,
  WindowSec: 4,
  CoolOffSec: 5,
  EscalationWindowSec: 6,
  PriceBounds: 7,
  SequencerFeed: 8,
  SequencerGracePeriodSec: 9,
} as const;

const E8 = 10n ** 8n;
const E18 = 10n ** 18n;
const UINT128_MAX = (1n << 128n) - 1n;
const ASSET8 = ethers.getAddress("0x00000000000000000000000000000000000a5508"); // priced by an 8-decimal feed
const ASSET18 = ethers.getAddress("0x00000000000000000000000000000000000a5518"); // priced by an 18-decimal feed
const FRESH = ethers.getAddress("0x00000000000000000000000000000000000f7e54"); // configured inside a test
const UNKNOWN = ethers.getAddress("0x0000000000000000000000000000000000bad0a5"); // never configured

const STALENESS = 3_600;
const WINDOW = 300;
const COOL_OFF = 300;
const ESCALATION = 86_400;

interface ConfigInput {
  feed: string;
  thresholdBps: number;
  maxStalenessSec: number;
  windowSec: number;
  coolOffSec: number;
  escalationWindowSec: number;
  minPrice: bigint;
  maxPrice: bigint;
}

/** The defaults: ±10%, 5-minute window, 5-minute cooling-off, 24-hour escalation window. */
function defaults(feed: string, overrides: Partial<ConfigInput> = {}): ConfigInput {
  return {
    feed,
    thresholdBps: 1_000,
    maxStalenessSec: STALENESS,
    windowSec: WINDOW,
    coolOffSec: COOL_OFF,
    escalationWindowSec: ESCALATION,
    minPrice: 0n,
    maxPrice: 0n,
    ...overrides,
  };
}

async function breakerFixture() {
  const [admin, risk, pauser, keeper, stranger] = await ethers.getSigners();
  if ([admin, risk, pauser, keeper, stranger].some((s) => s === undefined)) throw new Error("needs five accounts");
  const deployed = await ignition.deploy(CircuitBreakerModule, {
    parameters: {
      CircuitBreaker: {
        adminDelaySec: 86_400n,
        admin: admin!.address,
        riskOfficer: risk!.address,
        pauser: pauser!.address,
      },
    },
  });
  const breaker = await ethers.getContractAt("CircuitBreaker", deployed.breaker);
  const feed8 = await ethers.deployContract("MockAggregatorV3", [8, 100n * E8]);
  const feed18 = await ethers.deployContract("MockAggregatorV3", [18, 100n * E18]);
  const sequencer = await ethers.deployContract("MockAggregatorV3", [0, 0n]);
  const malformed = await ethers.deployContract("MockMalformedFeed");
  const venue = await ethers.deployContract("MockGuardedVenue", [await breaker.getAddress()]);
  await breaker.setAssetConfig(ASSET8, defaults(await feed8.getAddress()));
  await breaker.setAssetConfig(ASSET18, defaults(await feed18.getAddress()));
  await breaker.connect(keeper!).checkBatch([ASSET8, ASSET18]); // first healthy reading anchors R = 100
  const anchoredAt = await time.latest();
  return {
    breaker,
    feed8,
    feed18,
    sequencer,
    malformed,
    venue,
    admin: admin!,
    risk: risk!,
    pauser: pauser!,
    keeper: keeper!,
    stranger: stranger!,
    anchoredAt,
  };
}

type Fixture = Awaited<ReturnType<typeof breakerFixture>>;

/** Publishes `answer` in a block at `t`. */
async function publishAt(feed: MockAggregatorV3, answer: bigint, t: number) {
  await time.setNextBlockTimestamp(t);
  await feed.setAnswer(answer);
}

/** Records a trip of ASSET8 at `t` (price 120, R = 100) and returns the receipt's promise for event checks. */
async function tripAt(fx: Fixture, t: number, price = 120n * E8) {
  await publishAt(fx.feed8, price, t - 1);
  await time.setNextBlockTimestamp(t);
  return fx.breaker.connect(fx.keeper).check(ASSET8);
}

/** Mines an empty block at `t` so that views see `block.timestamp == t`. */
async function viewAt(t: number) {
  await time.increaseTo(t);
}

async function reasonOf(breaker: CircuitBreaker, asset: string): Promise<bigint> {
  return (await breaker.status(asset)).reason;
}

describe("CircuitBreaker (contracts/risk/CircuitBreaker.sol, issue 5)", function () {
  describe("deployment through deploy/modules/CircuitBreaker.ts", function () {
    it("grants the admin, risk and pauser roles from the module parameters", async function () {
      const { breaker, admin, risk, pauser } = await networkHelpers.loadFixture(breakerFixture);
      expect(await breaker.defaultAdmin()).to.equal(admin.address);
      expect(await breaker.defaultAdminDelay()).to.equal(86_400n);
      expect(await breaker.hasRole(await breaker.RISK_ROLE(), risk.address)).to.equal(true);
      expect(await breaker.hasRole(await breaker.PAUSER_ROLE(), pauser.address)).to.equal(true);
      expect(await breaker.hasRole(await breaker.RISK_ROLE(), pauser.address)).to.equal(false);
    });

    it("deploys with the shipped deploy/parameters/circuit-breaker.json", async function () {
      const file = JSON.parse(await readFile("deploy/parameters/circuit-breaker.json", "utf8")) as {
        CircuitBreaker: { adminDelaySec: string; admin: string; riskOfficer: string; pauser: string };
      };
      const p = file.CircuitBreaker;
      const deployed = await ignition.deploy(CircuitBreakerModule, {
        parameters: {
          CircuitBreaker: {
            adminDelaySec: BigInt(p.adminDelaySec.replace(/n$/, "")),
            admin: p.admin,
            riskOfficer: p.riskOfficer,
            pauser: p.pauser,
          },
        },
        deploymentId: "circuit-breaker-parameters-file",
      });
      const breaker = await ethers.getContractAt("CircuitBreaker", deployed.breaker);
      expect(await breaker.defaultAdmin()).to.equal(ethers.getAddress(p.admin));
      expect(await breaker.defaultAdminDelay()).to.equal(86_400n);
      expect(await breaker.hasRole(await breaker.RISK_ROLE(), p.riskOfficer)).to.equal(true);
      expect(await breaker.hasRole(await breaker.PAUSER_ROLE(), p.pauser)).to.equal(true);
    });

    it("reports ITradingGuard and ICircuitBreaker through ERC-165", async function () {
      const { breaker } = await networkHelpers.loadFixture(breakerFixture);
      const guard = ethers.Interface.from([
        "function enforce(address)",
        "function isHalted(address) view returns (bool)",
      ]);
      const guardId = BigInt(guard.getFunction("enforce")!.selector) ^ BigInt(guard.getFunction("isHalted")!.selector);
      expect(await breaker.supportsInterface(ethers.toBeHex(guardId, 4))).to.equal(true);
      expect(await breaker.supportsInterface("0xffffffff")).to.equal(false);
    });

    it("keeps the issue's defaults in the asset configuration", async function () {
      const { breaker, feed8 } = await networkHelpers.loadFixture(breakerFixture);
      const cfg = await breaker.assetConfig(ASSET8);
      expect(cfg.feed).to.equal(await feed8.getAddress());
      expect(cfg.thresholdBps).to.equal(1_000n);
      expect(cfg.windowSec).to.equal(300n);
      expect(cfg.coolOffSec).to.equal(300n);
      expect(cfg.escalationWindowSec).to.equal(86_400n);
    });
  });

  describe("REQ-BRK-1 trip rule |P - R| * 10000 > thresholdBps * R", function () {
    const cases = [
      { name: "8-decimal feed", asset: ASSET8, unit: E8, feed: "feed8" as const },
      { name: "18-decimal feed", asset: ASSET18, unit: E18, feed: "feed18" as const },
    ];
    for (const { name, asset, unit, feed } of cases) {
      describe(`with an ${name}`, function () {
        it("does not trip on exactly +10%", async function () {
          const fx = await networkHelpers.loadFixture(breakerFixture);
          await fx[feed].setAnswer(110n * unit);
          const tx = fx.breaker.check(asset);
          await expect(tx).not.to.emit(fx.breaker, "BreakerTripped");
          expect(await fx.breaker.isHalted(asset)).to.equal(false);
        });

        it("trips on +10% and one unit, recording the cooling-off", async function () {
          const fx = await networkHelpers.loadFixture(breakerFixture);
          await fx[feed].setAnswer(110n * unit + 1n);
          const t = (await time.latest()) + 1;
          await time.setNextBlockTimestamp(t);
          await expect(fx.breaker.connect(fx.keeper).check(asset))
            .to.emit(fx.breaker, "BreakerTripped")
            .withArgs(asset, 100n * unit, 110n * unit + 1n, 1_000n, 2n, t + COOL_OFF, false);
          expect(await reasonOf(fx.breaker, asset)).to.equal(BigInt(R.CoolingOff));
        });

        it("does not trip on exactly -10%", async function () {
          const fx = await networkHelpers.loadFixture(breakerFixture);
          await fx[feed].setAnswer(90n * unit);
          await expect(fx.breaker.check(asset)).not.to.emit(fx.breaker, "BreakerTripped");
          expect(await fx.breaker.isHalted(asset)).to.equal(false);
        });

        it("trips on -10% and one unit", async function () {
          const fx = await networkHelpers.loadFixture(breakerFixture);
          await fx[feed].setAnswer(90n * unit - 1n);
          await expect(fx.breaker.check(asset))
            .to.emit(fx.breaker, "BreakerTripped")
            .withArgs(asset, 100n * unit, 90n * unit - 1n, 1_000n, 2n, anyUint, false);
        });
      });
    }

    it("honours a non-default threshold (2.5%: 102.5 open, 102.5 + 1 unit trips)", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await fx.breaker.setAssetConfig(ASSET8, defaults(await fx.feed8.getAddress(), { thresholdBps: 250 }));
      await fx.feed8.setAnswer(10_250_000_000n);
      expect(await fx.breaker.isHalted(ASSET8)).to.equal(false);
      await fx.feed8.setAnswer(10_250_000_001n);
      expect(await reasonOf(fx.breaker, ASSET8)).to.equal(BigInt(R.PriceDeviation));
    });
  });

  describe("REQ-BRK-2 reference price", function () {
    it("anchors R on the first healthy reading, without a deviation test", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const feed = await ethers.deployContract("MockAggregatorV3", [8, 7n * E8]);
      await fx.breaker.setAssetConfig(FRESH, defaults(await feed.getAddress()));
      expect((await fx.breaker.status(FRESH)).reanchorPending).to.equal(true);
      const t = (await time.latest()) + 1;
      await time.setNextBlockTimestamp(t);
      await expect(fx.breaker.check(FRESH))
        .to.emit(fx.breaker, "ReferenceAnchored")
        .withArgs(FRESH, 7n * E8, 1n);
      const s = await fx.breaker.status(FRESH);
      expect([s.referencePrice, s.referenceAt, s.reanchorPending]).to.deep.equal([7n * E8, BigInt(t), false]);
    });

    it("anchors R through a guarded trade when no keeper ran (enforce persists anchors)", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const feed = await ethers.deployContract("MockAggregatorV3", [8, 7n * E8]);
      await fx.breaker.setAssetConfig(FRESH, defaults(await feed.getAddress()));
      await expect(fx.venue.trade(FRESH))
        .to.emit(fx.breaker, "ReferenceAnchored")
        .withArgs(FRESH, 7n * E8, 1n);
      expect((await fx.breaker.status(FRESH)).referencePrice).to.equal(7n * E8);
    });

    it("does not roll R one second before windowSec has passed", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await publishAt(fx.feed8, 105n * E8, fx.anchoredAt + WINDOW - 2);
      await time.setNextBlockTimestamp(fx.anchoredAt + WINDOW - 1);
      await expect(fx.breaker.check(ASSET8)).not.to.emit(fx.breaker, "ReferenceUpdated");
      expect((await fx.breaker.status(ASSET8)).referencePrice).to.equal(100n * E8);
    });

    it("rolls R to the current price at exactly windowSec", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await publishAt(fx.feed8, 105n * E8, fx.anchoredAt + WINDOW - 1);
      await time.setNextBlockTimestamp(fx.anchoredAt + WINDOW);
      await expect(fx.breaker.check(ASSET8))
        .to.emit(fx.breaker, "ReferenceUpdated")
        .withArgs(ASSET8, 100n * E8, 105n * E8, 2n);
      const s = await fx.breaker.status(ASSET8);
      expect([s.referencePrice, s.referenceAt]).to.deep.equal([105n * E8, BigInt(fx.anchoredAt + WINDOW)]);
    });

    it("rolls R through a guarded trade (enforce persists rolls)", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await publishAt(fx.feed8, 104n * E8, fx.anchoredAt + WINDOW);
      await expect(fx.venue.trade(ASSET8))
        .to.emit(fx.breaker, "ReferenceUpdated")
        .withArgs(ASSET8, 100n * E8, 104n * E8, 2n);
    });

    it("judges the next move against the rolled reference", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await publishAt(fx.feed8, 105n * E8, fx.anchoredAt + WINDOW);
      await fx.breaker.check(ASSET8); // R = 105
      await fx.feed8.setAnswer(115_50000000n); // exactly +10% of 105
      expect(await fx.breaker.isHalted(ASSET8)).to.equal(false);
      await fx.feed8.setAnswer(115_50000001n);
      expect(await reasonOf(fx.breaker, ASSET8)).to.equal(BigInt(R.PriceDeviation));
    });

    it("never moves R on a trip", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await tripAt(fx, fx.anchoredAt + WINDOW + 10);
      const s = await fx.breaker.status(ASSET8);
      expect([s.referencePrice, s.referenceAt]).to.deep.equal([100n * E8, BigInt(fx.anchoredAt)]);
    });

    it("never moves R while the oracle is unhealthy, even after windowSec", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const t = fx.anchoredAt + WINDOW;
      await fx.feed8.setRoundData(9, 105n * E8, t, t + 100); // updatedAt in the future
      await time.setNextBlockTimestamp(t + 1);
      await expect(fx.breaker.check(ASSET8)).not.to.emit(fx.breaker, "ReferenceUpdated");
      expect((await fx.breaker.status(ASSET8)).referencePrice).to.equal(100n * E8);
    });
  });

  describe("REQ-BRK-3 cooling-off", function () {
    it("halts for coolOffSec: still halted one second before trippedAt + coolOffSec", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const t = fx.anchoredAt + 100;
      await tripAt(fx, t);
      await time.setNextBlockTimestamp(t + COOL_OFF - 1);
      // An explicit gas limit skips gas estimation, so the reverting trade is mined at exactly that second.
      await expect(fx.venue.trade(ASSET8, { gasLimit: 300_000 }))
        .to.be.revertedWithCustomError(fx.breaker, "AssetHalted")
        .withArgs(ASSET8, R.CoolingOff);
      expect(await time.latest()).to.equal(t + COOL_OFF - 1); // the reverted trade was mined at that second
      const s = await fx.breaker.status(ASSET8);
      expect([s.halted, s.reason, s.haltedUntil]).to.deep.equal([true, BigInt(R.CoolingOff), BigInt(t + COOL_OFF)]);
    });

    it("resumes by itself at exactly trippedAt + coolOffSec", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const t = fx.anchoredAt + 100;
      await tripAt(fx, t);
      await viewAt(t + COOL_OFF);
      expect(await fx.breaker.isHalted(ASSET8)).to.equal(false);
    });

    it("re-anchors R on the first healthy reading after the cooling-off, without a deviation test", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const t = fx.anchoredAt + 100;
      await tripAt(fx, t); // price 120 vs R 100
      await time.setNextBlockTimestamp(t + COOL_OFF);
      await expect(fx.venue.trade(ASSET8))
        .to.emit(fx.breaker, "ReferenceAnchored")
        .withArgs(ASSET8, 120n * E8, 2n)
        .and.to.emit(fx.venue, "Traded");
      expect((await fx.breaker.status(ASSET8)).referencePrice).to.equal(120n * E8);
    });

    it("decision (ADR 0033): check() during a cooling-off changes nothing, emits nothing, reads no feed", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const t = fx.anchoredAt + 100;
      await tripAt(fx, t);
      await fx.feed8.setReverts(true); // a feed read would report OracleCallFailed
      const before = await fx.breaker.status(ASSET8);
      expect(await fx.breaker.check.staticCall(ASSET8)).to.deep.equal([true, BigInt(R.CoolingOff)]);
      const receipt = await (await fx.breaker.check(ASSET8)).wait();
      expect(receipt!.logs.length).to.equal(0);
      expect(await fx.breaker.status(ASSET8)).to.deep.equal(before);
    });

    it("check() reports the post-trip state: CoolingOff for a first trip", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await fx.feed8.setAnswer(80n * E8);
      expect(await fx.breaker.check.staticCall(ASSET8)).to.deep.equal([true, BigInt(R.CoolingOff)]);
    });
  });

  describe("REQ-BRK-4 escalation", function () {
    it("decision (ADR 0032): a second trip exactly escalationWindowSec after the first latches", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const t1 = fx.anchoredAt + 100;
      await tripAt(fx, t1);
      await publishAt(fx.feed8, 120n * E8, t1 + COOL_OFF);
      await time.setNextBlockTimestamp(t1 + COOL_OFF + 1);
      await fx.breaker.check(ASSET8); // re-anchor at 120
      const t2 = t1 + ESCALATION;
      await expect(tripAt(fx, t2, 140n * E8))
        .to.emit(fx.breaker, "BreakerTripped")
        .withArgs(ASSET8, 120n * E8, 140n * E8, 1_666n, 4n, t2 + COOL_OFF, true);
      await viewAt(t2 + COOL_OFF + 7 * 86_400);
      const s = await fx.breaker.status(ASSET8);
      expect([s.halted, s.reason, s.latched]).to.deep.equal([true, BigInt(R.Latched), true]);
    });

    it("a second trip one second after the escalation window only cools off", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const t1 = fx.anchoredAt + 100;
      await tripAt(fx, t1);
      await publishAt(fx.feed8, 120n * E8, t1 + COOL_OFF);
      await time.setNextBlockTimestamp(t1 + COOL_OFF + 1);
      await fx.breaker.check(ASSET8);
      const t2 = t1 + ESCALATION + 1;
      await expect(tripAt(fx, t2, 140n * E8))
        .to.emit(fx.breaker, "BreakerTripped")
        .withArgs(ASSET8, 120n * E8, 140n * E8, 1_666n, 4n, t2 + COOL_OFF, false);
      await viewAt(t2 + COOL_OFF);
      expect(await fx.breaker.isHalted(ASSET8)).to.equal(false);
    });

    it("check() reports Latched for an escalating trip", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const t1 = fx.anchoredAt + 100;
      await tripAt(fx, t1);
      await publishAt(fx.feed8, 120n * E8, t1 + COOL_OFF);
      await time.setNextBlockTimestamp(t1 + COOL_OFF + 1);
      await fx.breaker.check(ASSET8);
      await fx.feed8.setAnswer(60n * E8);
      expect(await fx.breaker.check.staticCall(ASSET8)).to.deep.equal([true, BigInt(R.Latched)]);
    });

    it("a latched asset opens only after the risk role resumes it, then re-anchors", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const t1 = fx.anchoredAt + 100;
      await tripAt(fx, t1);
      await publishAt(fx.feed8, 120n * E8, t1 + COOL_OFF);
      await time.setNextBlockTimestamp(t1 + COOL_OFF + 1);
      await fx.breaker.check(ASSET8);
      await tripAt(fx, t1 + 1_000, 140n * E8);
      await publishAt(fx.feed8, 70n * E8, t1 + 5_000);
      await expect(fx.breaker.connect(fx.risk).resume(ASSET8))
        .to.emit(fx.breaker, "Resumed")
        .withArgs(ASSET8, fx.risk.address, t1 + 1_000 + COOL_OFF);
      // 70 is 50% below the old reference 140: re-anchored, not tripped.
      await expect(fx.venue.trade(ASSET8))
        .to.emit(fx.breaker, "ReferenceAnchored")
        .withArgs(ASSET8, 70n * E8, 5n);
    });

    it("the escalation clock survives a resume: a trip within the window of the last trip latches again", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const t1 = fx.anchoredAt + 100;
      await tripAt(fx, t1);
      await publishAt(fx.feed8, 120n * E8, t1 + COOL_OFF);
      await time.setNextBlockTimestamp(t1 + COOL_OFF + 1);
      await fx.breaker.check(ASSET8);
      await tripAt(fx, t1 + 1_000, 140n * E8); // latched
      await time.setNextBlockTimestamp(t1 + 2_000);
      await fx.breaker.connect(fx.risk).resume(ASSET8);
      await fx.breaker.check(ASSET8); // re-anchor at 140
      await expect(tripAt(fx, t1 + 3_000, 100n * E8))
        .to.emit(fx.breaker, "BreakerTripped")
        .withArgs(ASSET8, 140n * E8, 100n * E8, 2_857n, 5n, t1 + 3_000 + COOL_OFF, true);
    });
  });

  describe("REQ-BRK-5 oracle health (fails closed, clears by itself)", function () {
    it("a reverting feed halts with OracleCallFailed and neither check nor the views revert", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await fx.feed8.setReverts(true);
      expect(await fx.breaker.isHalted(ASSET8)).to.equal(true);
      expect(await reasonOf(fx.breaker, ASSET8)).to.equal(BigInt(R.OracleCallFailed));
      await expect(fx.breaker.check(ASSET8))
        .to.emit(fx.breaker, "OracleUnhealthy")
        .withArgs(ASSET8, R.OracleCallFailed, 0n, 0n, 0n);
      await expect(fx.venue.trade(ASSET8))
        .to.be.revertedWithCustomError(fx.breaker, "AssetHalted")
        .withArgs(ASSET8, R.OracleCallFailed);
    });

    it("the mock feed's own revert is MockFeedReverted", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await fx.feed8.setReverts(true);
      await expect(fx.feed8.latestRoundData()).to.be.revertedWithCustomError(fx.feed8, "MockFeedReverted");
      await expect(fx.feed8.getRoundData(1)).to.be.revertedWithCustomError(fx.feed8, "MockFeedReverted");
    });

    it("clears by itself once the feed answers again (no resume needed)", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await fx.feed8.setReverts(true);
      await fx.breaker.check(ASSET8);
      await fx.feed8.setReverts(false);
      expect(await fx.breaker.isHalted(ASSET8)).to.equal(false);
      await expect(fx.venue.trade(ASSET8)).to.emit(fx.venue, "Traded").withArgs(ASSET8, true);
    });

    it("short return data halts with OracleCallFailed (length-checked decoding)", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await fx.breaker.setAssetConfig(FRESH, defaults(await fx.malformed.getAddress()));
      await fx.malformed.setPayload(ethers.AbiCoder.defaultAbiCoder().encode(["uint256", "int256"], [1n, 5n]));
      expect(await reasonOf(fx.breaker, FRESH)).to.equal(BigInt(R.OracleCallFailed));
      await expect(fx.breaker.check(FRESH)).to.emit(fx.breaker, "OracleUnhealthy");
    });

    it("dirty high bits in roundId / answeredInRound do not make decoding revert", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await fx.breaker.setAssetConfig(FRESH, defaults(await fx.malformed.getAddress()));
      const now = BigInt((await time.latest()) + 1);
      const dirty = (1n << 255n) | 7n; // not a valid uint80
      await fx.malformed.setPayload(
        ethers.AbiCoder.defaultAbiCoder().encode(
          ["uint256", "int256", "uint256", "uint256", "uint256"],
          [dirty, 5n * E8, now, now, dirty],
        ),
      );
      await expect(fx.breaker.check(FRESH))
        .to.emit(fx.breaker, "ReferenceAnchored")
        .withArgs(FRESH, 5n * E8, dirty);
    });

    it("ignores the deprecated answeredInRound (0 while roundId is 5 is still healthy)", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await fx.breaker.setAssetConfig(FRESH, defaults(await fx.malformed.getAddress()));
      const now = BigInt((await time.latest()) + 1);
      await fx.malformed.setPayload(
        ethers.AbiCoder.defaultAbiCoder().encode(
          ["uint80", "int256", "uint256", "uint256", "uint80"],
          [5n, 5n * E8, now, now, 0n],
        ),
      );
      await expect(fx.breaker.check(FRESH))
        .to.emit(fx.breaker, "ReferenceAnchored")
        .withArgs(FRESH, 5n * E8, 5n);
    });

    it("a feed that burns all its gas halts with OracleCallFailed when the caller gave enough gas", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await fx.breaker.setAssetConfig(FRESH, defaults(await fx.malformed.getAddress()));
      await fx.malformed.setBurnGas(true);
      await expect(fx.breaker.check(FRESH, { gasLimit: 1_000_000 }))
        .to.emit(fx.breaker, "OracleUnhealthy")
        .withArgs(FRESH, R.OracleCallFailed, 0n, 0n, 0n);
    });

    it("refuses to report a starved feed call as unhealthy: BreakerInsufficientGas", async function () {
      // The gas limit below is calibrated on the real bytecode; `npm run coverage` runs instrumented bytecode that
      // burns the whole limit before the breaker's check is reached, so the case is only meaningful without it.
      if (hre.globalOptions.coverage) this.skip();
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await fx.breaker.setAssetConfig(FRESH, defaults(await fx.malformed.getAddress()));
      await fx.malformed.setBurnGas(true);
      await expect(fx.breaker.check(FRESH, { gasLimit: 90_000 }))
        .to.be.revertedWithCustomError(fx.breaker, "BreakerInsufficientGas")
        .withArgs(anyUint);
    });

    it("roundId 0 halts with OracleRoundIdZero", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const now = (await time.latest()) + 1;
      await time.setNextBlockTimestamp(now);
      await fx.feed8.setRoundData(0, 100n * E8, now, now);
      await expect(fx.breaker.check(ASSET8))
        .to.emit(fx.breaker, "OracleUnhealthy")
        .withArgs(ASSET8, R.OracleRoundIdZero, 0n, 100n * E8, now);
    });

    for (const answer of [0n, -1n]) {
      it(`answer ${answer} halts with OracleAnswerNotPositive`, async function () {
        const fx = await networkHelpers.loadFixture(breakerFixture);
        await fx.feed8.setAnswer(answer);
        await expect(fx.venue.trade(ASSET8))
          .to.be.revertedWithCustomError(fx.breaker, "AssetHalted")
          .withArgs(ASSET8, R.OracleAnswerNotPositive);
      });
    }

    it("answer 1 (the smallest positive) is a healthy reading (here: judged as a deviation)", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await fx.feed8.setAnswer(1n);
      expect(await reasonOf(fx.breaker, ASSET8)).to.equal(BigInt(R.PriceDeviation));
    });

    it("answer above type(uint128).max halts with OracleAnswerTooLarge; exactly the max is healthy", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await fx.feed8.setAnswer(UINT128_MAX + 1n);
      expect(await reasonOf(fx.breaker, ASSET8)).to.equal(BigInt(R.OracleAnswerTooLarge));
      await fx.feed8.setAnswer(UINT128_MAX);
      expect(await reasonOf(fx.breaker, ASSET8)).to.equal(BigInt(R.PriceDeviation));
    });

    it("updatedAt 0 halts with OracleUpdatedAtZero", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await fx.feed8.setRoundData(5, 100n * E8, 0, 0);
      expect(await reasonOf(fx.breaker, ASSET8)).to.equal(BigInt(R.OracleUpdatedAtZero));
    });

    it("updatedAt one second in the future halts with OracleUpdatedAtInFuture; updatedAt == now is healthy", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const now = (await time.latest()) + 1;
      await time.setNextBlockTimestamp(now);
      await fx.feed8.setRoundData(5, 100n * E8, now, now + 1); // mined at `now`
      expect(await reasonOf(fx.breaker, ASSET8)).to.equal(BigInt(R.OracleUpdatedAtInFuture));
      await viewAt(now + 1);
      expect(await reasonOf(fx.breaker, ASSET8)).to.equal(BigInt(R.None));
    });

    it("staleness: now - updatedAt == maxStalenessSec is fresh", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const u = (await time.latest()) + 1;
      await publishAt(fx.feed8, 101n * E8, u);
      await viewAt(u + STALENESS);
      expect(await fx.breaker.isHalted(ASSET8)).to.equal(false);
    });

    it("staleness: one second over maxStalenessSec halts with OracleStale", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const u = (await time.latest()) + 1;
      await publishAt(fx.feed8, 101n * E8, u);
      await time.setNextBlockTimestamp(u + STALENESS + 1);
      await expect(fx.breaker.check(ASSET8))
        .to.emit(fx.breaker, "OracleUnhealthy")
        .withArgs(ASSET8, R.OracleStale, 2n, 101n * E8, u);
    });

    it("stale then recovered in band: opens again, R unchanged (no re-anchor after an oracle halt)", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const u = (await time.latest()) + 1;
      await publishAt(fx.feed8, 101n * E8, u);
      await viewAt(u + STALENESS + 1);
      expect(await reasonOf(fx.breaker, ASSET8)).to.equal(BigInt(R.OracleStale));
      await fx.feed8.setAnswer(102n * E8);
      await expect(fx.breaker.check(ASSET8))
        .to.emit(fx.breaker, "ReferenceUpdated")
        .withArgs(ASSET8, 100n * E8, 102n * E8, 3n);
    });

    it("stale then recovered out of band: the move is judged against the old R and trips", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const u = (await time.latest()) + 1;
      await publishAt(fx.feed8, 101n * E8, u);
      await viewAt(u + STALENESS + 1);
      await fx.feed8.setAnswer(111n * E8);
      await expect(fx.breaker.check(ASSET8))
        .to.emit(fx.breaker, "BreakerTripped")
        .withArgs(ASSET8, 100n * E8, 111n * E8, 1_100n, 3n, anyUint, false);
    });

    describe("optional min/max price bounds (threshold 100% so only the bounds can halt)", function () {
      async function boundsFixture() {
        const fx = await breakerFixture();
        await fx.breaker.setAssetConfig(
          ASSET8,
          defaults(await fx.feed8.getAddress(), { thresholdBps: 10_000, minPrice: 60n * E8, maxPrice: 200n * E8 }),
        );
        await fx.breaker.check(ASSET8);
        return fx;
      }

      it("minPrice itself is accepted; one unit below halts with OraclePriceBelowMin", async function () {
        const fx = await networkHelpers.loadFixture(boundsFixture);
        await fx.feed8.setAnswer(60n * E8);
        expect(await reasonOf(fx.breaker, ASSET8)).to.equal(BigInt(R.None));
        await fx.feed8.setAnswer(60n * E8 - 1n);
        expect(await reasonOf(fx.breaker, ASSET8)).to.equal(BigInt(R.OraclePriceBelowMin));
      });

      it("maxPrice itself is accepted; one unit above halts with OraclePriceAboveMax", async function () {
        const fx = await networkHelpers.loadFixture(boundsFixture);
        await fx.feed8.setAnswer(200n * E8);
        expect(await reasonOf(fx.breaker, ASSET8)).to.equal(BigInt(R.None));
        await fx.feed8.setAnswer(200n * E8 + 1n);
        await expect(fx.venue.trade(ASSET8))
          .to.be.revertedWithCustomError(fx.breaker, "AssetHalted")
          .withArgs(ASSET8, R.OraclePriceAboveMax);
      });
    });

    describe("L2 sequencer-uptime feed", function () {
      const GRACE = 3_600;

      async function sequencerFixture() {
        const fx = await breakerFixture();
        const s = (await time.latest()) + 1;
        await time.setNextBlockTimestamp(s);
        await fx.sequencer.setRoundData(1, 0, s, s); // up since s
        await expect(fx.breaker.setSequencerFeed(await fx.sequencer.getAddress(), GRACE))
          .to.emit(fx.breaker, "SequencerFeedSet")
          .withArgs(await fx.sequencer.getAddress(), GRACE);
        await fx.feed8.setRoundData(2, 100n * E8, s, s + GRACE); // keep the price feed fresh over the test
        return { ...fx, upSince: s };
      }

      it("halts with SequencerGracePeriod one second before upSince + grace", async function () {
        const fx = await networkHelpers.loadFixture(sequencerFixture);
        await viewAt(fx.upSince + GRACE - 1);
        expect(await reasonOf(fx.breaker, ASSET8)).to.equal(BigInt(R.SequencerGracePeriod));
      });

      it("opens at exactly upSince + grace", async function () {
        const fx = await networkHelpers.loadFixture(sequencerFixture);
        await viewAt(fx.upSince + GRACE);
        expect(await reasonOf(fx.breaker, ASSET8)).to.equal(BigInt(R.None));
      });

      it("halts every asset with SequencerDown while the sequencer is down", async function () {
        const fx = await networkHelpers.loadFixture(sequencerFixture);
        await viewAt(fx.upSince + GRACE);
        await fx.sequencer.setRoundData(2, 1, fx.upSince + GRACE, fx.upSince + GRACE);
        expect(await fx.breaker.checkBatch.staticCall([ASSET8, ASSET18])).to.deep.equal([
          BigInt(R.SequencerDown),
          BigInt(R.SequencerDown),
        ]);
        await expect(fx.breaker.check(ASSET8))
          .to.emit(fx.breaker, "OracleUnhealthy")
          .withArgs(ASSET8, R.SequencerDown, 0n, 0n, 0n);
      });

      it("halts with SequencerFeedFailed when the uptime feed reverts or reports startedAt 0", async function () {
        const fx = await networkHelpers.loadFixture(sequencerFixture);
        await viewAt(fx.upSince + GRACE);
        await fx.sequencer.setReverts(true);
        expect(await reasonOf(fx.breaker, ASSET8)).to.equal(BigInt(R.SequencerFeedFailed));
        await fx.sequencer.setReverts(false);
        await fx.sequencer.setRoundData(2, 0, 0, 0);
        expect(await reasonOf(fx.breaker, ASSET8)).to.equal(BigInt(R.SequencerFeedFailed));
      });

      it("treats a startedAt in the future as inside the grace period", async function () {
        const fx = await networkHelpers.loadFixture(sequencerFixture);
        await viewAt(fx.upSince + GRACE);
        await fx.sequencer.setRoundData(2, 0, fx.upSince + GRACE + 100, fx.upSince + GRACE);
        expect(await reasonOf(fx.breaker, ASSET8)).to.equal(BigInt(R.SequencerGracePeriod));
      });

      it("rejects a sequencer feed without code and a grace period without a feed or above the cap", async function () {
        const fx = await networkHelpers.loadFixture(breakerFixture);
        await expect(fx.breaker.setSequencerFeed(fx.stranger.address, 60))
          .to.be.revertedWithCustomError(fx.breaker, "BreakerInvalidConfig")
          .withArgs(ethers.ZeroAddress, F.SequencerFeed, BigInt(fx.stranger.address));
        await expect(fx.breaker.setSequencerFeed(ethers.ZeroAddress, 60))
          .to.be.revertedWithCustomError(fx.breaker, "BreakerInvalidConfig")
          .withArgs(ethers.ZeroAddress, F.SequencerGracePeriodSec, 60);
        await expect(fx.breaker.setSequencerFeed(await fx.sequencer.getAddress(), 86_401))
          .to.be.revertedWithCustomError(fx.breaker, "BreakerInvalidConfig")
          .withArgs(ethers.ZeroAddress, F.SequencerGracePeriodSec, 86_401);
      });
    });
  });

  describe("REQ-BRK-6 no keeper needed for safety; permissionless check records", function () {
    it("isHalted reports an unrecorded out-of-band price and the guarded trade reverts", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await fx.feed8.setAnswer(130n * E8);
      expect(await fx.breaker.isHalted(ASSET8)).to.equal(true);
      await expect(fx.venue.trade(ASSET8))
        .to.be.revertedWithCustomError(fx.breaker, "AssetHalted")
        .withArgs(ASSET8, R.PriceDeviation);
      expect((await fx.breaker.status(ASSET8)).lastTripAt).to.equal(0n);
    });

    it("an unguarded action (agent action) stays open while the asset is halted", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await fx.feed8.setAnswer(130n * E8);
      await expect(fx.venue.tradeUnguarded(ASSET8)).to.emit(fx.venue, "Traded").withArgs(ASSET8, false);
    });

    it("anyone may check; checkBatch records each asset and returns their reasons", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await fx.feed18.setAnswer(50n * E18);
      await expect(fx.breaker.connect(fx.stranger).checkBatch([ASSET8, ASSET18]))
        .to.emit(fx.breaker, "BreakerTripped")
        .withArgs(ASSET18, 100n * E18, 50n * E18, 5_000n, 2n, anyUint, false);
      expect(await fx.breaker.checkBatch.staticCall([ASSET8, ASSET18])).to.deep.equal([
        BigInt(R.None),
        BigInt(R.CoolingOff),
      ]);
    });

    it("checkBatch rejects more than MAX_BATCH assets with BreakerBatchTooLarge", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const max = await fx.breaker.MAX_BATCH();
      const assets = Array.from({ length: Number(max) + 1 }, () => ASSET8);
      await expect(fx.breaker.checkBatch(assets))
        .to.be.revertedWithCustomError(fx.breaker, "BreakerBatchTooLarge")
        .withArgs(max + 1n, max);
    });

    it("check and checkBatch reject an unconfigured asset with BreakerAssetNotConfigured", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await expect(fx.breaker.check(UNKNOWN))
        .to.be.revertedWithCustomError(fx.breaker, "BreakerAssetNotConfigured")
        .withArgs(UNKNOWN);
      await expect(fx.breaker.checkBatch([ASSET8, UNKNOWN]))
        .to.be.revertedWithCustomError(fx.breaker, "BreakerAssetNotConfigured")
        .withArgs(UNKNOWN);
    });

    it("an unconfigured asset fails closed: isHalted, status NotConfigured, enforce AssetHalted", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      expect(await fx.breaker.isHalted(UNKNOWN)).to.equal(true);
      expect(await reasonOf(fx.breaker, UNKNOWN)).to.equal(BigInt(R.NotConfigured));
      await expect(fx.venue.trade(UNKNOWN))
        .to.be.revertedWithCustomError(fx.breaker, "AssetHalted")
        .withArgs(UNKNOWN, R.NotConfigured);
    });

    it("if the price returns in band before anyone checks, no trip is recorded", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await fx.feed8.setAnswer(130n * E8);
      await fx.feed8.setAnswer(101n * E8);
      await expect(fx.breaker.check(ASSET8)).not.to.emit(fx.breaker, "BreakerTripped");
      expect(await fx.breaker.isHalted(ASSET8)).to.equal(false);
    });
  });

  describe("REQ-BRK-7 manual controls", function () {
    it("the risk role halts one asset at once (latched), even with a reverting feed", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await fx.feed8.setReverts(true);
      await expect(fx.breaker.connect(fx.risk).halt(ASSET8))
        .to.emit(fx.breaker, "ManuallyHalted")
        .withArgs(ASSET8, fx.risk.address);
      await fx.feed8.setReverts(false);
      expect(await fx.breaker.isHalted(ASSET18)).to.equal(false); // other assets trade on
      await viewAt((await time.latest()) + 30 * 86_400);
      const s = await fx.breaker.status(ASSET8);
      expect([s.halted, s.reason, s.latched]).to.deep.equal([true, BigInt(R.ManualHalt), true]);
      await expect(fx.venue.trade(ASSET8))
        .to.be.revertedWithCustomError(fx.breaker, "AssetHalted")
        .withArgs(ASSET8, R.ManualHalt);
    });

    it("only the risk role halts or resumes one asset", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const role = await fx.breaker.RISK_ROLE();
      await expect(fx.breaker.connect(fx.pauser).halt(ASSET8))
        .to.be.revertedWithCustomError(fx.breaker, "AccessControlUnauthorizedAccount")
        .withArgs(fx.pauser.address, role);
      await expect(fx.breaker.connect(fx.stranger).resume(ASSET8))
        .to.be.revertedWithCustomError(fx.breaker, "AccessControlUnauthorizedAccount")
        .withArgs(fx.stranger.address, role);
    });

    it("halt and resume reject an unconfigured asset", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await expect(fx.breaker.connect(fx.risk).halt(UNKNOWN))
        .to.be.revertedWithCustomError(fx.breaker, "BreakerAssetNotConfigured")
        .withArgs(UNKNOWN);
      await expect(fx.breaker.connect(fx.risk).resume(UNKNOWN))
        .to.be.revertedWithCustomError(fx.breaker, "BreakerAssetNotConfigured")
        .withArgs(UNKNOWN);
    });

    it("resume lifts a manual halt and the first healthy reading re-anchors R", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await fx.breaker.connect(fx.risk).halt(ASSET8);
      await fx.feed8.setAnswer(150n * E8);
      await expect(fx.breaker.connect(fx.risk).resume(ASSET8))
        .to.emit(fx.breaker, "Resumed")
        .withArgs(ASSET8, fx.risk.address, 0n);
      expect((await fx.breaker.status(ASSET8)).reanchorPending).to.equal(true);
      await expect(fx.breaker.check(ASSET8))
        .to.emit(fx.breaker, "ReferenceAnchored")
        .withArgs(ASSET8, 150n * E8, 2n);
    });

    it("decision (ADR 0032): the risk role cannot end a cooling-off early (BreakerNotLatched)", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const t = fx.anchoredAt + 100;
      await tripAt(fx, t);
      await expect(fx.breaker.connect(fx.risk).resume(ASSET8))
        .to.be.revertedWithCustomError(fx.breaker, "BreakerNotLatched")
        .withArgs(ASSET8, t + COOL_OFF);
    });

    it("resume of an asset that is not halted reverts BreakerNotLatched", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await expect(fx.breaker.connect(fx.risk).resume(ASSET8))
        .to.be.revertedWithCustomError(fx.breaker, "BreakerNotLatched")
        .withArgs(ASSET8, 0n);
    });

    it("resuming a latched asset inside its cooling-off leaves the cooling-off running", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const t1 = fx.anchoredAt + 100;
      await tripAt(fx, t1);
      await publishAt(fx.feed8, 120n * E8, t1 + COOL_OFF);
      await time.setNextBlockTimestamp(t1 + COOL_OFF + 1);
      await fx.breaker.check(ASSET8);
      const t2 = t1 + 1_000;
      await tripAt(fx, t2, 140n * E8); // latched, cooling off until t2 + 300
      await time.setNextBlockTimestamp(t2 + 10);
      await fx.breaker.connect(fx.risk).resume(ASSET8);
      await viewAt(t2 + COOL_OFF - 1);
      expect(await reasonOf(fx.breaker, ASSET8)).to.equal(BigInt(R.CoolingOff));
      await viewAt(t2 + COOL_OFF);
      expect(await fx.breaker.isHalted(ASSET8)).to.equal(false);
    });

    it("decision (ADR 0032): resume on an unhealthy oracle reverts BreakerResumeOracleUnhealthy and stays halted", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await fx.breaker.connect(fx.risk).halt(ASSET8);
      await fx.feed8.setReverts(true);
      await expect(fx.breaker.connect(fx.risk).resume(ASSET8))
        .to.be.revertedWithCustomError(fx.breaker, "BreakerResumeOracleUnhealthy")
        .withArgs(ASSET8, R.OracleCallFailed);
      await fx.feed8.setReverts(false);
      expect(await reasonOf(fx.breaker, ASSET8)).to.equal(BigInt(R.ManualHalt));
    });

    it("decision (ADR 0034): a manual halt does not count toward escalation", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await fx.breaker.connect(fx.risk).halt(ASSET8);
      expect((await fx.breaker.status(ASSET8)).lastTripAt).to.equal(0n);
      await fx.breaker.connect(fx.risk).resume(ASSET8);
      await fx.breaker.check(ASSET8); // re-anchor at 100
      await expect(tripAt(fx, (await time.latest()) + 10))
        .to.emit(fx.breaker, "BreakerTripped")
        .withArgs(ASSET8, 100n * E8, 120n * E8, 2_000n, 2n, anyUint, false);
    });

    it("check() during a manual halt emits nothing and does not record a trip", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await fx.breaker.connect(fx.risk).halt(ASSET8);
      await fx.feed8.setAnswer(200n * E8);
      const receipt = await (await fx.breaker.check(ASSET8)).wait();
      expect(receipt!.logs.length).to.equal(0);
      expect((await fx.breaker.status(ASSET8)).lastTripAt).to.equal(0n);
    });

    describe("global halt", function () {
      it("a pauser halts every asset at once", async function () {
        const fx = await networkHelpers.loadFixture(breakerFixture);
        await expect(fx.breaker.connect(fx.pauser).haltAll())
          .to.emit(fx.breaker, "AllHalted")
          .withArgs(fx.pauser.address);
        expect(await fx.breaker.allHalted()).to.equal(true);
        for (const asset of [ASSET8, ASSET18]) {
          await expect(fx.venue.trade(asset))
            .to.be.revertedWithCustomError(fx.breaker, "AssetHalted")
            .withArgs(asset, R.GlobalHalt);
        }
      });

      it("only a pauser halts all", async function () {
        const fx = await networkHelpers.loadFixture(breakerFixture);
        await expect(fx.breaker.connect(fx.risk).haltAll())
          .to.be.revertedWithCustomError(fx.breaker, "AccessControlUnauthorizedAccount")
          .withArgs(fx.risk.address, await fx.breaker.PAUSER_ROLE());
      });

      it("decision (ADR 0035): resumeAll needs the admin, not the pauser", async function () {
        const fx = await networkHelpers.loadFixture(breakerFixture);
        await fx.breaker.connect(fx.pauser).haltAll();
        await expect(fx.breaker.connect(fx.pauser).resumeAll())
          .to.be.revertedWithCustomError(fx.breaker, "AccessControlUnauthorizedAccount")
          .withArgs(fx.pauser.address, ethers.ZeroHash);
        await expect(fx.breaker.connect(fx.admin).resumeAll())
          .to.emit(fx.breaker, "AllResumed")
          .withArgs(fx.admin.address);
        expect(await fx.breaker.isHalted(ASSET8)).to.equal(false);
      });

      it("resumeAll without a global halt reverts BreakerGlobalHaltNotActive", async function () {
        const fx = await networkHelpers.loadFixture(breakerFixture);
        await expect(fx.breaker.resumeAll()).to.be.revertedWithCustomError(fx.breaker, "BreakerGlobalHaltNotActive");
      });

      it("resumeAll never clears a per-asset halt", async function () {
        const fx = await networkHelpers.loadFixture(breakerFixture);
        await fx.breaker.connect(fx.risk).halt(ASSET8);
        await fx.breaker.connect(fx.pauser).haltAll();
        expect(await reasonOf(fx.breaker, ASSET8)).to.equal(BigInt(R.GlobalHalt));
        await fx.breaker.resumeAll();
        expect(await reasonOf(fx.breaker, ASSET8)).to.equal(BigInt(R.ManualHalt));
        expect(await fx.breaker.isHalted(ASSET18)).to.equal(false);
      });

      it("under a global halt check() still records a trip (and reports GlobalHalt)", async function () {
        const fx = await networkHelpers.loadFixture(breakerFixture);
        await fx.breaker.connect(fx.pauser).haltAll();
        await fx.feed8.setAnswer(50n * E8);
        expect(await fx.breaker.check.staticCall(ASSET8)).to.deep.equal([true, BigInt(R.GlobalHalt)]);
        await expect(fx.breaker.check(ASSET8)).to.emit(fx.breaker, "BreakerTripped");
        await fx.breaker.resumeAll();
        expect(await reasonOf(fx.breaker, ASSET8)).to.equal(BigInt(R.CoolingOff));
      });
    });
  });

  describe("REQ-BRK-8 configuration (admin)", function () {
    it("emits AssetConfigured with every parameter", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const feed = await ethers.deployContract("MockAggregatorV3", [8, 7n * E8]);
      const cfg = defaults(await feed.getAddress(), { minPrice: 1n, maxPrice: 2n ** 100n });
      await expect(fx.breaker.setAssetConfig(FRESH, cfg))
        .to.emit(fx.breaker, "AssetConfigured")
        .withArgs(FRESH, [cfg.feed, 1_000n, 3_600n, 300n, 300n, 86_400n, 1n, 2n ** 100n]);
    });

    it("only the default admin configures assets", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await expect(fx.breaker.connect(fx.risk).setAssetConfig(ASSET8, defaults(await fx.feed8.getAddress())))
        .to.be.revertedWithCustomError(fx.breaker, "AccessControlUnauthorizedAccount")
        .withArgs(fx.risk.address, ethers.ZeroHash);
      await expect(fx.breaker.connect(fx.risk).setSequencerFeed(ethers.ZeroAddress, 0))
        .to.be.revertedWithCustomError(fx.breaker, "AccessControlUnauthorizedAccount")
        .withArgs(fx.risk.address, ethers.ZeroHash);
    });

    const invalid: { name: string; field: number; value: bigint; patch: Partial<ConfigInput> }[] = [
      { name: "thresholdBps 0", field: F.ThresholdBps, value: 0n, patch: { thresholdBps: 0 } },
      { name: "thresholdBps 10001", field: F.ThresholdBps, value: 10_001n, patch: { thresholdBps: 10_001 } },
      { name: "maxStalenessSec 0", field: F.MaxStalenessSec, value: 0n, patch: { maxStalenessSec: 0 } },
      {
        name: "maxStalenessSec 7 days + 1",
        field: F.MaxStalenessSec,
        value: 604_801n,
        patch: { maxStalenessSec: 604_801 },
      },
      { name: "windowSec 0", field: F.WindowSec, value: 0n, patch: { windowSec: 0 } },
      { name: "windowSec 1 day + 1", field: F.WindowSec, value: 86_401n, patch: { windowSec: 86_401 } },
      { name: "coolOffSec 0", field: F.CoolOffSec, value: 0n, patch: { coolOffSec: 0 } },
      { name: "coolOffSec 7 days + 1", field: F.CoolOffSec, value: 604_801n, patch: { coolOffSec: 604_801 } },
      {
        name: "escalationWindowSec below coolOffSec",
        field: F.EscalationWindowSec,
        value: 299n,
        patch: { escalationWindowSec: 299 },
      },
      {
        name: "escalationWindowSec 30 days + 1",
        field: F.EscalationWindowSec,
        value: 2_592_001n,
        patch: { escalationWindowSec: 2_592_001 },
      },
      { name: "minPrice == maxPrice", field: F.PriceBounds, value: 5n, patch: { minPrice: 5n, maxPrice: 5n } },
    ];
    for (const { name, field, value, patch } of invalid) {
      it(`rejects ${name} with BreakerInvalidConfig and changes nothing`, async function () {
        const fx = await networkHelpers.loadFixture(breakerFixture);
        const before = await fx.breaker.assetConfig(ASSET8);
        await expect(fx.breaker.setAssetConfig(ASSET8, defaults(await fx.feed8.getAddress(), patch)))
          .to.be.revertedWithCustomError(fx.breaker, "BreakerInvalidConfig")
          .withArgs(ASSET8, field, value);
        expect(await fx.breaker.assetConfig(ASSET8)).to.deep.equal(before);
      });
    }

    it("accepts the extremes thresholdBps 1 and 10000 and escalationWindowSec == coolOffSec", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const feed = await fx.feed8.getAddress();
      await fx.breaker.setAssetConfig(ASSET8, defaults(feed, { thresholdBps: 1 }));
      await fx.breaker.setAssetConfig(ASSET8, defaults(feed, { thresholdBps: 10_000, escalationWindowSec: 300 }));
      expect((await fx.breaker.assetConfig(ASSET8)).thresholdBps).to.equal(10_000n);
    });

    it("rejects the zero asset, a zero feed and a feed without code", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const feed = await fx.feed8.getAddress();
      await expect(fx.breaker.setAssetConfig(ethers.ZeroAddress, defaults(feed)))
        .to.be.revertedWithCustomError(fx.breaker, "BreakerInvalidConfig")
        .withArgs(ethers.ZeroAddress, F.Asset, 0n);
      await expect(fx.breaker.setAssetConfig(FRESH, defaults(ethers.ZeroAddress)))
        .to.be.revertedWithCustomError(fx.breaker, "BreakerInvalidConfig")
        .withArgs(FRESH, F.Feed, 0n);
      await expect(fx.breaker.setAssetConfig(FRESH, defaults(fx.stranger.address)))
        .to.be.revertedWithCustomError(fx.breaker, "BreakerInvalidConfig")
        .withArgs(FRESH, F.Feed, BigInt(fx.stranger.address));
    });

    it("loosening the threshold first records the pending trip under the old one", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await fx.feed8.setAnswer(130n * E8); // out of band, nobody checked
      await expect(fx.breaker.setAssetConfig(ASSET8, defaults(await fx.feed8.getAddress(), { thresholdBps: 5_000 })))
        .to.emit(fx.breaker, "BreakerTripped")
        .withArgs(ASSET8, 100n * E8, 130n * E8, 3_000n, 2n, anyUint, false);
      expect(await reasonOf(fx.breaker, ASSET8)).to.equal(BigInt(R.CoolingOff));
    });

    it("a config change never clears a halt: a shorter coolOffSec keeps haltedUntil; a latch stays", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const t = fx.anchoredAt + 100;
      await tripAt(fx, t);
      await fx.breaker.connect(fx.risk).halt(ASSET8);
      await fx.breaker.setAssetConfig(
        ASSET8,
        defaults(await fx.feed8.getAddress(), { thresholdBps: 10_000, coolOffSec: 1, escalationWindowSec: 1 }),
      );
      const s = await fx.breaker.status(ASSET8);
      expect([s.reason, s.haltedUntil, s.latched]).to.deep.equal([BigInt(R.ManualHalt), BigInt(t + COOL_OFF), true]);
    });

    it("a new feed (other decimals) re-anchors R on its first healthy reading", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await fx.breaker.setAssetConfig(ASSET8, defaults(await fx.feed18.getAddress()));
      expect((await fx.breaker.status(ASSET8)).reanchorPending).to.equal(true);
      await expect(fx.breaker.check(ASSET8))
        .to.emit(fx.breaker, "ReferenceAnchored")
        .withArgs(ASSET8, 100n * E18, 1n);
    });

    it("reports the sequencer feed and grace period", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      expect(await fx.breaker.sequencerFeed()).to.deep.equal([ethers.ZeroAddress, 0n]);
      await fx.breaker.setSequencerFeed(await fx.sequencer.getAddress(), 3_600);
      expect(await fx.breaker.sequencerFeed()).to.deep.equal([await fx.sequencer.getAddress(), 3_600n]);
    });
  });

  describe("REQ-BRK-9 monitoring view", function () {
    it("status returns halted, reason, reference, reference time, halted-until, latched and the live price", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      const t = fx.anchoredAt + 100;
      await tripAt(fx, t);
      const s = await fx.breaker.status(ASSET8);
      expect(s.halted).to.equal(true);
      expect(s.reason).to.equal(BigInt(R.CoolingOff));
      expect(s.referencePrice).to.equal(100n * E8);
      expect(s.referenceAt).to.equal(BigInt(fx.anchoredAt));
      expect(s.haltedUntil).to.equal(BigInt(t + COOL_OFF));
      expect(s.lastTripAt).to.equal(BigInt(t));
      expect(s.latched).to.equal(false);
      expect(s.reanchorPending).to.equal(true);
      expect(s.price).to.equal(0n); // during a cooling-off the feed is not read
    });

    it("status of an open asset carries the live price", async function () {
      const fx = await networkHelpers.loadFixture(breakerFixture);
      await fx.feed18.setAnswer(101n * E18);
      const s = await fx.breaker.status(ASSET18);
      expect([s.halted, s.reason, s.price]).to.deep.equal([false, 0n, 101n * E18]);
    });
  });
});
