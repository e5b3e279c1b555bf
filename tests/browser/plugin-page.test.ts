/**
 * The EHR plugin example as a person meets it, served by `backplan plugin`'s own server
 * (startPluginServer) to headless Chromium: the CSP header on every response; patient, age and
 * visit date in the header; the visit date taken from the Bundle, not today; a refusal's reason
 * first and staleness warnings one line per resource; a message instead of a blank page from
 * file:// or when the engine does not load. Each state is screenshotted (under a temp folder, or
 * PLUGIN_SCREENSHOTS) and the pictures checked: their size, and colours the state must (and must
 * not) show, counted by Chromium itself from the PNG. Skipped without Chromium, as csp.test.ts is.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleBrowser } from "../../src/build/bundle-browser.js";
import {
  PLUGIN_CSP,
  pluginSite,
  startPluginServer,
  type PluginFile,
  type PluginServer,
} from "../../src/cli/commands/plugin.js";
import { compileRuleset, createEngine } from "../../src/core/index.js";
import { bundleToAssessment } from "../../src/core/interop/fhir/intake/index.js";
import { packToJson } from "../../src/core/load/pack-json/index.js";
import { bundledFiles } from "../properties/bundled-pack.js";

const CHROMIUM = "/usr/bin/chromium";
const missing = !existsSync(CHROMIUM);
const skip = missing && process.env["CI"] === undefined;
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const VIEWPORT = { width: 1000, height: 760 };

interface Resource {
  resourceType: string;
  id?: string;
  [key: string]: unknown;
}
interface ExampleBundle {
  resourceType: "Bundle";
  timestamp?: string;
  entry: { fullUrl?: string; resource: Resource }[];
}

const exampleText = await readFile(join(ROOT, "examples/fhir/patient-bundle.json"), "utf8");
const example = (): ExampleBundle => JSON.parse(exampleText) as ExampleBundle;
const ruleset = compileRuleset(bundledFiles);

/**
 * `rgb` pixels (each channel within 12) in a PNG, counted by Chromium on `blank` (about:blank: the
 * plugin's policy would block the PNG as a `data:` image).
 */
async function countColour(blank: Page, png: Buffer, rgb: readonly [number, number, number]): Promise<number> {
  const script = `(async ([data, [r, g, b]]) => {
    const image = new Image();
    image.src = "data:image/png;base64," + data;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    let count = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (Math.abs(pixels[i] - r) <= 12 && Math.abs(pixels[i + 1] - g) <= 12 && Math.abs(pixels[i + 2] - b) <= 12) count++;
    }
    return count;
  })`;
  return blank.evaluate(`${script}(${JSON.stringify([png.toString("base64"), rgb])})`);
}

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

// The page's colours (style.css): the notice's background, the refusal red, the plan card's border.
const NOTICE = [0xff, 0xf8, 0xe1] as const;
const RED = [0xa4, 0x00, 0x00] as const;
const CARD_BLUE = [0x2b, 0x6c, 0xb0] as const;

const title = skip
  ? `the EHR plugin page: SKIPPED, no Chromium at ${CHROMIUM} (in CI this fails)`
  : "the EHR plugin page as a person meets it, in headless Chromium";

