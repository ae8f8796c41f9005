import { expect } from "chai";
import { network } from "hardhat";

import { deploySuite, HK, namedSigners, PROFESSIONAL, RETAIL, SG } from "../token/SecurityToken.fixture.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

async function registryFixture() {
  const suite = await deploySuite(connection);
  const s = await namedSigners(ethers);
  const kycEnd = BigInt(await networkHelpers.time.latest()) + 30n * 86_400n;
  return { ...suite, ...s, kycEnd };
}

describe("IdentityRegistry (deploy/modules/SecurityToken.ts)", function () {
  describe("REQ-SEC-1 onboarding", function () {
    it("registers an investor with a registry-assigned id and emits InvestorRegistered", async function () {
      const { registry, alice, kycEnd } = await networkHelpers.loadFixture(registryFixture);
      expect(await registry.nextInvestorId()).to.equal(1n);
      await expect(registry.registerInvestor(alice.address, HK, PROFESSIONAL, kycEnd))
        .to.emit(registry, "InvestorRegistered")
        .withArgs(1n, alice.address, HK, PROFESSIONAL, kycEnd);
      const record = await registry.walletRecord(alice.address);
      expect(record.investorId).to.equal(1n);
      expect(record.country).to.equal(BigInt(HK));
      expect(record.investorClass).to.equal(BigInt(PROFESSIONAL));
      expect(record.kycValidUntil).to.equal(kycEnd);
      expect(record.multiWallet).to.equal(false);
      expect(await registry.isVerified(alice.address)).to.equal(true);
      expect(await registry.investorCountry(alice.address)).to.equal(BigInt(HK));
      expect(await registry.walletsOf(alice.address)).to.deep.equal([alice.address]);
    });

    it("batch-registers and rejects mismatched arrays (IdentityBatchInvalid)", async function () {
      const { registry, alice, bob, kycEnd } = await networkHelpers.loadFixture(registryFixture);
      await registry.batchRegisterInvestors([alice.address, bob.address], [HK, SG], [2, 3], [kycEnd, kycEnd]);
      expect((await registry.walletRecord(bob.address)).investorId).to.equal(2n);
      await expect(registry.batchRegisterInvestors([alice.address], [HK, SG], [2], [kycEnd]))
        .to.be.revertedWithCustomError(registry, "IdentityBatchInvalid")
        .withArgs(1n, 100n);
    });

    it("rejects the zero wallet, a registered wallet, bad country, bad class and an expired KYC", async function () {
      const { registry, alice, kycEnd } = await networkHelpers.loadFixture(registryFixture);
      await expect(registry.registerInvestor(ethers.ZeroAddress, HK, 2, kycEnd))
        .to.be.revertedWithCustomError(registry, "IdentityInvalidWallet")
        .withArgs(ethers.ZeroAddress);
      await registry.registerInvestor(alice.address, HK, 2, kycEnd);
      await expect(registry.registerInvestor(alice.address, HK, 2, kycEnd))
        .to.be.revertedWithCustomError(registry, "IdentityWalletAlreadyRegistered")
        .withArgs(alice.address, 1n);
      const [, , , , , , , , , , frank] = await ethers.getSigners();
      if (frank === undefined) throw new Error("needs 11 accounts");
      await expect(registry.registerInvestor(frank.address, 0, 2, kycEnd))
        .to.be.revertedWithCustomError(registry, "IdentityInvalidCountry")
        .withArgs(0);
      await expect(registry.registerInvestor(frank.address, 1000, 2, kycEnd))
        .to.be.revertedWithCustomError(registry, "IdentityInvalidCountry")
        .withArgs(1000);
      await expect(registry.registerInvestor(frank.address, HK, 4, kycEnd))
        .to.be.revertedWithCustomError(registry, "IdentityInvalidInvestorClass")
        .withArgs(4);
      const now = BigInt(await networkHelpers.time.latest()) + 1n;
      await networkHelpers.time.setNextBlockTimestamp(now);
      await expect(registry.registerInvestor(frank.address, HK, 2, now))
        .to.be.revertedWithCustomError(registry, "IdentityKycAlreadyExpired")
        .withArgs(now, now);
    });

    it("only registry agents register (AccessControlUnauthorizedAccount)", async function () {
      const { registry, alice, kycEnd } = await networkHelpers.loadFixture(registryFixture);
      await expect(registry.connect(alice).registerInvestor(alice.address, HK, 2, kycEnd))
        .to.be.revertedWithCustomError(registry, "AccessControlUnauthorizedAccount")
        .withArgs(alice.address, await registry.REGISTRY_AGENT_ROLE());
    });
  });

  describe("REQ-SEC-1 KYC validity ends at its end second", function () {
    it("is verified at kycValidUntil - 1 and not at kycValidUntil", async function () {
      const { registry, alice, kycEnd } = await networkHelpers.loadFixture(registryFixture);
      await registry.registerInvestor(alice.address, HK, 2, kycEnd);
      await networkHelpers.time.increaseTo(kycEnd - 1n);
      expect(await registry.isVerified(alice.address)).to.equal(true);
      await networkHelpers.time.increaseTo(kycEnd);
      expect(await registry.isVerified(alice.address)).to.equal(false);
    });
  });

  describe("REQ-SEC-1 wallets, updates and removal", function () {
    it("adds wallets to an investor (ring), copying its data", async function () {
      const { registry, alice, alice2, frank, kycEnd } = await networkHelpers.loadFixture(registryFixture);
      await registry.registerInvestor(alice.address, HK, 2, kycEnd);
      await expect(registry.addWallet(alice.address, alice2.address))
        .to.emit(registry, "WalletAdded")
        .withArgs(1n, alice2.address);
      await registry.addWallet(alice2.address, frank.address);
      expect(await registry.walletsOf(alice.address)).to.have.members([alice.address, alice2.address, frank.address]);
      expect((await registry.walletRecord(frank.address)).investorId).to.equal(1n);
      expect((await registry.walletRecord(alice.address)).multiWallet).to.equal(true);
    });

    it("caps wallets per investor (IdentityTooManyWallets)", async function () {
      const { registry, alice, kycEnd } = await networkHelpers.loadFixture(registryFixture);
      await registry.registerInvestor(alice.address, HK, 2, kycEnd);
      for (let i = 1; i < 8; i++) await registry.addWallet(alice.address, ethers.toBeHex(1000 + i, 20));
      await expect(registry.addWallet(alice.address, ethers.toBeHex(2000, 20)))
        .to.be.revertedWithCustomError(registry, "IdentityTooManyWallets")
        .withArgs(1n, 8n);
    });

    it("updates the investor on all of its wallets and emits InvestorUpdated", async function () {
      const { registry, alice, alice2, kycEnd } = await networkHelpers.loadFixture(registryFixture);
      await registry.registerInvestor(alice.address, HK, 2, kycEnd);
      await registry.addWallet(alice.address, alice2.address);
      await expect(registry.updateInvestor(alice2.address, SG, RETAIL, kycEnd + 1n))
        .to.emit(registry, "InvestorUpdated")
        .withArgs(1n, SG, RETAIL, kycEnd + 1n);
      const record = await registry.walletRecord(alice.address);
      expect(record.country).to.equal(BigInt(SG));
      expect(record.investorClass).to.equal(BigInt(RETAIL));
      expect(await registry.walletsOf(alice.address)).to.have.members([alice.address, alice2.address]);
    });

    it("revokes verification at once with a past KYC end while keeping the wallets linked", async function () {
      const { registry, alice, kycEnd } = await networkHelpers.loadFixture(registryFixture);
      await registry.registerInvestor(alice.address, HK, 2, kycEnd);
      await registry.updateInvestor(alice.address, HK, 2, 0);
      expect(await registry.isVerified(alice.address)).to.equal(false);
      expect(await registry.walletsOf(alice.address)).to.deep.equal([alice.address]);
    });

    it("removes a wallet and relinks the ring; rejects unknown wallets (IdentityWalletNotRegistered)", async function () {
      const { registry, alice, alice2, frank, kycEnd } = await networkHelpers.loadFixture(registryFixture);
      await registry.registerInvestor(alice.address, HK, 2, kycEnd);
      await registry.addWallet(alice.address, alice2.address);
      await registry.addWallet(alice.address, frank.address);
      await expect(registry.removeWallet(alice2.address))
        .to.emit(registry, "WalletRemoved")
        .withArgs(1n, alice2.address);
      expect(await registry.walletsOf(alice.address)).to.have.members([alice.address, frank.address]);
      expect(await registry.isVerified(alice2.address)).to.equal(false);
      await expect(registry.removeWallet(alice2.address))
        .to.be.revertedWithCustomError(registry, "IdentityWalletNotRegistered")
        .withArgs(alice2.address);
      await registry.removeInvestor(frank.address);
      expect(await registry.walletsOf(alice.address)).to.deep.equal([]);
    });

    it("refuses to remove a wallet holding a bound token (IdentityWalletHoldsTokens)", async function () {
      const { registry, token, alice, kycEnd } = await networkHelpers.loadFixture(registryFixture);
      await registry.registerInvestor(alice.address, HK, 2, kycEnd);
      await token.mint(alice.address, 5n);
      await expect(registry.removeWallet(alice.address))
        .to.be.revertedWithCustomError(registry, "IdentityWalletHoldsTokens")
        .withArgs(alice.address, await token.getAddress(), 5n);
    });
  });

  describe("REQ-SEC-1 one registry serves many tokens", function () {
    it("verifies the same investors for a second token bound to it", async function () {
      const { registry, token, adminLibrary, deployer, alice, bob, kycEnd } =
        await networkHelpers.loadFixture(registryFixture);
      const implementation = await ethers.deployContract("SecurityToken", [], {
        libraries: { SecurityTokenAdmin: adminLibrary },
      });
      const init = implementation.interface.encodeFunctionData("initialize", [
        "Second",
        "TWO",
        0,
        await registry.getAddress(),
        deployer.address,
        0,
        deployer.address,
        deployer.address,
        deployer.address,
      ]);
      const proxy = await ethers.deployContract("ERC1967Proxy", [await implementation.getAddress(), init]);
      const second = await ethers.getContractAt("SecurityToken", await proxy.getAddress());
      await registry.bindToken(await second.getAddress());
      await registry.batchRegisterInvestors([alice.address, bob.address], [HK, HK], [2, 2], [kycEnd, kycEnd]);
      await token.mint(alice.address, 5n);
      await second.mint(alice.address, 7n);
      await second.connect(alice).transfer(bob.address, 7n);
      expect(await second.balanceOf(bob.address)).to.equal(7n);
      await expect(registry.removeWallet(bob.address))
        .to.be.revertedWithCustomError(registry, "IdentityWalletHoldsTokens")
        .withArgs(bob.address, await second.getAddress(), 7n);
    });

    it("binds and unbinds tokens (TokenBound / TokenUnbound) and bounds the list", async function () {
      const { registry, token, alice } = await networkHelpers.loadFixture(registryFixture);
      expect(await registry.boundTokens()).to.deep.equal([await token.getAddress()]);
      await expect(registry.bindToken(await token.getAddress()))
        .to.be.revertedWithCustomError(registry, "IdentityTokenBindingInvalid")
        .withArgs(await token.getAddress(), 32n);
      await expect(registry.bindToken(alice.address)).to.emit(registry, "TokenBound").withArgs(alice.address);
      await expect(registry.unbindToken(alice.address)).to.emit(registry, "TokenUnbound").withArgs(alice.address);
      await expect(registry.unbindToken(alice.address))
        .to.be.revertedWithCustomError(registry, "IdentityTokenNotBound")
        .withArgs(alice.address);
      for (let i = 1; i < 32; i++) await registry.bindToken(ethers.toBeHex(5000 + i, 20));
      await expect(registry.bindToken(alice.address))
        .to.be.revertedWithCustomError(registry, "IdentityTokenBindingInvalid")
        .withArgs(alice.address, 32n);
    });
  });
});
