import { slotOf } from "../facts/fact-table.js";

/**
 * The slots of the context facts composing sets (`load/context-facts.ts` defines them), looked
 * up once: they are set a dozen times a plan, and `FactTable.set` looks a name up in a Map.
 */
export const PROFILE_SLOT = slotOf("profile");
export const PLAN_COMPONENTS_SLOT = slotOf("plan.components");
export const PLAN_CATEGORIES_SLOT = slotOf("plan.categories");
