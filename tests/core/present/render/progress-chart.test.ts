/**
 * The progress chart as an SVG string: a mark per score, a line per series broken at a missing
 * value, the minimal-important-change band computed from each series' baseline (ODI ± 10, NPRS
 * ± 2, clipped to the scale), one marker per day the plan changed, every text escaped, nothing a
 * strict Content-Security-Policy would block, and the same string for the same series.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { episodeSeries } from "../../../../src/core/interop/fhir/intake/index.js";
import { progressChartSvg, type ProgressSeries } from "../../../../src/core/present/render/index.js";

// The plot's frame (progress-chart.ts): y 44 at the scale's top, 256 at 0; x 56 to 584, days 18 in.
const TOP = 44;
const BOTTOM = 256;
const yOdi = (value: number) => BOTTOM - (value / 100) * (BOTTOM - TOP);
const round = (value: number) => String(Math.round(value * 10) / 10);

const three: ProgressSeries = {
  points: [
    { date: "2026-01-05", odiPercent: 48, painIntensity: 7 },
    { date: "2026-02-16", odiPercent: 40, painIntensity: 6 },
    { date: "2026-03-30", odiPercent: 30, painIntensity: 3 },
  ],
  planChanges: [
    { date: "2026-01-05", carePlan: "CarePlan/1" },
    { date: "2026-02-16", carePlan: "CarePlan/2" },
  ],
};

/** Every match of `pattern` (global) in `svg`. */
const all = (svg: string, pattern: RegExp) => [...svg.matchAll(pattern)];
/** The opening tags of the marks of one series. */
const points = (svg: string, series: "odi" | "pain") =>
  all(svg, new RegExp(`<(circle|rect) data-role="point" data-series="${series}"[^>]*>`, "g")).map((m) => m[0]);
const attribute = (tag: string, name: string) => new RegExp(` ${name}="([^"]*)"`).exec(tag)?.[1];
/** The band's `<g>` of a series and the `<rect>` after it. */
function band(svg: string, series: "odi" | "pain") {
  const match = new RegExp(`<g data-role="mic-band" data-series="${series}"[^>]*>[\\s\\S]*?<rect [^>]*>`).exec(svg);
  if (match === null) return undefined;
  const [group = "", rect = ""] = [/^<g[^>]*>/.exec(match[0])?.[0], /<rect [^>]*>$/.exec(match[0])?.[0]];
  return {
    baseline: attribute(group, "data-baseline"),
    low: attribute(group, "data-low"),
    high: attribute(group, "data-high"),
    y: attribute(rect, "y"),
    height: attribute(rect, "height"),
  };
}
const lineOf = (svg: string, series: "odi" | "pain") =>
  new RegExp(`<path data-role="line" data-series="${series}" d="([^"]*)"`).exec(svg)?.[1];

