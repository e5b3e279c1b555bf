/**
 * How long a browser page takes from its first script line to its first plan, with the bundle
 * (dist/browser/backplan.js as `npm run bundle:browser` makes it) and the bundled pack's pack.json,
 * in headless Chromium (/usr/bin/chromium, driven by playwright-core).
 *
 * Each load is a fresh browser context (empty HTTP and code caches, as a first visit), served from
 * 127.0.0.1 with `no-store`. The page's one module script takes `performance.now()` as it starts,
 * then times its parts in the page:
 *
 *   import   `import("./backplan.js")`: fetching, compiling and running the bundle
 *   fetch    pack.json's text fetched
 *   load     `rulesetFromJsonText` (parse, schema check, semantic checks, compile)
 *   plan     `createEngine` and the first `recommend` (examples/chronic-high-risk.yaml)
 *   cpu      the page's main-thread CPU time from navigation to the first plan (Chromium's
 *            ThreadTime metric): on a loaded machine a page waits for a core, and this counts
 *            only the work, so it varies far less from load to load than the times above
 *
 * With `--against FILE`, a second bundle (say, one built before a change) is loaded in the same
 * run, alternating load by load with this one, and the report adds the per-load ratio (this / that,
 * loads paired in order): machines here are noisy, so compare side by side, never across runs.
 * With `--bundle FILE`, that file is measured instead of a fresh bundle (an unminified one reads
 * better in a profile).
 * With `--profile FILE`, one more load is recorded as a Chromium CPU profile (open it in Chrome's
 * DevTools, Performance panel, or https://www.speedscope.app).
 *
 *   npx tsx benchmarks/browser-start.bench.ts                  # 15 loads
 *   npx tsx benchmarks/browser-start.bench.ts 30 --against /tmp/before.js --profile /tmp/start.cpuprofile
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { parse } from "yaml";
import { bundleBrowser } from "../src/build/bundle-browser.js";
import { compileRuleset, packJsonText } from "../src/core/index.js";
import { readRuleFiles } from "../src/node/index.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const loads = Number(process.argv.find((arg, i) => i > 1 && /^\d+$/.test(arg)) ?? 15);
const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const against = option("--against");
const given = option("--bundle");
const profileFile = option("--profile");

const PARTS = ["import", "fetch", "load", "plan"] as const;
const ROWS = ["total", ...PARTS, "cpu"] as const;
type Timings = Record<(typeof ROWS)[number], number>;

const bundle = await bundleBrowser();
// pack.json as `backplan bundle` writes it.
const pack = packJsonText(compileRuleset(await readRuleFiles(`${ROOT}rules`)));
const assessment = parse(readFileSync(`${ROOT}examples/chronic-high-risk.yaml`, "utf8")) as unknown;

/**
 * The page's one script: times its parts and resolves `window.timings` with them (or the failure).
 * A promise the bench awaits, rather than a value it polls for: Playwright's polling
 * (`waitForFunction`) runs its own script in the page, 10-20 ms of main-thread CPU on each load.
 */
const START = `
const at = [performance.now()];
let finish;
window.timings = new Promise((resolve) => { finish = resolve; });
try {
  const backplan = await import(new URLSearchParams(location.search).get("bundle"));
  at.push(performance.now());
  const text = await (await fetch("/pack.json")).text();
  at.push(performance.now());
  // A bundle from before rulesetFromJsonText (--against) parses the text itself.
  const loaded = backplan.rulesetFromJsonText?.(text) ?? backplan.rulesetFromJson(JSON.parse(text));
  at.push(performance.now());
  if (!loaded.ok) throw new Error(loaded.issues.map(backplan.formatIssue).join("; "));
  const plan = backplan.createEngine(loaded.value).recommend(${JSON.stringify(assessment)});
  at.push(performance.now());
  if (plan.components.length === 0) throw new Error("an empty plan");
  finish({ import: at[1] - at[0], fetch: at[2] - at[1], load: at[3] - at[2], plan: at[4] - at[3], total: at[4] - at[0] });
} catch (error) {
  finish({ error: String(error) });
}
`;

