import SecurityTokenModule from "../../deploy/modules/SecurityToken.js";
import type { DemoChapter } from "./types.js";

const HK = 344;
const US = 840;
const CHECKS = [
  "Ok",
  "Paused",
  "SenderFrozen",
  "ReceiverFrozen",
  "InsufficientBalance",
  "InsufficientUnfrozenBalance",
  "SenderNotVerified",
  "ReceiverNotVerified",
  "TokenLockedUp",
  "InvestorLockedUp",
  "CountryNotAllowed",
  "InvestorClassTooLow",
  "MaxBalanceExceeded",
  "MaxHoldersExceeded",
  "SupplyCapExceeded",
  "ModuleRefused",
  "TradingHalted",
];

/** Chapter: a professional-only HK green bond, its investor registry, compliance and agent powers. */
export const securityChapter: DemoChapter = {
  title: "Security token: professional-only HK green bond (ERC-3643)",
  async run({ ethers, ignition, networkHelpers }, log) {
    const [issuer, alice, bob, retail, foreigner, aliceNewWallet] = await ethers.getSigners();
    if (!issuer || !alice || !bob || !retail || !foreigner || !aliceNewWallet) throw new Error("needs six accounts");
    const deployed = await ignition.deploy(SecurityTokenModule, {
      parameters: {
        SecurityToken: {
          countries: [HK],
          minimumInvestorClass: 2,
          maxBalancePerInvestor: 500_000n,
          supplyCap: 1_000_000n,
        },
      },
    });
    const token = await ethers.getContractAt("SecurityToken", await deployed.token.getAddress());
    const registry = await ethers.getContractAt("IdentityRegistry", await deployed.registry.getAddress());
    log(
      `deployed ${await token.name()} (${await token.symbol()}, ${await token.decimals()} decimals) behind a UUPS proxy`,
    );
    log("rules: Hong Kong investors only, professionals only, max 500,000 per investor, supply cap 1,000,000");

    const kycEnd = BigInt(await networkHelpers.time.latest()) + 365n * 86_400n;
    const onboard = await (await registry.registerInvestor(alice.address, HK, 2, kycEnd)).wait();
    log(
      `onboarded alice (HK, professional) for ${onboard?.gasUsed} gas (the registry's first investor: its id counter slot is new)`,
    );
    await (
      await registry.batchRegisterInvestors(
        [bob.address, retail.address, foreigner.address],
        [HK, HK, US],
        [3, 1, 2],
        [kycEnd, kycEnd, kycEnd],
      )
    ).wait();
    log("onboarded bob (HK, institutional), a retail investor (HK) and a US professional");

    await (await token.batchMint([alice.address, bob.address], [300_000n, 200_000n])).wait();
    await (
      await token.setDocument(
        ethers.encodeBytes32String("prospectus"),
        "ipfs://bafy-green-bond-prospectus",
        ethers.keccak256(ethers.toUtf8Bytes("prospectus")),
      )
    ).wait();
    log("issued 300,000 to alice and 200,000 to bob; published the prospectus (ERC-1643)");

    const warm = await (await token.connect(alice).transfer(bob.address, 1_000n)).wait();
    log(`alice -> bob 1,000: ok, ${warm?.gasUsed} gas (T-REX: 307,314-370,713)`);

    for (const [label, from, to, amount] of [
      ["alice -> retail investor", alice.address, retail.address, 10n],
      ["alice -> US investor", alice.address, foreigner.address, 10n],
      ["mint 400,000 more to bob", ethers.ZeroAddress, bob.address, 400_000n],
    ] as const) {
      const [code, valueA, valueB] = await token.checkTransfer(from, to, amount);
      log(`pre-check ${label}: ${CHECKS[Number(code)]} (${valueA}, ${valueB})`);
    }

    await (await token.freezePartialTokens(alice.address, 100_000n)).wait();
    log(`agent froze 100,000 of alice's tokens (court order); frozen: ${await token.getFrozenTokens(alice.address)}`);

    await (await registry.addWallet(alice.address, aliceNewWallet.address)).wait();
    const investorRef = ethers.toBeHex((await registry.walletRecord(alice.address)).investorId, 20);
    await (await token.recoveryAddress(alice.address, aliceNewWallet.address, investorRef)).wait();
    log(
      `alice lost her key: recovered ${await token.balanceOf(aliceNewWallet.address)} (frozen ${await token.getFrozenTokens(aliceNewWallet.address)}) to her new wallet; old wallet frozen: ${await token.isFrozen(alice.address)}`,
    );
    log(`holders (investors, not wallets): ${await token.holderCount()}, supply ${await token.totalSupply()}`);
  },
};
