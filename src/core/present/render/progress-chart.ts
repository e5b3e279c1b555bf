/**
 * The progress chart of an episode: ODI and pain intensity (NPRS) over the visits, on one date
 * axis, each with its minimal-important-change band around the baseline (Ostelo 2008: ODI 10
 * points, NPRS 2 points) and the days the plan changed marked. An SVG string, drawn without
 * scripts: no `<script>`, no event handler, no `style` attribute (a strict `style-src` blocks
 * one), no external reference; colours are presentation attributes, every text is escaped.
 */

/** One visit's scores: its day and what was measured (either may be missing). */
export interface ProgressPoint {
  /** YYYY-MM-DD. */
  readonly date: string;
  /** ODI, 0–100 %. */
  readonly odiPercent?: number;
  /** NPRS, 0–10. */
  readonly painIntensity?: number;
}

/** A day the care plan changed, and the plan it changed to (e.g. `CarePlan/2`), when known. */
export interface ProgressPlanChange {
  readonly date: string;
  readonly carePlan?: string;
}

/**
 * What the chart draws: the visits' scores and the plan changes. `episodeSeries(bundle, {
 * assessedOn })` (fhir/intake/episode.ts) gives one from a patient's record.
 */
export interface ProgressSeries {
  readonly points: readonly ProgressPoint[];
  readonly planChanges: readonly ProgressPlanChange[];
}

export interface ProgressChartOptions {
  /** The chart's `<title>` (default "ODI and pain intensity over the visits"). */
  readonly title?: string;
  /**
   * Prefix of the ids the title and description get, unique in the page (default
   * "progress-chart"); characters other than letters, digits, `-` and `_` become `-`.
   */
  readonly idPrefix?: string;
}

/** A series as drawn: its key, field, scale, minimal important change and look. */
interface Scale {
  readonly key: "odi" | "pain";
  readonly label: string;
  readonly unit: string;
  readonly max: number;
  /** Minimal important change, in points either side of the baseline (Ostelo 2008). */
  readonly mic: number;
  readonly colour: string;
  readonly value: (point: ProgressPoint) => number | undefined;
}

const SCALES: readonly Scale[] = [
  { key: "odi", label: "ODI", unit: " %", max: 100, mic: 10, colour: "#2b6cb0", value: (p) => p.odiPercent },
  { key: "pain", label: "Pain (NPRS)", unit: "/10", max: 10, mic: 2, colour: "#c05621", value: (p) => p.painIntensity },
];

const WIDTH = 640;
const HEIGHT = 320;
const LEFT = 56;
const RIGHT = WIDTH - 56;
const TOP = 44;
const BOTTOM = HEIGHT - 64;
/** Room between the plot's edge and the first and last day. */
const INSET = 18;
/** At most this many date labels under the axis (first and last always). */
const DATE_LABELS = 8;
const FONT = 'font-family="system-ui, sans-serif"';
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `text` safe in XML content and in a double- or single-quoted attribute. */
function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);
}

/** A coordinate to one decimal, as text (the same number always gives the same text). */
const n = (value: number): string => String(Math.round(value * 10) / 10);

/** Days since 1970-01-01 of a YYYY-MM-DD day; a RangeError for anything else (2026-02-30 too). */
function dayNumber(date: string): number {
  const parts = DAY.exec(date);
  const [y, m, d] = parts === null ? [NaN, NaN, NaN] : [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const time = Date.UTC(y, m - 1, d);
  const back = new Date(Number.isNaN(time) ? 0 : time);
  if (parts === null || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`progress chart: the date ${JSON.stringify(date)} is not a YYYY-MM-DD day`);
  }
  return time / 86_400_000;
}

function checkValue(scale: Scale, point: ProgressPoint): void {
  const value = scale.value(point);
  if (value !== undefined && !(Number.isFinite(value) && value >= 0 && value <= scale.max)) {
    throw new RangeError(
      `progress chart: ${scale.label} ${String(value)} on ${point.date} is not within 0–${scale.max}`,
    );
  }
}

/** Its y coordinate: 0 at the plot's bottom, the scale's maximum at its top. */
const yOf = (scale: Scale, value: number): number => BOTTOM - (value / scale.max) * (BOTTOM - TOP);

