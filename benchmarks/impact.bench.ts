/**
 * `backplan impact`'s planning in one process: the cohort planned in this thread alone (0 workers)
 * against N worker threads (default N: 1), interleaved round after round, with
 * the bundled pack as base and an edit of it (two thresholds moved) as head. Each round reports
 * wall time and the process's CPU time (every thread's); the report is checked to be the same
 * byte for byte each time. Packs are loaded once, outside the timing, as the command loads them
 * before planning; the timing includes starting and stopping the workers.
 *
 * The workers run dist/node/impact-worker.js when the project is built (`npm run build`), as
 * the command does; otherwise the .ts source through tsx, whose start is slower.
 *
 *   npx tsx benchmarks/impact.bench.ts              # 10,000 assessments, N = 1, 3 rounds
 *   npx tsx benchmarks/impact.bench.ts 2000 3 2     # size, workers, rounds
 *
 * `--command` times the whole command instead, end to end (`node dist/cli/bin.js impact --base
 * rules --cohort N`, loading and checking both packs with their scenario tests), in a fresh
 * process each round, wall and CPU (every thread's), against another checkout's build
 * interleaved (`--against DIR`, e.g. a git worktree of an older commit, built), with the load
 * average before and after: on a shared machine only ratios within one run mean much.
 *
 *   npx tsx benchmarks/impact.bench.ts --command --against /tmp/before 10000 5 [-- --head DIR]
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { scenarioSubjects } from "../src/authoring/impact/index.js";
import { packAndEdited } from "../tests/authoring/impact/impact-packs.js";

if (process.argv[2] === "--command") {
  commandBench(process.argv.slice(3));
  process.exit(0);
}

/** The command end to end, this checkout against `--against DIR`, round by round: size, rounds, then `--` and impact's own options. */
function commandBench(argv: readonly string[]): void {
  const dashes = argv.indexOf("--");
  const [own, extra] = dashes < 0 ? [argv, []] : [argv.slice(0, dashes), argv.slice(dashes + 1)];
  const against = own[0] === "--against" ? own[1] : undefined;
  const [size = "10000", rounds = "3"] = against === undefined ? own : own.slice(2);
  const here = fileURLToPath(new URL("..", import.meta.url));
  const checkouts = [
    ...(against === undefined ? [] : [{ name: "against", dir: against }]),
    { name: "this", dir: here },
  ];
  // Each process prints its CPU time (all threads) at exit: the command's own output is unchanged.
  const cpuAtExit = `data:text/javascript,process.on("exit",()=>process.stderr.write("cpu "+JSON.stringify(process.cpuUsage())+"\\n"))`;
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(" ");
  console.log(`impact --base rules --cohort ${size} ${extra.join(" ")}: load average ${load()}`);
  const seen = new Map<string, { wall: number[]; cpu: number[] }>();
  for (let round = 1; round <= Number(rounds); round++) {
    for (const { name, dir } of round % 2 === 1 ? checkouts : [...checkouts].reverse()) {
      const started = performance.now();
      const run = spawnSync(
        process.execPath,
        ["--import", cpuAtExit, `${dir}/dist/cli/bin.js`, "impact", "--base", "rules", "--cohort", size, ...extra],
        { cwd: dir, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
      );
      const wall = performance.now() - started;
      const used = /cpu (\{.*\})/.exec(run.stderr)?.[1];
      if (run.status !== 0 || used === undefined) throw new Error(`${name} failed (${run.status}): ${run.stderr}`);
      const { user, system } = JSON.parse(used) as { user: number; system: number };
      const cpu = (user + system) / 1000;
      const times = seen.get(name) ?? { wall: [], cpu: [] };
      seen.set(name, { wall: [...times.wall, wall], cpu: [...times.cpu, cpu] });
      console.log(
        `round ${round}  ${name.padEnd(7)}  ${(wall / 1000).toFixed(2)} s wall  ${(cpu / 1000).toFixed(2)} s cpu`,
      );
    }
  }
  const mine = seen.get("this");
  const theirs = seen.get("against");
  if (mine !== undefined && theirs !== undefined) {
    const ratios = (key: "wall" | "cpu") =>
      mine[key]
        .map((t, i) => t / (theirs[key][i] ?? Number.NaN))
        .sort((a, b) => a - b)
        .map((r) => r.toFixed(2));
    console.log(`this / against, per round, sorted: wall ${ratios("wall").join(" ")}; cpu ${ratios("cpu").join(" ")}`);
  }
  console.log(`load average after: ${load()}`);
}

const size = Number(process.argv[2] ?? 10_000);
const workers = Number(process.argv[3] ?? 1);
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
    `this thread alone vs ${workers} worker(s); workers from ${existsSync(built) ? "dist" : "src via tsx"}`,
);
const seen = new Set<string>();
const times = new Map<number, number[]>([
  [0, []],
  [workers, []],
]);
for (let round = 1; round <= rounds; round++) {
  // Alternate which goes first, so neither always runs on a machine the other just warmed.
  for (const count of round % 2 === 1 ? [0, workers] : [workers, 0]) {
    const { wall, cpu, report } = await run(count);
    seen.add(report);
    times.get(count)?.push(wall);
    console.log(
      `round ${round}  ${String(count).padStart(2)} worker(s)  ${(wall / 1000).toFixed(2)} s wall  ${(cpu / 1000).toFixed(2)} s cpu`,
    );
  }
}
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const [alone, many] = [median(times.get(0) ?? []), median(times.get(workers) ?? [])];
console.log(
  `median wall: this thread alone ${(alone / 1000).toFixed(2)} s, ${workers} worker(s) ${(many / 1000).toFixed(2)} s (${(alone / many).toFixed(2)}×)`,
);
if (seen.size !== 1) throw new Error(`the reports differ between runs (${seen.size} different)`);
console.log("every report the same, byte for byte");
