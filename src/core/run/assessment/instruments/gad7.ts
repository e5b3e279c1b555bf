import { summedScale } from "./summed-scale.js";
import type { Instrument } from "./types.js";

/** GAD-7 (Spitzer 2006): total 0–21 and severity, minimal 0–4, mild 5–9, moderate 10–14, severe 15–21. */
export const gad7: Instrument = summedScale("gad7", "GAD-7", [
  [0, "minimal"],
  [5, "mild"],
  [10, "moderate"],
  [15, "severe"],
]);
