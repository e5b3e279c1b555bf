import { describe, expect, it } from "vitest";
import { buildRulebook, renderRulebookHtml } from "../../../src/authoring/rulebook/index.js";
import { escapeHtml } from "../../../src/authoring/rulebook/html-text.js";
import { smallPack, smallPackFiles } from "./small-pack.js";

const html = renderRulebookHtml(
  buildRulebook(smallPack({ failing: true }), { files: smallPackFiles({ failing: true }) }),
);

/** The `<article>` with this id. */
function article(id: string): string {
  const start = html.indexOf(`<article class="rule" id="${id}">`);
  return html.slice(start, html.indexOf("</article>", start) + "</article>".length);
}

describe("escapeHtml", () => {
  it("escapes what could open a tag, an entity or an attribute", () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;",
    );
  });
});

describe("renderRulebookHtml", () => {
  it("shows a title holding <script> as text: the page has no script at all", () => {
    expect(html).toContain("<h4>&lt;script&gt;alert(1)&lt;/script&gt; emergency</h4>");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("<p>A *tiny* pack for &lt;b&gt;tests&lt;/b&gt;.</p>");
  });

  it("is one self-contained file: inline style, no external resources, links to anchors or the web only", () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">/);
    expect(html).not.toMatch(/\bsrc=|<link|@import|url\(|<img|<iframe|<object/i);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1] ?? "");
    expect(hrefs.filter((href) => !/^(#[a-z0-9-]+|https:\/\/\S+)$/.test(href))).toEqual([]);
    expect(hrefs).toContain("https://doi.org/10.1002/%28SICI%291097-4571");
    expect(html).toContain("@media print");
  });

  it("has a table of contents whose every anchor exists, and unique ids", () => {
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets.filter((t) => !ids.includes(t))).toEqual([]);
    expect(html).toContain('<nav id="contents" aria-label="Contents">');
    expect(html).toContain('<a href="#rule-exercise-persistent">Persistent pain</a>');
  });

  it("lays a rule out: sentence, facts, actions with slots, evidence, tests", () => {
    expect(article("rule-acupuncture-acp")).toMatchInlineSnapshot(`
      "<article class="rule" id="rule-acupuncture-acp">
      <h4>Acupuncture under ACP</h4>
      <p class="sentence">When the profile is acp and treatments the patient asks for include acupuncture: add “Acupuncture”.</p>
      <p class="facts"><span>Priority: 400</span> <span>Status: active</span> <span>Owner: not recorded</span> <span>Reviewed: not recorded</span> <span>Review due: not recorded</span> <span>Profiles: never under nice</span> <span>Source: <code>exercise.yaml:16</code></span><span>Id: <code>acupuncture-acp</code></span></p>
      <p class="label">Adds</p><ul class="plain"><li><a href="#component-acupuncture">Acupuncture</a>: Requested</li></ul>
      <p class="label">Evidence</p><ul class="plain"><li>A guideline. <a href="https://example.org/guideline">https://example.org/guideline</a> (<a href="#evidence-guideline">guideline</a>). Certainty: guideline.</li></ul>
      <p class="label">Tests</p><p><span class="never">Never fired in a scenario test.</span> Comparisons seen both true and false: 0 of 2; no numeric thresholds.</p><ul class="plain"><li><span class="untested">Untested: the profile is acp: never true in a scenario</span></li><li><span class="untested">Untested: treatments the patient asks for include acupuncture: never decided (its answer was missing in every scenario)</span></li></ul>
      </article>"
    `);
    expect(article("rule-exercise-persistent")).toContain(
      '<span class="slot">⟨pain duration⟩</span> weeks at age <span class="slot">⟨age⟩</span>',
    );
  });

  it("marks failed scenarios and shows what differed", () => {
    expect(html).toContain(
      '<td>a | failing &lt;scenario&gt;<ul class="plain"><li>components must include exercise; found (none)</li></ul></td><td><code>tests/basic.yaml:9</code></td><td><span class="outcome-failed">failed</span></td>',
    );
  });

  it("is byte-identical for the same pack in another file order", () => {
    const again = renderRulebookHtml(
      buildRulebook(smallPack({ failing: true, reversed: true }), {
        files: smallPackFiles({ failing: true, reversed: true }),
      }),
    );
    expect(again).toBe(html);
  });
});
