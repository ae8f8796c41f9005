#!/usr/bin/env node
// Postinstall guard (docs/adr/0001-toolchain.md).
//
// Hardhat 3 needs Node >= 22.13 and loads its EVM, EDR, from a native optional package whose `engines` field
// says Node >= 22. When `npm install` itself runs under an older system Node (20 on our build machines), npm
// silently skips that optional package and every Hardhat command later fails with HHE27.
//
// The project pins Node 22 as a devDependency (`node` package), so inside npm scripts `node` and `npm` resolve
// to Node 22. This script checks that EDR's native binding loads; only when it does not, it re-runs
// `npm install` once, now under Node 22, which installs the binding. BAUHINIA_EDR_REINSTALL guards recursion.
"use strict";

const { spawnSync } = require("node:child_process");

function edrLoads() {
  try {
    require("@nomicfoundation/edr");
    return true;
  } catch (error) {
    return error;
  }
}

const first = edrLoads();
if (first === true) process.exit(0);

if (process.env.BAUHINIA_EDR_REINSTALL === "1") {
  console.error(`[bauhinia] Hardhat's EDR binding still does not load under Node ${process.version}:`);
  console.error(String(first && first.message));
  process.exit(1);
}

console.log(
  `[bauhinia] Hardhat's native EDR binding was skipped (npm ran under an older Node). ` +
    `Re-running npm install under Node ${process.version} to fetch it...`,
);
const npmCli = process.env.npm_execpath;
const [cmd, args] = npmCli
  ? [process.execPath, [npmCli, "install", "--no-audit", "--no-fund"]]
  : ["npm", ["install", "--no-audit", "--no-fund"]];
const result = spawnSync(cmd, args, {
  stdio: "inherit",
  env: { ...process.env, BAUHINIA_EDR_REINSTALL: "1" },
});
if (result.status !== 0) process.exit(result.status ?? 1);

// Check in a fresh process: this one may have cached the failed module resolution.
const check = spawnSync(process.execPath, ["-e", 'require("@nomicfoundation/edr")'], { stdio: "inherit" });
if (check.status !== 0) {
  console.error("[bauhinia] EDR still fails to load after the re-install.");
  process.exit(1);
}
console.log("[bauhinia] EDR binding installed.");
