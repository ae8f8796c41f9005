import { expect } from "chai";
import { network } from "hardhat";

import GuardedSecurityTokenModule from "../../deploy/modules/GuardedSecurityToken.js";
import { fundedStablecoin, HKD } from "../../scripts/lib/stablecoin.js";
import { HK, MAX_BALANCE, namedSigners, PROFESSIONAL, SG } from "../token/SecurityToken.fixture.js";

const connection = await network.create();
const { ethers, ignition, networkHelpers } = connection;

/** `ICircuitBreaker.HaltReason` values (append-only, docs/adr/0037-monitoring.md). */
const Reason = {
  NotConfigured: 1n,
  GlobalHalt: 2n,
  CoolingOff: 5n,
  PriceDeviation: 6n,
  OracleCallFailed: 10n,
  OracleStale: 16n,
} as const;

const PRICE = 100_00000000n; // HKD 100.00 on an 8-decimal feed
const MAX_STALENESS = 3_600n;
const COOL_OFF = 300n;

/**
 * The security token wired to the circuit breaker through `deploy/modules/GuardedSecurityToken.ts`: alice and bob
 * (professional investors in Hong Kong and Singapore) hold 1,000 each; the breaker has anchored its reference at
 * HKD 100.
 */
async function guardedFixture() {
  const s = await namedSigners(ethers);
  const feed = await ethers.deployContract("MockAggregatorV3", [8, PRICE]);
  const deployed = await ignition.deploy(GuardedSecurityTokenModule, {
    parameters: {
      SecurityToken: {
        countryMode: 1,
        countries: [HK, SG],
        minimumInvestorClass: PROFESSIONAL,
        maxBalancePerInvestor: MAX_BALANCE,
      },
      GuardedSecurityToken: { priceFeed: await feed.getAddress(), maxStalenessSec: MAX_STALENESS },
    },
  });
  const token = await ethers.getContractAt("SecurityToken", deployed.token);
  const registry = await ethers.getContractAt("IdentityRegistry", deployed.registry);
  const breaker = await ethers.getContractAt("CircuitBreaker", deployed.breaker);
  await token.grantRole(await token.AGENT_ROLE(), s.agent.address);
  const kycEnd = BigInt(await networkHelpers.time.latest()) + 365n * 86_400n;
  await registry.batchRegisterInvestors(
    [s.alice.address, s.bob.address, s.carol.address],
    [HK, SG, HK],
    [PROFESSIONAL, PROFESSIONAL, PROFESSIONAL],
    [kycEnd, kycEnd, kycEnd],
  );
  await token.connect(s.agent).batchMint([s.alice.address, s.bob.address], [1_000n, 1_000n]);
  await breaker.check(token); // first healthy reading anchors the reference
  return { ...s, token, registry, breaker, feed };
}

async function haltedFixture() {
  const f = await guardedFixture();
  await f.feed.setAnswer((PRICE * 112n) / 100n); // +12%
  return f;
}