describe("progressChartSvg", () => {
  it("draws a mark per score, a line per series and one marker per plan change, each labelled", () => {
    const svg = progressChartSvg(three);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 320"')).toBe(true);
    expect(svg.endsWith("</svg>")).toBe(true);
    expect(points(svg, "odi")).toHaveLength(3);
    expect(points(svg, "pain")).toHaveLength(3);
    expect(points(svg, "odi").map((tag) => attribute(tag, "data-value"))).toEqual(["48", "40", "30"]);
    expect(lineOf(svg, "odi")).toMatch(/^M[\d.]+ [\d.]+ L[\d.]+ [\d.]+ L[\d.]+ [\d.]+$/);
    expect(all(svg, /<g data-role="plan-change" data-date="([^"]*)">/g).map((m) => m[1])).toEqual([
      "2026-01-05",
      "2026-02-16",
    ]);
    expect(all(svg, />plan changed</g)).toHaveLength(2);
    expect(svg).toContain("<title>plan changed on 2026-02-16 (CarePlan/2)</title>");
    expect(svg).toContain("<title>2026-03-30: ODI 30 %</title>");
    expect(svg).toContain("<title>2026-03-30: Pain (NPRS) 3/10</title>");
    for (const date of ["2026-01-05", "2026-02-16", "2026-03-30"]) expect(svg).toContain(`>${date}</text>`);
    expect(svg).toContain(">ODI (%)</text>");
    expect(svg).toContain(">Pain intensity, NPRS (0–10)</text>");
  });

  it("places the days on one axis by date: first and last at the plot's edges, the middle in proportion", () => {
    const svg = progressChartSvg(three);
    const xs = points(svg, "odi").map((tag) => Number(attribute(tag, "cx")));
    expect(xs).toEqual([74, 320, 566]); // 56 + 18, halfway (42 of 84 days), 584 − 18
    expect(points(svg, "pain").map((tag) => Number(attribute(tag, "x")) + 4)).toEqual(xs);
    expect(points(svg, "odi").map((tag) => attribute(tag, "cy"))).toEqual([48, 40, 30].map((v) => round(yOdi(v))));
  });

  it("shades the minimal important change around each series' baseline: ODI ± 10, NPRS ± 2, on its own scale", () => {
    const svg = progressChartSvg(three);
    expect(band(svg, "odi")).toEqual({
      baseline: "48",
      low: "38",
      high: "58",
      y: round(yOdi(58)),
      height: round(yOdi(38) - yOdi(58)),
    });
    // NPRS 0–10 spans the same height as ODI 0–100: 7 ± 2 is drawn as 70 ± 20 would be.
    expect(band(svg, "pain")).toEqual({
      baseline: "7",
      low: "5",
      high: "9",
      y: round(yOdi(90)),
      height: round(yOdi(50) - yOdi(90)),
    });
    expect(svg).toContain(
      "<title>ODI minimal important change: 10 points either side of the baseline 48 % (2026-01-05)</title>",
    );
  });

  it("takes the baseline from the earliest day, whatever the input order, and a series' own first value", () => {
    const svg = progressChartSvg({
      points: [
        { date: "2026-03-30", odiPercent: 30, painIntensity: 3 },
        { date: "2026-01-05", painIntensity: 7 },
        { date: "2026-02-16", odiPercent: 40 },
      ],
      planChanges: [],
    });
    expect(band(svg, "odi")).toMatchObject({ baseline: "40", low: "30", high: "50" });
    expect(band(svg, "pain")).toMatchObject({ baseline: "7", low: "5", high: "9" });
  });

  it("clips a band to its scale: ODI 95 gives 85–100, NPRS 1 gives 0–3", () => {
    const svg = progressChartSvg({
      points: [{ date: "2026-01-05", odiPercent: 95, painIntensity: 1 }],
      planChanges: [],
    });
    expect(band(svg, "odi")).toMatchObject({ low: "85", high: "100", y: String(TOP), height: round(yOdi(85) - TOP) });
    expect(band(svg, "pain")).toMatchObject({ low: "0", high: "3", height: round(BOTTOM - yOdi(30)) });
  });

  it("breaks a series' line at a visit without its value, and leaves no mark there", () => {
    const svg = progressChartSvg({
      points: [
        { date: "2026-01-05", odiPercent: 48, painIntensity: 7 },
        { date: "2026-02-16", painIntensity: 6 },
        { date: "2026-03-30", odiPercent: 30, painIntensity: 3 },
      ],
      planChanges: [],
    });
    expect(points(svg, "odi")).toHaveLength(2);
    expect(points(svg, "pain")).toHaveLength(3);
    expect(lineOf(svg, "odi")).toMatch(/^M[\d.]+ [\d.]+ M[\d.]+ [\d.]+$/);
    expect(lineOf(svg, "pain")).toMatch(/^M\S+ \S+ L\S+ \S+ L\S+ \S+$/);
  });

  it("draws a series never recorded with no band, line or mark, and says so", () => {
    const svg = progressChartSvg({ points: [{ date: "2026-01-05", odiPercent: 48 }], planChanges: [] });
    expect(band(svg, "pain")).toBeUndefined();
    expect(lineOf(svg, "pain")).toBeUndefined();
    expect(points(svg, "pain")).toHaveLength(0);
    expect(svg).toContain("Pain (NPRS): not recorded.");
  });

  it("draws nothing but the frame and a note for no visits, and centres a lone day", () => {
    const empty = progressChartSvg({ points: [], planChanges: [] });
    expect(empty).toContain('data-role="empty">No ODI or pain intensity recorded</text>');
    expect(empty).toContain('<desc id="progress-chart-desc">No ODI or pain intensity recorded.</desc>');
    expect(empty).not.toMatch(/data-role="(point|line|mic-band|plan-change)"/);
    const one = progressChartSvg({
      points: [{ date: "2026-01-05", odiPercent: 48, painIntensity: 7 }],
      planChanges: [],
    });
    expect(points(one, "odi").map((tag) => attribute(tag, "cx"))).toEqual(["320"]);
    expect(lineOf(one, "odi")).toBe("M320 " + round(yOdi(48)));
    expect(band(one, "odi")).toMatchObject({ low: "38", high: "58" });
    const marker = progressChartSvg({ points: [], planChanges: [{ date: "2026-01-05" }] });
    expect(marker).toContain('<line x1="320" y1="44" x2="320" y2="256"');
    expect(marker).toContain("<title>plan changed on 2026-01-05</title>");
  });

  it("puts visits of one day at one x, in input order, with its date labelled once", () => {
    const svg = progressChartSvg({
      points: [
        { date: "2026-01-05", odiPercent: 48 },
        { date: "2026-02-16", odiPercent: 44 },
        { date: "2026-02-16", odiPercent: 42 },
      ],
      planChanges: [
        { date: "2026-02-16", carePlan: "CarePlan/b" },
        { date: "2026-02-16", carePlan: "CarePlan/a" },
      ],
    });
    const tags = points(svg, "odi");
    expect(tags.map((tag) => attribute(tag, "data-value"))).toEqual(["48", "44", "42"]);
    expect(attribute(tags[1] ?? "", "cx")).toBe(attribute(tags[2] ?? "", "cx"));
    expect(all(svg, />2026-02-16<\/text>/g)).toHaveLength(1);
    expect(all(svg, /data-role="plan-change"/g)).toHaveLength(1);
    expect(svg).toContain("<title>plan changed on 2026-02-16 (CarePlan/b, CarePlan/a)</title>");
  });

  it("labels at most eight dates, the first and the last always, for many visits", () => {
    const points20 = Array.from({ length: 20 }, (_, i) => ({
      date: `2026-01-${String(i + 1).padStart(2, "0")}`,
      odiPercent: 60 - i,
      painIntensity: 8 - (i % 3),
    }));
    const svg = progressChartSvg({ points: points20, planChanges: [] });
    expect(points(svg, "odi")).toHaveLength(20);
    const labels = all(svg, />(2026-\d\d-\d\d)<\/text>/g).map((m) => m[1]);
    expect(labels.length).toBeLessThanOrEqual(8);
    expect(labels[0]).toBe("2026-01-01");
    expect(labels.at(-1)).toBe("2026-01-20");
  });

  it("escapes every text it is given, and keeps ids to letters, digits, - and _", () => {
    const svg = progressChartSvg(
      {
        points: three.points,
        planChanges: [{ date: "2026-02-16", carePlan: `CarePlan/<img src=x onerror="alert(1)">&'` }],
      },
      { title: "</title><script>alert(1)</script>", idPrefix: 'x" onload="alert(1)' },
    );
    expect(svg).toContain(">&#60;/title&#62;&#60;script&#62;alert(1)&#60;/script&#62;</title>");
    expect(svg).toContain("CarePlan/&#60;img src=x onerror=&#34;alert(1)&#34;&#62;&#38;&#39;)</title>");
    expect(svg).toContain('aria-labelledby="x--onload--alert-1--title x--onload--alert-1--desc"');
    expect(svg).toContain('<title id="x--onload--alert-1--title">');
    expect(svg).not.toMatch(/<script|<img|\son\w+="/i);
  });

  it("holds nothing a strict CSP blocks: no script, handler, style attribute or external reference", () => {
    for (const svg of [progressChartSvg(three), progressChartSvg({ points: [], planChanges: [] })]) {
      expect(svg).not.toMatch(
        /<script|<style|<foreignObject|<image|<use|\son[a-z]+=|\sstyle=|href=|url\(|javascript:/i,
      );
      expect(svg).toContain('role="img" aria-labelledby="progress-chart-title progress-chart-desc"');
      expect(svg).toContain('<title id="progress-chart-title">ODI and pain intensity over the visits</title>');
    }
  });

  it("describes the chart in words: each series from its baseline to its latest value, and the plan changes", () => {
    expect(/<desc id="progress-chart-desc">([^<]*)<\/desc>/.exec(progressChartSvg(three))?.[1]).toBe(
      "3 visit day(s). ODI: baseline 48 % on 2026-01-05, latest 30 % on 2026-03-30 (3 values), band ±10 points. " +
        "Pain (NPRS): baseline 7/10 on 2026-01-05, latest 3/10 on 2026-03-30 (3 values), band ±2 points. " +
        "Plan changed on 2026-01-05, 2026-02-16.",
    );
  });

  it("gives the same string for the same series, whatever the order of distinct days", () => {
    const reversed = { points: [...three.points].reverse(), planChanges: [...three.planChanges].reverse() };
    expect(progressChartSvg(three)).toBe(progressChartSvg(three));
    expect(progressChartSvg(reversed)).toBe(progressChartSvg(three));
  });

  it("refuses a date that is not a day and a score outside its scale, naming it", () => {
    const at = (point: object) => () =>
      progressChartSvg({ points: [{ date: "2026-01-05", ...point }], planChanges: [] });
    expect(at({ date: "2026-02-30" })).toThrow(
      new RangeError('progress chart: the date "2026-02-30" is not a YYYY-MM-DD day'),
    );
    expect(at({ date: "2026-01-05T09:00:00Z" })).toThrow(RangeError);
    expect(at({ odiPercent: 101 })).toThrow("progress chart: ODI 101 on 2026-01-05 is not within 0–100");
    expect(at({ painIntensity: Number.NaN })).toThrow(
      "progress chart: Pain (NPRS) NaN on 2026-01-05 is not within 0–10",
    );
    expect(() => progressChartSvg({ points: [], planChanges: [{ date: "05/01/2026" }] })).toThrow(RangeError);
  });

  it("draws what episodeSeries reads from a record (its series is a ProgressSeries)", () => {
    const read = (path: string) =>
      JSON.parse(readFileSync(new URL(`../../../../${path}`, import.meta.url), "utf8")) as { entry: unknown[] };
    const record = read("examples/fhir/patient-bundle.json");
    record.entry.push(...read("tests/fixtures/progress-earlier-visits.json").entry);
    const series: ProgressSeries = episodeSeries(record, { assessedOn: "2025-11-03" });
    const svg = progressChartSvg(series);
    expect(points(svg, "odi").map((tag) => attribute(tag, "data-value"))).toEqual(["62", "58", "48.9"]);
    expect(points(svg, "pain").map((tag) => attribute(tag, "data-value"))).toEqual(["8", "8", "7"]);
    expect(band(svg, "pain")).toMatchObject({ baseline: "8", low: "6", high: "10" });
    expect(svg).toContain("<title>plan changed on 2025-09-22 (CarePlan/plan-2)</title>");
  });
});
