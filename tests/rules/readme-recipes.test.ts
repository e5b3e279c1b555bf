/**
 * rules/README's recipes "Adding a component" and "Adding a rule", run as written: the YAML blocks
 * and shell commands are read from the README (each block follows a `<!-- recipe: … -->` marker),
 * applied to a copy of the bundled pack in a temporary working folder, and every command is run
 * there with `backplan` being the built CLI (`node dist/cli/bin.js`). `npm test` builds first;
 * alone, run `npm run build` before this file.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { appendFile, chmod, cp, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { planToFhir } from "../../src/core/interop/fhir/output/index.js";
import type { Plan } from "../../src/core/generated/types.js";
import { tempFolder } from "../node/temp-dir.js";
import { ROOT } from "../cli/run-main.js";

const BIN = join(ROOT, "dist/cli/bin.js");

/** One marked block of the README: what to do with it, and its text. */
interface RecipeStep {
  readonly action: "run" | "append" | "create";
  /** The file to append to or create, relative to the working folder. */
  readonly file?: string;
  readonly text: string;
}

/** The marked blocks of `markdown` between `from` and `to` headings, in order. */
function recipeSteps(markdown: string, from: string, to: string): RecipeStep[] {
  const start = markdown.indexOf(`\n## ${from}\n`);
  const end = markdown.indexOf(`\n## ${to}\n`, start + 1);
  if (start < 0 || end < 0) throw new Error(`rules/README.md has no section "## ${from}" followed by "## ${to}"`);
  const section = markdown.slice(start, end);
  const marker = /<!-- recipe: (run|append|create)(?: (\S+))? -->\n```(?:sh|yaml)\n([\s\S]*?)\n```/g;
  return [...section.matchAll(marker)].map(([, action, file, text]) => ({
    action: action as RecipeStep["action"],
    ...(file === undefined ? {} : { file }),
    text: text ?? "",
  }));
}

interface Run {
  readonly command: string;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs one command line with `sh` in `cwd`, `backplan` on the PATH being the built CLI. */
function sh(command: string, cwd: string, bin: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      "sh",
      ["-c", command],
      { cwd, timeout: 120_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ""}` } },
      (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== "number") reject(new Error(`could not run ${command}: ${error.message}`));
        else resolve({ command, code: error === null ? 0 : Number(error.code), stdout, stderr });
      },
    );
  });
}

/** Applies the recipes' steps in `cwd`: each command run, one line at a time, each file written. */
async function follow(steps: readonly RecipeStep[], cwd: string, bin: string): Promise<Run[]> {
  const runs: Run[] = [];
  for (const step of steps) {
    if (step.action === "run") {
      for (const line of step.text.split("\n")) {
        if (line.trim() === "" || line.trim().startsWith("#")) continue;
        runs.push(await sh(line, cwd, bin));
      }
      continue;
    }
    if (step.file === undefined) throw new Error(`a recipe block to ${step.action} names no file`);
    const file = join(cwd, step.file);
    if (step.action === "create") {
      if (existsSync(file)) throw new Error(`the recipe creates ${step.file}, which the pack already has`);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, `${step.text}\n`);
    } else {
      // Appended after a blank line, as the recipe says: the file's last entry stays as it was.
      const before = await readFile(file, "utf8");
      await appendFile(file, `${before.endsWith("\n") ? "" : "\n"}\n${step.text}\n`);
    }
  }
  return runs;
}

let steps: { component: RecipeStep[]; rule: RecipeStep[] };

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build" first (npm test does)`);
  const readme = await readFile(join(ROOT, "rules/README.md"), "utf8");
  steps = {
    component: recipeSteps(readme, "Adding a component", "Adding a rule"),
    rule: recipeSteps(readme, "Adding a rule", "Governance"),
  };
});

