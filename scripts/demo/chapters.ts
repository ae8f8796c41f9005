import { breakerChapter } from "./breaker.js";
import { guardedChapter } from "./guarded.js";
import { referenceChapter } from "./reference.js";
import { securityChapter } from "./security.js";
import { stablecoinChapter } from "./stablecoin.js";
import type { DemoChapter } from "./types.js";

/** The demo story, in order. */
export const chapters: DemoChapter[] = [
  referenceChapter,
  stablecoinChapter,
  securityChapter,
  breakerChapter,
  guardedChapter,
];
