/**
 * What a leaf makes of an absent fact: `"unknown"`, noting the fact in `missing` when the caller
 * collects them.
 */
export function absent(fact: string, missing: Set<string> | undefined): "unknown" {
  missing?.add(fact);
  return "unknown";
}