describe("Circuit breaker wired into the security token (issue 5, Wiring)", function () {
  describe("deployment through GuardedSecurityToken", function () {
    it("sets the breaker as the token's trading guard", async function () {
      const { token, breaker } = await networkHelpers.loadFixture(guardedFixture);
      expect(await token.tradingGuard()).to.equal(await breaker.getAddress());
    });

    it("configures the token as a breaker asset before guarding it, so transfers start open", async function () {
      const { token, breaker } = await networkHelpers.loadFixture(guardedFixture);
      expect(await breaker.isHalted(token)).to.equal(false);
      const status = await breaker.status(token);
      expect(status.referencePrice).to.equal(PRICE);
    });
  });

  describe("investor-to-investor transfers are halted", function () {
    it("passes while the price is in band", async function () {
      const { token, alice, bob } = await networkHelpers.loadFixture(guardedFixture);
      await expect(token.connect(alice).transfer(bob.address, 10n)).to.changeTokenBalances(
        ethers,
        token,
        [alice, bob],
        [-10n, 10n],
      );
    });

    it("passes at exactly +10% (the band is exclusive)", async function () {
      const { token, feed, alice, bob } = await networkHelpers.loadFixture(guardedFixture);
      await feed.setAnswer((PRICE * 110n) / 100n);
      await expect(token.connect(alice).transfer(bob.address, 10n)).to.emit(token, "Transfer");
    });

    it("reverts with AssetHalted(token, PriceDeviation) one unit above +10%, before any keeper ran", async function () {
      const { token, breaker, feed, alice, bob } = await networkHelpers.loadFixture(guardedFixture);
      await feed.setAnswer((PRICE * 110n) / 100n + 1n);
      await expect(token.connect(alice).transfer(bob.address, 10n))
        .to.be.revertedWithCustomError(breaker, "AssetHalted")
        .withArgs(await token.getAddress(), Reason.PriceDeviation);
    });

    it("reverts transferFrom and batchTransfer the same way", async function () {
      const { token, breaker, alice, bob, carol } = await networkHelpers.loadFixture(haltedFixture);
      await token.connect(alice).approve(carol.address, 10n);
      await expect(token.connect(carol).transferFrom(alice.address, bob.address, 10n))
        .to.be.revertedWithCustomError(breaker, "AssetHalted")
        .withArgs(await token.getAddress(), Reason.PriceDeviation);
      await expect(token.connect(alice).batchTransfer([bob.address, carol.address], [1n, 1n]))
        .to.be.revertedWithCustomError(breaker, "AssetHalted")
        .withArgs(await token.getAddress(), Reason.PriceDeviation);
    });

    it("stays halted through the cooling-off once a keeper recorded the trip, and reopens at its end", async function () {
      const { token, breaker, alice, bob } = await networkHelpers.loadFixture(haltedFixture);
      await expect(breaker.check(token)).to.emit(breaker, "BreakerTripped");
      const { haltedUntil } = await breaker.status(token);
      await networkHelpers.time.setNextBlockTimestamp(haltedUntil - 1n);
      await expect(token.connect(alice).transfer(bob.address, 10n))
        .to.be.revertedWithCustomError(breaker, "AssetHalted")
        .withArgs(await token.getAddress(), Reason.CoolingOff);
      await networkHelpers.time.setNextBlockTimestamp(haltedUntil);
      await expect(token.connect(alice).transfer(bob.address, 10n)).to.emit(token, "Transfer");
    });

    it("reverts with OracleStale one second past the staleness limit", async function () {
      const { token, breaker, feed, alice, bob } = await networkHelpers.loadFixture(guardedFixture);
      const [, , , updatedAt] = await feed.latestRoundData();
      await networkHelpers.time.setNextBlockTimestamp(updatedAt + MAX_STALENESS + 1n);
      await expect(token.connect(alice).transfer(bob.address, 10n))
        .to.be.revertedWithCustomError(breaker, "AssetHalted")
        .withArgs(await token.getAddress(), Reason.OracleStale);
    });

    it("reverts with OracleCallFailed when the feed reverts (fails closed)", async function () {
      const { token, breaker, feed, alice, bob } = await networkHelpers.loadFixture(guardedFixture);
      await feed.setReverts(true);
      await expect(token.connect(alice).transfer(bob.address, 10n))
        .to.be.revertedWithCustomError(breaker, "AssetHalted")
        .withArgs(await token.getAddress(), Reason.OracleCallFailed);
    });

    it("reverts with GlobalHalt while the pauser has halted every asset", async function () {
      const { token, breaker, deployer, alice, bob } = await networkHelpers.loadFixture(guardedFixture);
      await breaker.connect(deployer).haltAll();
      await expect(token.connect(alice).transfer(bob.address, 10n))
        .to.be.revertedWithCustomError(breaker, "AssetHalted")
        .withArgs(await token.getAddress(), Reason.GlobalHalt);
    });

    it("halts every transfer of a token whose asset the breaker does not know (NotConfigured)", async function () {
      const { token, deployer, alice, bob } = await networkHelpers.loadFixture(guardedFixture);
      const unconfigured = await ethers.deployContract("CircuitBreaker", [
        86_400n,
        deployer.address,
        deployer.address,
        deployer.address,
      ]);
      await token.setTradingGuard(unconfigured);
      await expect(token.connect(alice).transfer(bob.address, 10n))
        .to.be.revertedWithCustomError(unconfigured, "AssetHalted")
        .withArgs(await token.getAddress(), Reason.NotConfigured);
    });
  });

  describe("agent actions and issuance stay open while the asset is halted", function () {
    it("forced transfer moves tokens", async function () {
      const { token, breaker, agent, alice, bob } = await networkHelpers.loadFixture(haltedFixture);
      expect(await breaker.isHalted(token)).to.equal(true);
      await expect(token.connect(agent).forcedTransfer(alice.address, bob.address, 10n)).to.changeTokenBalances(
        ethers,
        token,
        [alice, bob],
        [-10n, 10n],
      );
    });

    it("burn, mint and freeze work", async function () {
      const { token, breaker, agent, alice, bob } = await networkHelpers.loadFixture(haltedFixture);
      expect(await breaker.isHalted(token)).to.equal(true);
      await expect(token.connect(agent).burn(alice.address, 5n))
        .to.emit(token, "Transfer")
        .withArgs(alice.address, ethers.ZeroAddress, 5n);
      await expect(token.connect(agent).mint(bob.address, 5n))
        .to.emit(token, "Transfer")
        .withArgs(ethers.ZeroAddress, bob.address, 5n);
      await expect(token.connect(agent).setAddressFrozen(alice.address, true))
        .to.emit(token, "AddressFrozen")
        .withArgs(alice.address, true, agent.address);
    });

    it("wallet recovery moves the whole balance to the investor's new wallet", async function () {
      const { token, registry, breaker, agent, alice, alice2 } = await networkHelpers.loadFixture(haltedFixture);
      expect(await breaker.isHalted(token)).to.equal(true);
      await registry.addWallet(alice.address, alice2.address);
      const investorRef = ethers.toBeHex((await registry.walletRecord(alice.address)).investorId, 20);
      await expect(token.connect(agent).recoveryAddress(alice.address, alice2.address, investorRef))
        .to.emit(token, "RecoverySuccess")
        .withArgs(alice.address, alice2.address, ethers.getAddress(investorRef));
      expect(await token.balanceOf(alice2.address)).to.equal(1_000n);
    });
  });

  describe("the HKD stablecoin is never halted by a security token's breaker", function () {
    it("pays in HKD while the security token is halted", async function () {
      const { token, breaker } = await networkHelpers.loadFixture(haltedFixture);
      const hkd = await fundedStablecoin(connection);
      expect(await breaker.isHalted(token)).to.equal(true);
      await expect(hkd.token.connect(hkd.alice).transfer(hkd.bob.address, 10n * HKD)).to.changeTokenBalances(
        ethers,
        hkd.token,
        [hkd.alice, hkd.bob],
        [-10n * HKD, 10n * HKD],
      );
    });
  });
});
