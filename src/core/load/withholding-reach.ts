import type { Withholding } from "../generated/types.js";

/** How a rule's withholdings reach a component: by its id, or by its category. */
export type Reach = "component" | "category";

/**
 * Whether a rule's withholdings reach a component, and how (by id before category); undefined
 * when they do not. The rulebook and `lint --guards` both list a component's withholding rules
 * by this.
 *
 * @example withholdingReach([{ category: "adjunct", reason: "…" }], { id: "massage", category: "adjunct" }); // "category"
 */
export function withholdingReach(
  withhold: readonly Withholding[] | undefined,
  { id, category }: { readonly id: string; readonly category?: string | undefined },
): Reach | undefined {
  if (withhold?.some((w) => w.component === id) === true) return "component";
  if (category !== undefined && withhold?.some((w) => w.category === category) === true) return "category";
  return undefined;
}
