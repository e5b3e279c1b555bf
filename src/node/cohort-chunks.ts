/**
 * A cohort file's assessments, as the impact's worker threads read them: each range of the queue
 * serialized once (V8's structured clone, as `postMessage` does: every value comes back as it
 * was, `-0` included) into one buffer of shared memory. A worker deserializes only the ranges it
 * takes, and no range waits for the command's thread to send it.
 */
import { deserialize, serialize } from "node:v8";
import type { Assessment } from "../core/index.js";

export interface CohortChunks {
  readonly bytes: SharedArrayBuffer;
  /** Range `k` is bytes `offsets[k]` to `offsets[k + 1] - 1`. */
  readonly offsets: readonly number[];
}

/** The assessments in ranges of `step`, serialized into shared memory. */
export function cohortChunks(assessments: readonly Assessment[], step: number): CohortChunks {
  const parts: Buffer[] = [];
  for (let start = 0; start < assessments.length; start += step)
    parts.push(serialize(assessments.slice(start, start + step)));
  const offsets = [0];
  for (const part of parts) offsets.push((offsets.at(-1) ?? 0) + part.length);
  const bytes = new SharedArrayBuffer(offsets.at(-1) ?? 0);
  const view = new Uint8Array(bytes);
  parts.forEach((part, k) => {
    view.set(part, offsets[k]);
  });
  return { bytes, offsets };
}

/** Range `k`'s assessments, as they were serialized (validated by the thread that read the file). */
export function chunkAssessments({ bytes, offsets }: CohortChunks, k: number): Assessment[] {
  const [start, end] = [offsets[k], offsets[k + 1]];
  if (start === undefined || end === undefined) throw new Error(`the cohort has no range ${k}`);
  return deserialize(new Uint8Array(bytes, start, end - start)) as Assessment[];
}
