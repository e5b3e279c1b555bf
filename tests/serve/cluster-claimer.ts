/** A stand-in worker for tests/serve/replay-store.test.ts: claims a, a, b through its parent. */
import { performance } from "node:perf_hooks";
import { clusterReplayStore } from "../../src/serve/cluster-replay-store.js";

const store = clusterReplayStore(Number(process.argv[2]));
const results: { answer: string; ms: number }[] = [];
for (const key of ["a", "a", "b"]) {
  const start = performance.now();
  const answer = await store.claim(key, Date.now() + 60_000).catch((error: unknown) => `rejected: ${String(error)}`);
  results.push({ answer, ms: performance.now() - start });
}
await store.close();
process.send?.({ type: "results", results });
process.disconnect();