/**
 * The chart as an SVG string (640 × 320, scalable by its viewBox). Visits are drawn in date order
 * (input order within a day); a series' baseline is its first value, its band the baseline ± its
 * minimal important change, clipped to the scale (ODI is lower when better, pain too: a point
 * below the band has improved by at least that much). A missing value breaks the series' line.
 * Plan changes on one day share one marker. The same series always gives the same string. Throws
 * a RangeError for a date that is not YYYY-MM-DD or a score outside its scale.
 * @example container.replaceChildren(new DOMParser().parseFromString(progressChartSvg(series), "image/svg+xml").documentElement)
 */
export function progressChartSvg(series: ProgressSeries, options: ProgressChartOptions = {}): string {
  const points = series.points
    .map((point, index) => ({ point, index, day: dayNumber(point.date) }))
    .sort((a, b) => a.day - b.day || a.index - b.index);
  for (const { point } of points) for (const scale of SCALES) checkValue(scale, point);
  const changes = new Map<string, string[]>();
  for (const change of [...series.planChanges].sort((a, b) => dayNumber(a.date) - dayNumber(b.date))) {
    const plans = changes.get(change.date) ?? [];
    if (change.carePlan !== undefined) plans.push(change.carePlan);
    changes.set(change.date, plans);
  }
  const days = [...points.map((p) => p.day), ...[...changes.keys()].map(dayNumber)];
  const first = Math.min(...days);
  const last = Math.max(...days);
  const xOf = (day: number): number =>
    last === first ? (LEFT + RIGHT) / 2 : LEFT + INSET + ((day - first) / (last - first)) * (RIGHT - LEFT - 2 * INSET);

  const prefix = (options.idPrefix ?? "progress-chart").replace(/[^A-Za-z0-9_-]/g, "-");
  const title = options.title ?? "ODI and pain intensity over the visits";
  const drawn = SCALES.map((scale) => ({
    scale,
    values: points.map(({ point, day }) => ({ date: point.date, x: xOf(day), value: scale.value(point) })),
  }));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(WIDTH)} ${n(HEIGHT)}" width="${n(WIDTH)}" height="${n(HEIGHT)}" role="img" aria-labelledby="${prefix}-title ${prefix}-desc" class="progress-chart">`,
    `<title id="${prefix}-title">${escapeXml(title)}</title>`,
    `<desc id="${prefix}-desc">${escapeXml(describe(drawn, [...changes.keys()]))}</desc>`,
    `<rect x="0" y="0" width="${n(WIDTH)}" height="${n(HEIGHT)}" fill="#ffffff"/>`,
    ...drawn.map(({ scale, values }) => band(scale, values)),
    axes(),
    dateLabels(points.map((p) => ({ date: p.point.date, x: xOf(p.day) }))),
    `<g data-role="plan-changes">`,
    ...[...changes].map(([date, plans]) => planMarker(date, plans, xOf(dayNumber(date)))),
    `</g>`,
    ...drawn.map(({ scale, values }) => line(scale, values)),
    ...drawn.map(({ scale, values }) => dots(scale, values)),
    legend(),
    points.length === 0
      ? `<text x="${n((LEFT + RIGHT) / 2)}" y="${n((TOP + BOTTOM) / 2)}" text-anchor="middle" font-size="14" ${FONT} fill="#555555" data-role="empty">No ODI or pain intensity recorded</text>`
      : "",
    `</svg>`,
  ]
    .filter((part) => part !== "")
    .join("\n");
}

type Values = readonly { readonly date: string; readonly x: number; readonly value: number | undefined }[];

/** The series' first value, the baseline its band is drawn around. */
const baselineOf = (values: Values) => values.find((v) => v.value !== undefined);

