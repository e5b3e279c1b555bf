import { operators } from "../../run/evaluate/operators/index.js";

/** How authors write comparisons on a keyboard, as the registry's symbols (`>=` is `≥`). */
const TYPED: Readonly<Record<string, string>> = {
  ">=": "≥",
  "=>": "≥",
  "<=": "≤",
  "=<": "≤",
  "==": "=",
  "!=": "≠",
  "<>": "≠",
};

/**
 * The operator an author meant by a symbol: `">"` → `greaterThan`, `"≥"` or `">="` →
 * `greaterThanInclusive`, from the operator registry's symbols. `undefined` for anything else.
 */
export function operatorForSymbol(written: string): string | undefined {
  const symbol = TYPED[written.trim()] ?? written.trim();
  for (const operator of operators.values()) if (operator.symbol === symbol) return operator.name;
  return undefined;
}
