/**
 * Gas benchmark (`npm run bench`).
 *
 * Deploys every suite on the in-process Hardhat chain, executes named operations, reads `gasUsed` from the
 * receipts and prints a markdown table with each operation's ratio to its reference row. Writes
 * `reports/gas.json` as `{ "<operation>": gasUsed }`. Gas is deterministic for a given compiler and EVM version, so
 * the numbers reproduce exactly; nothing here is timed.
 *
 * A row with a `budget` (the bound its issue sets) that measures above it makes the command exit 1.
 */
import { mkdir, writeFile } from "node:fs/promises";

import { network } from "hardhat";

import { suites } from "./bench/suites.js";
import type { BenchConnection, BenchRow } from "./bench/types.js";

const connection: BenchConnection = await network.create();

const rows: BenchRow[] = [];
for (const suite of suites) rows.push(...(await suite(connection)));

const byName = new Map<string, BenchRow>();
for (const row of rows) {
  if (byName.has(row.name)) throw new Error(`duplicate bench row ${row.name}`);
  byName.set(row.name, row);
}

function ratio(row: BenchRow): string {
  if (row.reference === undefined) return row.note ?? "—";
  const ref = byName.get(row.reference);
  if (ref === undefined) throw new Error(`${row.name}: unknown reference row ${row.reference}`);
  return `${(Number(row.gasUsed) / Number(ref.gasUsed)).toFixed(2)} × ${row.reference}`;
}

const overBudget = rows.filter((row) => row.budget !== undefined && row.gasUsed > row.budget);
const lines = [
  "| operation | gasUsed | ratio | budget |",
  "| --- | ---: | --- | ---: |",
  ...rows.map((row) => {
    const budget = row.budget === undefined ? "" : `${row.budget}${row.gasUsed > row.budget ? " **OVER**" : ""}`;
    return `| ${row.name} | ${row.gasUsed} | ${ratio(row)} | ${budget} |`;
  }),
];
console.log(lines.join("\n"));

const report: Record<string, number> = {};
for (const row of rows) report[row.name] = Number(row.gasUsed);
await mkdir("reports", { recursive: true });
await writeFile("reports/gas.json", `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nwrote reports/gas.json (${rows.length} rows)`);

if (overBudget.length > 0) {
  console.error(`over budget: ${overBudget.map((row) => `${row.name} ${row.gasUsed} > ${row.budget}`).join(", ")}`);
  process.exitCode = 1;
}
