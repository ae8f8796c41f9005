import { breakerSuite } from "./breaker.js";
import { guardedSuite } from "./guarded.js";
import { referenceSuite } from "./reference.js";
import { securitySuite } from "./security.js";
import { stablecoinSuite } from "./stablecoin.js";
import type { BenchSuite } from "./types.js";

/** Every bench suite, in report order. Each product issue appends its own suite here. */
export const suites: BenchSuite[] = [referenceSuite, stablecoinSuite, securitySuite, breakerSuite, guardedSuite];
