import { expect } from "chai";
import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { NetworkHelpers } from "@nomicfoundation/hardhat-network-helpers/types";

import type { IdentityRegistry, ModularCompliance, SecurityToken } from "../../types/ethers-contracts/index.js";

/**
 * What `shouldBehaveLikeSecurityToken` needs. A product (green bond, PV revenue token) passes its own fixture that
 * deploys the product token through its Ignition module and sets up the same cast.
 *
 * Required state: the token binds an allow list containing `allowedCountry` (not `refusedCountry`), a minimum investor
 * class of Professional and `maxBalancePerInvestor`; `agent` holds AGENT_ROLE, `complianceAdmin` holds
 * COMPLIANCE_ADMIN_ROLE, `deployer` is default admin and registry agent; alice (allowed country, professional),
 * bob (allowed country, institutional), carol (allowed country, professional), dave (allowed country, retail) and eve
 * (refused country, professional) are registered until `kycEnd`; mallory, alice2 and frank are not registered;
 * alice and bob hold 1,000 each and nobody else holds the token.
 */
export interface SecurityTokenFixture {
  token: SecurityToken;
  registry: IdentityRegistry;
  compliance: ModularCompliance;
  deployer: HardhatEthersSigner;
  agent: HardhatEthersSigner;
  complianceAdmin: HardhatEthersSigner;
  alice: HardhatEthersSigner;
  bob: HardhatEthersSigner;
  carol: HardhatEthersSigner;
  dave: HardhatEthersSigner;
  eve: HardhatEthersSigner;
  mallory: HardhatEthersSigner;
  alice2: HardhatEthersSigner;
  frank: HardhatEthersSigner;
  kycEnd: bigint;
  maxBalancePerInvestor: bigint;
  allowedCountry: number;
  refusedCountry: number;
}

export interface BehaviorContext {
  fixture: () => Promise<SecurityTokenFixture>;
  ethers: HardhatEthers;
  networkHelpers: NetworkHelpers;
}

/** `ISecurityToken.TransferCheck` codes. */
export const Check = {
  Ok: 0n,
  Paused: 1n,
  SenderFrozen: 2n,
  ReceiverFrozen: 3n,
  InsufficientBalance: 4n,
  InsufficientUnfrozenBalance: 5n,
  SenderNotVerified: 6n,
  ReceiverNotVerified: 7n,
  TokenLockedUp: 8n,
  InvestorLockedUp: 9n,
  CountryNotAllowed: 10n,
  InvestorClassTooLow: 11n,
  MaxBalanceExceeded: 12n,
  MaxHoldersExceeded: 13n,
  SupplyCapExceeded: 14n,
  ModuleRefused: 15n,
  TradingHalted: 16n,
} as const;

/**
 * The shared behaviour of every Bauhinia security token: ERC-20 surface, ERC-3643 agent powers, the built-in
 * compliance rules at their boundaries, the pre-check view and the decisions of docs/adr/0021.
 */
