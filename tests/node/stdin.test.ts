import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES } from "../../src/node/limits.js";
import { readStdinText } from "../../src/node/stdin.js";

describe("readStdinText", () => {
  it("joins the chunks as UTF-8, even a character split across chunks", async () => {
    const bytes = Buffer.from("reason: ≥ 10\n");
    const stream = Readable.from([bytes.subarray(0, 10), bytes.subarray(10)]);
    expect(await readStdinText(stream)).toBe("reason: ≥ 10\n");
  });

  it("stops reading just past 1 MiB, so an endless input ends", async () => {
    const chunk = Buffer.alloc(64 * 1024, "x");
    const endless = Readable.from(
      (function* () {
        for (;;) yield chunk;
      })(),
    );
    const text = await readStdinText(endless);
    expect(text.length).toBeGreaterThan(MAX_FILE_BYTES);
    expect(text.length).toBeLessThanOrEqual(MAX_FILE_BYTES + chunk.length);
  });
});