const files = new Map<string, string>([
  ["/", '<!doctype html><title>start</title><script type="module" src="/start.js"></script>'],
  ["/start.js", START],
  ["/pack.json", pack],
  ["/this.js", given === undefined ? bundle.code : readFileSync(given, "utf8")],
  ...(against === undefined ? [] : [["/that.js", readFileSync(against, "utf8")] as [string, string]]),
]);
const server = createServer((request, response) => {
  const path = new URL(request.url ?? "/", "http://localhost").pathname;
  const body = files.get(path);
  const type = path.endsWith(".js") ? "text/javascript" : path.endsWith(".json") ? "application/json" : "text/html";
  response.writeHead(body === undefined ? 404 : 200, { "content-type": type, "cache-control": "no-store" });
  response.end(body ?? "not found");
});
await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
const origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;

/** One first visit in a fresh context; with `profile`, its CPU profile is written there. */
async function load(browser: Browser, which: string, profile?: string): Promise<Timings> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    /** The renderer's main-thread CPU time so far, in ms. */
    const mainThreadCpu = async (): Promise<number> => {
      const { metrics } = await cdp.send("Performance.getMetrics");
      return (metrics.find((metric) => metric.name === "ThreadTime")?.value ?? Number.NaN) * 1000;
    };
    if (profile !== undefined) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
      await cdp.send("Profiler.start");
    }
    const before = await mainThreadCpu();
    await page.goto(`${origin}/?bundle=/${which}.js`);
    // The module script has started by the load event `goto` waits for, so the promise is there.
    const timings = await page.evaluate<Omit<Timings, "cpu"> & { error?: string }>("window.timings");
    const cpu = (await mainThreadCpu()) - before;
    if (profile !== undefined) {
      const { profile: recorded } = await cdp.send("Profiler.stop");
      writeFileSync(profile, JSON.stringify(recorded));
    }
    if (timings.error !== undefined) throw new Error(`${which}.js: ${timings.error}`);
    return { ...timings, cpu };
  } finally {
    await context.close();
  }
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
function report(name: string, runs: readonly Timings[]): void {
  const line = (part: keyof Timings) => {
    const xs = runs.map((run) => run[part]);
    return `  ${part.padEnd(7)} min ${ms(Math.min(...xs)).padStart(9)}  median ${ms(median(xs)).padStart(9)}`;
  };
  console.log(`${name}:`);
  for (const part of ROWS) console.log(line(part));
}

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
try {
  const sides = against === undefined ? ["this"] : ["this", "that"];
  // One unmeasured load per side, so the browser process itself is warm for both.
  for (const side of sides) await load(browser, side);
  const runs = new Map<string, Timings[]>(sides.map((side) => [side, []]));
  for (let i = 0; i < loads; i++) {
    const order = i % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) runs.get(side)?.push(await load(browser, side));
  }
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(
    `bundle: ${kb(bundle.minifiedBytes)} minified, ${kb(bundle.gzippedBytes)} gzipped; pack.json ${kb(pack.length)}; ` +
      `${String(loads)} loads per bundle`,
  );
  report("this bundle", runs.get("this") ?? []);
  if (against !== undefined) {
    report(`against ${against}`, runs.get("that") ?? []);
    const mine = runs.get("this") ?? [];
    const theirs = runs.get("that") ?? [];
    for (const part of ROWS) {
      const ratios = mine.map((run, i) => run[part] / (theirs[i]?.[part] ?? Number.NaN)).sort((a, b) => a - b);
      console.log(
        `${part}, this / that per load: min ${(ratios[0] ?? 0).toFixed(2)}  median ${median(ratios).toFixed(2)}  ` +
          `max ${(ratios.at(-1) ?? 0).toFixed(2)}`,
      );
    }
  }
  if (profileFile !== undefined) {
    await load(browser, "this", profileFile);
    console.log(`CPU profile of one more load: ${profileFile}`);
  }
} finally {
  await browser.close();
  server.close();
}
