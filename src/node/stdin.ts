import type { Readable } from "node:stream";
import { MAX_FILE_BYTES } from "./limits.js";

/**
 * A stream's text, UTF-8. Reading stops a byte past the 1 MiB limit, so an endless pipe cannot
 * exhaust memory and `readAssessmentText` still sees that the input was too large.
 */
export async function readStdinText(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    chunks.push(buffer);
    size += buffer.length;
    if (size > MAX_FILE_BYTES) break;
  }
  return Buffer.concat(chunks).toString("utf8");
}
