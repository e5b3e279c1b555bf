/** JSON Pointer segments (RFC 6901): `~` and `/` in a key are escaped as `~0` and `~1`. */

/** A key as a pointer segment. */
export function escapeSegment(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** A pointer segment as the key it names. */
export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}
