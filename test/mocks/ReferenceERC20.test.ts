import { expect } from "chai";
import { network } from "hardhat";

import ReferenceTokenModule from "../../deploy/modules/ReferenceToken.js";

const { ethers, ignition, networkHelpers } = await network.create();

async function referenceFixture() {
  const [deployer, alice, bob] = await ethers.getSigners();
  if (deployer === undefined || alice === undefined || bob === undefined) throw new Error("needs three accounts");
  const deployed = await ignition.deploy(ReferenceTokenModule, {
    parameters: { ReferenceToken: { name: "Reference Token", symbol: "REF" } },
  });
  const token = await ethers.getContractAt("ReferenceERC20", deployed.token);
  await token.mint(alice.address, 1_000n);
  return { token, deployer, alice, bob };
}

describe("ReferenceERC20 (bench baseline, deployed through deploy/modules/ReferenceToken.ts)", function () {
  describe("deployment", function () {
    it("takes its name and symbol from the module parameters", async function () {
      const { token } = await networkHelpers.loadFixture(referenceFixture);
      expect(await token.name()).to.equal("Reference Token");
      expect(await token.symbol()).to.equal("REF");
    });
  });

  describe("transfer behaves like OpenZeppelin ERC-20", function () {
    it("moves the amount and emits Transfer", async function () {
      const { token, alice, bob } = await networkHelpers.loadFixture(referenceFixture);
      await expect(token.connect(alice).transfer(bob.address, 400n))
        .to.emit(token, "Transfer")
        .withArgs(alice.address, bob.address, 400n);
      expect(await token.balanceOf(alice.address)).to.equal(600n);
      expect(await token.balanceOf(bob.address)).to.equal(400n);
    });

    it("reverts with ERC20InsufficientBalance above the balance", async function () {
      const { token, alice, bob } = await networkHelpers.loadFixture(referenceFixture);
      await expect(token.connect(alice).transfer(bob.address, 1_001n))
        .to.be.revertedWithCustomError(token, "ERC20InsufficientBalance")
        .withArgs(alice.address, 1_000n, 1_001n);
    });
  });
});
