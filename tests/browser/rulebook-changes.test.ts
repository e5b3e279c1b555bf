/**
 * The rulebook's change section in headless Chromium (Debian's `chromium`, driven by
 * playwright-core), for the worked threshold edit (PHQ-9 ≥ 10 raised to ≥ 12, title and reasons
 * to match) against the bundled pack, with the default cohort (10,000, seed 1): it comes first,
 * shows the before/after rows and the sign-off row, fits the page, and is screenshotted to
 * `$RULEBOOK_CHANGES_SCREENSHOT` (default: `backplan-rulebook-changes.png` in the temporary
 * folder; examples/rulebook-changes.png was made this way). Without Chromium the test is skipped
 * on a developer's machine and fails in CI (`CI` set).
 */
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileRuleset } from "../../src/core/index.js";
import { buildRulebook, renderRulebookHtml } from "../../src/authoring/rulebook/index.js";
import { WORKED_EDITS, WORKED_RULE } from "../authoring/rulebook/worked-edit.js";
import { tempFolder } from "../node/temp-dir.js";
import { bundledFiles } from "../properties/bundled-pack.js";

const CHROMIUM = "/usr/bin/chromium";
const INSTALL = "apt-get update && apt-get install -y chromium";
const missing = !existsSync(CHROMIUM);
const skip = missing && process.env["CI"] === undefined;
const SCREENSHOT = resolve(
  process.env["RULEBOOK_CHANGES_SCREENSHOT"] ?? join(tmpdir(), "backplan-rulebook-changes.png"),
);

const title = skip
  ? `the rulebook's change section in headless Chromium: SKIPPED, no Chromium at ${CHROMIUM} (install: ${INSTALL}; in CI this fails)`
  : "the rulebook's change section in headless Chromium";

/** The bundled pack's files with the worked edit made. */
function editedFiles() {
  return bundledFiles.map((file) => {
    if (file.path !== "psychological.yaml") return file;
    let text = file.text;
    for (const [before, after] of WORKED_EDITS) {
      expect(text.split(before)).toHaveLength(2);
      text = text.replace(before, after);
    }
    return { ...file, text };
  });
}

describe.skipIf(skip)(title, () => {
  let browser: Browser | undefined;
  let page: Page;
  const errors: string[] = [];

  /** An expression evaluated in the page (a string: the tests' TypeScript has no DOM types). */
  const inPage = <T>(expression: string) => page.evaluate<T>(expression);
  /** The text of each cell of each row that `selector` finds. */
  const cellsOf = (selector: string) =>
    `[...document.querySelectorAll(${JSON.stringify(selector)})].map((tr) => [...tr.children].map((cell) => cell.textContent))`;

  beforeAll(async () => {
    if (missing) throw new Error(`Chromium is missing at ${CHROMIUM}: CI must install it (${INSTALL})`);
    const file = join(await tempFolder(), "rulebook.html");
    const files = editedFiles();
    const book = buildRulebook(compileRuleset(files), {
      files,
      base: compileRuleset(bundledFiles),
      cohort: { size: 10_000, seed: 1 },
    });
    await writeFile(file, renderRulebookHtml(book));
    // Root in a container has no user namespace for Chromium's sandbox.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(pathToFileURL(file).href);
    // Planning 10,000 assessments twice, running every scenario and starting Chromium take a while on a busy machine.
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("shows the change section first, under its title with the signed-off version and digest", async () => {
    const section = page.locator("#changes");
    expect(await section.isVisible()).toBe(true);
    await expect(section.locator("h2").textContent()).resolves.toMatch(
      /^Changes since 1\.0\.0, digest sha256:[0-9a-f]{12}$/,
    );
    const order = await inPage<string[]>(
      `[...document.querySelectorAll("main > section")].slice(0, 2).map((s) => s.id)`,
    );
    expect(order).toEqual(["changes", "how-to-read"]);
    const box = await section.boundingBox();
    expect(box?.width).toBeGreaterThan(600);
    expect(box?.height).toBeGreaterThan(300);
  });

  it("lists the one changed rule with its before/after rows and its figures on the cohort", async () => {
    const change = page.locator(`#change-${WORKED_RULE}`);
    expect(await page.locator("#changes article.change").count()).toBe(1);
    expect(await change.locator(".impact").textContent()).toMatch(
      /^On the cohort: fires in [\d,]+ → [\d,]+ of 10,000 plans; its outcome changes in [\d,]+ plans\.$/,
    );
    const rows = await inPage<string[][]>(cellsOf(`#change-${WORKED_RULE} table.before-after tbody tr`));
    expect(rows.map((cells) => cells.slice(0, 1))).toEqual([
      ["Title"],
      ["Condition"],
      ["Reason for “Mental health referral”"],
      ["Reason for “Psychologically informed physiotherapy”"],
    ]);
    expect(rows[1]).toEqual(["Condition", "PHQ-9 total ≥ 10", "PHQ-9 total ≥ 12"]);
    // Before and after are told apart by colour as well as by column.
    const colours = await inPage<string[]>(
      `[...document.querySelectorAll("#change-${WORKED_RULE} tbody tr:nth-child(2) td")].map((td) => getComputedStyle(td).backgroundColor)`,
    );
    expect(new Set(colours).size).toBe(2);
  });

  it("has a sign-off row to fill in for the change", async () => {
    const cells = await inPage<string[][]>(cellsOf("#changes-sign-off table tbody tr"));
    expect(cells).toEqual([[`PHQ-9 ≥ 12 (moderate or worse depression) ${WORKED_RULE}`, "Changed", "", "", "", ""]]);
    const heights = await inPage<number[]>(
      `[...document.querySelectorAll("#changes-sign-off tbody td")].map((td) => td.getBoundingClientRect().height)`,
    );
    for (const height of heights) expect(height).toBeGreaterThan(30); // room to write in
  });

  it("fits the page width, wide and narrow, and is saved as a screenshot", async () => {
    for (const width of [1100, 600]) {
      await page.setViewportSize({ width, height: 900 });
      // The rest of the book is not this test's business: the section and all it holds stay in the viewport.
      const outside = await inPage<string[]>(`(() => {
        const section = document.querySelector("#changes");
        const right = document.documentElement.clientWidth + 0.5;
        return [section, ...section.querySelectorAll("*")]
          .filter((e) => e.getBoundingClientRect().right > right || e.scrollWidth > e.clientWidth + 1)
          .map((e) => e.tagName + (e.className === "" ? "" : "." + e.className));
      })()`);
      expect(outside, `at ${width} px`).toEqual([]);
    }
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.locator("#changes").screenshot({ path: SCREENSHOT });
    console.log(`rulebook change section screenshot: ${SCREENSHOT}`);
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it("prints the section on the first page, and logs no error", async () => {
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("#changes").isVisible()).toBe(true);
    const breaks = await inPage<string>(`getComputedStyle(document.querySelector("#changes h2")).breakBefore`);
    expect(breaks).toBe("auto");
    await page.emulateMedia({ media: "screen" });
    expect(errors).toEqual([]);
  });
});
