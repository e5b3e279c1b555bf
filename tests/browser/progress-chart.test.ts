/**
 * The EHR plugin's progress chart in headless Chromium, served by `backplan plugin`'s own server
 * under its Content-Security-Policy: the example Bundle with two earlier visits added
 * (tests/fixtures/progress-earlier-visits.json: ODI and pain Observations and a backplan CarePlan
 * on each day) shows ODI and pain at three visits, each series' minimal-important-change band
 * around its first value, and a "plan changed" marker per CarePlan; the SVG holds no script,
 * handler or style attribute, and nothing is blocked or logged. Skipped without Chromium, as
 * csp.test.ts is.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleBrowser } from "../../src/build/bundle-browser.js";
import { PLUGIN_CSP, pluginSite, startPluginServer, type PluginServer } from "../../src/cli/commands/plugin.js";
import { compileRuleset } from "../../src/core/index.js";
import { episodeSeries } from "../../src/core/interop/fhir/intake/index.js";
import { packToJson } from "../../src/core/load/pack-json/index.js";
import { bundledFiles } from "../properties/bundled-pack.js";

const CHROMIUM = "/usr/bin/chromium";
const missing = !existsSync(CHROMIUM);
const skip = missing && process.env["CI"] === undefined;
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

interface Bundle {
  resourceType: "Bundle";
  entry: { fullUrl?: string; resource: { resourceType: string; id?: string } }[];
}
const read = async (path: string) => JSON.parse(await readFile(join(ROOT, path), "utf8")) as Bundle;
const example = await read("examples/fhir/patient-bundle.json");
const earlier = await read("tests/fixtures/progress-earlier-visits.json");
/** The example patient's record with the two earlier visits: 2025-08-11, 2025-09-22 and the example's 2025-11-03. */
const visits: Bundle = { ...example, entry: [...example.entry, ...earlier.entry] };

/** CSP violations, recorded from before the page's first script (an init script is not under the policy). */
const RECORD_VIOLATIONS = `
  window.cspViolations = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(event.effectiveDirective + " " + event.blockedURI);
  });
`;

/** What the page's chart holds, read in the page (a string: the tests' TypeScript has no DOM types). */
const READ_CHART = `(() => {
  const svg = document.querySelector("#progress-chart > svg");
  if (svg === null) return null;
  const all = [svg, ...svg.querySelectorAll("*")];
  const band = (series) => {
    const g = svg.querySelector('[data-role="mic-band"][data-series="' + series + '"]');
    const rect = g?.querySelector("rect")?.getBBox();
    return g === null ? null : { baseline: g.dataset.baseline, low: g.dataset.low, high: g.dataset.high, height: rect?.height ?? 0 };
  };
  return {
    namespace: svg.namespaceURI,
    title: svg.querySelector("title")?.textContent,
    labelledBy: svg.getAttribute("aria-labelledby"),
    odi: [...svg.querySelectorAll('[data-role="point"][data-series="odi"]')].map((p) => p.dataset.date + " " + p.dataset.value),
    pain: [...svg.querySelectorAll('[data-role="point"][data-series="pain"]')].map((p) => p.dataset.date + " " + p.dataset.value),
    bands: { odi: band("odi"), pain: band("pain") },
    markers: [...svg.querySelectorAll('[data-role="plan-change"]')].map((g) => g.dataset.date + " " + g.querySelector("text")?.textContent),
    scripts: svg.querySelectorAll("script").length,
    handlers: all.flatMap((e) => [...e.attributes].map((a) => a.name)).filter((name) => /^on|^style$|href$/i.test(name)),
    width: svg.getBoundingClientRect().width,
  };
})()`;

interface Chart {
  namespace: string;
  title: string;
  labelledBy: string;
  odi: string[];
  pain: string[];
  bands: Record<"odi" | "pain", { baseline: string; low: string; high: string; height: number } | null>;
  markers: string[];
  scripts: number;
  handlers: string[];
  width: number;
}

const title = skip
  ? `the plugin's progress chart: SKIPPED, no Chromium at ${CHROMIUM} (in CI this fails)`
  : "the EHR plugin's progress chart under the plugin's CSP, in headless Chromium";

