import { expect } from "chai";
import { network } from "hardhat";

import { referenceSuite } from "../../scripts/bench/reference.js";
import { suites } from "../../scripts/bench/suites.js";

const connection = await network.create();

describe("gas benchmark harness (scripts/bench.ts)", function () {
  it("measures the reference rows from receipts, a new holder costing more than a warm one", async function () {
    const rows = await referenceSuite(connection);
    expect(rows.map((row) => row.name)).to.deep.equal(["erc20.transfer.warm", "erc20.transfer.new", "erc20.mint"]);
    const [warm, fresh] = rows;
    // A zero-to-non-zero balance slot costs 20,000 (SSTORE set) instead of 2,900 (reset): ~17,100 more.
    expect(fresh!.gasUsed - warm!.gasUsed).to.be.within(15_000n, 19_000n);
  });

  it("registers the reference suite first, so every ratio has its baseline", function () {
    expect(suites[0]).to.equal(referenceSuite);
  });
});