/** The shaded minimal-important-change band around the baseline, and the baseline itself, dashed. */
function band(scale: Scale, values: Values): string {
  const baseline = baselineOf(values);
  if (baseline?.value === undefined) return "";
  const low = Math.max(0, baseline.value - scale.mic);
  const high = Math.min(scale.max, baseline.value + scale.mic);
  const y = yOf(scale, baseline.value);
  const what = `${scale.label} minimal important change: ${scale.mic} points either side of the baseline ${n(baseline.value)}${scale.unit} (${baseline.date})`;
  return [
    `<g data-role="mic-band" data-series="${scale.key}" data-baseline="${n(baseline.value)}" data-low="${n(low)}" data-high="${n(high)}">`,
    `<title>${escapeXml(what)}</title>`,
    `<rect x="${n(LEFT)}" y="${n(yOf(scale, high))}" width="${n(RIGHT - LEFT)}" height="${n(yOf(scale, low) - yOf(scale, high))}" fill="${scale.colour}" fill-opacity="0.14"/>`,
    `<line x1="${n(LEFT)}" y1="${n(y)}" x2="${n(RIGHT)}" y2="${n(y)}" stroke="${scale.colour}" stroke-width="1" stroke-dasharray="6 4" stroke-opacity="0.7"/>`,
    `</g>`,
  ].join("\n");
}

/** The series' line: one path, broken where a visit has no value. */
function line(scale: Scale, values: Values): string {
  let d = "";
  let drawing = false;
  for (const { x, value } of values) {
    if (value === undefined) {
      drawing = false;
      continue;
    }
    d += `${d === "" ? "" : " "}${drawing ? "L" : "M"}${n(x)} ${n(yOf(scale, value))}`;
    drawing = true;
  }
  if (d === "") return "";
  return `<path data-role="line" data-series="${scale.key}" d="${d}" fill="none" stroke="${scale.colour}" stroke-width="2" stroke-linejoin="round"/>`;
}

/** A mark per value: circles for ODI, squares for pain (told apart without colour), each titled. */
function dots(scale: Scale, values: Values): string {
  const marks = values.flatMap(({ date, x, value }) => {
    if (value === undefined) return [];
    const y = yOf(scale, value);
    const label = `<title>${escapeXml(`${date}: ${scale.label} ${n(value)}${scale.unit}`)}</title>`;
    const data = `data-role="point" data-series="${scale.key}" data-date="${escapeXml(date)}" data-value="${n(value)}" fill="${scale.colour}" stroke="#ffffff" stroke-width="1"`;
    return scale.key === "odi"
      ? [`<circle ${data} cx="${n(x)}" cy="${n(y)}" r="4.5">${label}</circle>`]
      : [`<rect ${data} x="${n(x - 4)}" y="${n(y - 4)}" width="8" height="8">${label}</rect>`];
  });
  return marks.length === 0 ? "" : [`<g data-series="${scale.key}">`, ...marks, `</g>`].join("\n");
}

/** The plot's frame, ODI ticks on the left (0–100), NPRS on the right (0–10), and their titles. */
function axes(): string {
  const [odi, pain] = SCALES as [Scale, Scale];
  const ticks = [0, 1, 2, 3, 4, 5].flatMap((i) => {
    const y = n(yOf(odi, i * 20));
    return [
      `<line x1="${n(LEFT)}" y1="${y}" x2="${n(RIGHT)}" y2="${y}" stroke="#e2e2e2" stroke-width="1"/>`,
      `<text x="${n(LEFT - 6)}" y="${y}" dy="4" text-anchor="end" font-size="11" ${FONT} fill="${odi.colour}">${String(i * 20)}</text>`,
      `<text x="${n(RIGHT + 6)}" y="${y}" dy="4" text-anchor="start" font-size="11" ${FONT} fill="${pain.colour}">${String(i * 2)}</text>`,
    ];
  });
  const middle = n((TOP + BOTTOM) / 2);
  return [
    `<g data-role="axes">`,
    ...ticks,
    `<rect x="${n(LEFT)}" y="${n(TOP)}" width="${n(RIGHT - LEFT)}" height="${n(BOTTOM - TOP)}" fill="none" stroke="#888888" stroke-width="1"/>`,
    `<text x="16" y="${middle}" transform="rotate(-90 16 ${middle})" text-anchor="middle" font-size="12" ${FONT} fill="${odi.colour}">ODI (%)</text>`,
    `<text x="${n(WIDTH - 14)}" y="${middle}" transform="rotate(90 ${n(WIDTH - 14)} ${middle})" text-anchor="middle" font-size="12" ${FONT} fill="${pain.colour}">Pain intensity, NPRS (0–10)</text>`,
    `</g>`,
  ].join("\n");
}

