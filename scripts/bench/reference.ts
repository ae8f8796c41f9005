import ReferenceTokenModule from "../../deploy/modules/ReferenceToken.js";
import { gasOf, type BenchSuite } from "./types.js";

/** Reference rows: a plain OpenZeppelin ERC-20 transfer to an existing holder and to a new holder, and a mint. */
export const referenceSuite: BenchSuite = async ({ ethers, ignition }) => {
  const [deployer, alice, bob, carol] = await ethers.getSigners();
  if (deployer === undefined || alice === undefined || bob === undefined || carol === undefined) {
    throw new Error("the bench needs four accounts");
  }
  const deployed = await ignition.deploy(ReferenceTokenModule);
  const token = await ethers.getContractAt("ReferenceERC20", deployed.token);
  await gasOf(token.mint(alice.address, 1_000_000n));
  await gasOf(token.mint(bob.address, 1_000_000n));
  // Mint to an existing holder: total supply and the balance both go from non-zero to non-zero.
  const mint = await gasOf(token.mint(bob.address, 1_000n));

  // Warm: both balances non-zero before and after (the common case of a payment between holders).
  const warm = await gasOf(token.connect(alice).transfer(bob.address, 1_000n));
  // New: the receiver had a zero balance (a storage slot goes from zero to non-zero).
  const fresh = await gasOf(token.connect(alice).transfer(carol.address, 1_000n));

  return [
    { name: "erc20.transfer.warm", gasUsed: warm, note: "reference" },
    { name: "erc20.transfer.new", gasUsed: fresh, note: "reference" },
    { name: "erc20.mint", gasUsed: mint, note: "reference" },
  ];
};
