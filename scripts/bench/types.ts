import type { ContractTransactionResponse } from "ethers";
import type { HardhatEthers } from "@nomicfoundation/hardhat-ethers/types";
import type { NetworkHelpers } from "@nomicfoundation/hardhat-network-helpers/types";
import type { NetworkConnection } from "hardhat/types/network";

/** The connection a bench suite runs on: the in-process Hardhat chain. */
export type BenchConnection = NetworkConnection & { ethers: HardhatEthers; networkHelpers: NetworkHelpers };

/** One measured operation. */
export interface BenchRow {
  /** Stable name, the key in reports/gas.json (e.g. `stablecoin.transfer.warm`). */
  name: string;
  /** `gasUsed` from the transaction receipt (or, for a row whose `note` says so, a difference of two receipts). */
  gasUsed: bigint;
  /** Name of the reference row this operation is compared with (same run). */
  reference?: string;
  /** Shown instead of a ratio when the row has no reference: what the row is (e.g. a difference of two receipts). */
  note?: string;
  /** Upper bound this operation must stay within (from the issue that introduced it). */
  budget?: bigint;
}

/** A bench suite deploys what it needs on the shared connection and returns its rows. */
export type BenchSuite = (connection: BenchConnection) => Promise<BenchRow[]>;

/** Waits for `tx` and returns its receipt's `gasUsed`. */
export async function gasOf(tx: Promise<ContractTransactionResponse>): Promise<bigint> {
  const receipt = await (await tx).wait();
  if (receipt === null) throw new Error("transaction was dropped");
  return receipt.gasUsed;
}
