import { expect } from "chai";
import { network } from "hardhat";
import { id, ZeroAddress } from "ethers";

import {
  attest,
  DAY,
  deployStablecoin,
  expectRejection,
  fundedStablecoin,
  HKD,
  HOUR,
  implementationOf,
  initParams,
  MINTER_LIMITS,
} from "../../scripts/lib/stablecoin.js";
import type { StablecoinDeployment } from "../../scripts/lib/stablecoin.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const { time } = networkHelpers;

const deployed = () => deployStablecoin(connection);
const funded = () => fundedStablecoin(connection);

/** Deployed, minter configured, reserves of exactly 1,000 HKD attested now, nothing minted. */
async function thousandReserves(): Promise<StablecoinDeployment> {
  const d = await deployStablecoin(connection);
  await d.token.connect(d.masterMinter).configureMinter(d.minter.address, MINTER_LIMITS);
  await attest(d, networkHelpers, 1_000n * HKD);
  return d;
}

/** A loosening policy change: the reserve check switched off (age and delay two days, so only `enabled` changes). */
async function disablingPolicy(d: StablecoinDeployment) {
  return {
    feed: await d.feed.getAddress(),
    enabled: false,
    marginBps: 0n,
    maxAgeSeconds: 2n * DAY,
    delaySeconds: 2n * DAY,
  };
}

async function mockFeed(decimals: number) {
  return ethers.deployContract("StablecoinMockAggregator", [decimals]);
}

/** Swaps the token to `feed` through the delayed policy change (loosening: other feed). */
async function swapFeed(d: StablecoinDeployment, feed: string, marginBps = 0n): Promise<void> {
  const policy = { feed, enabled: true, marginBps, maxAgeSeconds: 2n * DAY, delaySeconds: 2n * DAY };
  await d.token.connect(d.admin).scheduleReservePolicy(policy);
  await time.increase(2n * DAY);
  await d.token.connect(d.admin).executeReservePolicy();
}

