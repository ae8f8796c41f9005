import SecurityTokenModule from "../../deploy/modules/SecurityToken.js";
import { gasOf, type BenchSuite } from "./types.js";

const HK = 344;
const SG = 702;
const PROFESSIONAL = 2;

/**
 * Security token rows (issue 4), measured through the ERC-1967 proxy with three rules bound (country allow list,
 * professional-only, max balance per investor), every investor holding one wallet.
 */
export const securitySuite: BenchSuite = async ({ ethers, ignition, networkHelpers }) => {
  const signers = await ethers.getSigners();
  if (signers.length < 20) throw new Error("the security bench needs 20 accounts");
  const [deployer, alice, bob, carol, dave, ...rest] = signers as [
    (typeof signers)[number],
    (typeof signers)[number],
    (typeof signers)[number],
    (typeof signers)[number],
    (typeof signers)[number],
    ...(typeof signers)[number][],
  ];
  const holders = rest.slice(0, 10);
  const deployed = await ignition.deploy(SecurityTokenModule, {
    parameters: {
      SecurityToken: {
        countryMode: 1,
        countries: [HK, SG],
        minimumInvestorClass: PROFESSIONAL,
        maxBalancePerInvestor: 1_000_000_000n,
        maxHolders: 0,
        supplyCap: 0n,
      },
    },
  });
  const token = await ethers.getContractAt("SecurityToken", await deployed.token.getAddress());
  const registry = await ethers.getContractAt("IdentityRegistry", await deployed.registry.getAddress());
  const kycEnd = BigInt(await networkHelpers.time.latest()) + 365n * 86_400n;
  const wallets = [alice, bob, carol, ...holders].map((signer) => signer.address);
  await gasOf(
    registry.batchRegisterInvestors(
      wallets,
      wallets.map(() => HK),
      wallets.map(() => PROFESSIONAL),
      wallets.map(() => kycEnd),
    ),
  );
  await gasOf(token.mint(alice.address, 1_000_000n));
  await gasOf(token.mint(bob.address, 1_000_000n));
  for (const holder of holders) await gasOf(token.mint(holder.address, 1_000n));

  // Onboarding a new investor wallet (the registry already holds others).
  const registerInvestor = await gasOf(registry.registerInvestor(dave.address, SG, PROFESSIONAL, kycEnd));
  // Mint to a verified investor with a zero balance.
  const mintNew = await gasOf(token.mint(dave.address, 1_000n));
  // Warm: both balances non-zero before and after.
  const warm = await gasOf(token.connect(alice).transfer(bob.address, 1_000n));
  // New: the receiver (carol) had a zero balance; the holder count changes.
  const fresh = await gasOf(token.connect(alice).transfer(carol.address, 1_000n));
  const forced = await gasOf(token.forcedTransfer(bob.address, alice.address, 1_000n));
  const batch = await gasOf(
    token.connect(alice).batchTransfer(
      holders.map((holder) => holder.address),
      holders.map(() => 10n),
    ),
  );
  const freezePartial = await gasOf(token.freezePartialTokens(alice.address, 1_000n));

  return [
    { name: "security.transfer.warm", gasUsed: warm, reference: "erc20.transfer.warm", budget: 55_000n },
    { name: "security.transfer.new", gasUsed: fresh, reference: "erc20.transfer.new", budget: 80_000n },
    { name: "security.mint.new", gasUsed: mintNew, reference: "erc20.transfer.new", budget: 80_000n },
    { name: "security.registerInvestor", gasUsed: registerInvestor, reference: "erc20.transfer.new", budget: 60_000n },
    { name: "security.forcedTransfer", gasUsed: forced, reference: "erc20.transfer.warm", budget: 60_000n },
    { name: "security.batchTransfer.10", gasUsed: batch, reference: "erc20.transfer.warm" },
    { name: "security.freezePartial", gasUsed: freezePartial, reference: "erc20.transfer.warm" },
  ];
};
