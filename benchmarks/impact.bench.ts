/**
 * `backplan impact`'s planning in one process: the cohort planned in this thread alone (1 thread)
 * against N threads (this one and N - 1 workers; default N: the machine's cores), interleaved round after round, with
 * the bundled pack as base and an edit of it (two thresholds moved) as head. Each round reports
 * wall time and the process's CPU time (every thread's); the report is checked to be the same
 * byte for byte each time. Packs are loaded once, outside the timing, as the command loads them
 * before planning; the timing includes starting and stopping the workers.
 *
 * The workers run dist/node/impact-worker.js when the project is built (`npm run build`), as
 * the command does; otherwise the .ts source through tsx, whose start is slower.
 *
 *   npx tsx benchmarks/impact.bench.ts              # 10,000 assessments, N = cores, 3 rounds
 *   npx tsx benchmarks/impact.bench.ts 2000 3 2     # size, threads, rounds
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { scenarioSubjects } from "../src/authoring/impact/index.js";
import { packAndEdited } from "../tests/authoring/impact/impact-packs.js";

const size = Number(process.argv[2] ?? 10_000);
const workers = Number(process.argv[3] ?? availableParallelism());
const rounds = Number(process.argv[4] ?? 3);

const built = fileURLToPath(new URL("../dist/node/impact-workers.js", import.meta.url));
const { startImpactWorkers } = (await import(
  existsSync(built) ? pathToFileURL(built).href : "../src/node/impact-workers.js"
)) as typeof import("../src/node/impact-workers.js");

const { base, head } = await packAndEdited(fileURLToPath(new URL("../rules", import.meta.url)));
const cohort = { kind: "generated", size, seed: 1 } as const;
const input = { scenarios: scenarioSubjects([{ scenarios: head.scenarios }]), cohortSource: cohort };

async function run(count: number): Promise<{ wall: number; cpu: number; report: string }> {
  const [started, cpu] = [performance.now(), process.cpuUsage()];
  const pool = startImpactWorkers(count, cohort);
  try {
    const report = JSON.stringify(await pool.compare(base, head, input, {}));
    const used = process.cpuUsage(cpu);
    return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000, report };
  } finally {
    await pool.close();
  }
}

console.log(
  `impact: ${size.toLocaleString("en-US")} generated assessments + ${input.scenarios.length} scenarios, ` +
    `1 thread vs ${workers} (this one and ${workers - 1} workers); workers from ${existsSync(built) ? "dist" : "src via tsx"}`,
);
const seen = new Set<string>();
const times = new Map<number, number[]>([
  [1, []],
  [workers, []],
]);
for (let round = 1; round <= rounds; round++) {
  // Alternate which goes first, so neither always runs on a machine the other just warmed.
  for (const count of round % 2 === 1 ? [1, workers] : [workers, 1]) {
    const { wall, cpu, report } = await run(count);
    seen.add(report);
    times.get(count)?.push(wall);
    console.log(
      `round ${round}  ${String(count).padStart(2)} thread(s)  ${(wall / 1000).toFixed(2)} s wall  ${(cpu / 1000).toFixed(2)} s cpu`,
    );
  }
}
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const [one, many] = [median(times.get(1) ?? []), median(times.get(workers) ?? [])];
console.log(
  `median wall: 1 thread ${(one / 1000).toFixed(2)} s, ${workers} threads ${(many / 1000).toFixed(2)} s (${(one / many).toFixed(2)}×)`,
);
if (seen.size !== 1) throw new Error(`the reports differ between runs (${seen.size} different)`);
console.log("every report the same, byte for byte");
