import { readFile } from "node:fs/promises";

import { expect } from "chai";
import { network } from "hardhat";
import { id, MaxUint256, ZeroAddress } from "ethers";

import {
  deployStablecoin,
  expectRejection,
  fundedStablecoin,
  HKD,
  implementationOf,
  initParams,
} from "../../scripts/lib/stablecoin.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const deployed = () => deployStablecoin(connection);
const funded = () => fundedStablecoin(connection);

describe("HkdStablecoin (deployed through deploy/modules/HkdStablecoin.ts)", function () {
  describe("REQ-STB-1 token, proxy, storage and upgrades", function () {
    it("has the name and symbol from the module parameters and 6 decimals", async function () {
      const { token } = await networkHelpers.loadFixture(deployed);
      expect(await token.name()).to.equal("Bauhinia Hong Kong Dollar");
      expect(await token.symbol()).to.equal("HKDB");
      expect(await token.decimals()).to.equal(6n);
      expect(await token.totalSupply()).to.equal(0n);
    });

    it("deploys with the documented parameters file deploy/parameters/stablecoin.json", async function () {
      const raw = JSON.parse(await readFile("deploy/parameters/stablecoin.json", "utf8")) as {
        HkdStablecoin: Record<string, string | boolean>;
      };
      // Ignition's CLI turns "123n" strings into bigints; do the same here.
      const parameters: Record<string, string | bigint | boolean> = {};
      for (const [key, value] of Object.entries(raw.HkdStablecoin)) {
        parameters[key] = typeof value === "string" && /^\d+n$/.test(value) ? BigInt(value.slice(0, -1)) : value;
      }
      const d = await deployStablecoin(connection, parameters);
      expect(await d.token.allowlistMode()).to.equal(parameters.allowlistMode);
      expect(await d.token.symbol()).to.equal(parameters.symbol);
      expect(await d.token.redemptionCutoff()).to.equal(parameters.cutoffSecondsHkt);
      const policy = await d.token.reservePolicy();
      expect([policy.marginBps, policy.maxAgeSeconds, policy.delaySeconds]).to.deep.equal([
        parameters.marginBps,
        parameters.maxAttestationAgeSeconds,
        parameters.policyDelaySeconds,
      ]);
      expect(await d.feed.decimals()).to.equal(parameters.feedDecimals);
    });

    it("sits behind an ERC-1967 proxy whose implementation slot points at HkdStablecoin", async function () {
      const { token, tokenAsImplementation } = await networkHelpers.loadFixture(deployed);
      const slot = "0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc";
      const raw = await ethers.provider.getStorage(await token.getAddress(), slot);
      const implementation = ethers.getAddress(`0x${raw.slice(26)}`);
      expect(implementation).to.not.equal(await token.getAddress());
      expect(await ethers.provider.getCode(implementation)).to.not.equal("0x");
      expect(await tokenAsImplementation.proxiableUUID.staticCall().catch(() => "reverts")).to.equal("reverts");
    });

    it("keeps its state in the ERC-7201 namespace bauhinia.storage.HkdStablecoin", async function () {
      const { token, alice } = await networkHelpers.loadFixture(funded);
      const base =
        BigInt(
          ethers.keccak256(
            ethers.AbiCoder.defaultAbiCoder().encode(
              ["uint256"],
              [BigInt(ethers.keccak256(ethers.toUtf8Bytes("bauhinia.storage.HkdStablecoin"))) - 1n],
            ),
          ),
        ) & ~0xffn;
      // totalSupply is the 2nd slot of the namespace; accounts (balance in the low 128 bits) the 3rd.
      const supply = await ethers.provider.getStorage(await token.getAddress(), base + 1n);
      expect(BigInt(supply)).to.equal(await token.totalSupply());
      const accountSlot = ethers.keccak256(
        ethers.AbiCoder.defaultAbiCoder().encode(["address", "uint256"], [alice.address, base + 2n]),
      );
      const packed = BigInt(await ethers.provider.getStorage(await token.getAddress(), accountSlot));
      expect(packed & ((1n << 128n) - 1n)).to.equal(await token.balanceOf(alice.address));
    });

    it("has its implementation's initialisers disabled", async function () {
      const { token, admin } = await networkHelpers.loadFixture(deployed);
      const implementation = await implementationOf(ethers, token);
      await expect(implementation.initialize(initParams(admin.address, admin.address))).to.be.revertedWithCustomError(
        implementation,
        "InvalidInitialization",
      );
    });

    it("cannot be initialised twice through the proxy", async function () {
      const { tokenAsImplementation, admin } = await networkHelpers.loadFixture(deployed);
      await expect(
        tokenAsImplementation.initialize(initParams(admin.address, admin.address)),
      ).to.be.revertedWithCustomError(tokenAsImplementation, "InvalidInitialization");
    });

    it("refuses an implementation constructed without an operations module", async function () {
      const factory = await ethers.getContractFactory("HkdStablecoin");
      const { token } = await networkHelpers.loadFixture(deployed);
      await expect(factory.deploy(ZeroAddress)).to.be.revertedWithCustomError(token, "StablecoinZeroAddress");
    });

    it("upgrades only through UPGRADER_ROLE and keeps balances, roles and minters", async function () {
      const { tokenAsImplementation, token, upgrader, mallory, alice, minter, opsAddress } =
        await networkHelpers.loadFixture(funded);
      const v2 = await (await ethers.getContractFactory("StablecoinV2Mock")).deploy(opsAddress);
      await expect(tokenAsImplementation.connect(mallory).upgradeToAndCall(await v2.getAddress(), "0x"))
        .to.be.revertedWithCustomError(token, "AccessControlUnauthorizedAccount")
        .withArgs(mallory.address, await token.UPGRADER_ROLE());
      const before = await token.balanceOf(alice.address);
      await tokenAsImplementation.connect(upgrader).upgradeToAndCall(await v2.getAddress(), "0x");
      const upgraded = await ethers.getContractAt("StablecoinV2Mock", await token.getAddress());
      expect(await upgraded.version()).to.equal(2n);
      expect(await token.balanceOf(alice.address)).to.equal(before);
      expect(await token.isMinter(minter.address)).to.equal(true);
      expect(await token.hasRole(await token.UPGRADER_ROLE(), upgrader.address)).to.equal(true);
    });

    it("hands the default admin over in two steps with the configured delay", async function () {
      const { token, admin, bob } = await networkHelpers.loadFixture(deployed);
      expect(await token.defaultAdminDelay()).to.equal(2n * 86_400n);
      await token.connect(admin).beginDefaultAdminTransfer(bob.address);
      await expect(token.connect(bob).acceptDefaultAdminTransfer()).to.be.revertedWithCustomError(
        token,
        "AccessControlEnforcedDefaultAdminDelay",
      );
      await networkHelpers.time.increase(2 * 86_400 + 1);
      await token.connect(bob).acceptDefaultAdminTransfer();
      expect(await token.defaultAdmin()).to.equal(bob.address);
    });
  });

  describe("REQ-STB-2 separated roles", function () {
    it("gives each role to the holder named in the parameters", async function () {
      const d = await networkHelpers.loadFixture(deployed);
      const { token } = d;
      expect(await token.hasRole(await token.MASTER_MINTER_ROLE(), d.masterMinter.address)).to.equal(true);
      expect(await token.hasRole(await token.PAUSER_ROLE(), d.pauser.address)).to.equal(true);
      expect(await token.hasRole(await token.COMPLIANCE_ROLE(), d.compliance.address)).to.equal(true);
      expect(await token.hasRole(await token.SEIZER_ROLE(), d.seizer.address)).to.equal(true);
      expect(await token.hasRole(await token.RESCUER_ROLE(), d.rescuer.address)).to.equal(true);
      expect(await token.hasRole(await token.UPGRADER_ROLE(), d.upgrader.address)).to.equal(true);
      expect(await token.hasRole(await token.REDEMPTION_OPERATOR_ROLE(), d.operator.address)).to.equal(true);
      expect(await token.defaultAdmin()).to.equal(d.admin.address);
      expect(await d.feed.hasRole(await d.feed.ATTESTOR_ROLE(), d.attestor.address)).to.equal(true);
      // No role holder is also the attestor or a minter.
      expect(await token.isMinter(d.attestor.address)).to.equal(false);
    });

    it("lets only the master minter configure or remove minters", async function () {
      const { token, mallory, minter } = await networkHelpers.loadFixture(funded);
      const limits = { allowance: 1n, perTxCap: 1n, windowLimit: 1n, windowSeconds: 1n };
      await expect(token.connect(minter).configureMinter(minter.address, limits))
        .to.be.revertedWithCustomError(token, "AccessControlUnauthorizedAccount")
        .withArgs(minter.address, await token.MASTER_MINTER_ROLE());
      await expect(token.connect(mallory).removeMinter(minter.address))
        .to.be.revertedWithCustomError(token, "AccessControlUnauthorizedAccount")
        .withArgs(mallory.address, await token.MASTER_MINTER_ROLE());
    });

    it("lets the master minter remove a minter, which then cannot mint", async function () {
      const { token, masterMinter, minter, alice } = await networkHelpers.loadFixture(funded);
      await expect(token.connect(masterMinter).removeMinter(minter.address))
        .to.emit(token, "MinterRemoved")
        .withArgs(minter.address);
      await expect(token.connect(minter).mint(alice.address, 1n))
        .to.be.revertedWithCustomError(token, "StablecoinNotMinter")
        .withArgs(minter.address);
      await expect(token.connect(masterMinter).removeMinter(minter.address))
        .to.be.revertedWithCustomError(token, "StablecoinNotMinter")
        .withArgs(minter.address);
    });

    it("refuses a zero role holder at initialisation", async function () {
      const { token } = await networkHelpers.loadFixture(deployed);
      await expectRejection(deployStablecoin(connection, { pauser: ZeroAddress }));
      // The error itself, through a direct proxy deployment:
      const impl = await implementationOf(ethers, token);
      const [admin] = await ethers.getSigners();
      if (admin === undefined) throw new Error("no admin");
      const feed = await (await ethers.getContractFactory("StablecoinMockAggregator")).deploy(6);
      const data = impl.interface.encodeFunctionData("initialize", [
        initParams(admin.address, await feed.getAddress(), { pauser: ZeroAddress }),
      ]);
      const proxyFactory = await ethers.getContractFactory("ERC1967Proxy");
      await expect(proxyFactory.deploy(await impl.getAddress(), data)).to.be.revertedWithCustomError(
        token,
        "StablecoinZeroAddress",
      );
    });
  });

  describe("REQ-STB-9 no interest: balances change only through Transfer-emitting paths", function () {
    it("exposes no rebasing, yield or interest function", async function () {
      const { token } = await networkHelpers.loadFixture(deployed);
      const names: string[] = [];
      token.interface.forEachFunction((f) => names.push(f.name.toLowerCase()));
      for (const word of ["rebase", "yield", "interest", "accrue", "dividend", "reward", "sharesof"]) {
        expect(
          names.some((n) => n.includes(word)),
          word,
        ).to.equal(false);
      }
    });

    it("emits a Transfer for every balance change of a mint, transfer, redemption and seizure", async function () {
      const d = await networkHelpers.loadFixture(funded);
      const { token, alice, bob, minter, operator, compliance, seizer, custodian } = d;
      const supplyBefore = await token.totalSupply();
      await expect(token.connect(minter).mint(alice.address, 5n))
        .to.emit(token, "Transfer")
        .withArgs(ZeroAddress, alice.address, 5n);
      await expect(token.connect(alice).requestRedemption(5n, id("r")))
        .to.emit(token, "Transfer")
        .withArgs(alice.address, await token.getAddress(), 5n);
      await expect(token.connect(operator).fulfil(1n, id("f")))
        .to.emit(token, "Transfer")
        .withArgs(await token.getAddress(), ZeroAddress, 5n);
      await token.connect(compliance).freeze(bob.address);
      await expect(token.connect(seizer).seize(bob.address, custodian.address, 7n, id("order")))
        .to.emit(token, "Transfer")
        .withArgs(bob.address, custodian.address, 7n);
      expect(await token.totalSupply()).to.equal(supplyBefore);
    });
  });

  describe("REQ-STB-10 behaves like OpenZeppelin ERC-20", function () {
    it("transfers and emits Transfer", async function () {
      const { token, alice, bob } = await networkHelpers.loadFixture(funded);
      await expect(token.connect(alice).transfer(bob.address, 10n * HKD)).to.changeTokenBalances(
        ethers,
        token,
        [alice, bob],
        [-10n * HKD, 10n * HKD],
      );
      await expect(token.connect(alice).transfer(bob.address, 1n))
        .to.emit(token, "Transfer")
        .withArgs(alice.address, bob.address, 1n);
    });

    it("allows a zero-value transfer, as OpenZeppelin does", async function () {
      const { token, alice, carol } = await networkHelpers.loadFixture(funded);
      await expect(token.connect(carol).transfer(alice.address, 0n))
        .to.emit(token, "Transfer")
        .withArgs(carol.address, alice.address, 0n);
    });

    it("reverts with ERC20InsufficientBalance above the balance", async function () {
      const { token, alice, bob } = await networkHelpers.loadFixture(funded);
      await expect(token.connect(alice).transfer(bob.address, 1_000n * HKD + 1n))
        .to.be.revertedWithCustomError(token, "ERC20InsufficientBalance")
        .withArgs(alice.address, 1_000n * HKD, 1_000n * HKD + 1n);
    });

    it("reverts with ERC20InvalidReceiver for the zero address", async function () {
      const { token, alice } = await networkHelpers.loadFixture(funded);
      await expect(token.connect(alice).transfer(ZeroAddress, 1n))
        .to.be.revertedWithCustomError(token, "ERC20InvalidReceiver")
        .withArgs(ZeroAddress);
    });

    it("reverts with ERC20InvalidReceiver for the token's own address", async function () {
      const { token, alice, bob } = await networkHelpers.loadFixture(funded);
      const self = await token.getAddress();
      await expect(token.connect(alice).transfer(self, 1n))
        .to.be.revertedWithCustomError(token, "ERC20InvalidReceiver")
        .withArgs(self);
      await token.connect(alice).approve(bob.address, 10n);
      await expect(token.connect(bob).transferFrom(alice.address, self, 1n))
        .to.be.revertedWithCustomError(token, "ERC20InvalidReceiver")
        .withArgs(self);
    });

    it("reverts with ERC20InvalidSender for a transferFrom out of the zero address", async function () {
      const { token, alice, bob } = await networkHelpers.loadFixture(funded);
      await expect(token.connect(alice).transferFrom(ZeroAddress, bob.address, 0n))
        .to.be.revertedWithCustomError(token, "ERC20InvalidSender")
        .withArgs(ZeroAddress);
    });

    it("approves, emits Approval and overwrites a previous allowance", async function () {
      const { token, alice, bob } = await networkHelpers.loadFixture(funded);
      await expect(token.connect(alice).approve(bob.address, 100n))
        .to.emit(token, "Approval")
        .withArgs(alice.address, bob.address, 100n);
      await token.connect(alice).approve(bob.address, 7n);
      expect(await token.allowance(alice.address, bob.address)).to.equal(7n);
    });

    it("reverts with ERC20InvalidSpender for the zero spender", async function () {
      const { token, alice } = await networkHelpers.loadFixture(funded);
      await expect(token.connect(alice).approve(ZeroAddress, 1n))
        .to.be.revertedWithCustomError(token, "ERC20InvalidSpender")
        .withArgs(ZeroAddress);
    });

    it("spends a finite allowance on transferFrom without emitting Approval", async function () {
      const { token, alice, bob, carol } = await networkHelpers.loadFixture(funded);
      await token.connect(alice).approve(bob.address, 100n);
      const tx = token.connect(bob).transferFrom(alice.address, carol.address, 60n);
      await expect(tx).to.emit(token, "Transfer").withArgs(alice.address, carol.address, 60n);
      await expect(tx).to.not.emit(token, "Approval");
      expect(await token.allowance(alice.address, bob.address)).to.equal(40n);
    });

    it("reverts with ERC20InsufficientAllowance above the allowance", async function () {
      const { token, alice, bob, carol } = await networkHelpers.loadFixture(funded);
      await token.connect(alice).approve(bob.address, 100n);
      await expect(token.connect(bob).transferFrom(alice.address, carol.address, 101n))
        .to.be.revertedWithCustomError(token, "ERC20InsufficientAllowance")
        .withArgs(bob.address, 100n, 101n);
    });

    it("never decreases an infinite allowance", async function () {
      const { token, alice, bob, carol } = await networkHelpers.loadFixture(funded);
      await token.connect(alice).approve(bob.address, MaxUint256);
      await token.connect(bob).transferFrom(alice.address, carol.address, 60n);
      expect(await token.allowance(alice.address, bob.address)).to.equal(MaxUint256);
    });

    it("checks the allowance before the balance, as OpenZeppelin does", async function () {
      const { token, alice, bob, carol } = await networkHelpers.loadFixture(funded);
      await token.connect(alice).approve(bob.address, MaxUint256);
      await expect(token.connect(bob).transferFrom(alice.address, carol.address, 2_000n * HKD))
        .to.be.revertedWithCustomError(token, "ERC20InsufficientBalance")
        .withArgs(alice.address, 1_000n * HKD, 2_000n * HKD);
      await expect(token.connect(carol).transferFrom(alice.address, bob.address, 1n))
        .to.be.revertedWithCustomError(token, "ERC20InsufficientAllowance")
        .withArgs(carol.address, 0n, 1n);
    });

    it("does not accept ETH", async function () {
      const { token, alice } = await networkHelpers.loadFixture(deployed);
      await expect(alice.sendTransaction({ to: await token.getAddress(), value: 1n })).to.be.revert(ethers);
    });
  });
});
