import type { HardhatEthers } from "@nomicfoundation/hardhat-ethers/types";
import type { NetworkHelpers } from "@nomicfoundation/hardhat-network-helpers/types";
import type { NetworkConnection } from "hardhat/types/network";

/** The connection the demo runs on: the in-process Hardhat chain. */
export type DemoConnection = NetworkConnection & { ethers: HardhatEthers; networkHelpers: NetworkHelpers };

/** One chapter of the demo story; `log` prints an indented line. */
export interface DemoChapter {
  title: string;
  run(connection: DemoConnection, log: (line: string) => void): Promise<void>;
}
