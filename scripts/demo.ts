/**
 * End-to-end demo (`npm run demo`) on the in-process Hardhat chain.
 *
 * Each chapter deploys through the same Ignition modules a real deployment uses and prints what it did. Later
 * issues add chapters (stablecoin, security token, circuit breaker, settlement) to `scripts/demo/chapters.ts`.
 */
import { network } from "hardhat";

import { chapters } from "./demo/chapters.js";
import type { DemoConnection } from "./demo/types.js";

const connection: DemoConnection = await network.create();
const { chainId } = await connection.ethers.provider.getNetwork();
console.log(`Bauhinia demo on the in-process Hardhat chain (chain id ${chainId})\n`);

for (const [index, chapter] of chapters.entries()) {
  console.log(`## ${index + 1}. ${chapter.title}`);
  await chapter.run(connection, (line) => console.log(`   ${line}`));
  console.log("");
}
console.log("Demo finished.");