describe.skipIf(skip)(title, () => {
  let browser: Browser | undefined;
  let server: PluginServer | undefined;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    if (missing) throw new Error(`Chromium is missing at ${CHROMIUM}: CI must install it`);
    const bundle = await bundleBrowser();
    const pack = JSON.stringify(packToJson(compileRuleset(bundledFiles)));
    const site = await pluginSite({ bundle: bundle.code, pack, example: JSON.stringify(visits) });
    server = await startPluginServer(site, "127.0.0.1", 0);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    await page.addInitScript(RECORD_VIOLATIONS);
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const chart = () => page.evaluate<Chart | null>(READ_CHART);

  it("shows ODI and pain at the three visits, the bands around the first values, and the plan changes", async () => {
    const response = await page.goto(`${server?.origin ?? ""}/`);
    expect(response?.headers()["content-security-policy"]).toBe(PLUGIN_CSP);
    await page.waitForSelector("body[data-state=planned]", { timeout: 30_000 });
    expect(await page.inputValue("#assessed-on")).toBe("2025-11-03");
    expect(await page.locator("#progress").isVisible()).toBe(true);
    const series = episodeSeries(visits, { assessedOn: "2025-11-03" });
    expect(series.points.map((point) => point.date)).toEqual(["2025-08-11", "2025-09-22", "2025-11-03"]);
    const found = await chart();
    expect(found).toMatchObject({
      namespace: "http://www.w3.org/2000/svg",
      title: "ODI and pain intensity over the visits",
      labelledBy: "progress-title progress-desc",
      odi: ["2025-08-11 62", "2025-09-22 58", "2025-11-03 48.9"],
      pain: ["2025-08-11 8", "2025-09-22 8", "2025-11-03 7"],
      markers: ["2025-08-11 plan changed", "2025-09-22 plan changed"],
      scripts: 0,
      handlers: [],
    });
    // ODI 62 ± 10; NPRS 8 ± 2, clipped at 10: both drawn (the rectangles have a height).
    expect(found?.bands.odi).toMatchObject({ baseline: "62", low: "52", high: "72" });
    expect(found?.bands.pain).toMatchObject({ baseline: "8", low: "6", high: "10" });
    expect(found?.bands.odi?.height).toBeGreaterThan(30);
    expect(found?.bands.pain?.height).toBeGreaterThan(15);
    expect(found?.width).toBeGreaterThan(300);
    expect(await page.locator("#progress-caption").textContent()).toContain(
      "3 visit days, 2025-08-11 to 2025-11-03; the plan changed on 2025-08-11 (CarePlan/plan-1), " +
        "2025-09-22 (CarePlan/plan-2), dashed lines.",
    );
    const shot = await page.locator("#progress-chart").screenshot();
    expect(shot.length).toBeGreaterThan(5_000);
  });

  it("leaves out what comes after a visit date typed earlier, and hides the chart for one visit day", async () => {
    await page.fill("#assessed-on", "2025-09-22");
    await page.click("button[type=submit]");
    await page.waitForFunction(`document.querySelectorAll('#progress-chart [data-role="point"]').length === 4`);
    expect((await chart())?.odi).toEqual(["2025-08-11 62", "2025-09-22 58"]);
    await page.fill("#assessed-on", "");
    await page.fill("#input", JSON.stringify(example));
    await page.click("button[type=submit]");
    await page.waitForSelector("body[data-state=planned]");
    expect(await page.locator("#progress").isVisible()).toBe(false);
    expect(await chart()).toBeNull();
  });

  it("clears the chart when the input is not JSON", async () => {
    await page.fill("#input", JSON.stringify(visits));
    await page.click("button[type=submit]");
    await page.waitForSelector("#progress-chart > svg");
    await page.fill("#input", "{ not json");
    await page.click("button[type=submit]");
    await page.waitForSelector("body[data-state=refused]");
    expect(await page.locator("#progress").isVisible()).toBe(false);
    expect(await chart()).toBeNull();
  });

  it("met no CSP violation and no console error", async () => {
    expect(await page.evaluate("window.cspViolations")).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it("would have the same chart blocked as a data: image, which is why the page parses it as SVG", async () => {
    const loaded = await page.evaluate<boolean>(`new Promise((done) => {
      const image = new Image();
      image.onload = () => done(true);
      image.onerror = () => done(false);
      image.src = "data:image/svg+xml," + encodeURIComponent(new XMLSerializer().serializeToString(document.querySelector("svg") ?? document.createElementNS("http://www.w3.org/2000/svg", "svg")));
    })`);
    expect(loaded).toBe(false);
    expect(await page.evaluate("window.cspViolations")).toEqual(["img-src data"]);
  });
});