describe("rules/README recipes, run as written", () => {
  it("marks the blocks the recipes are made of", () => {
    const shape = (list: readonly RecipeStep[]) => list.map((s) => `${s.action} ${s.file ?? ""}`.trim());
    expect(shape(steps.component)).toEqual(["run", "append rules/components.yaml"]);
    expect(shape(steps.rule)).toEqual([
      "create rules/recurrence.yaml",
      "create rules/tests/recurrence.yaml",
      "create patient.yaml",
      "run",
    ]);
    const commands = steps.rule.find((s) => s.action === "run")?.text.split("\n") ?? [];
    expect(commands.map((c) => c.split(" ").slice(0, 2).join(" "))).toEqual([
      "backplan lint",
      "backplan recommend",
      "backplan test",
      "backplan impact",
      "backplan fmt",
      "backplan rulebook",
    ]);
  });

  it(
    "adds the component and the rule to a copy of the pack: every command exits 0, and the component reaches the plan and its FHIR CarePlan",
    async () => {
      const cwd = await tempFolder();
      await cp(join(ROOT, "rules"), join(cwd, "rules"), { recursive: true });
      const bin = join(cwd, ".bin");
      await mkdir(bin);
      await writeFile(join(bin, "backplan"), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
      await chmod(join(bin, "backplan"), 0o755);

      const runs = await follow([...steps.component, ...steps.rule], cwd, bin);
      for (const run of runs) expect(run.code, `${run.command}\n${run.stderr}${run.stdout}`).toBe(0);
      const output = (start: string) => runs.find((r) => r.command.startsWith(start));

      const componentId = /- id: ([a-z0-9-]+)/.exec(steps.component[1]?.text ?? "")?.[1];
      const ruleId = /- id: ([a-z0-9-]+)/.exec(steps.rule[0]?.text ?? "")?.[1];
      expect([componentId, ruleId]).toEqual(["flare-up-plan", "recurrent-pain-flare-up-plan"]);

      expect(output("backplan lint")?.stdout).toBe("");
      expect(output("backplan recommend")?.stdout).toContain("Written flare-up plan [self-management] (flare-up-plan)");
      expect(output("backplan recommend")?.stdout).toContain(
        "3 earlier episodes of low back pain (recurrent at 2 or more): a written plan for the next flare-up supports self-management (rule recurrent-pain-flare-up-plan)",
      );
      const tests = output("backplan test")?.stdout ?? "";
      expect(tests).toMatch(/rules +100\.0%/);
      expect(tests).toMatch(/\n\d+ passed, 0 failed\n$/);
      const impact = output("backplan impact")?.stdout ?? "";
      expect(impact).toContain("  rules added: recurrent-pain-flare-up-plan\n  components added: flare-up-plan\n");
      expect(impact).toMatch(/scenario tests: 1 of [\d,]+ plans changed[^\n]*\n {2}components added\n {4}flare-up-plan +1\n/);
      expect(impact).toMatch(/cohort \(10,000 generated, seed 1\)[^\n]*in rule outcomes only \(trace only\)/);
      expect(output("backplan rulebook")?.stdout).toMatch(/^wrote review\.html: \d+ rules, \d+ scenario tests, 1 changed since /);
      const review = await readFile(join(cwd, "review.html"), "utf8");
      expect(review).toContain("Changes since");
      expect(review).toContain("recurrent-pain-flare-up-plan");

      // The same patient's plan, as JSON, to FHIR: the component as an inline CarePlan activity
      // coded by its id in backplan's component system (it is not a referral).
      const json = await sh("backplan recommend patient.yaml --rules rules --include-drafts", cwd, bin);
      expect(json.code, json.stderr).toBe(0);
      const plan = JSON.parse(json.stdout) as Plan;
      expect(plan.components.map((c) => c.id)).toContain("flare-up-plan");
      const { carePlan, serviceRequests } = planToFhir(plan, {
        patient: "Patient/recipe",
        engine: { name: "backplan", version: "test" },
        recorded: "2026-12-07T12:00:00Z",
      });
      const activity = carePlan.activity?.find((a) => a.detail?.code?.coding?.[0]?.code === "flare-up-plan");
      expect(activity?.detail?.code).toEqual({
        coding: [
          {
            system: "https://backplan.dev/fhir/CodeSystem/component",
            version: plan.ruleset.version,
            code: "flare-up-plan",
            display: "Written flare-up plan",
          },
        ],
        text: "Written flare-up plan",
      });
      expect(activity?.detail?.reasonCode?.[0]?.coding?.[0]?.code).toBe("recurrent-pain-flare-up-plan");
      expect(serviceRequests.map((r) => r.code?.coding?.[0]?.code)).not.toContain("flare-up-plan");
      // Plans made with a draft rule are drafts in FHIR too.
      expect(carePlan.status).toBe("draft");
    },
    300_000,
  );
});
