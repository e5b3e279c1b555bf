import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SANDBOX_ORIGIN } from "../../src/serve/app.js";
import { runMain } from "../cli/run-main.js";
import { SERVICE_PATH, clientKeys, exampleResources, hookRequest, post, prefetchOf, token } from "./fixtures.js";
import { startServe, type ServeProcess } from "./serve-process.js";

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

/** `startServe`, with the process killed after the test if it is still running. */
async function serve(args: readonly string[]): Promise<ServeProcess> {
  const started = await startServe(args);
  children.push(started.child);
  return started;
}

function exit(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => {
    child.once("exit", (code) => {
      done(code);
    });
  });
}

describe("backplan serve", () => {
  it("refuses to start without --jwks or --insecure-no-auth", async () => {
    const run = await runMain(["serve"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatchInlineSnapshot(`
      "backplan serve: give --jwks FILE|URL (the CDS clients' keys), or --insecure-no-auth for local testing; run "backplan serve --help"
      "
    `);
  });

  it("refuses --insecure-no-auth on a host other machines can reach", async () => {
    const run = await runMain(["serve", "--insecure-no-auth", "--host", "0.0.0.0"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatchInlineSnapshot(`
      "backplan serve: --insecure-no-auth is only allowed on a loopback host (127.0.0.1, ::1, localhost); found "0.0.0.0"; run "backplan serve --help"
      "
    `);
  });

  it("refuses a --replay-store that is not a redis URL, and --workers that is not 1 or more", async () => {
    const store = await runMain(["serve", "--insecure-no-auth", "--replay-store", "http://user:secret@cache:6379"]);
    expect(store.code).toBe(2);
    expect(store.stderr).toMatchInlineSnapshot(`
      "backplan serve: --replay-store must be a redis://HOST[:PORT][/DB] or rediss:// URL; found "http://user:***@cache:6379"; run "backplan serve --help"
      "
    `);
    const workers = await runMain(["serve", "--insecure-no-auth", "--workers", "0"]);
    expect(workers.code).toBe(2);
    expect(workers.stderr).toMatchInlineSnapshot(`
      "backplan serve: --workers must be an integer from 1 to 256, or auto; found "0"; run "backplan serve --help"
      "
    `);
  });

  it("exits 2 at startup when the --replay-store cannot be reached, naming it without its password", async () => {
    const folder = mkdtempSync(join(tmpdir(), "backplan-serve-cli-"));
    writeFileSync(join(folder, "jwks.json"), JSON.stringify((await clientKeys()).jwks));
    const { freePort } = await import("./redis-server.js");
    const port = await freePort();
    const run = await runMain([
      "serve",
      "--jwks",
      join(folder, "jwks.json"),
      "--port",
      "0",
      "--replay-store",
      `redis://backplan:secret@127.0.0.1:${port}`,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `backplan serve: cannot reach the replay store redis://127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}\n`,
    );
  }, 30_000);

  it("refuses a JWKS file that is not a key set", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "backplan-jwks-")), "jwks.json");
    writeFileSync(file, "[]");
    const run = await runMain(["serve", "--jwks", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`expected a JSON Web Key Set ({"keys": [...]}); found no "keys" array`);
  });

  it("serves with keys from a JWKS file, records feedback, and stops on SIGTERM", async () => {
    const folder = mkdtempSync(join(tmpdir(), "backplan-serve-cli-"));
    const keys = await clientKeys();
    writeFileSync(join(folder, "jwks.json"), JSON.stringify(keys.jwks));
    const feedback = join(folder, "feedback.jsonl");
    const { child, origin } = await serve(["--jwks", join(folder, "jwks.json"), "--feedback", feedback]);
    const url = origin + SERVICE_PATH;
    const response = await post(url, hookRequest(prefetchOf(exampleResources())), await token(keys, url));
    expect(response.status).toBe(200);
    const { cards } = (await response.json()) as { cards: { uuid: string; source: { label: string } }[] };
    expect(cards[0]?.source.label).toBe("backplan-lbp 1.0.0");
    const note = {
      feedback: [{ card: cards[0]?.uuid, outcome: "overridden", outcomeTimestamp: "2025-11-03T10:05:00Z" }],
    };
    expect((await post(`${url}/feedback`, note, await token(keys, `${url}/feedback`))).status).toBe(200);
    expect(readFileSync(feedback, "utf8")).toContain(`"card":"${cards[0]?.uuid ?? ""}"`);
    expect((await post(url, hookRequest(prefetchOf(exampleResources())))).status).toBe(401);
    const exited = exit(child);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 30_000);

  it("says in --help that --cors-origin replaces the sandbox origin, and does so over HTTP", async () => {
    const help = await runMain(["serve", "--help"]);
    expect(help.stdout.replace(/\s+/g, " ")).toContain(
      "--cors-origin replaces it with the origins given, so the sandbox is refused unless listed among them.",
    );
    const { child, origin } = await serve([
      "--insecure-no-auth",
      "--feedback",
      join(tmpdir(), "unused.jsonl"),
      "--cors-origin",
      "https://ehr.example.org",
    ]);
    const preflight = (from: string): Promise<Response> =>
      fetch(origin + SERVICE_PATH, {
        method: "OPTIONS",
        headers: { Origin: from, "Access-Control-Request-Method": "POST" },
      });
    const allowed = (response: Response): string | null => response.headers.get("Access-Control-Allow-Origin");
    expect(allowed(await preflight("https://ehr.example.org"))).toBe("https://ehr.example.org");
    expect(allowed(await preflight(SANDBOX_ORIGIN))).toBeNull();
    const exited = exit(child);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 30_000);

  it("warns on stderr with --insecure-no-auth and stops on SIGINT", async () => {
    const started = await serve(["--insecure-no-auth", "--feedback", join(tmpdir(), "unused.jsonl")]);
    const { child, origin } = started;
    expect((await fetch(`${origin}/cds-services`)).status).toBe(200);
    expect(started.stderr()).toContain("WARNING: --insecure-no-auth");
    const exited = exit(child);
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  }, 30_000);
});
