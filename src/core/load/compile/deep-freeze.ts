/**
 * Freezes a value and everything it holds (Map entries included), so a compiled ruleset shared
 * by many plans cannot be changed by one of them. A Map itself stays usable through `set`;
 * the `ReadonlyMap` type is what guards it.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (value instanceof Map) {
    for (const [key, entry] of value) {
      deepFreeze(key);
      deepFreeze(entry);
    }
  } else {
    for (const entry of Object.values(value)) deepFreeze(entry);
  }
  return value;
}
