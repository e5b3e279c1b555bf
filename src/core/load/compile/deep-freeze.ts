/**
 * Freezes a value and everything it holds (Map entries included), so a compiled ruleset shared
 * by many plans cannot be changed by one of them. A Map itself stays usable through `set`;
 * the `ReadonlyMap` type is what guards it.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  // Walked in place, not through `Object.values` copies: a ruleset is mostly pack.json's lists and
  // objects, and copying each was a third of the freeze in a page's first load (Chromium). Lists
  // here hold only their items; an object's own enumerable keys are what `Object.values` read.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
  } else if (value instanceof Map) {
    for (const [key, entry] of value) {
      deepFreeze(key);
      deepFreeze(entry);
    }
  } else {
    const object = value as Record<string, unknown>;
    for (const key in object) if (Object.hasOwn(object, key)) deepFreeze(object[key]);
  }
  return value;
}
