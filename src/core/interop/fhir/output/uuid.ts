import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

const NUL = new Uint8Array([0]);

/**
 * A name-based UUID as a `urn:uuid:` (RFC 9562 version 8, the layout it gives for SHA-256
 * name-based ids): the first 16 bytes of SHA-256 over the parts, each followed by NUL. The same
 * parts always give the same id, so the same plan gives byte-identical FHIR.
 *
 * @example nameUuid(["Patient/1", "CarePlan"]); // "urn:uuid:…-…-8…-…-…"
 */
export function nameUuid(parts: readonly string[]): string {
  const hash = sha256.create();
  for (const part of parts) hash.update(utf8ToBytes(part)).update(NUL);
  const bytes = hash.digest().slice(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80; // version 8
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // variant 10xx
  const hex = bytesToHex(bytes);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
