import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { NetworkHelpers } from "@nomicfoundation/hardhat-network-helpers/types";
import type { NetworkConnection } from "hardhat/types/network";
import { id, type Signature } from "ethers";

import HkdStablecoinModule from "../../deploy/modules/HkdStablecoin.js";
import type { IHkdStablecoin as HkdStablecoinStructs } from "../../types/ethers-contracts/contracts/stablecoin/HkdStablecoin.js";
import type { HkdStablecoin, IHkdStablecoin, ReserveAttestationFeed } from "../../types/ethers-contracts/index.js";

/** 1 HKD in token units (6 decimals). */
export const HKD = 1_000_000n;
export const DAY = 86_400n;
export const HOUR = 3_600n;

export type StablecoinConnection = NetworkConnection & { ethers: HardhatEthers; networkHelpers: NetworkHelpers };

export interface Actors {
  admin: HardhatEthersSigner;
  masterMinter: HardhatEthersSigner;
  pauser: HardhatEthersSigner;
  compliance: HardhatEthersSigner;
  seizer: HardhatEthersSigner;
  rescuer: HardhatEthersSigner;
  upgrader: HardhatEthersSigner;
  operator: HardhatEthersSigner;
  attestor: HardhatEthersSigner;
  minter: HardhatEthersSigner;
  alice: HardhatEthersSigner;
  bob: HardhatEthersSigner;
  carol: HardhatEthersSigner;
  mallory: HardhatEthersSigner;
  custodian: HardhatEthersSigner;
}

export interface StablecoinDeployment extends Actors {
  token: IHkdStablecoin;
  tokenAsImplementation: HkdStablecoin;
  feed: ReserveAttestationFeed;
  opsAddress: string;
  viewsAddress: string;
}

/** Minter limits used by the fixtures: allowance 10M, per-tx cap 1M, 2M per day. */
export const MINTER_LIMITS = {
  allowance: 10_000_000n * HKD,
  perTxCap: 1_000_000n * HKD,
  windowLimit: 2_000_000n * HKD,
  windowSeconds: DAY,
};

export async function actors(ethers: HardhatEthers): Promise<Actors> {
  const s = await ethers.getSigners();
  const at = (i: number): HardhatEthersSigner => {
    const signer = s[i];
    if (signer === undefined) throw new Error(`needs account ${i}`);
    return signer;
  };
  return {
    admin: at(0),
    masterMinter: at(1),
    pauser: at(2),
    compliance: at(3),
    seizer: at(4),
    rescuer: at(5),
    upgrader: at(6),
    operator: at(7),
    attestor: at(8),
    minter: at(9),
    alice: at(10),
    bob: at(11),
    carol: at(12),
    mallory: at(13),
    custodian: at(14),
  };
}

/** Deploys through the Ignition module (open mode, no margin), nothing minted. */
export async function deployStablecoin(
  connection: StablecoinConnection,
  overrides: Record<string, string | bigint | boolean> = {},
): Promise<StablecoinDeployment> {
  const { ethers, ignition } = connection;
  const a = await actors(ethers);
  const deployed = await ignition.deploy(HkdStablecoinModule, {
    parameters: { HkdStablecoin: { allowlistMode: false, ...overrides } },
  });
  const token = (await ethers.getContractAt("IHkdStablecoin", deployed.token)) as unknown as IHkdStablecoin;
  const tokenAsImplementation = (await ethers.getContractAt(
    "HkdStablecoin",
    deployed.token,
  )) as unknown as HkdStablecoin;
  const feed = (await ethers.getContractAt(
    "ReserveAttestationFeed",
    deployed.feed,
  )) as unknown as ReserveAttestationFeed;
  return {
    ...a,
    token,
    tokenAsImplementation,
    feed,
    opsAddress: await deployed.ops.getAddress(),
    viewsAddress: await deployed.views.getAddress(),
  };
}

