import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { NetworkHelpers } from "@nomicfoundation/hardhat-network-helpers/types";
import type { NetworkConnection } from "hardhat/types/network";

import SecurityTokenModule from "../../deploy/modules/SecurityToken.js";
import type { IdentityRegistry, ModularCompliance, SecurityToken } from "../../types/ethers-contracts/index.js";
import type { SecurityTokenFixture } from "../behaviors/SecurityToken.behavior.js";

export type Connection = NetworkConnection & { ethers: HardhatEthers; networkHelpers: NetworkHelpers };

/** ISO-3166 numeric codes used by the tests. */
export const HK = 344;
export const SG = 702;
export const US = 840;
/** Investor classes (IIdentityRegistry.InvestorClass). */
export const RETAIL = 1;
export const PROFESSIONAL = 2;
export const INSTITUTIONAL = 3;
/** Max balance per investor bound by the fixture. */
export const MAX_BALANCE = 1_000_000n;

export interface DeployedSuite {
  token: SecurityToken;
  registry: IdentityRegistry;
  compliance: ModularCompliance;
  adminLibrary: string;
}

/** Deploys the suite through `deploy/modules/SecurityToken.ts` with the three bench rules bound. */
export async function deploySuite(connection: Connection, decimals = 0): Promise<DeployedSuite> {
  const { ethers, ignition } = connection;
  const deployed = await ignition.deploy(SecurityTokenModule, {
    parameters: {
      SecurityToken: {
        name: "Bauhinia Green Bond 2030",
        symbol: "BGB30",
        decimals,
        adminDelaySeconds: 86_400,
        countryMode: 1,
        countries: [HK, SG],
        minimumInvestorClass: PROFESSIONAL,
        maxBalancePerInvestor: MAX_BALANCE,
        maxHolders: 0,
        supplyCap: 0n,
      },
    },
  });
  const token = await ethers.getContractAt("SecurityToken", await deployed.token.getAddress());
  const registry = await ethers.getContractAt("IdentityRegistry", await deployed.registry.getAddress());
  const compliance = await ethers.getContractAt("ModularCompliance", await deployed.compliance.getAddress());
  return { token, registry, compliance, adminLibrary: await deployed.admin.getAddress() };
}

/** Named signers of every security-token test. */
export async function namedSigners(ethers: HardhatEthers) {
  const signers = await ethers.getSigners();
  const pick = (index: number): HardhatEthersSigner => {
    const signer = signers[index];
    if (signer === undefined) throw new Error(`needs at least ${index + 1} accounts`);
    return signer;
  };
  return {
    deployer: pick(0),
    agent: pick(1),
    complianceAdmin: pick(2),
    alice: pick(3),
    bob: pick(4),
    carol: pick(5),
    dave: pick(6),
    eve: pick(7),
    mallory: pick(8),
    alice2: pick(9),
    frank: pick(10),
  };
}

/**
 * The base fixture of `shouldBehaveLikeSecurityToken`: roles split (agent, compliance admin), five investors
 * registered (alice HK professional, bob HK institutional, carol SG professional, dave HK retail, eve US
 * professional), mallory unregistered, alice and bob holding 1,000 each.
 */
export async function securityTokenFixture(connection: Connection): Promise<SecurityTokenFixture> {
  const { ethers, networkHelpers } = connection;
  const suite = await deploySuite(connection);
  const s = await namedSigners(ethers);
  const { token, registry } = suite;
  await token.grantRole(await token.AGENT_ROLE(), s.agent.address);
  await token.grantRole(await token.COMPLIANCE_ADMIN_ROLE(), s.complianceAdmin.address);
  const kycEnd = BigInt(await networkHelpers.time.latest()) + 365n * 86_400n;
  await registry.batchRegisterInvestors(
    [s.alice.address, s.bob.address, s.carol.address, s.dave.address, s.eve.address],
    [HK, HK, SG, HK, US],
    [PROFESSIONAL, INSTITUTIONAL, PROFESSIONAL, RETAIL, PROFESSIONAL],
    [kycEnd, kycEnd, kycEnd, kycEnd, kycEnd],
  );
  await token.connect(s.agent).batchMint([s.alice.address, s.bob.address], [1_000n, 1_000n]);
  return {
    ...suite,
    ...s,
    kycEnd,
    maxBalancePerInvestor: MAX_BALANCE,
    allowedCountry: HK,
    refusedCountry: US,
  };
}
