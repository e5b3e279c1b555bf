/**
 * The bundled pack's HTML rulebook in headless Chromium (Debian's `chromium`, driven by
 * playwright-core): it shows, its contents navigate, its links are right, and nothing errs.
 * Without Chromium the test is skipped on a developer's machine and fails in CI (`CI` set).
 */
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileRuleset } from "../../src/core/index.js";
import { buildRulebook, renderRulebookHtml } from "../../src/authoring/rulebook/index.js";
import { bundledFiles } from "../properties/bundled-pack.js";
import { tempFolder } from "../node/temp-dir.js";

const CHROMIUM = "/usr/bin/chromium";
const INSTALL = "apt-get update && apt-get install -y chromium";
const missing = !existsSync(CHROMIUM);
const skip = missing && process.env["CI"] === undefined;

const title = skip
  ? `the HTML rulebook in headless Chromium: SKIPPED, no Chromium at ${CHROMIUM} (install: ${INSTALL}; in CI this fails)`
  : "the HTML rulebook in headless Chromium";

describe.skipIf(skip)(title, () => {
  let browser: Browser | undefined;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    if (missing) throw new Error(`Chromium is missing at ${CHROMIUM}: CI must install it (${INSTALL})`);
    const file = join(await tempFolder(), "rulebook.html");
    const ruleset = compileRuleset(bundledFiles);
    await writeFile(file, renderRulebookHtml(buildRulebook(ruleset, { files: bundledFiles })));
    // Root in a container has no user namespace for Chromium's sandbox.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(pathToFileURL(file).href);
    // Compiling, running every scenario and starting Chromium can outlast the 10 s default on a busy machine.
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("shows the title and a rule's plain-language sentence", async () => {
    expect(await page.title()).toMatch(/^Rulebook: backplan-lbp \d/);
    await expect(page.locator("h1").textContent()).resolves.toMatch(/^Rulebook: backplan-lbp /);
    const sentence = page.locator("#rule-depression-moderate-or-worse .sentence");
    expect(await sentence.isVisible()).toBe(true);
    expect(await sentence.textContent()).toMatch(/^When PHQ-9 total ≥ 10: add “Mental health referral”/);
  });

  it("navigates from the table of contents to the rule", async () => {
    await page.locator('nav#contents a[href="#rule-fear-avoidance"]').click();
    expect(new URL(page.url()).hash).toBe("#rule-fear-avoidance");
    const box = await page.locator("#rule-fear-avoidance").boundingBox(); // relative to the viewport
    expect(Math.abs(box?.y ?? Infinity)).toBeLessThan(5);
  });

  it("links a DOI to doi.org", async () => {
    const link = page.locator('#evidence-kroenke-2001 a[href^="https://doi.org/"]');
    expect(await link.getAttribute("href")).toBe("https://doi.org/10.1046/j.1525-1497.2001.016009606.x");
    expect(await link.textContent()).toBe("doi:10.1046/j.1525-1497.2001.016009606.x");
  });

  it("prints without the contents, and logs no error", async () => {
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("nav#contents").isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });
    expect(errors).toEqual([]);
  });
});
