import type { ComponentDefinition } from "../../core/generated/types.js";
import { andList } from "../../core/words.js";
import type { CompiledRule } from "../../core/load/types.js";
import { quoted } from "./value-words.js";

/**
 * What a rule does, in one clause: `add “Mental health referral” (urgency: routine) and
 * “Psychologically informed physiotherapy”; withhold all physiotherapy components; halt the
 * plan`. Components are named by title; the reasons and full details are listed beside it.
 */
export function actionText(rule: CompiledRule, components: ReadonlyMap<string, ComponentDefinition>): string {
  const title = (id: string) => quoted(components.get(id)?.title ?? id);
  const parts: string[] = [];
  if (rule.add.length > 0) {
    const added = rule.add.map(({ component, details }) => {
      const urgency = details?.urgency === undefined ? "" : ` (urgency: ${details.urgency})`;
      return `${title(component)}${urgency}`;
    });
    parts.push(`add ${andList(added)}`);
  }
  if (rule.withhold.length > 0) {
    const named = rule.withhold.flatMap((w) => (w.component === undefined ? [] : [title(w.component)]));
    const categories = rule.withhold.flatMap((w) => (w.category === undefined ? [] : [categoryWord(w.category)]));
    const all = categories.length === 0 ? [] : [`all ${andList(categories)} components`];
    parts.push(`withhold ${andList([...named, ...all])}`);
  }
  if (rule.halt !== undefined) parts.push("halt the plan");
  return parts.join("; ");
}

/** `motor-control` → `motor control`. */
export function categoryWord(category: string): string {
  return category.replace(/-/g, " ");
}