describe.skipIf(skip)(title, () => {
  let browser: Browser | undefined;
  let server: PluginServer | undefined;
  let site: ReadonlyMap<string, PluginFile>;
  let page: Page;
  let blank: Page;
  let shots = "";
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    if (missing) throw new Error(`Chromium is missing at ${CHROMIUM}: CI must install it`);
    const bundle = await bundleBrowser();
    site = await pluginSite({ bundle: bundle.code, pack: JSON.stringify(packToJson(ruleset)), example: exampleText });
    server = await startPluginServer(site, "127.0.0.1", 0);
    shots = process.env["PLUGIN_SCREENSHOTS"] ?? (await mkdtemp(join(tmpdir(), "backplan-plugin-")));
    await mkdir(shots, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    page = await browser.newPage({ viewport: VIEWPORT });
    blank = await browser.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A screenshot of the viewport, saved as `name`.png, checked to be a picture of it. */
  async function screenshot(name: string): Promise<Buffer> {
    const png = await page.screenshot({ path: join(shots, `${name}.png`) });
    expect(pngSize(png)).toEqual(VIEWPORT);
    expect(png.length).toBeGreaterThan(10_000);
    return png;
  }

  /** Puts `input` in the page's form, as JSON, submits it and waits for the page to settle. */
  async function submit(input: unknown): Promise<void> {
    await page.fill("#input", JSON.stringify(input));
    await page.click("button[type=submit]");
    await page.waitForSelector("body:not([data-state=loading])");
  }

  const header = async () => ({
    patient: await page.locator("#context-patient").textContent(),
    age: await page.locator("#context-age").textContent(),
    visit: await page.locator("#context-visit").textContent(),
  });

  it("serves every file under the strict Content-Security-Policy, GET and HEAD only", async () => {
    const origin = server?.origin ?? "";
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const paths = ["/", "/plugin.js", "/bundle-view.js", "/file-notice.js", "/style.css", "/backplan.js", "/pack.json"];
    for (const path of [...paths, "/example.json", "/nothing-here"]) {
      const response = await fetch(`${origin}${path}`);
      expect([path, response.headers.get("content-security-policy")]).toEqual([path, PLUGIN_CSP]);
      expect(response.status).toBe(path === "/nothing-here" ? 404 : 200);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    }
    expect((await fetch(`${origin}/backplan.js`)).headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect((await fetch(`${origin}/`, { method: "POST" })).status).toBe(405);
    expect(PLUGIN_CSP).toMatch(/^default-src 'none'; script-src 'self'; /);
  });

  it("opens on the example Bundle as of its own visit, naming the patient, age and visit date", async () => {
    const response = await page.goto(`${server?.origin ?? ""}/`);
    expect(response?.headers()["content-security-policy"]).toBe(PLUGIN_CSP);
    await page.waitForSelector("body[data-state=planned]", { timeout: 30_000 });
    // The example's results are of 2025-11-03: the visit date is that day, not today's.
    const intake = bundleToAssessment(example(), { assessedOn: "2025-11-03" });
    if (!intake.ok) throw new Error("the example Bundle does not load on its own visit date");
    const plan = createEngine(ruleset).recommend(intake.value.assessment);
    expect(await header()).toEqual({ patient: "Patient/pat-1 (female)", age: "52", visit: "2025-11-03" });
    expect(await page.inputValue("#assessed-on")).toBe("2025-11-03");
    expect(await page.locator("#visit-source").textContent()).toBe(
      "from the Bundle: the latest result, QuestionnaireResponse/phq9-response",
    );
    expect(await page.locator("#status").textContent()).toBe(`Status: ${plan.status}`);
    expect(await page.locator("#components article").count()).toBe(plan.components.length);
    expect(await page.locator("#intake").isVisible()).toBe(false);
    const png = await screenshot("1-planned");
    expect(await countColour(blank, png, CARD_BLUE)).toBeGreaterThan(500);
    expect(await countColour(blank, png, NOTICE)).toBe(0);
  });

  it("on a visit date long after the record: the reason first, then one staleness line per resource", async () => {
    await page.fill("#assessed-on", "2026-12-07");
    await submit(example());
    await page.waitForSelector("body[data-state=refused]");
    const refused = bundleToAssessment(example(), { assessedOn: "2026-12-07" });
    if (refused.ok) throw new Error("the example Bundle is expected to be refused on 2026-12-07");
    expect(await header()).toEqual({ patient: "Patient/pat-1 (female)", age: "53", visit: "2026-12-07" });
    expect(await page.locator("#visit-source").textContent()).toBe("as entered (empty it to take the Bundle's)");
    expect(await page.locator("#status").textContent()).toBe("No plan: the input was refused");
    expect(await page.locator("#problems li").allTextContents()).toEqual([
      "pain: required, and the Bundle's latest, QuestionnaireResponse/backplan-response of 2025-11-03, is more than 28 days " +
        "before the visit date, so it was left out; it comes from an answer to backplan's assessment Questionnaire, " +
        "linkId pain.durationWeeks (how long the pain has lasted), or an active low back pain Condition with its onset",
    ]);
    const stale = refused.issues.filter((issue) => issue.code === "fhir/stale-result");
    expect(stale.length).toBeGreaterThan(40);
    const lines = await page.locator("#intake-warnings li").allTextContents();
    expect(lines).toEqual([
      "QuestionnaireResponse/phq9-response (2025-11-03): older than 28 days, asked again (PHQ-9)",
      "Observation/gad7-item-1 (2025-11-03): older than 28 days, asked again (GAD-7)",
      "Observation/start-back (2025-11-03): older than 28 days, asked again (STarT Back)",
      "Observation/pain (2025-11-03): older than 28 days, asked again (pain.intensity)",
      "Observation/height (2025-11-03): older than 365 days, asked again (BMI, height and weight)",
      "Observation/smoking (2025-11-03): older than 365 days, asked again (smoking status)",
      "Observation/pregnancy (2025-11-03): older than 28 days, asked again (patient.pregnant)",
      `QuestionnaireResponse/backplan-response (2025-11-03): older than 28 days, asked again (${String(stale.length - 7)} fields: pain.durationWeeks, pain.legPain, pain.onset, …)`,
    ]);
    // The reason is above the warnings on screen, and no plan of before is left.
    const reasonBox = await page.locator("#problems li").first().boundingBox();
    const warningsBox = await page.locator("#intake").boundingBox();
    expect(reasonBox?.y ?? Infinity).toBeLessThan(warningsBox?.y ?? -Infinity);
    expect(await page.locator("#components article").count()).toBe(0);
    const png = await screenshot("2-refused-stale");
    expect(await countColour(blank, png, RED)).toBeGreaterThan(200);
    // No plan card: the blue is the header's rule alone (2 px across the page's width).
    expect(await countColour(blank, png, CARD_BLUE)).toBeLessThan(2_500);
  });

  it("takes the visit date from an Encounter when the Bundle has one, once the typed date is cleared", async () => {
    await page.fill("#assessed-on", "");
    const bundle = example();
    const encounter: Resource = {
      resourceType: "Encounter",
      id: "visit-1",
      status: "finished",
      class: { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "AMB" },
      subject: { reference: "Patient/pat-1" },
      period: { start: "2025-11-05T08:00:00+01:00" },
    };
    bundle.entry.push({ resource: encounter });
    await submit(bundle);
    await page.waitForSelector("body[data-state=planned]");
    expect(await header()).toEqual({ patient: "Patient/pat-1 (female)", age: "52", visit: "2025-11-05" });
    expect(await page.locator("#visit-source").textContent()).toBe("from the Bundle: Encounter/visit-1");
  });

  it("names the patient from Patient.name, and says when an assessment has no identity", async () => {
    const bundle = example();
    const patient = bundle.entry[0]?.resource;
    if (patient?.resourceType !== "Patient") throw new Error("the example's first entry is not its Patient");
    patient["name"] = [{ use: "official", given: ["Ana", "María"], family: "López" }];
    await submit(bundle);
    await page.waitForSelector("body[data-state=planned]");
    expect((await header()).patient).toBe("Ana María López (Patient/pat-1, female)");
    const png = await screenshot("3-named");
    expect(pngSize(png)).toEqual(VIEWPORT);

    const assessment = { assessedOn: "2026-01-10", patient: { age: 47 }, pain: { durationWeeks: 3 } };
    await submit(assessment);
    expect(await header()).toEqual({ patient: "an assessment (no patient identity)", age: "47", visit: "2026-01-10" });
  });

  it("met no CSP violation or console error while served", () => {
    expect(consoleErrors).toEqual([]);
  });

  it("says how to serve the page when opened from file://, instead of staying blank", async () => {
    const opened = await browser?.newPage({ viewport: VIEWPORT });
    if (opened === undefined) throw new Error("no browser");
    page = opened;
    await page.goto(`file://${join(ROOT, "examples/ehr-plugin/index.html")}`);
    await page.waitForSelector("body[data-state=file]");
    expect(await page.locator("#file-notice").isVisible()).toBe(true);
    expect(await page.locator("#file-notice h2").textContent()).toBe("Serve this page over HTTP to use it");
    expect(await page.locator("#file-notice pre").textContent()).toBe(
      "npm run build && npm run bundle:browser && node dist/cli/bin.js plugin",
    );
    expect(await page.locator("#form").isVisible()).toBe(false);
    const png = await screenshot("4-file-protocol");
    expect(await countColour(blank, png, NOTICE)).toBeGreaterThan(20_000);
  });

  it("says the engine did not load when backplan.js is missing, instead of loading forever", async () => {
    const broken = await startPluginServer(
      new Map([...site].filter(([path]) => path !== "/backplan.js")),
      "127.0.0.1",
      0,
    );
    try {
      await page.goto(`${broken.origin}/`);
      await page.waitForSelector("body[data-state=failed]");
      expect(await page.locator("#load-notice").isVisible()).toBe(true);
      expect(await page.locator("#load-notice h2").textContent()).toBe("The page's script did not load");
      const png = await screenshot("5-engine-missing");
      expect(await countColour(blank, png, NOTICE)).toBeGreaterThan(10_000);
    } finally {
      await broken.close();
    }
  });

  it("says the rule pack was refused when pack.json is not a pack, with the pack's problems", async () => {
    const badPack = new Map(site);
    badPack.set("/pack.json", { type: "application/json; charset=utf-8", body: JSON.stringify({ format: "nope" }) });
    const broken = await startPluginServer(badPack, "127.0.0.1", 0);
    try {
      await page.goto(`${broken.origin}/`);
      await page.waitForSelector("body[data-state=failed]");
      expect(await page.locator("#status").textContent()).toBe("No plan: the rule pack (pack.json) was refused");
      expect(await page.locator("#problems li").count()).toBeGreaterThan(0);
    } finally {
      await broken.close();
    }
  });

  it("wrote its screenshots", async () => {
    const names = ["1-planned", "2-refused-stale", "3-named", "4-file-protocol", "5-engine-missing"];
    for (const name of names) expect(pngSize(await readFile(join(shots, `${name}.png`)))).toEqual(VIEWPORT);
    await writeFile(join(shots, "README.txt"), `screenshots of tests/browser/plugin-page.test.ts\n`);
  });
});
