import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import type { RuleFileText } from "../types.js";

const NUL = new Uint8Array([0]);

/**
 * `sha256:<hex>` over the files sorted by path, each framed as path, NUL, text, NUL (YAML text
 * cannot hold NUL, so the framing is unambiguous). Independent of the order files arrive in.
 *
 * @example packDigest([{ path: "pack.yaml", text: "name: x\n" }]); // "sha256:…"
 */
export function packDigest(files: readonly RuleFileText[]): string {
  const hash = sha256.create();
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(utf8ToBytes(file.path)).update(NUL).update(utf8ToBytes(file.text)).update(NUL);
  }
  return `sha256:${bytesToHex(hash.digest())}`;
}
