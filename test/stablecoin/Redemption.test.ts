import { expect } from "chai";
import { network } from "hardhat";
import { id, ZeroAddress } from "ethers";

import { fundedStablecoin, HKD } from "../../scripts/lib/stablecoin.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const { time } = networkHelpers;

const funded = () => fundedStablecoin(connection);

/** Unix time of a Hong Kong wall-clock time (UTC+8, no daylight saving). */
function hkt(year: number, month: number, day: number, hour: number, minute = 0): bigint {
  return BigInt(Date.UTC(year, month - 1, day, hour - 8, minute) / 1000);
}
/** Day number (days since 1970-01-01, Hong Kong time) of a Hong Kong date. */
function dayOf(year: number, month: number, day: number): bigint {
  return (hkt(year, month, day, 12) + 8n * 3600n) / 86_400n;
}

const PENDING = 1n;
const FULFILLED = 2n;
const REJECTED = 3n;
const SEIZED = 4n;

describe("HkdStablecoin redemption at par (deployed through deploy/modules/HkdStablecoin.ts)", function () {
  describe("REQ-STB-5 request, fulfil, reject", function () {
    it("moves the tokens into escrow and records the request with its due time", async function () {
      const { token, alice } = await networkHelpers.loadFixture(funded);
      const tx = await token.connect(alice).requestRedemption(100n * HKD, id("alice bank"));
      const at = BigInt((await tx.getBlock())?.timestamp ?? 0);
      const due = await token.dueTimeFor(at);
      await expect(tx)
        .to.emit(token, "RedemptionRequested")
        .withArgs(1n, alice.address, 100n * HKD, 0n, id("alice bank"), due);
      await expect(tx).to.changeTokenBalances(
        ethers,
        token,
        [alice.address, await token.getAddress()],
        [-100n * HKD, 100n * HKD],
      );
      const r = await token.redemption(1n);
      expect([r.holder, r.amount, r.requestedAt, r.dueAt, r.feeBps, r.status]).to.deep.equal([
        alice.address,
        100n * HKD,
        at,
        due,
        0n,
        PENDING,
      ]);
      expect(await token.redemptionCount()).to.equal(1n);
    });

    it("burns exactly the requested amount on fulfilment and reports the fiat paid (fee 0 by default)", async function () {
      const { token, alice, operator } = await networkHelpers.loadFixture(funded);
      await token.connect(alice).requestRedemption(100n * HKD, id("alice bank"));
      const supply = await token.totalSupply();
      const tx = token.connect(operator).fulfil(1n, id("HKD wire 1"));
      await expect(tx)
        .to.emit(token, "RedemptionFulfilled")
        .withArgs(1n, alice.address, 100n * HKD, 100n * HKD, id("HKD wire 1"));
      await expect(tx)
        .to.emit(token, "Transfer")
        .withArgs(await token.getAddress(), ZeroAddress, 100n * HKD);
      expect(await token.totalSupply()).to.equal(supply - 100n * HKD);
      expect(await token.balanceOf(await token.getAddress())).to.equal(0n);
      expect((await token.redemption(1n)).status).to.equal(FULFILLED);
    });

    it("deducts a configured fee from the fiat payout, snapshotted at request time", async function () {
      const { token, admin, alice, operator } = await networkHelpers.loadFixture(funded);
      await expect(token.connect(admin).setRedemptionFee(10)).to.emit(token, "RedemptionFeeSet").withArgs(10n);
      await expect(token.connect(alice).requestRedemption(100n * HKD, id("a")))
        .to.emit(token, "RedemptionRequested")
        .withArgs(1n, alice.address, 100n * HKD, 100_000n, id("a"), await token.dueTimeFor(await time.latest()));
      await token.connect(admin).setRedemptionFee(50);
      await expect(token.connect(operator).fulfil(1n, id("w")))
        .to.emit(token, "RedemptionFulfilled")
        .withArgs(1n, alice.address, 100n * HKD, 100n * HKD - 100_000n, id("w"));
      expect(await token.redemptionFeeBps()).to.equal(50n);
    });

    it("caps the fee with StablecoinRedemptionFeeTooHigh and lets only the admin set it", async function () {
      const { token, admin, operator } = await networkHelpers.loadFixture(funded);
      await expect(token.connect(admin).setRedemptionFee(51))
        .to.be.revertedWithCustomError(token, "StablecoinRedemptionFeeTooHigh")
        .withArgs(51n, 50n);
      await expect(token.connect(operator).setRedemptionFee(1))
        .to.be.revertedWithCustomError(token, "AccessControlUnauthorizedAccount")
        .withArgs(operator.address, ethers.ZeroHash);
    });

    it("returns the escrow to the holder on rejection", async function () {
      const { token, alice, operator } = await networkHelpers.loadFixture(funded);
      await token.connect(alice).requestRedemption(100n * HKD, id("a"));
      const tx = token.connect(operator).reject(1n, id("KYC mismatch"));
      await expect(tx)
        .to.emit(token, "RedemptionRejected")
        .withArgs(1n, alice.address, 100n * HKD, id("KYC mismatch"));
      await expect(tx).to.changeTokenBalances(ethers, token, [alice], [100n * HKD]);
      expect((await token.redemption(1n)).status).to.equal(REJECTED);
    });

    it("refuses to fulfil or reject a request that is not pending", async function () {
      const { token, alice, operator } = await networkHelpers.loadFixture(funded);
      await token.connect(alice).requestRedemption(1n, id("a"));
      await token.connect(operator).fulfil(1n, id("w"));
      await expect(token.connect(operator).fulfil(1n, id("w")))
        .to.be.revertedWithCustomError(token, "StablecoinRedemptionNotPending")
        .withArgs(1n, FULFILLED);
      await expect(token.connect(operator).reject(1n, id("r")))
        .to.be.revertedWithCustomError(token, "StablecoinRedemptionNotPending")
        .withArgs(1n, FULFILLED);
      await expect(token.connect(operator).fulfil(9n, id("w")))
        .to.be.revertedWithCustomError(token, "StablecoinRedemptionNotPending")
        .withArgs(9n, 0n);
    });

    it("lets only the redemption operator fulfil or reject", async function () {
      const { token, alice, mallory } = await networkHelpers.loadFixture(funded);
      await token.connect(alice).requestRedemption(1n, id("a"));
      const role = await token.REDEMPTION_OPERATOR_ROLE();
      await expect(token.connect(mallory).fulfil(1n, id("w")))
        .to.be.revertedWithCustomError(token, "AccessControlUnauthorizedAccount")
        .withArgs(mallory.address, role);
      await expect(token.connect(alice).reject(1n, id("w")))
        .to.be.revertedWithCustomError(token, "AccessControlUnauthorizedAccount")
        .withArgs(alice.address, role);
    });

    it("refuses a zero request, one above 2^96 - 1 and one above the balance", async function () {
      const { token, alice } = await networkHelpers.loadFixture(funded);
      await expect(token.connect(alice).requestRedemption(0n, id("a")))
        .to.be.revertedWithCustomError(token, "StablecoinInvalidAmount")
        .withArgs(0n);
      await expect(token.connect(alice).requestRedemption(1n << 96n, id("a")))
        .to.be.revertedWithCustomError(token, "StablecoinInvalidAmount")
        .withArgs(1n << 96n);
      await expect(token.connect(alice).requestRedemption(1_001n * HKD, id("a")))
        .to.be.revertedWithCustomError(token, "ERC20InsufficientBalance")
        .withArgs(alice.address, 1_000n * HKD, 1_001n * HKD);
    });

    it("reports isOverdue only for a pending request past its due time", async function () {
      const { token, alice, operator } = await networkHelpers.loadFixture(funded);
      await token.connect(alice).requestRedemption(1n, id("a"));
      const due = (await token.redemption(1n)).dueAt;
      expect(await token.isOverdue(1n)).to.equal(false);
      await time.increaseTo(due);
      expect(await token.isOverdue(1n)).to.equal(false);
      await time.increaseTo(due + 1n);
      expect(await token.isOverdue(1n)).to.equal(true);
      await token.connect(operator).fulfil(1n, id("w"));
      expect(await token.isOverdue(1n)).to.equal(false);
      expect(await token.isOverdue(99n)).to.equal(false);
    });

    it("accepts requests while ordinary transfers are paused", async function () {
      const { token, pauser, alice, bob, operator } = await networkHelpers.loadFixture(funded);
      await token.connect(pauser).pause(await token.PAUSE_TRANSFERS());
      await expect(token.connect(alice).transfer(bob.address, 1n))
        .to.be.revertedWithCustomError(token, "StablecoinPaused")
        .withArgs(1n);
      await expect(token.connect(alice).requestRedemption(5n, id("a"))).to.emit(token, "RedemptionRequested");
      await expect(token.connect(operator).fulfil(1n, id("w"))).to.emit(token, "RedemptionFulfilled");
    });

    it("refuses requests and fulfilment while redemptions are paused, but still lets the operator reject", async function () {
      const { token, pauser, alice, operator } = await networkHelpers.loadFixture(funded);
      await token.connect(alice).requestRedemption(5n, id("a"));
      await token.connect(pauser).pause(await token.PAUSE_REDEMPTIONS());
      await expect(token.connect(alice).requestRedemption(5n, id("a")))
        .to.be.revertedWithCustomError(token, "StablecoinPaused")
        .withArgs(4n);
      await expect(token.connect(operator).fulfil(1n, id("w")))
        .to.be.revertedWithCustomError(token, "StablecoinPaused")
        .withArgs(4n);
      await expect(token.connect(operator).reject(1n, id("paused"))).to.emit(token, "RedemptionRejected");
    });
  });

  describe("ADR 0011 due time: next business day at the cut-off, Hong Kong calendar", function () {
    it("is the next business day's 16:00 HKT for a request before the cut-off", async function () {
      const { token } = await networkHelpers.loadFixture(funded);
      // Monday 4 January 2027, 10:00 HKT -> Tuesday 5 January, 16:00 HKT.
      expect(await token.dueTimeFor(hkt(2027, 1, 4, 10))).to.equal(hkt(2027, 1, 5, 16));
      expect(await token.dueTimeFor(hkt(2027, 1, 4, 15, 59))).to.equal(hkt(2027, 1, 5, 16));
    });

    it("counts a request at or after the cut-off as received the next business day", async function () {
      const { token } = await networkHelpers.loadFixture(funded);
      expect(await token.dueTimeFor(hkt(2027, 1, 4, 16))).to.equal(hkt(2027, 1, 6, 16));
      expect(await token.dueTimeFor(hkt(2027, 1, 4, 23, 59))).to.equal(hkt(2027, 1, 6, 16));
    });

    it("skips weekends", async function () {
      const { token } = await networkHelpers.loadFixture(funded);
      // Friday 8 January 10:00 -> Monday 11 January; Saturday 9 -> received Monday 11 -> due Tuesday 12.
      expect(await token.dueTimeFor(hkt(2027, 1, 8, 10))).to.equal(hkt(2027, 1, 11, 16));
      expect(await token.dueTimeFor(hkt(2027, 1, 9, 10))).to.equal(hkt(2027, 1, 12, 16));
      expect(await token.dueTimeFor(hkt(2027, 1, 10, 10))).to.equal(hkt(2027, 1, 12, 16));
    });

    it("skips holidays from the configurable calendar (Lunar New Year 2027)", async function () {
      const { token, admin } = await networkHelpers.loadFixture(funded);
      // Lunar New Year general holidays 2027: Sat 6, Mon 8, Tue 9 February. Friday 5 Feb 10:00 -> Wed 10 Feb.
      const days = [dayOf(2027, 2, 6), dayOf(2027, 2, 8), dayOf(2027, 2, 9)];
      await expect(token.connect(admin).setHolidays(days, true)).to.emit(token, "HolidaySet").withArgs(days[0], true);
      expect(await token.isBusinessDay(dayOf(2027, 2, 8))).to.equal(false);
      expect(await token.dueTimeFor(hkt(2027, 2, 5, 10))).to.equal(hkt(2027, 2, 10, 16));
      await token.connect(admin).setHolidays([dayOf(2027, 2, 9)], false);
      expect(await token.dueTimeFor(hkt(2027, 2, 5, 10))).to.equal(hkt(2027, 2, 9, 16));
    });

    it("stamps the due time on the request itself", async function () {
      const { token, alice } = await networkHelpers.loadFixture(funded);
      const monday = hkt(2027, 1, 4, 10);
      if (monday > BigInt(await time.latest())) await time.setNextBlockTimestamp(monday);
      else this.skip();
      await token.connect(alice).requestRedemption(1n, id("a"));
      expect((await token.redemption(1n)).dueAt).to.equal(hkt(2027, 1, 5, 16));
    });

    it("uses a cut-off the admin can change, within (0, 24 h]", async function () {
      const { token, admin, operator } = await networkHelpers.loadFixture(funded);
      expect(await token.redemptionCutoff()).to.equal(16n * 3600n);
      await expect(token.connect(admin).setRedemptionCutoff(12 * 3600))
        .to.emit(token, "RedemptionCutoffSet")
        .withArgs(12n * 3600n);
      expect(await token.dueTimeFor(hkt(2027, 1, 4, 13))).to.equal(hkt(2027, 1, 6, 12));
      for (const bad of [0, 86_401]) {
        await expect(token.connect(admin).setRedemptionCutoff(bad))
          .to.be.revertedWithCustomError(token, "StablecoinInvalidCutoff")
          .withArgs(BigInt(bad));
      }
      await expect(token.connect(operator).setHolidays([1n], true))
        .to.be.revertedWithCustomError(token, "AccessControlUnauthorizedAccount")
        .withArgs(operator.address, ethers.ZeroHash);
    });

    it("reverts with StablecoinNoBusinessDay when the calendar has no business day within 31 days", async function () {
      const { token, admin } = await networkHelpers.loadFixture(funded);
      const start = dayOf(2027, 3, 1);
      const days = Array.from({ length: 40 }, (_, i) => start + BigInt(i));
      await token.connect(admin).setHolidays(days, true);
      await expect(token.dueTimeFor(hkt(2027, 3, 1, 10)))
        .to.be.revertedWithCustomError(token, "StablecoinNoBusinessDay")
        .withArgs(start);
    });
  });

  describe("ADR 0014 a pending redemption whose holder is frozen afterwards", function () {
    async function frozenPending() {
      const d = await fundedStablecoin(connection);
      await d.token.connect(d.alice).requestRedemption(100n * HKD, id("alice bank"));
      await d.token.connect(d.compliance).freeze(d.alice.address);
      return d;
    }

    it("refuses a request from a frozen holder", async function () {
      const { token, alice, bob, compliance } = await networkHelpers.loadFixture(funded);
      await token.connect(compliance).freeze(bob.address);
      await expect(token.connect(bob).requestRedemption(1n, id("b")))
        .to.be.revertedWithCustomError(token, "StablecoinAccountFrozen")
        .withArgs(bob.address);
      expect(await token.balanceOf(alice.address)).to.equal(1_000n * HKD);
    });

    it("stays in escrow: neither fulfilled (no fiat to a frozen customer) nor returned", async function () {
      const { token, alice, operator } = await networkHelpers.loadFixture(frozenPending);
      await expect(token.connect(operator).fulfil(1n, id("w")))
        .to.be.revertedWithCustomError(token, "StablecoinAccountFrozen")
        .withArgs(alice.address);
      await expect(token.connect(operator).reject(1n, id("r")))
        .to.be.revertedWithCustomError(token, "StablecoinAccountFrozen")
        .withArgs(alice.address);
      expect((await token.redemption(1n)).status).to.equal(PENDING);
      expect(await token.balanceOf(await token.getAddress())).to.equal(100n * HKD);
    });

    it("can be seized to the court-appointed custodian, supply unchanged", async function () {
      const { token, alice, seizer, custodian } = await networkHelpers.loadFixture(frozenPending);
      const supply = await token.totalSupply();
      const tx = token.connect(seizer).seizeRedemption(1n, custodian.address, id("court order 7"));
      await expect(tx)
        .to.emit(token, "RedemptionSeized")
        .withArgs(1n, alice.address, custodian.address, 100n * HKD, id("court order 7"));
      await expect(tx).to.changeTokenBalances(ethers, token, [custodian], [100n * HKD]);
      expect(await token.totalSupply()).to.equal(supply);
      expect((await token.redemption(1n)).status).to.equal(SEIZED);
    });

    it("is processed normally once the holder is unfrozen", async function () {
      const { token, alice, compliance, operator } = await networkHelpers.loadFixture(frozenPending);
      await token.connect(compliance).unfreeze(alice.address);
      await expect(token.connect(operator).fulfil(1n, id("w"))).to.emit(token, "RedemptionFulfilled");
    });

    it("refuses seizeRedemption for a holder who is not frozen, by a non-seizer, or to the zero address", async function () {
      const d = await networkHelpers.loadFixture(frozenPending);
      const { token, alice, bob, seizer, mallory, custodian, compliance } = d;
      await expect(token.connect(mallory).seizeRedemption(1n, custodian.address, id("o")))
        .to.be.revertedWithCustomError(token, "StablecoinUnauthorizedSeizer")
        .withArgs(mallory.address);
      await expect(token.connect(seizer).seizeRedemption(1n, ZeroAddress, id("o")))
        .to.be.revertedWithCustomError(token, "ERC20InvalidReceiver")
        .withArgs(ZeroAddress);
      await token.connect(bob).requestRedemption(1n, id("b"));
      await expect(token.connect(seizer).seizeRedemption(2n, custodian.address, id("o")))
        .to.be.revertedWithCustomError(token, "StablecoinAccountNotFrozen")
        .withArgs(bob.address);
      await token.connect(compliance).unfreeze(alice.address);
      await expect(token.connect(seizer).seizeRedemption(1n, custodian.address, id("o")))
        .to.be.revertedWithCustomError(token, "StablecoinAccountNotFrozen")
        .withArgs(alice.address);
    });
  });
});
