/**
 * The CLI bundle (`dist/cli-bundle/`, which `backplan recommend` and `backplan explain` run from)
 * behaves exactly as the compiled modules it was built from (`dist/cli/start.js`): for every
 * example in every format, and for each way a run can fail, the same stdout, stderr and exit code,
 * byte for byte. Each side runs every case in one child process. `npm test` builds first; alone,
 * run `npm run build` before this file.
 */
import { execFile } from "node:child_process";
import { cp, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { bundledRulesDir } from "../../src/node/index.js";
import { tempFolder } from "../node/temp-dir.js";
import { requireBuilt } from "./run-built.js";
import { ASSESSMENTS, BROKEN, ROOT, TINY, type Run } from "./run-main.js";

/** A command line, and what standard input holds. */
interface Case {
  readonly argv: readonly string[];
  readonly stdin?: string;
}

/** Runs each case through `main` as exported by `start` (a module URL), with a recording io, in a child process. */
const RUNNER = `
const [start, casesJson] = process.argv.slice(2);
const { main } = await import(start);
const runs = [];
for (const { argv, stdin = "" } of JSON.parse(casesJson)) {
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: () => Promise.resolve(stdin),
    cwd: process.cwd(),
  };
  const code = await main(argv, io);
  runs.push({ code, stdout, stderr });
}
process.stdout.write(JSON.stringify(runs));
`;

async function runAll(start: string, cases: readonly Case[]): Promise<Run[]> {
  // A file, not `--input-type=module -e`: worker threads inherit the process's options, and that one refuses a file.
  const runner = join(await tempFolder(), "runner.mjs");
  await writeFile(runner, RUNNER);
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [runner, pathToFileURL(join(ROOT, start)).href, JSON.stringify(cases)],
      { cwd: ROOT, timeout: 240_000, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error === null) resolve(JSON.parse(stdout) as Run[]);
        else reject(new Error(`${start} failed: ${stderr}`, { cause: error }));
      },
    );
  });
}

const FORMATS = { recommend: ["json", "text", "markdown"], explain: ["text", "markdown", "json"] } as const;

/** A copy of the bundled pack with one component's title edited. */
async function editedPack(): Promise<string> {
  const edited = join(await tempFolder(), "rules");
  await cp(bundledRulesDir, edited, { recursive: true });
  const components = join(edited, "components.yaml");
  await writeFile(
    components,
    (await readFile(components, "utf8")).replace("title: Mental health referral\n", "title: Edited\n"),
  );
  return edited;
}

async function cases(): Promise<Case[]> {
  const examples = (await readdir(join(ROOT, "examples")))
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => `examples/${name}`);
  const edited = await editedPack();
  const each = (command: "recommend" | "explain", extra: readonly string[]): Case[] =>
    examples.flatMap((file) =>
      FORMATS[command].map((format) => ({ argv: [command, file, "--format", format, ...extra] })),
    );
  return [
    ...each("recommend", []),
    ...each("explain", []),
    ...each("recommend", ["--profile", "acp-2017"]),
    { argv: ["recommend", ...examples] },
    { argv: ["recommend", ...examples, "--format", "markdown"] },
    { argv: ["recommend", "examples/chronic-high-risk.yaml", "--rules", edited] },
    { argv: ["explain", "examples/chronic-high-risk.yaml", "--rules", edited, "--format", "json"] },
    { argv: ["recommend", "examples/chronic-high-risk.yaml", "--include-drafts"] },
    { argv: ["recommend", `${ASSESSMENTS}/acute.json`, "--rules", TINY] },
    { argv: ["explain", `${ASSESSMENTS}/red-flag.yaml`, "--rules", TINY] },
    { argv: ["recommend", "-"], stdin: await readFile(join(ROOT, "examples/chronic-high-risk.yaml"), "utf8") },
    { argv: ["explain", "-"], stdin: "{patient: {age: 40}}" },
    ...["alias-bomb.yaml", "malformed.yaml", "out-of-range.json", "proto.json", "unknown-key.yaml"].flatMap((name) => [
      { argv: ["recommend", `${ASSESSMENTS}/${name}`] },
      { argv: ["explain", `${ASSESSMENTS}/${name}`] },
    ]),
    { argv: ["recommend", "no-such-file.yaml"] },
    { argv: ["recommend", "examples"] },
    { argv: ["recommend", `${ASSESSMENTS}/acute.json`, "--rules", BROKEN] },
    { argv: ["recommend", `${ASSESSMENTS}/acute.json`, "--rules", "no-such-folder"] },
    { argv: ["recommend", `${ASSESSMENTS}/acute.json`, "--profile", "nope"] },
    { argv: ["recommend", `${ASSESSMENTS}/acute.json`, "--format", "html"] },
    { argv: ["recommend"] },
    { argv: ["recommend", "-", "-"] },
    { argv: ["explain", "a.json", "b.json"] },
    { argv: ["recommend", "--bogus", "x.json"] },
    { argv: ["recommend", "--help"] },
    { argv: ["explain", "--help"] },
    { argv: ["--help", "recommend"] },
  ];
}

