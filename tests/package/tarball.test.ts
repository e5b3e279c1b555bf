/**
 * The package as a backend developer gets it: `npm pack`, installed from the tarball into a fresh
 * project, then the README's "The library" examples, copied verbatim from README.md, typechecked
 * (TypeScript's nodenext, strict) and run, the ESM one and the CommonJS one. `npm test` builds
 * first; alone, run `npm run build` before this file. Dependencies come from npm's cache when it
 * holds them (`--prefer-offline`), else from the registry.
 */
import { execFile } from "node:child_process";
import { readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { tempFolder } from "../node/temp-dir.js";
import { ROOT } from "../cli/run-main.js";

const NPM_TIMEOUT = 300_000;

interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], cwd: string): Promise<Ran> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        cwd,
        timeout: NPM_TIMEOUT,
        maxBuffer: 16 * 1024 * 1024,
        env: { ...process.env, npm_config_update_notifier: "false" },
      },
      (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== "number")
          reject(
            new Error(`could not run ${command} ${args.join(" ")}: ${error.message}\n${stderr}`, { cause: error }),
          );
        else resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
      },
    );
  });
}

async function succeed(command: string, args: readonly string[], cwd: string): Promise<string> {
  const ran = await run(command, args, cwd);
  if (ran.code !== 0) throw new Error(`${command} ${args.join(" ")} exited ${ran.code}:\n${ran.stderr}${ran.stdout}`);
  return ran.stdout;
}

/** The fenced code blocks of the README's "The library" section, in order, with their language. */
function libraryExamples(readme: string): { lang: string; code: string }[] {
  const section = /^## The library\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? "";
  return [...section.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map(([, lang = "", code = ""]) => ({ lang, code }));
}

const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
let project = "";
let tarballFiles: string[] = [];
let esm = "";
let cjs = "";

beforeAll(async () => {
  const packed = await tempFolder();
  const [{ filename, files }] = JSON.parse(
    await succeed(NPM, ["pack", "--json", "--pack-destination", packed], ROOT),
  ) as [{ filename: string; files: { path: string }[] }];
  tarballFiles = files.map((f) => f.path);

  project = await tempFolder({ "package.json": JSON.stringify({ name: "consumer", private: true, type: "module" }) });
  await succeed(
    NPM,
    [
      "install",
      join(packed, filename),
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      "--ignore-scripts",
      "--omit=dev",
    ],
    project,
  );

  const examples = libraryExamples(await readFile(join(ROOT, "README.md"), "utf8"));
  esm = examples.find((e) => e.lang === "ts")?.code ?? "";
  cjs = examples.find((e) => e.lang === "js")?.code ?? "";
  await writeFile(join(project, "service.mts"), esm);
  await writeFile(join(project, "service.cjs"), cjs);
  // The ESM example is TypeScript: run what the compiler makes of it.
  await writeFile(
    join(project, "service.mjs"),
    ts.transpileModule(esm, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } })
      .outputText,
  );
}, NPM_TIMEOUT * 2);

describe("the packed tarball", () => {
  it("carries dist, schemas and the bundled rules, not the scenario tests nor the sources", () => {
    expect(tarballFiles).toContain("dist/node/index.js");
    expect(tarballFiles).toContain("dist/core/generated/validators.js");
    expect(tarballFiles).toContain("rules/pack.yaml");
    expect(tarballFiles).toContain("schemas/assessment.schema.json");
    expect(
      tarballFiles.filter((f) => f.startsWith("rules/tests/") || f.startsWith("src/") || f.startsWith("tests/")),
    ).toEqual([]);
  });

  it("installs without ajv or lodash, and nothing in it imports them", async () => {
    const installed = await readdir(join(project, "node_modules"));
    expect(installed).not.toContain("ajv");
    expect(installed).not.toContain("lodash");
    const manifest = JSON.parse(await readFile(join(project, "node_modules/backplan/package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies)).not.toEqual(expect.arrayContaining(["ajv"]));
    expect(Object.keys(manifest.dependencies)).not.toEqual(expect.arrayContaining(["lodash"]));
  });
});

describe("the README's library examples, from the installed package", () => {
  it("has an ESM example in TypeScript and a CommonJS one", () => {
    expect(esm).toContain('from "backplan/node"');
    expect(cjs).toContain('require("backplan/node")');
  });

  it("typechecks both (strict, nodenext)", async () => {
    const config = {
      compilerOptions: {
        module: "nodenext",
        target: "es2022",
        strict: true,
        noEmit: true,
        allowJs: true,
        checkJs: true,
        skipLibCheck: false,
        types: ["node"],
        typeRoots: [join(ROOT, "node_modules/@types")],
      },
      files: ["service.mts", "service.cjs"],
    };
    await writeFile(join(project, "tsconfig.json"), JSON.stringify(config));
    const tsc = await run(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "."], project);
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.code).toBe(0);
  });

  it("runs the ESM example: a plan, then a 422 for an invalid request body", async () => {
    const ran = await run(process.execPath, ["service.mjs"], project);
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/^Care plan .*\(profile acp-2017; rules backplan-lbp /m);
    expect(ran.stdout.split("\n").filter((line) => /^(400|422) /.test(line))).toEqual([
      expect.stringMatching(/^422 pain: /),
    ]);
  });

  it("runs the CommonJS example with require()", async () => {
    const ran = await run(process.execPath, ["service.cjs"], project);
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/^Care plan .*\(profile nice-ng59; rules backplan-lbp /m);
  });
});
