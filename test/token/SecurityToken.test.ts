import { expect } from "chai";
import { network } from "hardhat";

import { shouldBehaveLikeSecurityToken } from "../behaviors/SecurityToken.behavior.js";
import { deploySuite, HK, namedSigners, PROFESSIONAL, securityTokenFixture } from "./SecurityToken.fixture.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

async function fixture() {
  return securityTokenFixture(connection);
}

/** The fixture plus a trading guard mock and the extension compliance with a mock module. */
async function hooksFixture() {
  const f = await securityTokenFixture(connection);
  const guard = await ethers.deployContract("MockTradingGuard");
  const module = await ethers.deployContract("MockComplianceModule");
  return { ...f, guard, module };
}

describe("SecurityToken (deploy/modules/SecurityToken.ts)", function () {
  shouldBehaveLikeSecurityToken({ fixture, ethers, networkHelpers });

  describe("REQ-SEC-3 ERC-3643 token information", function () {
    it("is initialised from the module parameters, decimals 0, version 1.0.0", async function () {
      const { token, registry } = await networkHelpers.loadFixture(fixture);
      expect(await token.name()).to.equal("Bauhinia Green Bond 2030");
      expect(await token.symbol()).to.equal("BGB30");
      expect(await token.decimals()).to.equal(0n);
      expect(await token.version()).to.equal("1.0.0");
      expect(await token.identityRegistry()).to.equal(await registry.getAddress());
      expect(await token.compliance()).to.equal(ethers.ZeroAddress);
      expect(await token.onchainID()).to.equal(ethers.ZeroAddress);
      const rules = await token.rules();
      expect(rules.countryMode).to.equal(1n);
      expect(rules.minimumInvestorClass).to.equal(2n);
      expect(await token.isCountryListed(HK)).to.equal(true);
    });

    it("setName, setSymbol and setOnchainID emit UpdatedTokenInformation", async function () {
      const { token, deployer, alice } = await networkHelpers.loadFixture(fixture);
      await expect(token.setName("Renamed"))
        .to.emit(token, "UpdatedTokenInformation")
        .withArgs("Renamed", "BGB30", 0n, "1.0.0", ethers.ZeroAddress);
      await expect(token.setSymbol("RN"))
        .to.emit(token, "UpdatedTokenInformation")
        .withArgs("Renamed", "RN", 0n, "1.0.0", ethers.ZeroAddress);
      await expect(token.setOnchainID(alice.address))
        .to.emit(token, "UpdatedTokenInformation")
        .withArgs("Renamed", "RN", 0n, "1.0.0", alice.address);
      expect(await token.onchainID()).to.equal(alice.address);
      expect(deployer.address).to.not.equal(alice.address);
    });

    it("only the default admin renames the token", async function () {
      const { token, agent } = await networkHelpers.loadFixture(fixture);
      await expect(token.connect(agent).setName("x"))
        .to.be.revertedWithCustomError(token, "AccessControlUnauthorizedAccount")
        .withArgs(agent.address, ethers.ZeroHash);
    });

    it("setIdentityRegistry emits IdentityRegistryAdded and rejects the zero address (SecurityInvalidRegistry)", async function () {
      const { token, registry } = await networkHelpers.loadFixture(fixture);
      await expect(token.setIdentityRegistry(await registry.getAddress()))
        .to.emit(token, "IdentityRegistryAdded")
        .withArgs(await registry.getAddress());
      await expect(token.setIdentityRegistry(ethers.ZeroAddress))
        .to.be.revertedWithCustomError(token, "SecurityInvalidRegistry")
        .withArgs(ethers.ZeroAddress);
    });

    it("supports configurable decimals and rejects more than 18 (SecurityInvalidDecimals)", async function () {
      const { token, deployer } = await networkHelpers.loadFixture(fixture);
      const implementation = await ethers.getContractAt(
        "SecurityToken",
        await ethers.provider
          .getStorage(
            await token.getAddress(),
            BigInt("0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc"),
          )
          .then((slot) => ethers.getAddress(ethers.dataSlice(slot, 12))),
      );
      const registry = await token.identityRegistry();
      const encode = (decimals: number) =>
        implementation.interface.encodeFunctionData("initialize", [
          "Six",
          "SIX",
          decimals,
          registry,
          deployer.address,
          0,
          deployer.address,
          deployer.address,
          deployer.address,
        ]);
      const proxy = await ethers.deployContract("ERC1967Proxy", [await implementation.getAddress(), encode(6)]);
      const six = await ethers.getContractAt("SecurityToken", await proxy.getAddress());
      expect(await six.decimals()).to.equal(6n);
      // The max balance per investor is kept in whole tokens (ADR 0020): 1.5 tokens is refused.
      await expect(six.setMaxBalancePerInvestor(1_500_000n))
        .to.be.revertedWithCustomError(six, "ComplianceLimitNotWholeTokens")
        .withArgs(1_500_000n, 1_000_000n);
      await six.setMaxBalancePerInvestor(2_000_000n);
      expect((await six.rules()).maxBalancePerInvestor).to.equal(2_000_000n);
      const factory = await ethers.getContractFactory("ERC1967Proxy");
      await expect(factory.deploy(await implementation.getAddress(), encode(19)))
        .to.be.revertedWithCustomError(token, "SecurityInvalidDecimals")
        .withArgs(19);
    });

    it("refuses a mint that would pass 2^120 - 1 (SecuritySupplyOverflow)", async function () {
      const { token, agent, carol } = await networkHelpers.loadFixture(fixture);
      const max = 2n ** 120n - 1n;
      await expect(token.connect(agent).mint(carol.address, max))
        .to.be.revertedWithCustomError(token, "SecuritySupplyOverflow")
        .withArgs(2_000n, max);
    });
  });

  describe("REQ-SEC-2 rule configuration events", function () {
    it("emits CountryModeSet, CountryListed, MaxBalancePerInvestorSet and TokenLockupSet", async function () {
      const { token, complianceAdmin } = await networkHelpers.loadFixture(fixture);
      await expect(token.connect(complianceAdmin).setCountryMode(2)).to.emit(token, "CountryModeSet").withArgs(2);
      await expect(token.connect(complianceAdmin).setCountries([HK], false))
        .to.emit(token, "CountryListed")
        .withArgs(HK, false);
      await expect(token.connect(complianceAdmin).setMaxBalancePerInvestor(0n))
        .to.emit(token, "MaxBalancePerInvestorSet")
        .withArgs(0n);
      await expect(token.connect(complianceAdmin).setTokenLockup(123n)).to.emit(token, "TokenLockupSet").withArgs(123n);
      const rules = await token.rules();
      expect(rules.countryMode).to.equal(2n);
      expect(rules.maxBalancePerInvestor).to.equal(0n);
      expect(rules.tokenLockupUntil).to.equal(123n);
      expect(await token.isCountryListed(HK)).to.equal(false);
    });

    it("only the compliance admin binds rules", async function () {
      const { token, agent } = await networkHelpers.loadFixture(fixture);
      await expect(token.connect(agent).setMaxHolders(1))
        .to.be.revertedWithCustomError(token, "AccessControlUnauthorizedAccount")
        .withArgs(agent.address, await token.COMPLIANCE_ADMIN_ROLE());
    });
  });

  describe("REQ-SEC-3 ERC-1643 documents", function () {
    const prospectus = ethers.encodeBytes32String("prospectus");
    const report = ethers.encodeBytes32String("annual-report-2026");
    const hash = ethers.keccak256(ethers.toUtf8Bytes("prospectus v1"));

    it("sets, reads, lists and removes documents with DocumentUpdated / DocumentRemoved", async function () {
      const { token, agent } = await networkHelpers.loadFixture(fixture);
      await expect(token.connect(agent).setDocument(prospectus, "ipfs://prospectus", hash))
        .to.emit(token, "DocumentUpdated")
        .withArgs(prospectus, "ipfs://prospectus", hash);
      await token.connect(agent).setDocument(report, "ipfs://report", hash);
      const [uri, documentHash, lastModified] = await token.getDocument(prospectus);
      expect(uri).to.equal("ipfs://prospectus");
      expect(documentHash).to.equal(hash);
      expect(lastModified).to.be.greaterThan(0n);
      expect(await token.getAllDocuments()).to.deep.equal([prospectus, report]);
      await expect(token.connect(agent).removeDocument(prospectus))
        .to.emit(token, "DocumentRemoved")
        .withArgs(prospectus, "ipfs://prospectus", hash);
      expect(await token.getAllDocuments()).to.deep.equal([report]);
      expect((await token.getDocument(prospectus))[0]).to.equal("");
    });

    it("rejects an empty name or URI (SecurityDocumentInvalid) and an unknown name (SecurityDocumentNotFound)", async function () {
      const { token, agent } = await networkHelpers.loadFixture(fixture);
      await expect(token.connect(agent).setDocument(prospectus, "", hash))
        .to.be.revertedWithCustomError(token, "SecurityDocumentInvalid")
        .withArgs(prospectus);
      await expect(token.connect(agent).removeDocument(report))
        .to.be.revertedWithCustomError(token, "SecurityDocumentNotFound")
        .withArgs(report);
    });

    it("bounds the list at 32 documents (SecurityTooManyDocuments)", async function () {
      const { token, agent } = await networkHelpers.loadFixture(fixture);
      for (let i = 0; i < 32; i++) {
        await token.connect(agent).setDocument(ethers.encodeBytes32String(`doc-${i}`), "ipfs://x", hash);
      }
      await expect(token.connect(agent).setDocument(prospectus, "ipfs://x", hash))
        .to.be.revertedWithCustomError(token, "SecurityTooManyDocuments")
        .withArgs(32n);
      await token.connect(agent).setDocument(ethers.encodeBytes32String("doc-3"), "ipfs://replaced", hash);
    });
  });

  describe("REQ-SEC-4 circuit-breaker hook (ITradingGuard)", function () {
    it("setTradingGuard emits TradingGuardSet and needs COMPLIANCE_ADMIN_ROLE", async function () {
      const { token, guard, complianceAdmin, alice } = await networkHelpers.loadFixture(hooksFixture);
      await expect(token.connect(complianceAdmin).setTradingGuard(await guard.getAddress()))
        .to.emit(token, "TradingGuardSet")
        .withArgs(await guard.getAddress());
      expect(await token.tradingGuard()).to.equal(await guard.getAddress());
      await expect(token.connect(alice).setTradingGuard(ethers.ZeroAddress))
        .to.be.revertedWithCustomError(token, "AccessControlUnauthorizedAccount")
        .withArgs(alice.address, await token.COMPLIANCE_ADMIN_ROLE());
    });

    it("consults the guard on investor transfers and reverts with the guard's AssetHalted while halted", async function () {
      const { token, guard, complianceAdmin, alice, bob } = await networkHelpers.loadFixture(hooksFixture);
      await token.connect(complianceAdmin).setTradingGuard(await guard.getAddress());
      await token.connect(alice).transfer(bob.address, 1n);
      expect(await guard.enforceCalls(await token.getAddress())).to.equal(1n);
      const reason = ethers.encodeBytes32String("price-band");
      await guard.setHalted(await token.getAddress(), reason);
      await expect(token.connect(alice).transfer(bob.address, 1n))
        .to.be.revertedWithCustomError(guard, "AssetHalted")
        .withArgs(await token.getAddress(), reason);
      expect((await token.checkTransfer(alice.address, bob.address, 1n))[0]).to.equal(16n);
    });

    it("never consults the guard for mint, burn, forced transfer or recovery", async function () {
      const f = await networkHelpers.loadFixture(hooksFixture);
      await f.token.connect(f.complianceAdmin).setTradingGuard(await f.guard.getAddress());
      await f.guard.setHalted(await f.token.getAddress(), ethers.encodeBytes32String("halt"));
      await f.token.connect(f.agent).mint(f.carol.address, 5n);
      await f.token.connect(f.agent).burn(f.carol.address, 1n);
      await f.token.connect(f.agent).forcedTransfer(f.carol.address, f.bob.address, 1n);
      await f.registry.addWallet(f.alice.address, f.alice2.address);
      const ref = ethers.toBeHex((await f.registry.walletRecord(f.alice.address)).investorId, 20);
      await f.token.connect(f.agent).recoveryAddress(f.alice.address, f.alice2.address, ref);
      expect(await f.guard.enforceCalls(await f.token.getAddress())).to.equal(0n);
    });

    it("stops consulting the guard once it is removed (zero address)", async function () {
      const { token, guard, complianceAdmin, alice, bob } = await networkHelpers.loadFixture(hooksFixture);
      await token.connect(complianceAdmin).setTradingGuard(await guard.getAddress());
      await guard.setHalted(await token.getAddress(), ethers.encodeBytes32String("halt"));
      await token.connect(complianceAdmin).setTradingGuard(ethers.ZeroAddress);
      await token.connect(alice).transfer(bob.address, 1n);
    });
  });

  describe("REQ-SEC-2 extension compliance (rules added after launch)", function () {
    it("setCompliance emits ComplianceAdded; a refusing module reverts with ComplianceModuleRefused", async function () {
      const { token, compliance, module, complianceAdmin, deployer, alice, bob } =
        await networkHelpers.loadFixture(hooksFixture);
      await compliance.connect(deployer).addModule(await module.getAddress());
      await expect(token.connect(complianceAdmin).setCompliance(await compliance.getAddress()))
        .to.emit(token, "ComplianceAdded")
        .withArgs(await compliance.getAddress());
      await token.connect(alice).transfer(bob.address, 1n);
      expect(await module.transferredCalls()).to.equal(1n);
      await module.setRefusal(7n, 42n);
      await expect(token.connect(alice).transfer(bob.address, 1n))
        .to.be.revertedWithCustomError(token, "ComplianceModuleRefused")
        .withArgs(await module.getAddress(), 7n, 42n);
      expect(await token.checkTransfer(alice.address, bob.address, 1n)).to.deep.equal([
        15n,
        BigInt(await module.getAddress()),
        7n,
      ]);
    });

    it("agent actions skip module checks but still report to stateful modules", async function () {
      const { token, compliance, module, complianceAdmin, deployer, agent, alice, bob } =
        await networkHelpers.loadFixture(hooksFixture);
      await compliance.connect(deployer).addModule(await module.getAddress());
      await token.connect(complianceAdmin).setCompliance(await compliance.getAddress());
      await module.setRefusal(1n, 1n);
      await token.connect(agent).forcedTransfer(alice.address, bob.address, 1n);
      expect(await module.transferredCalls()).to.equal(1n);
    });
  });

  describe("REQ-SEC-4 per-holder accounting hook (_afterBalancesChanged)", function () {
    it("runs after every balance change: transfer, mint, burn, forced transfer", async function () {
      const { token, adminLibrary, registry } = await deploySuite(connection);
      const s = await namedSigners(ethers);
      const implementation = await ethers.deployContract("SecurityTokenHookMock", [], {
        libraries: { SecurityTokenAdmin: adminLibrary },
      });
      await token.connect(s.deployer).upgradeToAndCall(await implementation.getAddress(), "0x");
      const product = await ethers.getContractAt("SecurityTokenHookMock", await token.getAddress());
      const kycEnd = BigInt(await networkHelpers.time.latest()) + 86_400n;
      await registry.batchRegisterInvestors(
        [s.alice.address, s.bob.address],
        [HK, HK],
        [PROFESSIONAL, PROFESSIONAL],
        [kycEnd, kycEnd],
      );
      await expect(product.mint(s.alice.address, 10n))
        .to.emit(product, "BalancesChanged")
        .withArgs(ethers.ZeroAddress, s.alice.address, 10n);
      await expect(product.connect(s.alice).transfer(s.bob.address, 4n))
        .to.emit(product, "BalancesChanged")
        .withArgs(s.alice.address, s.bob.address, 4n);
      await expect(product.forcedTransfer(s.bob.address, s.alice.address, 1n))
        .to.emit(product, "BalancesChanged")
        .withArgs(s.bob.address, s.alice.address, 1n);
      await expect(product.burn(s.alice.address, 2n))
        .to.emit(product, "BalancesChanged")
        .withArgs(s.alice.address, ethers.ZeroAddress, 2n);
    });
  });

  describe("REQ-SEC-3 upgrades (UUPS, UPGRADER_ROLE)", function () {
    it("refuses an upgrade by a non-upgrader", async function () {
      const { token, alice } = await networkHelpers.loadFixture(fixture);
      await expect(token.connect(alice).upgradeToAndCall(ethers.ZeroAddress, "0x"))
        .to.be.revertedWithCustomError(token, "AccessControlUnauthorizedAccount")
        .withArgs(alice.address, await token.UPGRADER_ROLE());
    });

    it("keeps balances and rules across an upgrade", async function () {
      const { token, alice, deployer } = await networkHelpers.loadFixture(fixture);
      const adminLibrary = await ethers.deployContract("SecurityTokenAdmin");
      const next = await ethers.deployContract("SecurityToken", [], {
        libraries: { SecurityTokenAdmin: await adminLibrary.getAddress() },
      });
      await token.connect(deployer).upgradeToAndCall(await next.getAddress(), "0x");
      expect(await token.balanceOf(alice.address)).to.equal(1_000n);
      expect((await token.rules()).minimumInvestorClass).to.equal(2n);
    });
  });
});