/** The visits' days under the axis, slanted; at most DATE_LABELS of them, first and last always. */
function dateLabels(days: readonly { readonly date: string; readonly x: number }[]): string {
  const distinct = days.filter((d, i) => i === 0 || d.date !== days[i - 1]?.date);
  const step = Math.max(1, Math.ceil((distinct.length - 1) / (DATE_LABELS - 1)));
  const shown = distinct.filter((_, i) => i % step === 0 || i === distinct.length - 1);
  const y = n(BOTTOM + 14);
  return [
    `<g data-role="dates">`,
    ...shown.map(
      ({ date, x }) =>
        `<text x="${n(x)}" y="${y}" transform="rotate(-30 ${n(x)} ${y})" text-anchor="end" font-size="11" ${FONT} fill="#333333">${escapeXml(date)}</text>`,
    ),
    `</g>`,
  ].join("\n");
}

/** A dashed vertical line at a day the plan changed, labelled "plan changed" along it. */
function planMarker(date: string, plans: readonly string[], x: number): string {
  const what = `plan changed on ${date}${plans.length === 0 ? "" : ` (${plans.join(", ")})`}`;
  const top = n(TOP + 4);
  return [
    `<g data-role="plan-change" data-date="${escapeXml(date)}">`,
    `<title>${escapeXml(what)}</title>`,
    `<line x1="${n(x)}" y1="${n(TOP)}" x2="${n(x)}" y2="${n(BOTTOM)}" stroke="#444444" stroke-width="1.5" stroke-dasharray="3 3"/>`,
    `<text x="${n(x)}" y="${top}" dx="-4" dy="-4" transform="rotate(-90 ${n(x)} ${top})" text-anchor="end" font-size="11" ${FONT} fill="#444444">plan changed</text>`,
    `</g>`,
  ].join("\n");
}

/** What each mark means, above the plot. */
function legend(): string {
  const [odi, pain] = SCALES as [Scale, Scale];
  const text = (x: number, words: string) =>
    `<text x="${n(x)}" y="22" font-size="11" ${FONT} fill="#333333">${escapeXml(words)}</text>`;
  return [
    `<g data-role="legend">`,
    `<circle cx="${n(LEFT + 4)}" cy="18" r="4.5" fill="${odi.colour}"/>`,
    text(LEFT + 13, "ODI %"),
    `<rect x="${n(LEFT + 70)}" y="14" width="8" height="8" fill="${pain.colour}"/>`,
    text(LEFT + 83, "Pain (NPRS)"),
    `<rect x="${n(LEFT + 170)}" y="13" width="18" height="10" fill="#888888" fill-opacity="0.3"/>`,
    text(LEFT + 193, "minimal important change from baseline (ODI ±10, NPRS ±2)"),
    `</g>`,
  ].join("\n");
}

/** The chart in words, for screen readers: each series from its baseline to its latest value. */
function describe(drawn: readonly { readonly scale: Scale; readonly values: Values }[], changes: readonly string[]) {
  const visits = new Set(drawn[0]?.values.map((v) => v.date) ?? []);
  if (visits.size === 0) return "No ODI or pain intensity recorded.";
  const sentences = drawn.map(({ scale, values }) => {
    const measured = values.filter((v) => v.value !== undefined);
    const [base, latest] = [measured[0], measured[measured.length - 1]];
    if (base?.value === undefined || latest?.value === undefined) return `${scale.label}: not recorded.`;
    const from = `${scale.label}: baseline ${n(base.value)}${scale.unit} on ${base.date}`;
    const band = `band ±${scale.mic} points`;
    return measured.length === 1
      ? `${from}, ${band}.`
      : `${from}, latest ${n(latest.value)}${scale.unit} on ${latest.date} (${String(measured.length)} values), ${band}.`;
  });
  const plan = changes.length === 0 ? "" : ` Plan changed on ${changes.join(", ")}.`;
  return `${String(visits.size)} visit day(s). ${sentences.join(" ")}${plan}`;
}
