import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

/**
 * docs/architecture.md as a test: dependencies point one way (interfaces ← libraries ← core ← products ←
 * settlement), concerns talk through interfaces, nothing imports test-only mocks, and there are no import cycles.
 */
const ROOT = "contracts";

async function sources(): Promise<Map<string, string[]>> {
  const entries = await readdir(ROOT, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".sol"))
    .map((entry) => path.join(entry.parentPath, entry.name));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = await readFile(file, "utf8");
    const imports = [...text.matchAll(/^import\s[^;]*?"(\.{1,2}\/[^"]+)";/gm)].map((match) =>
      path.join(path.dirname(file), match[1]!),
    );
    graph.set(file, imports);
  }
  return graph;
}

/** The concern of a file: its first folder under contracts/ (compliance/modules belongs to compliance). */
function concern(file: string): string {
  return path.relative(ROOT, file).split(path.sep)[0]!;
}

const graph = await sources();
const SHARED = new Set(["interfaces", "libraries"]);

describe("architecture: dependency direction (docs/architecture.md)", function () {
  it("finds the contracts it checks", function () {
    expect(graph.size).to.be.greaterThan(20);
  });

  it("interfaces import only interfaces", function () {
    const offending = [...graph].flatMap(([file, imports]) =>
      concern(file) === "interfaces"
        ? imports.filter((dep) => concern(dep) !== "interfaces").map((dep) => `${file} → ${dep}`)
        : [],
    );
    expect(offending).to.deep.equal([]);
  });

  it("nothing outside contracts/mocks imports a mock", function () {
    const offending = [...graph].flatMap(([file, imports]) =>
      concern(file) === "mocks"
        ? []
        : imports.filter((dep) => concern(dep) === "mocks").map((dep) => `${file} → ${dep}`),
    );
    expect(offending).to.deep.equal([]);
  });

  it("a concern reaches another concern only through interfaces or libraries", function () {
    const offending = [...graph].flatMap(([file, imports]) => {
      const own = concern(file);
      if (own === "mocks" || SHARED.has(own)) return [];
      return imports
        .filter((dep) => concern(dep) !== own && !SHARED.has(concern(dep)))
        .map((dep) => `${file} → ${dep}`);
    });
    expect(offending).to.deep.equal([]);
  });

  it("has no import cycles", function () {
    const state = new Map<string, "visiting" | "done">();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "visiting") {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(" → "));
        return;
      }
      state.set(file, "visiting");
      for (const dep of graph.get(file) ?? []) visit(dep, [...trail, file]);
      state.set(file, "done");
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).to.deep.equal([]);
  });
});
