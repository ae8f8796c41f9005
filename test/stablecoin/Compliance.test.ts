import { expect } from "chai";
import { network } from "hardhat";
import { id, ZeroAddress } from "ethers";

import { fundedStablecoin, HKD } from "../../scripts/lib/stablecoin.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const funded = () => fundedStablecoin(connection);

async function frozenBob() {
  const d = await fundedStablecoin(connection);
  await d.token.connect(d.compliance).freeze(d.bob.address);
  return d;
}

describe("HkdStablecoin AML, allowlist, pause and rescue (deployed through deploy/modules/HkdStablecoin.ts)", function () {
  describe("REQ-STB-6 freeze", function () {
    it("lets the compliance officer freeze and unfreeze, with events", async function () {
      const { token, compliance, bob } = await networkHelpers.loadFixture(funded);
      await expect(token.connect(compliance).freeze(bob.address)).to.emit(token, "AccountFrozen").withArgs(bob.address);
      expect(await token.isFrozen(bob.address)).to.equal(true);
      await expect(token.connect(compliance).unfreeze(bob.address))
        .to.emit(token, "AccountUnfrozen")
        .withArgs(bob.address);
      expect(await token.isFrozen(bob.address)).to.equal(false);
    });

    it("lets nobody else freeze", async function () {
      const { token, pauser, bob } = await networkHelpers.loadFixture(funded);
      await expect(token.connect(pauser).freeze(bob.address))
        .to.be.revertedWithCustomError(token, "AccessControlUnauthorizedAccount")
        .withArgs(pauser.address, await token.COMPLIANCE_ROLE());
      await expect(token.connect(bob).unfreeze(bob.address))
        .to.be.revertedWithCustomError(token, "AccessControlUnauthorizedAccount")
        .withArgs(bob.address, await token.COMPLIANCE_ROLE());
    });

    it("refuses to freeze the zero address or the token (its escrow)", async function () {
      const { token, compliance } = await networkHelpers.loadFixture(funded);
      await expect(token.connect(compliance).freeze(ZeroAddress)).to.be.revertedWithCustomError(
        token,
        "StablecoinZeroAddress",
      );
      await expect(token.connect(compliance).freeze(await token.getAddress())).to.be.revertedWithCustomError(
        token,
        "StablecoinZeroAddress",
      );
    });

    it("stops a frozen address from sending", async function () {
      const { token, alice, bob } = await networkHelpers.loadFixture(frozenBob);
      await expect(token.connect(bob).transfer(alice.address, 1n))
        .to.be.revertedWithCustomError(token, "StablecoinAccountFrozen")
        .withArgs(bob.address);
    });

    it("stops a frozen address from receiving, also by mint", async function () {
      const { token, alice, bob, minter } = await networkHelpers.loadFixture(frozenBob);
      await expect(token.connect(alice).transfer(bob.address, 1n))
        .to.be.revertedWithCustomError(token, "StablecoinAccountFrozen")
        .withArgs(bob.address);
      await expect(token.connect(minter).mint(bob.address, 1n))
        .to.be.revertedWithCustomError(token, "StablecoinAccountFrozen")
        .withArgs(bob.address);
    });

    it("refuses approvals from and to a frozen address", async function () {
      const { token, alice, bob } = await networkHelpers.loadFixture(frozenBob);
      await expect(token.connect(bob).approve(alice.address, 1n))
        .to.be.revertedWithCustomError(token, "StablecoinAccountFrozen")
        .withArgs(bob.address);
      await expect(token.connect(alice).approve(bob.address, 1n))
        .to.be.revertedWithCustomError(token, "StablecoinAccountFrozen")
        .withArgs(bob.address);
    });

    it("stops a frozen spender from using an allowance granted earlier, and moving a frozen owner's funds", async function () {
      const { token, alice, bob, carol, compliance } = await networkHelpers.loadFixture(funded);
      await token.connect(alice).approve(bob.address, 10n);
      await token.connect(bob).approve(carol.address, 10n);
      await token.connect(compliance).freeze(bob.address);
      await expect(token.connect(bob).transferFrom(alice.address, carol.address, 1n))
        .to.be.revertedWithCustomError(token, "StablecoinAccountFrozen")
        .withArgs(bob.address);
      await expect(token.connect(carol).transferFrom(bob.address, carol.address, 1n))
        .to.be.revertedWithCustomError(token, "StablecoinAccountFrozen")
        .withArgs(bob.address);
    });
  });

  describe("REQ-STB-6 seizure", function () {
    it("moves funds from a frozen address to the custodian, supply unchanged, event with the order hash", async function () {
      const { token, bob, seizer, custodian } = await networkHelpers.loadFixture(frozenBob);
      const supply = await token.totalSupply();
      const tx = token.connect(seizer).seize(bob.address, custodian.address, 400n * HKD, id("HCCW 123/2026"));
      await expect(tx)
        .to.emit(token, "Seized")
        .withArgs(bob.address, custodian.address, 400n * HKD, id("HCCW 123/2026"));
      await expect(tx).to.changeTokenBalances(ethers, token, [bob, custodian], [-400n * HKD, 400n * HKD]);
      expect(await token.totalSupply()).to.equal(supply);
    });

    it("also lets the default admin seize", async function () {
      const { token, bob, admin, custodian } = await networkHelpers.loadFixture(frozenBob);
      await expect(token.connect(admin).seize(bob.address, custodian.address, 1n, id("o"))).to.emit(token, "Seized");
    });

    it("works while every scope is paused", async function () {
      const { token, bob, seizer, custodian, pauser } = await networkHelpers.loadFixture(frozenBob);
      await token.connect(pauser).pause(7);
      await expect(token.connect(seizer).seize(bob.address, custodian.address, 1n, id("o"))).to.emit(token, "Seized");
    });

    it("refuses seizure from an address that is not frozen", async function () {
      const { token, alice, seizer, custodian } = await networkHelpers.loadFixture(frozenBob);
      await expect(token.connect(seizer).seize(alice.address, custodian.address, 1n, id("o")))
        .to.be.revertedWithCustomError(token, "StablecoinAccountNotFrozen")
        .withArgs(alice.address);
    });

    it("refuses seizure by the compliance officer alone (a second role is needed)", async function () {
      const { token, bob, compliance, custodian } = await networkHelpers.loadFixture(frozenBob);
      await expect(token.connect(compliance).seize(bob.address, custodian.address, 1n, id("o")))
        .to.be.revertedWithCustomError(token, "StablecoinUnauthorizedSeizer")
        .withArgs(compliance.address);
    });

    it("refuses seizure to the zero address, the token, a frozen custodian, or of zero or more than the balance", async function () {
      const { token, bob, carol, seizer, compliance } = await networkHelpers.loadFixture(frozenBob);
      await expect(token.connect(seizer).seize(bob.address, ZeroAddress, 1n, id("o")))
        .to.be.revertedWithCustomError(token, "ERC20InvalidReceiver")
        .withArgs(ZeroAddress);
      await expect(token.connect(seizer).seize(bob.address, await token.getAddress(), 1n, id("o")))
        .to.be.revertedWithCustomError(token, "ERC20InvalidReceiver")
        .withArgs(await token.getAddress());
      await expect(token.connect(seizer).seize(bob.address, carol.address, 0n, id("o")))
        .to.be.revertedWithCustomError(token, "StablecoinInvalidAmount")
        .withArgs(0n);
      await expect(token.connect(seizer).seize(bob.address, carol.address, 1_001n * HKD, id("o")))
        .to.be.revertedWithCustomError(token, "ERC20InsufficientBalance")
        .withArgs(bob.address, 1_000n * HKD, 1_001n * HKD);
      await token.connect(compliance).freeze(carol.address);
      await expect(token.connect(seizer).seize(bob.address, carol.address, 1n, id("o")))
        .to.be.revertedWithCustomError(token, "StablecoinAccountFrozen")
        .withArgs(carol.address);
    });
  });

  describe("REQ-STB-6 allowlist mode for a KYC'd launch", function () {
    async function allowlisted() {
      const d = await fundedStablecoin(connection);
      await d.token.connect(d.compliance).setAllowlisted(d.alice.address, true);
      await expect(d.token.connect(d.admin).setAllowlistMode(true))
        .to.emit(d.token, "AllowlistModeChanged")
        .withArgs(true);
      return d;
    }

    it("starts in allowlist mode when the parameters say so", async function () {
      const { deployStablecoin } = await import("../../scripts/lib/stablecoin.js");
      const d = await deployStablecoin(connection, { allowlistMode: true });
      expect(await d.token.allowlistMode()).to.equal(true);
    });

    it("records allowlist changes with AllowlistUpdated", async function () {
      const { token, compliance, carol } = await networkHelpers.loadFixture(funded);
      await expect(token.connect(compliance).setAllowlisted(carol.address, true))
        .to.emit(token, "AllowlistUpdated")
        .withArgs(carol.address, true);
      expect(await token.isAllowlisted(carol.address)).to.equal(true);
      await expect(token.connect(compliance).setAllowlisted(ZeroAddress, true)).to.be.revertedWithCustomError(
        token,
        "StablecoinZeroAddress",
      );
    });

    it("needs both parties allowlisted for a transfer", async function () {
      const { token, alice, bob, compliance } = await networkHelpers.loadFixture(allowlisted);
      await expect(token.connect(alice).transfer(bob.address, 1n))
        .to.be.revertedWithCustomError(token, "StablecoinNotAllowlisted")
        .withArgs(bob.address);
      await expect(token.connect(bob).transfer(alice.address, 1n))
        .to.be.revertedWithCustomError(token, "StablecoinNotAllowlisted")
        .withArgs(bob.address);
      await token.connect(compliance).setAllowlisted(bob.address, true);
      await expect(token.connect(alice).transfer(bob.address, 1n)).to.emit(token, "Transfer");
    });

    it("needs the recipient of a mint allowlisted", async function () {
      const { token, minter, alice, carol } = await networkHelpers.loadFixture(allowlisted);
      await expect(token.connect(minter).mint(carol.address, 1n))
        .to.be.revertedWithCustomError(token, "StablecoinNotAllowlisted")
        .withArgs(carol.address);
      await expect(token.connect(minter).mint(alice.address, 1n)).to.emit(token, "Minted");
    });

    it("still lets a holder who is not allowlisted redeem at par", async function () {
      const { token, bob, operator } = await networkHelpers.loadFixture(allowlisted);
      await token.connect(bob).requestRedemption(10n, id("b"));
      await expect(token.connect(operator).reject(1n, id("r"))).to.emit(token, "RedemptionRejected");
    });

    it("switches to open mode (admin only)", async function () {
      const { token, admin, compliance, alice, bob } = await networkHelpers.loadFixture(allowlisted);
      await expect(token.connect(compliance).setAllowlistMode(false))
        .to.be.revertedWithCustomError(token, "AccessControlUnauthorizedAccount")
        .withArgs(compliance.address, ethers.ZeroHash);
      await token.connect(admin).setAllowlistMode(false);
      await expect(token.connect(alice).transfer(bob.address, 1n)).to.emit(token, "Transfer");
    });
  });

  describe("REQ-STB-7 scoped pause: immediate, unpaused by a higher role", function () {
    it("pauses each scope separately and immediately", async function () {
      const { token, pauser, alice, bob, minter } = await networkHelpers.loadFixture(funded);
      await expect(token.connect(pauser).pause(2)).to.emit(token, "ScopesPaused").withArgs(pauser.address, 2n);
      expect(await token.pausedScopes()).to.equal(2n);
      await expect(token.connect(minter).mint(alice.address, 1n))
        .to.be.revertedWithCustomError(token, "StablecoinPaused")
        .withArgs(2n);
      await expect(token.connect(alice).transfer(bob.address, 1n)).to.emit(token, "Transfer");
      await expect(token.connect(alice).requestRedemption(1n, id("a"))).to.emit(token, "RedemptionRequested");
    });

    it("lets only the default admin unpause, not the pauser", async function () {
      const { token, pauser, admin, alice, bob } = await networkHelpers.loadFixture(funded);
      await token.connect(pauser).pause(1);
      await expect(token.connect(pauser).unpause(1))
        .to.be.revertedWithCustomError(token, "AccessControlUnauthorizedAccount")
        .withArgs(pauser.address, ethers.ZeroHash);
      await expect(token.connect(admin).unpause(1)).to.emit(token, "ScopesUnpaused").withArgs(admin.address, 1n);
      await expect(token.connect(alice).transfer(bob.address, 1n)).to.emit(token, "Transfer");
    });

    it("lets only the pauser pause", async function () {
      const { token, alice } = await networkHelpers.loadFixture(funded);
      await expect(token.connect(alice).pause(1))
        .to.be.revertedWithCustomError(token, "AccessControlUnauthorizedAccount")
        .withArgs(alice.address, await token.PAUSER_ROLE());
    });

    it("refuses an empty or unknown scope set", async function () {
      const { token, pauser, admin } = await networkHelpers.loadFixture(funded);
      await expect(token.connect(pauser).pause(0))
        .to.be.revertedWithCustomError(token, "StablecoinInvalidScopes")
        .withArgs(0n);
      await expect(token.connect(pauser).pause(8))
        .to.be.revertedWithCustomError(token, "StablecoinInvalidScopes")
        .withArgs(8n);
      await expect(token.connect(admin).unpause(0))
        .to.be.revertedWithCustomError(token, "StablecoinInvalidScopes")
        .withArgs(0n);
    });

    it("ADR 0015: while transfers are paused, transferFrom is stopped but approvals and minting go on", async function () {
      const { token, pauser, alice, bob, carol, minter } = await networkHelpers.loadFixture(funded);
      await token.connect(pauser).pause(await token.PAUSE_TRANSFERS());
      await expect(token.connect(alice).approve(bob.address, 5n)).to.emit(token, "Approval");
      await expect(token.connect(bob).transferFrom(alice.address, carol.address, 1n))
        .to.be.revertedWithCustomError(token, "StablecoinPaused")
        .withArgs(1n);
      await expect(token.connect(minter).mint(carol.address, 1n)).to.emit(token, "Minted");
    });
  });

  describe("REQ-STB-2 rescuer recovers foreign ERC-20s", function () {
    it("sends a foreign token held by the stablecoin to the given address", async function () {
      const { token, rescuer, alice } = await networkHelpers.loadFixture(funded);
      const foreign = await ethers.deployContract("ReferenceERC20", ["Other", "OTH"]);
      await foreign.mint(await token.getAddress(), 77n);
      await expect(token.connect(rescuer).rescueERC20(await foreign.getAddress(), alice.address, 77n))
        .to.emit(token, "Rescued")
        .withArgs(await foreign.getAddress(), alice.address, 77n);
      expect(await foreign.balanceOf(alice.address)).to.equal(77n);
    });

    it("cannot touch the stablecoin itself (the redemption escrow), nor send to zero, nor be used by others", async function () {
      const { token, rescuer, alice, mallory } = await networkHelpers.loadFixture(funded);
      await expect(
        token.connect(rescuer).rescueERC20(await token.getAddress(), alice.address, 1n),
      ).to.be.revertedWithCustomError(token, "StablecoinCannotRescueSelf");
      await expect(token.connect(rescuer).rescueERC20(alice.address, ZeroAddress, 1n)).to.be.revertedWithCustomError(
        token,
        "StablecoinZeroAddress",
      );
      await expect(token.connect(mallory).rescueERC20(alice.address, mallory.address, 1n))
        .to.be.revertedWithCustomError(token, "AccessControlUnauthorizedAccount")
        .withArgs(mallory.address, await token.RESCUER_ROLE());
    });
  });

  describe("ADR 0010 the operations modules", function () {
    it("refuse to be called directly (StablecoinOpsDirectCall)", async function () {
      const { token, opsAddress, viewsAddress, alice } = await networkHelpers.loadFixture(funded);
      const ops = await ethers.getContractAt("HkdStablecoinOps", opsAddress);
      const views = await ethers.getContractAt("HkdStablecoinViews", viewsAddress);
      await expect(ops.pause(1)).to.be.revertedWithCustomError(token, "StablecoinOpsDirectCall");
      await expect(
        views["cancelAuthorization(address,bytes32,bytes)"](alice.address, id("n"), "0x"),
      ).to.be.revertedWithCustomError(token, "StablecoinOpsDirectCall");
      const asToken = await ethers.getContractAt("IHkdStablecoin", opsAddress);
      await expect(asToken.isFrozen(alice.address)).to.be.revertedWithCustomError(token, "StablecoinOpsDirectCall");
      expect(await token.operationsModule()).to.equal(opsAddress);
    });

    it("refuse a module address of zero at construction", async function () {
      const { token } = await networkHelpers.loadFixture(funded);
      await expect(ethers.deployContract("HkdStablecoinOps", [ZeroAddress])).to.be.revertedWithCustomError(
        token,
        "StablecoinZeroAddress",
      );
    });
  });
});