/**
 * `impact` in its own bundle, whose worker threads start from `dist/cli-bundle/impact-worker.js`:
 * the same pack, an edit, one thread and two, a cohort file, broken packs, usage errors.
 */
async function impactCases(): Promise<Case[]> {
  const edited = await editedPack();
  const folder = await tempFolder();
  const acute: unknown = JSON.parse(await readFile(join(ROOT, ASSESSMENTS, "acute.json"), "utf8"));
  const cohortFile = join(folder, "cohort.json");
  await writeFile(cohortFile, JSON.stringify([acute, acute, acute]));
  const invalidCohort = join(folder, "invalid.json");
  await writeFile(invalidCohort, JSON.stringify([acute, { patient: { age: 40 } }]));
  const small = ["--cohort", "300"];
  return [
    { argv: ["impact", "--base", "rules", ...small] },
    { argv: ["impact", "--base", edited, ...small, "--format", "json"] },
    { argv: ["impact", "--base", "rules", "--head", edited, ...small, "--workers", "0"] },
    { argv: ["impact", "--base", edited, "--cohort", "600", "--workers", "2", "--fail-on-change"] },
    { argv: ["impact", "--base", "rules", "--cohort", cohortFile, "--workers", "2"] },
    { argv: ["impact", "--base", "rules", "--cohort", invalidCohort] },
    { argv: ["impact", "--base", BROKEN, ...small] },
    { argv: ["impact", "--base", "rules", "--head", TINY, ...small] },
    { argv: ["impact", "--base", "rules", "--workers", "65"] },
    { argv: ["impact"] },
  ];
}

/** Stderr's "in 1.23 s": the only part of a run that differs from run to run. */
function untimed(run: Run | undefined): Run | undefined {
  return run && { ...run, stderr: run.stderr.replace(/ in \d+\.\d\d s\n/g, " in (time) s\n") };
}

beforeAll(requireBuilt);

describe("the CLI bundle", () => {
  it("prints what the compiled modules print for recommend and explain, byte for byte", async () => {
    const all = await cases();
    const [compiled, bundled] = await Promise.all([
      runAll("dist/cli/start.js", all),
      runAll("dist/cli-bundle/start.js", all),
    ]);
    expect(compiled.filter((run) => run.code === 0).length).toBeGreaterThan(60);
    expect(compiled.filter((run) => run.code === 2).length).toBeGreaterThan(15);
    all.forEach(({ argv }, i) => {
      expect(bundled[i], argv.join(" ")).toEqual(compiled[i]);
    });
  }, 300_000);

  it("prints what the compiled modules print for impact, byte for byte, with its workers bundled too", async () => {
    const all = await impactCases();
    const [compiled, bundled] = await Promise.all([
      runAll("dist/cli/start.js", all),
      runAll("dist/cli-bundle/impact-start.js", all),
    ]);
    expect(compiled.filter((run) => run.code === 0).length).toBe(5);
    all.forEach(({ argv }, i) => {
      expect(untimed(bundled[i]), argv.join(" ")).toEqual(untimed(compiled[i]));
    });
  }, 300_000);
});
