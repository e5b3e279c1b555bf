import type { CoverageSummary, Measure } from "./coverage.js";

/**
 * The measures a minimum coverage holds a pack to: every rule seen firing, every numeric
 * threshold tested on both sides. Comparisons seen both ways are reported but not required: one
 * that no valid assessment can make false (`chronicity` in all three of its values) is a
 * finding for `lint`, not a test the author forgot.
 */
export const GATED_MEASURES = ["rules", "thresholds"] as const satisfies readonly (keyof CoverageSummary)[];

export type GatedMeasure = (typeof GATED_MEASURES)[number];

/** A measure below the minimum: how far it got, and what was required (a percentage). */
export interface Shortfall {
  readonly measure: GatedMeasure;
  readonly required: number;
  readonly measured: Measure;
}

/**
 * The gated measures below `required` percent, judged on the exact counts (99.96% is below 100).
 *
 * @example coverageShortfalls(coverage.summary, 100); // [] when every rule fired and every threshold has both sides
 */
export function coverageShortfalls(summary: CoverageSummary, required: number): Shortfall[] {
  return GATED_MEASURES.flatMap((measure) => {
    const measured = summary[measure];
    return measured.covered * 100 < required * measured.total ? [{ measure, required, measured }] : [];
  });
}