describe("HkdStablecoin secure mint (deployed through deploy/modules/HkdStablecoin.ts)", function () {
  describe("REQ-STB-3 reserve attestation feed", function () {
    it("lets the attestor post (reserves, asOf, reportHash) and serves it as Chainlink round data", async function () {
      const { feed, attestor } = await networkHelpers.loadFixture(deployed);
      const asOf = BigInt(await time.latest()) - HOUR;
      await expect(feed.connect(attestor).attest(500n * HKD, asOf, id("report 1")))
        .to.emit(feed, "ReservesAttested")
        .withArgs(1n, 500n * HKD, asOf, id("report 1"), attestor.address);
      const [roundId, answer, startedAt, updatedAt, answeredInRound] = await feed.latestRoundData();
      expect([roundId, answer, startedAt, updatedAt, answeredInRound]).to.deep.equal([1n, 500n * HKD, asOf, asOf, 1n]);
      expect((await feed.getRoundData(1n))[1]).to.equal(500n * HKD);
      const stored = await feed.attestation(1n);
      expect(stored.reportHash).to.equal(id("report 1"));
      expect(stored.postedAt).to.equal(BigInt(await time.latest()));
      expect(await feed.latestRound()).to.equal(1n);
      expect(await feed.decimals()).to.equal(6n);
      expect(await feed.version()).to.equal(1n);
      expect(await feed.description()).to.equal("HKD stablecoin reserves (attested)");
    });

    it("refuses attestations from anyone but the attestor, including minters", async function () {
      const { feed, minter } = await networkHelpers.loadFixture(deployed);
      await expect(feed.connect(minter).attest(1n, 1n, id("x")))
        .to.be.revertedWithCustomError(feed, "AccessControlUnauthorizedAccount")
        .withArgs(minter.address, await feed.ATTESTOR_ROLE());
    });

    it("refuses negative reserves and reserves above 112 bits", async function () {
      const { feed, attestor } = await networkHelpers.loadFixture(deployed);
      const now = BigInt(await time.latest());
      await expect(feed.connect(attestor).attest(-1n, now, id("x")))
        .to.be.revertedWithCustomError(feed, "ReserveFeedInvalidReserves")
        .withArgs(-1n);
      await expect(feed.connect(attestor).attest(1n << 112n, now, id("x")))
        .to.be.revertedWithCustomError(feed, "ReserveFeedInvalidReserves")
        .withArgs(1n << 112n);
    });

    it("ADR 0012: refuses a future-dated attestation when it is posted", async function () {
      const { feed, attestor } = await networkHelpers.loadFixture(deployed);
      const next = BigInt(await time.latest()) + 1000n;
      await time.setNextBlockTimestamp(next - 1000n + 1n);
      await expect(feed.connect(attestor).attest(1n, next, id("x")))
        .to.be.revertedWithCustomError(feed, "ReserveFeedAttestationFromFuture")
        .withArgs(next, next - 999n);
    });

    it("refuses an attestation that is not newer than the latest", async function () {
      const { feed, attestor } = await networkHelpers.loadFixture(deployed);
      const now = BigInt(await time.latest());
      await feed.connect(attestor).attest(1n, now, id("a"));
      await expect(feed.connect(attestor).attest(2n, now, id("b")))
        .to.be.revertedWithCustomError(feed, "ReserveFeedAttestationOutOfOrder")
        .withArgs(now, now);
    });

    it("refuses an attestation without a report hash", async function () {
      const { feed, attestor } = await networkHelpers.loadFixture(deployed);
      await expect(
        feed.connect(attestor).attest(1n, BigInt(await time.latest()), ethers.ZeroHash),
      ).to.be.revertedWithCustomError(feed, "ReserveFeedEmptyReportHash");
    });

    it("reverts with ReserveFeedUnknownRound for a round never posted", async function () {
      const { feed } = await networkHelpers.loadFixture(deployed);
      await expect(feed.getRoundData(7n)).to.be.revertedWithCustomError(feed, "ReserveFeedUnknownRound").withArgs(7n);
      await expect(feed.attestation(7n)).to.be.revertedWithCustomError(feed, "ReserveFeedUnknownRound").withArgs(7n);
    });

    it("refuses more than 36 decimals at construction", async function () {
      const { feed, admin } = await networkHelpers.loadFixture(deployed);
      const factory = await ethers.getContractFactory("ReserveAttestationFeed");
      await expect(factory.deploy(admin.address, 0n, ZeroAddress, 37, "x"))
        .to.be.revertedWithCustomError(feed, "ReserveFeedInvalidDecimals")
        .withArgs(37n);
    });
  });

  describe("REQ-STB-3 mint against attested reserves", function () {
    it("mints within reserves, emits Minted and Transfer, and lowers the allowance", async function () {
      const { token, minter, alice } = await networkHelpers.loadFixture(thousandReserves);
      const tx = token.connect(minter).mint(alice.address, 400n * HKD);
      await expect(tx)
        .to.emit(token, "Minted")
        .withArgs(minter.address, alice.address, 400n * HKD);
      await expect(tx)
        .to.emit(token, "Transfer")
        .withArgs(ZeroAddress, alice.address, 400n * HKD);
      expect((await token.minterConfig(minter.address)).allowance).to.equal(MINTER_LIMITS.allowance - 400n * HKD);
    });

    it("mints up to exactly the attested reserves and not one unit more (StablecoinReservesExceeded)", async function () {
      const { token, minter, alice } = await networkHelpers.loadFixture(thousandReserves);
      await token.connect(minter).mint(alice.address, 1_000n * HKD);
      await expect(token.connect(minter).mint(alice.address, 1n))
        .to.be.revertedWithCustomError(token, "StablecoinReservesExceeded")
        .withArgs(1_000n * HKD + 1n, 1_000n * HKD);
    });

    it("refuses to mint against an attestation older than the maximum age", async function () {
      const { token, minter, alice, feed } = await networkHelpers.loadFixture(thousandReserves);
      const [, , , updatedAt] = await feed.latestRoundData();
      await time.setNextBlockTimestamp(updatedAt + 2n * DAY + 1n);
      await expect(token.connect(minter).mint(alice.address, 1n))
        .to.be.revertedWithCustomError(token, "StablecoinAttestationStale")
        .withArgs(updatedAt, 2n * DAY, updatedAt + 2n * DAY + 1n);
    });

    it("accepts an attestation exactly at the maximum age", async function () {
      const { token, minter, alice, feed } = await networkHelpers.loadFixture(thousandReserves);
      const [, , , updatedAt] = await feed.latestRoundData();
      await time.setNextBlockTimestamp(updatedAt + 2n * DAY);
      await expect(token.connect(minter).mint(alice.address, 1n)).to.emit(token, "Minted");
    });

    it("refuses to mint before any attestation (answer 0)", async function () {
      const d = await networkHelpers.loadFixture(deployed);
      await d.token.connect(d.masterMinter).configureMinter(d.minter.address, MINTER_LIMITS);
      await expect(d.token.connect(d.minter).mint(d.alice.address, 1n))
        .to.be.revertedWithCustomError(d.token, "StablecoinReservesNotPositive")
        .withArgs(0n);
    });

    it("refuses to mint against zero attested reserves", async function () {
      const d = await networkHelpers.loadFixture(thousandReserves);
      await time.increase(1);
      await attest(d, networkHelpers, 0n);
      await expect(d.token.connect(d.minter).mint(d.alice.address, 1n))
        .to.be.revertedWithCustomError(d.token, "StablecoinReservesNotPositive")
        .withArgs(0n);
    });

    it("refuses to mint against a negative answer of a replacement feed", async function () {
      const d = await networkHelpers.loadFixture(thousandReserves);
      const mock = await mockFeed(6);
      await mock.set(-5n, BigInt(await time.latest()));
      await swapFeed(d, await mock.getAddress());
      await expect(d.token.connect(d.minter).mint(d.alice.address, 1n))
        .to.be.revertedWithCustomError(d.token, "StablecoinReservesNotPositive")
        .withArgs(-5n);
    });

    it("ADR 0012: refuses at mint an attestation dated in the future (a replacement feed may post one)", async function () {
      const d = await networkHelpers.loadFixture(thousandReserves);
      const mock = await mockFeed(6);
      await swapFeed(d, await mock.getAddress());
      const future = BigInt(await time.latest()) + 3600n;
      await mock.set(1_000n * HKD, future);
      await time.setNextBlockTimestamp(future - 100n);
      await expect(d.token.connect(d.minter).mint(d.alice.address, 1n))
        .to.be.revertedWithCustomError(d.token, "StablecoinAttestationFromFuture")
        .withArgs(future, future - 100n);
    });

    it("reads a Chainlink-style feed with other decimals, scaling down and rounding in favour of backing", async function () {
      const d = await networkHelpers.loadFixture(thousandReserves);
      const mock = await mockFeed(8);
      await swapFeed(d, await mock.getAddress());
      // 1,000.00000099 HKD with 8 decimals scales to 1,000.000000 HKD (the dust is dropped).
      await mock.set(100_000_000_099n, BigInt(await time.latest()));
      const [attested, mintable] = await d.token.reserves();
      expect(attested).to.equal(1_000n * HKD);
      expect(mintable).to.equal(1_000n * HKD);
      await d.token.connect(d.minter).mint(d.alice.address, 1_000n * HKD);
      await expect(d.token.connect(d.minter).mint(d.alice.address, 1n)).to.be.revertedWithCustomError(
        d.token,
        "StablecoinReservesExceeded",
      );
    });

    it("reads a feed with fewer decimals by scaling up", async function () {
      const d = await networkHelpers.loadFixture(thousandReserves);
      const mock = await mockFeed(2);
      await swapFeed(d, await mock.getAddress());
      await mock.set(100_000n, BigInt(await time.latest())); // 1,000.00 HKD
      expect((await d.token.reserves())[0]).to.equal(1_000n * HKD);
    });

    it("ADR 0012: applies the safety margin as a share of attested reserves", async function () {
      const d = await networkHelpers.loadFixture(thousandReserves);
      const policy = {
        feed: await d.feed.getAddress(),
        enabled: true,
        marginBps: 1_000n,
        maxAgeSeconds: 2n * DAY,
        delaySeconds: 2n * DAY,
      };
      await d.token.connect(d.admin).scheduleReservePolicy(policy); // tightening: executable now
      await d.token.connect(d.admin).executeReservePolicy();
      expect((await d.token.reserves())[1]).to.equal(900n * HKD);
      await d.token.connect(d.minter).mint(d.alice.address, 900n * HKD);
      await expect(d.token.connect(d.minter).mint(d.alice.address, 1n))
        .to.be.revertedWithCustomError(d.token, "StablecoinReservesExceeded")
        .withArgs(900n * HKD + 1n, 900n * HKD);
    });

    it("keeps frozen balances in the supply that reserves must back", async function () {
      const d = await networkHelpers.loadFixture(thousandReserves);
      await d.token.connect(d.minter).mint(d.alice.address, 600n * HKD);
      await d.token.connect(d.compliance).freeze(d.alice.address);
      expect(await d.token.totalSupply()).to.equal(600n * HKD);
      await expect(d.token.connect(d.minter).mint(d.bob.address, 401n * HKD))
        .to.be.revertedWithCustomError(d.token, "StablecoinReservesExceeded")
        .withArgs(1_001n * HKD, 1_000n * HKD);
    });
  });

  describe("REQ-STB-3 loosening the reserve check is a delayed admin action", function () {
    it("is on by default with the module's parameters", async function () {
      const { token, feed } = await networkHelpers.loadFixture(deployed);
      const policy = await token.reservePolicy();
      expect(policy.enabled).to.equal(true);
      expect(policy.feed).to.equal(await feed.getAddress());
      expect(policy.marginBps).to.equal(0n);
      expect(policy.maxAgeSeconds).to.equal(2n * DAY);
      expect(policy.delaySeconds).to.equal(2n * DAY);
    });

    it("schedules disabling the check with the delay, refuses early execution, then executes", async function () {
      const d = await networkHelpers.loadFixture(thousandReserves);
      const policy = await disablingPolicy(d);
      const tx = await d.token.connect(d.admin).scheduleReservePolicy(policy);
      const at = BigInt((await tx.getBlock())?.timestamp ?? 0) + 2n * DAY;
      await expect(tx).to.emit(d.token, "ReservePolicyScheduled");
      const [scheduled, executableAt] = await d.token.scheduledReservePolicy();
      expect(scheduled.enabled).to.equal(false);
      expect(executableAt).to.equal(at);
      await time.setNextBlockTimestamp(at - 1n);
      await expect(d.token.connect(d.admin).executeReservePolicy())
        .to.be.revertedWithCustomError(d.token, "StablecoinPolicyNotReady")
        .withArgs(at, at - 1n);
      await time.setNextBlockTimestamp(at);
      await expect(d.token.connect(d.admin).executeReservePolicy()).to.emit(d.token, "ReservePolicyChanged");
      expect((await d.token.reservePolicy()).enabled).to.equal(false);
      await d.token.connect(d.minter).mint(d.alice.address, 1_000_000n * HKD);
      expect(await d.token.totalSupply()).to.equal(1_000_000n * HKD);
    });

    it("treats a lower margin, a longer max age, a shorter delay and another feed as loosening", async function () {
      const d = await networkHelpers.loadFixture(thousandReserves);
      const base = {
        feed: await d.feed.getAddress(),
        enabled: true,
        marginBps: 100n,
        maxAgeSeconds: DAY,
        delaySeconds: 3n * DAY,
      };
      await d.token.connect(d.admin).scheduleReservePolicy(base); // tightening
      await d.token.connect(d.admin).executeReservePolicy();
      const mock = await mockFeed(6);
      for (const change of [
        { marginBps: 99n },
        { maxAgeSeconds: DAY + 1n },
        { delaySeconds: 3n * DAY - 1n },
        { feed: await mock.getAddress() },
      ]) {
        const tx = await d.token.connect(d.admin).scheduleReservePolicy({ ...base, ...change });
        const now = BigInt((await tx.getBlock())?.timestamp ?? 0);
        await expect(tx)
          .to.emit(d.token, "ReservePolicyScheduled")
          .withArgs(Object.values({ ...base, ...change }), now + 3n * DAY, true);
      }
    });

    it("executes a tightening change at once (higher margin, shorter max age)", async function () {
      const d = await networkHelpers.loadFixture(thousandReserves);
      const policy = {
        feed: await d.feed.getAddress(),
        enabled: true,
        marginBps: 500n,
        maxAgeSeconds: HOUR,
        delaySeconds: 2n * DAY,
      };
      const tx = await d.token.connect(d.admin).scheduleReservePolicy(policy);
      const now = BigInt((await tx.getBlock())?.timestamp ?? 0);
      await expect(tx).to.emit(d.token, "ReservePolicyScheduled").withArgs(Object.values(policy), now, false);
      await d.token.connect(d.admin).executeReservePolicy();
      expect((await d.token.reservePolicy()).marginBps).to.equal(500n);
    });

    it("can be cancelled, after which nothing is executable", async function () {
      const d = await networkHelpers.loadFixture(thousandReserves);
      const policy = await disablingPolicy(d);
      await d.token.connect(d.admin).scheduleReservePolicy(policy);
      await expect(d.token.connect(d.admin).cancelReservePolicy())
        .to.emit(d.token, "ReservePolicyCancelled")
        .withArgs(Object.values(policy));
      await time.increase(3n * DAY);
      await expect(d.token.connect(d.admin).executeReservePolicy()).to.be.revertedWithCustomError(
        d.token,
        "StablecoinNoScheduledPolicy",
      );
      await expect(d.token.connect(d.admin).cancelReservePolicy()).to.be.revertedWithCustomError(
        d.token,
        "StablecoinNoScheduledPolicy",
      );
      expect((await d.token.reservePolicy()).enabled).to.equal(true);
    });

    it("lets only the default admin schedule, execute or cancel", async function () {
      const d = await networkHelpers.loadFixture(thousandReserves);
      const role = ethers.ZeroHash; // DEFAULT_ADMIN_ROLE
      const policy = {
        feed: await d.feed.getAddress(),
        enabled: false,
        marginBps: 0n,
        maxAgeSeconds: 1n,
        delaySeconds: HOUR,
      };
      await expect(d.token.connect(d.masterMinter).scheduleReservePolicy(policy))
        .to.be.revertedWithCustomError(d.token, "AccessControlUnauthorizedAccount")
        .withArgs(d.masterMinter.address, role);
      await expect(d.token.connect(d.minter).executeReservePolicy())
        .to.be.revertedWithCustomError(d.token, "AccessControlUnauthorizedAccount")
        .withArgs(d.minter.address, role);
      await expect(d.token.connect(d.pauser).cancelReservePolicy())
        .to.be.revertedWithCustomError(d.token, "AccessControlUnauthorizedAccount")
        .withArgs(d.pauser.address, role);
    });

    it("refuses an invalid policy with StablecoinInvalidReservePolicy", async function () {
      const d = await networkHelpers.loadFixture(thousandReserves);
      const feed = await d.feed.getAddress();
      const bad37 = await mockFeed(37);
      const good = { feed, enabled: true, marginBps: 0n, maxAgeSeconds: DAY, delaySeconds: DAY };
      for (const change of [
        { feed: ZeroAddress },
        { marginBps: 5_001n },
        { maxAgeSeconds: 0n },
        { delaySeconds: HOUR - 1n },
        { delaySeconds: 30n * DAY + 1n },
        { feed: await bad37.getAddress() },
      ]) {
        const policy = { ...good, ...change };
        await expect(d.token.connect(d.admin).scheduleReservePolicy(policy))
          .to.be.revertedWithCustomError(d.token, "StablecoinInvalidReservePolicy")
          .withArgs(Object.values(policy));
      }
    });

    it("refuses to initialise with the reserve check disabled", async function () {
      await expectRejection(deployStablecoin(connection, { maxAttestationAgeSeconds: 0n }));
      const { token } = await networkHelpers.loadFixture(deployed);
      const impl = await implementationOf(ethers, token);
      const [admin] = await ethers.getSigners();
      if (admin === undefined) throw new Error("no admin");
      const feed = await mockFeed(6);
      const reservePolicy = {
        feed: await feed.getAddress(),
        enabled: false,
        marginBps: 0n,
        maxAgeSeconds: 1n,
        delaySeconds: 3600n,
      };
      const data = impl.interface.encodeFunctionData("initialize", [
        initParams(admin.address, reservePolicy.feed, { reservePolicy }),
      ]);
      await expect((await ethers.getContractFactory("ERC1967Proxy")).deploy(await impl.getAddress(), data))
        .to.be.revertedWithCustomError(token, "StablecoinInvalidReservePolicy")
        .withArgs(Object.values(reservePolicy));
    });
  });

  describe("REQ-STB-4 fat-finger guards: per-transaction cap and rate limit per minter", function () {
    it("refuses a mint above the per-transaction cap", async function () {
      const { token, minter, alice } = await networkHelpers.loadFixture(funded);
      await expect(token.connect(minter).mint(alice.address, MINTER_LIMITS.perTxCap + 1n))
        .to.be.revertedWithCustomError(token, "StablecoinMintCapExceeded")
        .withArgs(minter.address, MINTER_LIMITS.perTxCap, MINTER_LIMITS.perTxCap + 1n);
    });

    it("refuses a mint above the remaining allowance", async function () {
      const { token, masterMinter, minter, alice } = await networkHelpers.loadFixture(funded);
      await token.connect(masterMinter).configureMinter(minter.address, { ...MINTER_LIMITS, allowance: 10n });
      await expect(token.connect(minter).mint(alice.address, 11n))
        .to.be.revertedWithCustomError(token, "StablecoinMintAllowanceExceeded")
        .withArgs(minter.address, 10n, 11n);
    });

    it("refuses a mint above what is left in the rate window, and allows it in the next window", async function () {
      const { token, minter, alice } = await networkHelpers.loadFixture(funded);
      // funded already minted 2,000 HKD in this window.
      await token.connect(minter).mint(alice.address, MINTER_LIMITS.perTxCap);
      const left = MINTER_LIMITS.windowLimit - MINTER_LIMITS.perTxCap - 2_000n * HKD;
      expect(await token.mintableInWindow(minter.address)).to.equal(left);
      await expect(token.connect(minter).mint(alice.address, left + 1n))
        .to.be.revertedWithCustomError(token, "StablecoinMintRateExceeded")
        .withArgs(minter.address, left, left + 1n);
      await time.increase(DAY);
      await expect(token.connect(minter).mint(alice.address, left + 1n)).to.emit(token, "Minted");
    });

    it("does not reset the window's count when the minter is re-configured", async function () {
      const { token, masterMinter, minter, alice } = await networkHelpers.loadFixture(funded);
      await token.connect(minter).mint(alice.address, MINTER_LIMITS.perTxCap);
      await token.connect(masterMinter).configureMinter(minter.address, MINTER_LIMITS);
      const left = MINTER_LIMITS.windowLimit - MINTER_LIMITS.perTxCap - 2_000n * HKD;
      expect(await token.mintableInWindow(minter.address)).to.equal(left);
    });

    it("clamps the window's count when the master minter lowers the window limit below it", async function () {
      const { token, masterMinter, minter, alice } = await networkHelpers.loadFixture(funded);
      // funded minted 2,000 HKD in this window; lower the window limit to 1,000 HKD.
      const limits = { ...MINTER_LIMITS, perTxCap: 1_000n * HKD, windowLimit: 1_000n * HKD };
      await token.connect(masterMinter).configureMinter(minter.address, limits);
      expect(await token.mintableInWindow(minter.address)).to.equal(0n);
      await expect(token.connect(minter).mint(alice.address, 1n))
        .to.be.revertedWithCustomError(token, "StablecoinMintRateExceeded")
        .withArgs(minter.address, 0n, 1n);
    });

    it("records the master minter's configuration with MinterConfigured", async function () {
      const { token, masterMinter, carol } = await networkHelpers.loadFixture(funded);
      await expect(token.connect(masterMinter).configureMinter(carol.address, MINTER_LIMITS))
        .to.emit(token, "MinterConfigured")
        .withArgs(
          carol.address,
          MINTER_LIMITS.allowance,
          MINTER_LIMITS.perTxCap,
          MINTER_LIMITS.windowLimit,
          MINTER_LIMITS.windowSeconds,
        );
      expect(await token.isMinter(carol.address)).to.equal(true);
      expect(await token.mintableInWindow(ZeroAddress)).to.equal(0n);
    });

    it("refuses to make the feed's attestor a minter (the key that creates money never attests reserves)", async function () {
      const { token, masterMinter, attestor } = await networkHelpers.loadFixture(funded);
      await expect(token.connect(masterMinter).configureMinter(attestor.address, MINTER_LIMITS))
        .to.be.revertedWithCustomError(token, "StablecoinMinterIsAttestor")
        .withArgs(attestor.address);
    });

    it("accepts minters when the feed is a Chainlink feed without roles", async function () {
      const d = await networkHelpers.loadFixture(thousandReserves);
      const mock = await mockFeed(6);
      await swapFeed(d, await mock.getAddress());
      await expect(d.token.connect(d.masterMinter).configureMinter(d.attestor.address, MINTER_LIMITS)).to.emit(
        d.token,
        "MinterConfigured",
      );
    });

    it("refuses zero or inconsistent limits with StablecoinInvalidMinterLimits", async function () {
      const { token, masterMinter, carol } = await networkHelpers.loadFixture(funded);
      for (const change of [
        { perTxCap: 0n },
        { windowLimit: 0n },
        { windowSeconds: 0n },
        { perTxCap: MINTER_LIMITS.windowLimit + 1n },
      ]) {
        const limits = { ...MINTER_LIMITS, ...change };
        await expect(token.connect(masterMinter).configureMinter(carol.address, limits))
          .to.be.revertedWithCustomError(token, "StablecoinInvalidMinterLimits")
          .withArgs(limits.perTxCap, limits.windowLimit, limits.windowSeconds);
      }
      await expect(
        token.connect(masterMinter).configureMinter(ZeroAddress, MINTER_LIMITS),
      ).to.be.revertedWithCustomError(token, "StablecoinZeroAddress");
    });

    it("refuses a zero mint and a mint to the zero address or the token", async function () {
      const { token, minter } = await networkHelpers.loadFixture(funded);
      await expect(token.connect(minter).mint(minter.address, 0n))
        .to.be.revertedWithCustomError(token, "StablecoinInvalidAmount")
        .withArgs(0n);
      await expect(token.connect(minter).mint(ZeroAddress, 1n))
        .to.be.revertedWithCustomError(token, "ERC20InvalidReceiver")
        .withArgs(ZeroAddress);
      await expect(token.connect(minter).mint(await token.getAddress(), 1n))
        .to.be.revertedWithCustomError(token, "ERC20InvalidReceiver")
        .withArgs(await token.getAddress());
    });

    it("lets a minter burn its own balance without restoring its allowance", async function () {
      const { token, minter } = await networkHelpers.loadFixture(funded);
      await token.connect(minter).mint(minter.address, 10n);
      const allowance = (await token.minterConfig(minter.address)).allowance;
      const tx = token.connect(minter).burn(4n);
      await expect(tx).to.emit(token, "Burnt").withArgs(minter.address, 4n);
      await expect(tx).to.emit(token, "Transfer").withArgs(minter.address, ZeroAddress, 4n);
      expect((await token.minterConfig(minter.address)).allowance).to.equal(allowance);
      await expect(token.connect(minter).burn(0n)).to.be.revertedWithCustomError(token, "StablecoinInvalidAmount");
    });

    it("refuses burn by a non-minter", async function () {
      const { token, alice } = await networkHelpers.loadFixture(funded);
      await expect(token.connect(alice).burn(1n))
        .to.be.revertedWithCustomError(token, "StablecoinNotMinter")
        .withArgs(alice.address);
    });
  });
});
