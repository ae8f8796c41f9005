import { readdir, readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";

import { expect } from "chai";

/**
 * Keeps the audit trail honest: every test that docs/rulebook.md or docs/threat-model.md names in a table row must
 * exist in the test suite, under that exact name, and every test file they cite must exist. A renamed or deleted
 * test breaks this instead of leaving the docs claiming a proof that is gone.
 */
const DOCS = ["docs/rulebook.md", "docs/threat-model.md"];

async function testSources(dir: string): Promise<string> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((entry) => entry.isFile() && /\.(ts|sol)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
  const texts = await Promise.all(files.map((file) => readFile(file, "utf8")));
  return texts.join("\n");
}

/** Quoted test titles (at least 12 characters) and backticked Solidity test functions of each table row. */
function citations(markdown: string) {
  const rows = markdown.split("\n").filter((line) => line.startsWith("|"));
  // Quotes are matched within one cell, so a quoted word in prose ("fresh") cannot pair with a title elsewhere.
  const cells = rows.flatMap((row) => row.split("|"));
  const titles = cells
    .flatMap((cell) => [...cell.matchAll(/"([^"]+)"/g)].map((match) => match[1]!))
    .filter((title) => title.length >= 12);
  const functions = rows.flatMap((row) =>
    [...row.matchAll(/`((?:invariant|testFuzz|test)_\w+)`/g)].map((match) => match[1]!),
  );
  const files = rows.flatMap((row) => [...row.matchAll(/(test\/[\w/.-]+\.(?:ts|sol))/g)].map((match) => match[1]!));
  return { titles, functions, files };
}

const sources = await testSources("test");

describe("docs traceability: the rulebook and the threat model cite tests that exist", function () {
  for (const doc of DOCS) {
    describe(doc, function () {
      it("names only test titles that exist (a trailing '...' abbreviates a title)", async function () {
        const { titles } = citations(await readFile(doc, "utf8"));
        expect(titles.length).to.be.greaterThan(0);
        const missing = titles.filter((title) => !sources.includes(title.replace(/\s*(\.\.\.|…)$/, "")));
        expect(missing).to.deep.equal([]);
      });

      it("names only Solidity test functions that exist", async function () {
        const { functions } = citations(await readFile(doc, "utf8"));
        expect(functions.filter((fn) => !sources.includes(`function ${fn}(`))).to.deep.equal([]);
      });

      it("cites only test files that exist", async function () {
        const { files } = citations(await readFile(doc, "utf8"));
        expect(files.filter((file) => !existsSync(file))).to.deep.equal([]);
      });
    });
  }
});