/** Attests `reserves` as of the latest block. */
export async function attest(d: StablecoinDeployment, helpers: NetworkHelpers, reserves: bigint): Promise<void> {
  const now = BigInt(await helpers.time.latest());
  await d.feed.connect(d.attestor).attest(reserves, now, id(`report-${reserves}-${now}`));
}

/** Deploys, attests 100M HKD, configures `minter` and mints 1,000 HKD to alice and bob. */
export async function fundedStablecoin(connection: StablecoinConnection): Promise<StablecoinDeployment> {
  const d = await deployStablecoin(connection);
  await attest(d, connection.networkHelpers, 100_000_000n * HKD);
  await d.token.connect(d.masterMinter).configureMinter(d.minter.address, MINTER_LIMITS);
  await d.token.connect(d.minter).mint(d.alice.address, 1_000n * HKD);
  await d.token.connect(d.minter).mint(d.bob.address, 1_000n * HKD);
  return d;
}

/** EIP-712 domain of the token. */
export async function domainOf(token: IHkdStablecoin, ethers: HardhatEthers) {
  const { chainId } = await ethers.provider.getNetwork();
  return { name: await token.name(), version: "1", chainId, verifyingContract: await token.getAddress() };
}

export const AUTH_TYPES = {
  TransferWithAuthorization: [
    { name: "from", type: "address" },
    { name: "to", type: "address" },
    { name: "value", type: "uint256" },
    { name: "validAfter", type: "uint256" },
    { name: "validBefore", type: "uint256" },
    { name: "nonce", type: "bytes32" },
  ],
};
export const RECEIVE_TYPES = { ReceiveWithAuthorization: AUTH_TYPES.TransferWithAuthorization };
export const CANCEL_TYPES = {
  CancelAuthorization: [
    { name: "authorizer", type: "address" },
    { name: "nonce", type: "bytes32" },
  ],
};
export const PERMIT_TYPES = {
  Permit: [
    { name: "owner", type: "address" },
    { name: "spender", type: "address" },
    { name: "value", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};

export type Sig = Pick<Signature, "v" | "r" | "s" | "serialized">;

/** Asserts that `promise` rejects (for deployments that are not a single transaction). */
export async function expectRejection(promise: Promise<unknown>): Promise<void> {
  let rejected = false;
  try {
    await promise;
  } catch {
    rejected = true;
  }
  if (!rejected) throw new Error("expected a rejection");
}

/** ERC-1967 implementation slot: `bytes32(uint256(keccak256("eip1967.proxy.implementation")) - 1)`. */
export const ERC1967_IMPLEMENTATION_SLOT = "0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc";

/** The `HkdStablecoin` implementation behind `proxy`, read from its ERC-1967 slot. */
export async function implementationOf(ethers: HardhatEthers, proxy: IHkdStablecoin): Promise<HkdStablecoin> {
  const raw = await ethers.provider.getStorage(await proxy.getAddress(), ERC1967_IMPLEMENTATION_SLOT);
  return ethers.getContractAt("HkdStablecoin", `0x${raw.slice(26)}`);
}

/** `HkdStablecoin.initialize`'s parameter struct (declared in `IHkdStablecoin`, used only by the implementation). */
export type StablecoinInitParams = HkdStablecoinStructs.InitParamsStruct;

/**
 * Valid `initialize` parameters with every role held by `holder` and the reserve check on against `feed`, for tests
 * of initialisation itself; `overrides` replaces whole fields.
 */
export function initParams(
  holder: string,
  feed: string,
  overrides: Partial<StablecoinInitParams> = {},
): StablecoinInitParams {
  return {
    name: "X",
    symbol: "X",
    admin: holder,
    adminDelay: 0n,
    masterMinter: holder,
    pauser: holder,
    complianceOfficer: holder,
    seizer: holder,
    rescuer: holder,
    upgrader: holder,
    redemptionOperator: holder,
    reservePolicy: { feed, enabled: true, marginBps: 0n, maxAgeSeconds: 1n, delaySeconds: 3600n },
    cutoffSeconds: 1n,
    allowlistMode: false,
    ...overrides,
  };
}
