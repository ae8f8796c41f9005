import { expect } from "chai";
import { network } from "hardhat";

import { securityTokenFixture } from "../token/SecurityToken.fixture.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

async function complianceFixture() {
  const f = await securityTokenFixture(connection);
  const limit = await ethers.deployContract("TransferLimitModule", [0, f.deployer.address]);
  await limit.setCompliance(await f.compliance.getAddress(), true);
  await f.compliance.addModule(await limit.getAddress());
  await f.token.connect(f.complianceAdmin).setCompliance(await f.compliance.getAddress());
  return { ...f, limit };
}

describe("ModularCompliance (extension rules, bounded module list)", function () {
  describe("REQ-SEC-2 binding and module list", function () {
    it("is bound once to the token (ComplianceTokenAlreadyBound)", async function () {
      const { compliance, token } = await networkHelpers.loadFixture(complianceFixture);
      expect(await compliance.getTokenBound()).to.equal(await token.getAddress());
      await expect(compliance.bindToken(await token.getAddress()))
        .to.be.revertedWithCustomError(compliance, "ComplianceTokenAlreadyBound")
        .withArgs(await token.getAddress());
    });

    it("adds and removes modules in order with ModuleAdded / ModuleRemoved", async function () {
      const { compliance, limit } = await networkHelpers.loadFixture(complianceFixture);
      const a = await ethers.deployContract("MockComplianceModule");
      const b = await ethers.deployContract("MockComplianceModule");
      await expect(compliance.addModule(await a.getAddress()))
        .to.emit(compliance, "ModuleAdded")
        .withArgs(await a.getAddress());
      await compliance.addModule(await b.getAddress());
      await expect(compliance.removeModule(await a.getAddress()))
        .to.emit(compliance, "ModuleRemoved")
        .withArgs(await a.getAddress());
      expect(await compliance.getModules()).to.deep.equal([await limit.getAddress(), await b.getAddress()]);
    });

    it("rejects duplicates and the zero address (ComplianceModuleInvalid) and unknown modules (ComplianceModuleNotFound)", async function () {
      const { compliance, limit, alice } = await networkHelpers.loadFixture(complianceFixture);
      await expect(compliance.addModule(await limit.getAddress()))
        .to.be.revertedWithCustomError(compliance, "ComplianceModuleInvalid")
        .withArgs(await limit.getAddress());
      await expect(compliance.addModule(ethers.ZeroAddress))
        .to.be.revertedWithCustomError(compliance, "ComplianceModuleInvalid")
        .withArgs(ethers.ZeroAddress);
      await expect(compliance.removeModule(alice.address))
        .to.be.revertedWithCustomError(compliance, "ComplianceModuleNotFound")
        .withArgs(alice.address);
    });

    it("bounds the list at MAX_MODULES (ComplianceTooManyModules)", async function () {
      const { compliance } = await networkHelpers.loadFixture(complianceFixture);
      for (let i = 1; i < 8; i++) {
        await compliance.addModule(await (await ethers.deployContract("MockComplianceModule")).getAddress());
      }
      const extra = await ethers.deployContract("MockComplianceModule");
      await expect(compliance.addModule(await extra.getAddress()))
        .to.be.revertedWithCustomError(compliance, "ComplianceTooManyModules")
        .withArgs(8n);
    });

    it("only the bound token reports transfers (ComplianceCallerNotToken)", async function () {
      const { compliance, token, alice, bob } = await networkHelpers.loadFixture(complianceFixture);
      await expect(compliance.connect(alice).transferred(alice.address, bob.address, 1n))
        .to.be.revertedWithCustomError(compliance, "ComplianceCallerNotToken")
        .withArgs(alice.address, await token.getAddress());
    });
  });

  describe("REQ-SEC-2 a rule added after launch: TransferLimitModule", function () {
    it("limits each wallet's daily volume, exactly at the limit passes", async function () {
      const { token, compliance, limit, alice, bob } = await networkHelpers.loadFixture(complianceFixture);
      await expect(limit.setDailyLimit(await token.getAddress(), 100n))
        .to.emit(limit, "DailyLimitSet")
        .withArgs(await token.getAddress(), 100n);
      await token.connect(alice).transfer(bob.address, 60n);
      await token.connect(alice).transfer(bob.address, 40n);
      expect(await limit.volumeToday(await token.getAddress(), alice.address)).to.equal(100n);
      expect(await compliance.canTransfer(alice.address, bob.address, 1n)).to.equal(false);
      await expect(token.connect(alice).transfer(bob.address, 1n))
        .to.be.revertedWithCustomError(token, "ComplianceModuleRefused")
        .withArgs(await limit.getAddress(), 1n, 100n);
      await networkHelpers.time.increase(86_400);
      await token.connect(alice).transfer(bob.address, 1n);
      expect(await limit.name()).to.equal("TransferLimitModule");
    });

    it("accepts reports only from authorised compliances (TransferLimitUnauthorisedCaller)", async function () {
      const { token, limit, alice, bob } = await networkHelpers.loadFixture(complianceFixture);
      await expect(limit.connect(alice).transferred(await token.getAddress(), alice.address, bob.address, 1n))
        .to.be.revertedWithCustomError(limit, "TransferLimitUnauthorisedCaller")
        .withArgs(alice.address);
    });
  });
});
