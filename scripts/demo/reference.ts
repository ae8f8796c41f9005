import { formatUnits } from "ethers";

import ReferenceTokenModule from "../../deploy/modules/ReferenceToken.js";
import type { DemoChapter } from "./types.js";

/** Chapter 1: the plain reference ERC-20, deployed through its Ignition module. */
export const referenceChapter: DemoChapter = {
  title: "Reference ERC-20 (the gas benchmark's baseline)",
  async run({ ethers, ignition }, log) {
    const [deployer, alice] = await ethers.getSigners();
    if (deployer === undefined || alice === undefined) throw new Error("the demo needs two accounts");
    const deployed = await ignition.deploy(ReferenceTokenModule);
    const token = await ethers.getContractAt("ReferenceERC20", deployed.token);
    log(`deployed ${await token.name()} (${await token.symbol()}) at ${await token.getAddress()}`);

    const amount = ethers.parseUnits("1000", await token.decimals());
    await (await token.mint(deployer.address, amount)).wait();
    log(`minted ${formatUnits(amount, 18)} REF to the deployer ${deployer.address}`);

    const receipt = await (await token.transfer(alice.address, amount / 4n)).wait();
    log(`transferred ${formatUnits(amount / 4n, 18)} REF to alice ${alice.address} (gasUsed ${receipt?.gasUsed})`);
    log(
      `balances: deployer ${formatUnits(await token.balanceOf(deployer), 18)}, alice ${formatUnits(await token.balanceOf(alice), 18)}`,
    );
  },
};
