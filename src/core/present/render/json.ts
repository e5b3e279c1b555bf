import type { Plan } from "../../generated/types.js";

/** The plan as pretty JSON. Key order is fixed by the composer, so the bytes are stable. */
export function renderJson(plan: Plan | readonly Plan[]): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