export function shouldBehaveLikeSecurityToken({ fixture, ethers, networkHelpers }: BehaviorContext): void {
  const load = () => networkHelpers.loadFixture(fixture);
  const idOf = async (f: SecurityTokenFixture, wallet: HardhatEthersSigner) =>
    (await f.registry.walletRecord(wallet.address)).investorId;

  describe("REQ-SEC-3 ERC-20 surface", function () {
    it("transfers between verified investors and emits Transfer", async function () {
      const f = await load();
      await expect(f.token.connect(f.alice).transfer(f.bob.address, 100n))
        .to.emit(f.token, "Transfer")
        .withArgs(f.alice.address, f.bob.address, 100n);
      expect(await f.token.balanceOf(f.alice.address)).to.equal(900n);
      expect(await f.token.balanceOf(f.bob.address)).to.equal(1_100n);
      expect(await f.token.totalSupply()).to.equal(2_000n);
    });

    it("reverts with ERC20InsufficientBalance above the balance", async function () {
      const f = await load();
      await expect(f.token.connect(f.alice).transfer(f.bob.address, 1_001n))
        .to.be.revertedWithCustomError(f.token, "ERC20InsufficientBalance")
        .withArgs(f.alice.address, 1_000n, 1_001n);
    });

    it("reverts with ERC20InvalidReceiver on a transfer to the zero address", async function () {
      const f = await load();
      await expect(f.token.connect(f.alice).transfer(ethers.ZeroAddress, 1n))
        .to.be.revertedWithCustomError(f.token, "ERC20InvalidReceiver")
        .withArgs(ethers.ZeroAddress);
    });

    it("spends allowances in transferFrom and reverts with ERC20InsufficientAllowance above them", async function () {
      const f = await load();
      await expect(f.token.connect(f.alice).approve(f.carol.address, 50n))
        .to.emit(f.token, "Approval")
        .withArgs(f.alice.address, f.carol.address, 50n);
      await f.token.connect(f.carol).transferFrom(f.alice.address, f.bob.address, 30n);
      expect(await f.token.allowance(f.alice.address, f.carol.address)).to.equal(20n);
      await expect(f.token.connect(f.carol).transferFrom(f.alice.address, f.bob.address, 21n))
        .to.be.revertedWithCustomError(f.token, "ERC20InsufficientAllowance")
        .withArgs(f.carol.address, 20n, 21n);
    });

    it("keeps an infinite allowance infinite", async function () {
      const f = await load();
      await f.token.connect(f.alice).approve(f.carol.address, ethers.MaxUint256);
      await f.token.connect(f.carol).transferFrom(f.alice.address, f.bob.address, 30n);
      expect(await f.token.allowance(f.alice.address, f.carol.address)).to.equal(ethers.MaxUint256);
    });

    it("rejects approving the zero address with ERC20InvalidSpender", async function () {
      const f = await load();
      await expect(f.token.connect(f.alice).approve(ethers.ZeroAddress, 1n))
        .to.be.revertedWithCustomError(f.token, "ERC20InvalidSpender")
        .withArgs(ethers.ZeroAddress);
    });

    it("batchTransfer sends to several investors and rejects mismatched arrays with SecurityBatchInvalid", async function () {
      const f = await load();
      await f.token.connect(f.alice).batchTransfer([f.bob.address, f.carol.address], [10n, 20n]);
      expect(await f.token.balanceOf(f.carol.address)).to.equal(20n);
      await expect(f.token.connect(f.alice).batchTransfer([f.bob.address], [1n, 2n]))
        .to.be.revertedWithCustomError(f.token, "SecurityBatchInvalid")
        .withArgs(1n, 100n);
    });
  });

  describe("REQ-SEC-3 verified investors only", function () {
    it("refuses an unregistered receiver with SecurityWalletNotVerified", async function () {
      const f = await load();
      await expect(f.token.connect(f.alice).transfer(f.mallory.address, 1n))
        .to.be.revertedWithCustomError(f.token, "SecurityWalletNotVerified")
        .withArgs(f.mallory.address);
    });

    it("refuses a sender whose KYC ended with SecurityWalletNotVerified", async function () {
      const f = await load();
      await networkHelpers.time.increaseTo(f.kycEnd);
      await expect(f.token.connect(f.alice).transfer(f.bob.address, 1n))
        .to.be.revertedWithCustomError(f.token, "SecurityWalletNotVerified")
        .withArgs(f.alice.address);
    });

    it("accepts a receiver in the last second before its KYC end and refuses it at the KYC end second", async function () {
      const f = await load();
      await f.registry.updateInvestor(f.alice.address, f.allowedCountry, 2, f.kycEnd + 100n); // keep the sender valid
      await networkHelpers.time.setNextBlockTimestamp(f.kycEnd - 1n);
      await f.token.connect(f.alice).transfer(f.bob.address, 1n);
      await networkHelpers.time.setNextBlockTimestamp(f.kycEnd);
      await expect(f.token.connect(f.alice).transfer(f.bob.address, 1n))
        .to.be.revertedWithCustomError(f.token, "SecurityWalletNotVerified")
        .withArgs(f.bob.address);
    });

    it("refuses a removed investor's new tokens (removal needs a zero balance, IdentityWalletHoldsTokens)", async function () {
      const f = await load();
      await f.registry.removeInvestor(f.carol.address);
      await expect(f.token.connect(f.alice).transfer(f.carol.address, 1n))
        .to.be.revertedWithCustomError(f.token, "SecurityWalletNotVerified")
        .withArgs(f.carol.address);
    });
  });

  describe("REQ-SEC-2 country rule (receiver only)", function () {
    it("refuses a receiver from a country off the allow list with ComplianceCountryNotAllowed", async function () {
      const f = await load();
      await expect(f.token.connect(f.alice).transfer(f.eve.address, 1n))
        .to.be.revertedWithCustomError(f.token, "ComplianceCountryNotAllowed")
        .withArgs(f.eve.address, f.refusedCountry);
    });

    it("lets a sender whose country left the allow list still send to an allowed receiver", async function () {
      const f = await load();
      await f.registry.updateInvestor(f.alice.address, f.refusedCountry, 2, f.kycEnd);
      await f.token.connect(f.alice).transfer(f.bob.address, 1n);
      expect(await f.token.balanceOf(f.bob.address)).to.equal(1_001n);
    });

    it("in deny-list mode refuses listed countries only", async function () {
      const f = await load();
      await f.token.connect(f.complianceAdmin).setCountryMode(2);
      await f.token.connect(f.complianceAdmin).setCountries([f.allowedCountry], false);
      await f.token.connect(f.complianceAdmin).setCountries([f.refusedCountry], true);
      await f.token.connect(f.alice).transfer(f.bob.address, 1n);
      await expect(f.token.connect(f.alice).transfer(f.eve.address, 1n))
        .to.be.revertedWithCustomError(f.token, "ComplianceCountryNotAllowed")
        .withArgs(f.eve.address, f.refusedCountry);
    });

    it("rejects country codes outside 1..999 with ComplianceInvalidCountry", async function () {
      const f = await load();
      await expect(f.token.connect(f.complianceAdmin).setCountries([1000], true))
        .to.be.revertedWithCustomError(f.token, "ComplianceInvalidCountry")
        .withArgs(1000);
    });
  });

  describe("REQ-SEC-2 minimum investor class (receiver only)", function () {
    it("refuses a retail receiver when professionals only with ComplianceInvestorClassTooLow", async function () {
      const f = await load();
      await expect(f.token.connect(f.alice).transfer(f.dave.address, 1n))
        .to.be.revertedWithCustomError(f.token, "ComplianceInvestorClassTooLow")
        .withArgs(f.dave.address, 1, 2);
    });

    it("lets a retail sender send to a professional (the class is checked on the receiver only)", async function () {
      const f = await load();
      await f.token.connect(f.agent).forcedTransfer(f.alice.address, f.dave.address, 10n);
      await f.token.connect(f.dave).transfer(f.bob.address, 10n);
      expect(await f.token.balanceOf(f.dave.address)).to.equal(0n);
    });

    it("accepts the retail receiver once the rule is unbound (class 0)", async function () {
      const f = await load();
      await expect(f.token.connect(f.complianceAdmin).setMinimumInvestorClass(0))
        .to.emit(f.token, "MinimumInvestorClassSet")
        .withArgs(0);
      await f.token.connect(f.alice).transfer(f.dave.address, 1n);
    });

    it("rejects a class above Institutional with ComplianceInvalidInvestorClass", async function () {
      const f = await load();
      await expect(f.token.connect(f.complianceAdmin).setMinimumInvestorClass(4))
        .to.be.revertedWithCustomError(f.token, "ComplianceInvalidInvestorClass")
        .withArgs(4);
    });
  });

  describe("REQ-SEC-2 max balance per investor (across wallets)", function () {
    it("passes exactly at the max balance and refuses one unit over with ComplianceMaxBalanceExceeded", async function () {
      const f = await load();
      const max = f.maxBalancePerInvestor;
      await f.token.connect(f.agent).mint(f.carol.address, max - 10n);
      await f.token.connect(f.alice).transfer(f.carol.address, 10n);
      expect(await f.token.balanceOf(f.carol.address)).to.equal(max);
      await expect(f.token.connect(f.alice).transfer(f.carol.address, 1n))
        .to.be.revertedWithCustomError(f.token, "ComplianceMaxBalanceExceeded")
        .withArgs(await idOf(f, f.carol), max + 1n, max);
    });

    it("sums the investor's wallets", async function () {
      const f = await load();
      await f.registry.addWallet(f.carol.address, f.alice2.address);
      await f.token.connect(f.agent).mint(f.alice2.address, f.maxBalancePerInvestor - 5n);
      expect(await f.token.investorBalance(f.carol.address)).to.equal(f.maxBalancePerInvestor - 5n);
      await f.token.connect(f.alice).transfer(f.carol.address, 5n);
      await expect(f.token.connect(f.alice).transfer(f.carol.address, 1n))
        .to.be.revertedWithCustomError(f.token, "ComplianceMaxBalanceExceeded")
        .withArgs(await idOf(f, f.carol), f.maxBalancePerInvestor + 1n, f.maxBalancePerInvestor);
    });

    it("lets an investor at the limit move tokens between its own wallets", async function () {
      const f = await load();
      await f.registry.addWallet(f.carol.address, f.alice2.address);
      await f.token.connect(f.agent).mint(f.carol.address, f.maxBalancePerInvestor);
      await f.token.connect(f.carol).transfer(f.alice2.address, f.maxBalancePerInvestor);
      expect(await f.token.balanceOf(f.alice2.address)).to.equal(f.maxBalancePerInvestor);
    });

    it("applies to mints", async function () {
      const f = await load();
      await expect(f.token.connect(f.agent).mint(f.carol.address, f.maxBalancePerInvestor + 1n))
        .to.be.revertedWithCustomError(f.token, "ComplianceMaxBalanceExceeded")
        .withArgs(await idOf(f, f.carol), f.maxBalancePerInvestor + 1n, f.maxBalancePerInvestor);
    });

    it("rejects a limit above (2^56 - 1) whole tokens with ComplianceLimitTooLarge", async function () {
      const f = await load();
      const unit = 10n ** (await f.token.decimals());
      const largest = (2n ** 56n - 1n) * unit;
      await expect(f.token.connect(f.complianceAdmin).setMaxBalancePerInvestor(largest + unit))
        .to.be.revertedWithCustomError(f.token, "ComplianceLimitTooLarge")
        .withArgs(largest + unit, largest);
      await f.token.connect(f.complianceAdmin).setMaxBalancePerInvestor(largest);
      expect((await f.token.rules()).maxBalancePerInvestor).to.equal(largest);
    });
  });

  describe("REQ-SEC-2 max holders (counted per investor)", function () {
    it("counts investors, not wallets", async function () {
      const f = await load();
      expect(await f.token.holderCount()).to.equal(2n);
      await f.registry.addWallet(f.alice.address, f.alice2.address);
      await f.token.connect(f.alice).transfer(f.alice2.address, 10n);
      expect(await f.token.holderCount()).to.equal(2n);
      await f.token.connect(f.alice).transfer(f.carol.address, 10n);
      expect(await f.token.holderCount()).to.equal(3n);
    });

    it("refuses a new investor at the limit with ComplianceMaxHoldersExceeded", async function () {
      const f = await load();
      await expect(f.token.connect(f.complianceAdmin).setMaxHolders(2)).to.emit(f.token, "MaxHoldersSet").withArgs(2);
      await expect(f.token.connect(f.alice).transfer(f.carol.address, 1n))
        .to.be.revertedWithCustomError(f.token, "ComplianceMaxHoldersExceeded")
        .withArgs(3n, 2n);
    });

    it("at the limit lets an investor move to its own new wallet and lets a full exit hand over to a new investor", async function () {
      const f = await load();
      await f.token.connect(f.complianceAdmin).setMaxHolders(2);
      await f.registry.addWallet(f.alice.address, f.alice2.address);
      await f.token.connect(f.alice).transfer(f.alice2.address, 500n);
      await f.token.connect(f.bob).transfer(f.carol.address, 1_000n); // bob leaves, carol joins
      expect(await f.token.holderCount()).to.equal(2n);
    });
  });

  describe("REQ-SEC-2 lock-ups (block sending, not receiving)", function () {
    it("blocks investor transfers until the token lock-up end and allows them at that exact second", async function () {
      const f = await load();
      const until = BigInt(await networkHelpers.time.latest()) + 1_000n;
      await f.token.connect(f.complianceAdmin).setTokenLockup(until);
      await networkHelpers.time.setNextBlockTimestamp(until - 1n);
      await expect(f.token.connect(f.alice).transfer(f.bob.address, 1n))
        .to.be.revertedWithCustomError(f.token, "ComplianceTokenLockedUp")
        .withArgs(until);
      await networkHelpers.time.setNextBlockTimestamp(until);
      await f.token.connect(f.alice).transfer(f.bob.address, 1n);
    });

    it("blocks a locked investor's sending until its end second, but lets it receive", async function () {
      const f = await load();
      const until = BigInt(await networkHelpers.time.latest()) + 1_000n;
      const aliceId = await idOf(f, f.alice);
      await expect(f.token.connect(f.complianceAdmin).setInvestorLockup(aliceId, until))
        .to.emit(f.token, "InvestorLockupSet")
        .withArgs(aliceId, until);
      await f.token.connect(f.bob).transfer(f.alice.address, 1n);
      await networkHelpers.time.setNextBlockTimestamp(until - 1n);
      await expect(f.token.connect(f.alice).transfer(f.bob.address, 1n))
        .to.be.revertedWithCustomError(f.token, "ComplianceInvestorLockedUp")
        .withArgs(aliceId, until);
      await networkHelpers.time.setNextBlockTimestamp(until);
      await f.token.connect(f.alice).transfer(f.bob.address, 1n);
    });

    it("unbinds the per-investor lock-up rule once the last investor lock-up is cleared", async function () {
      const f = await load();
      const until = BigInt(await networkHelpers.time.latest()) + 1_000n;
      const aliceId = await idOf(f, f.alice);
      await f.token.connect(f.complianceAdmin).setInvestorLockup(aliceId, until);
      expect((await f.token.rules()).investorLockups).to.equal(true);
      expect(await f.token.investorLockupUntil(aliceId)).to.equal(until);
      await f.token.connect(f.complianceAdmin).setInvestorLockup(aliceId, 0);
      expect((await f.token.rules()).investorLockups).to.equal(false);
      await f.token.connect(f.alice).transfer(f.bob.address, 1n);
    });

    it("does not block minting during a lock-up", async function () {
      const f = await load();
      const until = BigInt(await networkHelpers.time.latest()) + 1_000n;
      await f.token.connect(f.complianceAdmin).setTokenLockup(until);
      await f.token.connect(f.agent).mint(f.carol.address, 5n);
      expect(await f.token.balanceOf(f.carol.address)).to.equal(5n);
    });
  });

  describe("REQ-SEC-2 supply cap", function () {
    it("mints exactly up to the cap and refuses one unit more with ComplianceSupplyCapExceeded", async function () {
      const f = await load();
      await expect(f.token.connect(f.complianceAdmin).setSupplyCap(2_010n)).to.emit(f.token, "SupplyCapSet");
      await f.token.connect(f.agent).mint(f.carol.address, 10n);
      await expect(f.token.connect(f.agent).mint(f.carol.address, 1n))
        .to.be.revertedWithCustomError(f.token, "ComplianceSupplyCapExceeded")
        .withArgs(2_011n, 2_010n);
    });
  });

  describe("REQ-SEC-2 pre-check view and error precedence", function () {
    it("returns Ok for a transfer that passes", async function () {
      const f = await load();
      const [code] = await f.token.checkTransfer(f.alice.address, f.bob.address, 1n);
      expect(code).to.equal(Check.Ok);
    });

    it("names the same rule and values as the revert (country)", async function () {
      const f = await load();
      expect(await f.token.checkTransfer(f.alice.address, f.eve.address, 1n)).to.deep.equal([
        Check.CountryNotAllowed,
        BigInt(f.refusedCountry),
        0n,
      ]);
    });

    it("reports max balance and class and verification failures", async function () {
      const f = await load();
      expect(await f.token.checkTransfer(f.alice.address, f.dave.address, 1n)).to.deep.equal([
        Check.InvestorClassTooLow,
        1n,
        2n,
      ]);
      expect(
        await f.token.checkTransfer(ethers.ZeroAddress, f.carol.address, f.maxBalancePerInvestor + 1n),
      ).to.deep.equal([Check.MaxBalanceExceeded, f.maxBalancePerInvestor + 1n, f.maxBalancePerInvestor]);
      expect(await f.token.checkTransfer(f.alice.address, f.mallory.address, 1n)).to.deep.equal([
        Check.ReceiverNotVerified,
        BigInt(f.mallory.address),
        0n,
      ]);
    });

    it("lets pause win over every other failure", async function () {
      const f = await load();
      await f.token.connect(f.agent).pause();
      await f.token.connect(f.agent).setAddressFrozen(f.alice.address, true);
      expect((await f.token.checkTransfer(f.alice.address, f.eve.address, 5_000n))[0]).to.equal(Check.Paused);
      await expect(f.token.connect(f.alice).transfer(f.eve.address, 5_000n)).to.be.revertedWithCustomError(
        f.token,
        "SecurityTokenPaused",
      );
    });

    it("lets a freeze win over balance, verification and rules; country wins over class", async function () {
      const f = await load();
      await f.token.connect(f.agent).setAddressFrozen(f.alice.address, true);
      expect((await f.token.checkTransfer(f.alice.address, f.mallory.address, 5_000n))[0]).to.equal(Check.SenderFrozen);
      await f.registry.updateInvestor(f.dave.address, f.refusedCountry, 1, f.kycEnd);
      expect((await f.token.checkTransfer(f.bob.address, f.dave.address, 1n))[0]).to.equal(Check.CountryNotAllowed);
      await expect(f.token.connect(f.bob).transfer(f.dave.address, 1n))
        .to.be.revertedWithCustomError(f.token, "ComplianceCountryNotAllowed")
        .withArgs(f.dave.address, f.refusedCountry);
    });
  });

  describe("REQ-SEC-3 pause", function () {
    it("stops investor transfers and emits Paused/Unpaused", async function () {
      const f = await load();
      await expect(f.token.connect(f.agent).pause()).to.emit(f.token, "Paused").withArgs(f.agent.address);
      expect(await f.token.paused()).to.equal(true);
      await expect(f.token.connect(f.alice).transfer(f.bob.address, 1n)).to.be.revertedWithCustomError(
        f.token,
        "SecurityTokenPaused",
      );
      await expect(f.token.connect(f.agent).unpause()).to.emit(f.token, "Unpaused").withArgs(f.agent.address);
      await f.token.connect(f.alice).transfer(f.bob.address, 1n);
    });

    it("rejects pausing twice (SecurityTokenPaused) and unpausing when running (SecurityTokenNotPaused)", async function () {
      const f = await load();
      await expect(f.token.connect(f.agent).unpause()).to.be.revertedWithCustomError(f.token, "SecurityTokenNotPaused");
      await f.token.connect(f.agent).pause();
      await expect(f.token.connect(f.agent).pause()).to.be.revertedWithCustomError(f.token, "SecurityTokenPaused");
    });

    it("does not stop mint, burn, forced transfer or recovery (agent actions)", async function () {
      const f = await load();
      await f.token.connect(f.agent).pause();
      await f.token.connect(f.agent).mint(f.carol.address, 5n);
      await f.token.connect(f.agent).burn(f.carol.address, 1n);
      await f.token.connect(f.agent).forcedTransfer(f.alice.address, f.carol.address, 1n);
      await f.registry.addWallet(f.alice.address, f.alice2.address);
      const aliceRef = ethers.toBeHex(await idOf(f, f.alice), 20);
      await f.token.connect(f.agent).recoveryAddress(f.alice.address, f.alice2.address, aliceRef);
      expect(await f.token.balanceOf(f.carol.address)).to.equal(5n);
      expect(await f.token.balanceOf(f.alice2.address)).to.equal(999n);
    });
  });

  describe("REQ-SEC-3 freezes", function () {
    it("a frozen wallet can neither send nor receive (SecurityWalletFrozen)", async function () {
      const f = await load();
      await expect(f.token.connect(f.agent).setAddressFrozen(f.bob.address, true))
        .to.emit(f.token, "AddressFrozen")
        .withArgs(f.bob.address, true, f.agent.address);
      expect(await f.token.isFrozen(f.bob.address)).to.equal(true);
      await expect(f.token.connect(f.alice).transfer(f.bob.address, 1n))
        .to.be.revertedWithCustomError(f.token, "SecurityWalletFrozen")
        .withArgs(f.bob.address);
      await expect(f.token.connect(f.bob).transfer(f.alice.address, 1n))
        .to.be.revertedWithCustomError(f.token, "SecurityWalletFrozen")
        .withArgs(f.bob.address);
    });

    it("refuses minting to a frozen wallet", async function () {
      const f = await load();
      await f.token.connect(f.agent).setAddressFrozen(f.carol.address, true);
      await expect(f.token.connect(f.agent).mint(f.carol.address, 1n))
        .to.be.revertedWithCustomError(f.token, "SecurityWalletFrozen")
        .withArgs(f.carol.address);
    });

    it("limits transfers to the unfrozen balance (SecurityInsufficientUnfrozenBalance)", async function () {
      const f = await load();
      await expect(f.token.connect(f.agent).freezePartialTokens(f.alice.address, 600n))
        .to.emit(f.token, "TokensFrozen")
        .withArgs(f.alice.address, 600n);
      expect(await f.token.getFrozenTokens(f.alice.address)).to.equal(600n);
      await f.token.connect(f.alice).transfer(f.bob.address, 400n);
      await expect(f.token.connect(f.alice).transfer(f.bob.address, 1n))
        .to.be.revertedWithCustomError(f.token, "SecurityInsufficientUnfrozenBalance")
        .withArgs(f.alice.address, 0n, 1n);
    });

    it("reverts (never clamps) when freezing more than the balance: SecurityFreezeExceedsBalance", async function () {
      const f = await load();
      await f.token.connect(f.agent).freezePartialTokens(f.alice.address, 1_000n);
      await expect(f.token.connect(f.agent).freezePartialTokens(f.alice.address, 1n))
        .to.be.revertedWithCustomError(f.token, "SecurityFreezeExceedsBalance")
        .withArgs(f.alice.address, 1_000n, 1_001n);
    });

    it("unfreezes and rejects unfreezing more than frozen with SecurityUnfreezeExceedsFrozen", async function () {
      const f = await load();
      await f.token.connect(f.agent).freezePartialTokens(f.alice.address, 10n);
      await expect(f.token.connect(f.agent).unfreezePartialTokens(f.alice.address, 4n))
        .to.emit(f.token, "TokensUnfrozen")
        .withArgs(f.alice.address, 4n);
      await expect(f.token.connect(f.agent).unfreezePartialTokens(f.alice.address, 7n))
        .to.be.revertedWithCustomError(f.token, "SecurityUnfreezeExceedsFrozen")
        .withArgs(f.alice.address, 6n, 7n);
    });

    it("batch freezes and unfreezes", async function () {
      const f = await load();
      await f.token.connect(f.agent).batchFreezePartialTokens([f.alice.address, f.bob.address], [1n, 2n]);
      await f.token.connect(f.agent).batchUnfreezePartialTokens([f.bob.address], [2n]);
      await f.token.connect(f.agent).batchSetAddressFrozen([f.carol.address], [true]);
      expect(await f.token.getFrozenTokens(f.alice.address)).to.equal(1n);
      expect(await f.token.getFrozenTokens(f.bob.address)).to.equal(0n);
      expect(await f.token.isFrozen(f.carol.address)).to.equal(true);
      await expect(f.token.connect(f.agent).batchFreezePartialTokens([f.alice.address], []))
        .to.be.revertedWithCustomError(f.token, "SecurityBatchInvalid")
        .withArgs(1n, 100n);
    });
  });

  describe("REQ-SEC-3 agent actions", function () {
    it("mints only to verified investors", async function () {
      const f = await load();
      await expect(f.token.connect(f.agent).mint(f.mallory.address, 1n))
        .to.be.revertedWithCustomError(f.token, "SecurityWalletNotVerified")
        .withArgs(f.mallory.address);
    });

    it("forced transfer bypasses investor rules and freezes, unfreezing what it must", async function () {
      const f = await load();
      await f.token.connect(f.agent).setAddressFrozen(f.alice.address, true);
      await f.token.connect(f.agent).freezePartialTokens(f.alice.address, 900n);
      await expect(f.token.connect(f.agent).forcedTransfer(f.alice.address, f.dave.address, 500n))
        .to.emit(f.token, "TokensUnfrozen")
        .withArgs(f.alice.address, 400n);
      expect(await f.token.balanceOf(f.dave.address)).to.equal(500n); // retail: class rule bypassed
      expect(await f.token.getFrozenTokens(f.alice.address)).to.equal(500n);
    });

    it("forced transfer keeps the receiver verified", async function () {
      const f = await load();
      await expect(f.token.connect(f.agent).forcedTransfer(f.alice.address, f.mallory.address, 1n))
        .to.be.revertedWithCustomError(f.token, "SecurityWalletNotVerified")
        .withArgs(f.mallory.address);
    });

    it("burn takes free tokens first, then frozen ones; reverts above the balance", async function () {
      const f = await load();
      await f.token.connect(f.agent).freezePartialTokens(f.alice.address, 800n);
      await f.token.connect(f.agent).burn(f.alice.address, 300n);
      expect(await f.token.getFrozenTokens(f.alice.address)).to.equal(700n);
      expect(await f.token.totalSupply()).to.equal(1_700n);
      await expect(f.token.connect(f.agent).burn(f.alice.address, 701n))
        .to.be.revertedWithCustomError(f.token, "ERC20InsufficientBalance")
        .withArgs(f.alice.address, 700n, 701n);
    });

    it("batch mint, burn and forced transfer", async function () {
      const f = await load();
      await f.token.connect(f.agent).batchMint([f.carol.address], [10n]);
      await f.token.connect(f.agent).batchBurn([f.carol.address], [5n]);
      await f.token.connect(f.agent).batchForcedTransfer([f.carol.address], [f.bob.address], [5n]);
      expect(await f.token.balanceOf(f.carol.address)).to.equal(0n);
      await expect(f.token.connect(f.agent).batchForcedTransfer([f.carol.address], [], [5n]))
        .to.be.revertedWithCustomError(f.token, "SecurityBatchInvalid")
        .withArgs(0n, 100n);
    });

    it("refuses agent actions to non-agents (AccessControlUnauthorizedAccount)", async function () {
      const f = await load();
      const agentRole = await f.token.AGENT_ROLE();
      await expect(f.token.connect(f.alice).mint(f.alice.address, 1n))
        .to.be.revertedWithCustomError(f.token, "AccessControlUnauthorizedAccount")
        .withArgs(f.alice.address, agentRole);
      await expect(f.token.connect(f.alice).forcedTransfer(f.bob.address, f.alice.address, 1n))
        .to.be.revertedWithCustomError(f.token, "AccessControlUnauthorizedAccount")
        .withArgs(f.alice.address, agentRole);
    });
  });

  describe("REQ-SEC-3 recovery", function () {
    it("moves the whole balance and frozen state to the investor's new wallet and freezes the lost one", async function () {
      const f = await load();
      await f.token.connect(f.agent).freezePartialTokens(f.alice.address, 300n);
      await f.registry.addWallet(f.alice.address, f.alice2.address);
      const ref = ethers.toBeHex(await idOf(f, f.alice), 20);
      await expect(f.token.connect(f.agent).recoveryAddress(f.alice.address, f.alice2.address, ref))
        .to.emit(f.token, "RecoverySuccess")
        .withArgs(f.alice.address, f.alice2.address, ethers.getAddress(ref));
      expect(await f.token.balanceOf(f.alice.address)).to.equal(0n);
      expect(await f.token.balanceOf(f.alice2.address)).to.equal(1_000n);
      expect(await f.token.getFrozenTokens(f.alice2.address)).to.equal(300n);
      expect(await f.token.getFrozenTokens(f.alice.address)).to.equal(0n);
      expect(await f.token.isFrozen(f.alice.address)).to.equal(true);
      expect(await f.token.holderCount()).to.equal(2n);
    });

    it("carries a wallet freeze over to the new wallet", async function () {
      const f = await load();
      await f.token.connect(f.agent).setAddressFrozen(f.alice.address, true);
      await f.registry.addWallet(f.alice.address, f.alice2.address);
      const ref = ethers.toBeHex(await idOf(f, f.alice), 20);
      await f.token.connect(f.agent).recoveryAddress(f.alice.address, f.alice2.address, ref);
      expect(await f.token.isFrozen(f.alice2.address)).to.equal(true);
    });

    it("requires the new wallet to be registered to the same investor (SecurityRecoveryInvestorMismatch)", async function () {
      const f = await load();
      const ref = ethers.toBeHex(await idOf(f, f.alice), 20);
      await expect(f.token.connect(f.agent).recoveryAddress(f.alice.address, f.alice2.address, ref))
        .to.be.revertedWithCustomError(f.token, "SecurityRecoveryInvestorMismatch")
        .withArgs(f.alice.address, f.alice2.address, await idOf(f, f.alice), 0);
      await expect(f.token.connect(f.agent).recoveryAddress(f.alice.address, f.bob.address, ref))
        .to.be.revertedWithCustomError(f.token, "SecurityRecoveryInvestorMismatch")
        .withArgs(f.alice.address, f.bob.address, await idOf(f, f.alice), await idOf(f, f.bob));
    });

    it("requires the investor reference address(uint160(investorId)) (SecurityRecoveryWrongInvestor)", async function () {
      const f = await load();
      await f.registry.addWallet(f.alice.address, f.alice2.address);
      const expected = ethers.getAddress(ethers.toBeHex(await idOf(f, f.alice), 20));
      await expect(f.token.connect(f.agent).recoveryAddress(f.alice.address, f.alice2.address, f.bob.address))
        .to.be.revertedWithCustomError(f.token, "SecurityRecoveryWrongInvestor")
        .withArgs(f.bob.address, expected);
    });
  });
}
