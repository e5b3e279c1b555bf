/* global document, fetch, DOMParser */
// backplan in an EHR page: pack.json and the bundled engine in, a plan with its reasons, evidence,
// withheld components and data gaps out. Runs under `script-src 'self'`: no inline script, no
// eval, and every value reaches the page as text (never as HTML).
import * as backplan from "./backplan.js";
import { bundleVisitDate, issueLine, patientContext, warningLines } from "./bundle-view.js";

const byId = (id) => document.getElementById(id);

/** An element holding `children` (strings become text nodes, so nothing is parsed as HTML). */
function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

const fetchJson = async (url) => JSON.parse(await fetchText(url));

const isBundle = (data) => data !== null && typeof data === "object" && data.resourceType === "Bundle";

/**
 * The visit date for a Bundle: the one the user typed, else the Bundle's own (an Encounter's, else
 * its latest result's, else Bundle.timestamp; never today's, which would leave every result of an
 * older record out as too old). The field shows which, and where it came from.
 */
function visitDateFor(data) {
  const field = byId("assessed-on");
  if (field.dataset.origin === "user" && field.value !== "") return field.value;
  const found = isBundle(data) ? bundleVisitDate(data) : undefined;
  field.value = found?.day ?? "";
  field.dataset.origin = found === undefined ? "" : "bundle";
  byId("visit-source").replaceChildren(found === undefined ? "" : `from the Bundle: ${found.source}`);
  return field.value;
}

/**
 * The assessment in the input: a FHIR Bundle goes through the intake when this build has it, on
 * the visit date. The intake's warnings (data it left out: a Questionnaire missing from the
 * Bundle, a result too old for the visit date, a resource of another subject or status) come
 * along, so the page can say why a field is a data gap, or why the Bundle was refused.
 */
function assessmentOf(data, assessedOn) {
  if (!isBundle(data)) return { ok: true, value: data, warnings: [] };
  if (typeof backplan.bundleToAssessment !== "function") {
    return { ok: false, issues: [{ path: "", message: "this build of backplan has no FHIR intake" }] };
  }
  const intake = backplan.bundleToAssessment(data, assessedOn === "" ? {} : { assessedOn });
  return intake.ok ? { ok: true, value: intake.value.assessment, warnings: intake.warnings } : intake;
}

/** Patient, age and visit date in the page's header; "–" for what is not known. */
function showContext(data, visitDay, age) {
  const context = data === undefined ? { patient: undefined, age: undefined } : patientContext(data, visitDay, age);
  byId("context-patient").replaceChildren(context.patient ?? "–");
  byId("context-age").replaceChildren(context.age === undefined ? "–" : String(context.age));
  byId("context-visit").replaceChildren(visitDay === undefined || visitDay === "" ? "–" : visitDay);
}

/** The reasons first: a refusal's errors (or a plan's warnings), in FHIR terms for a Bundle. */
function showProblems(issues, data, warnings = []) {
  byId("problems").replaceChildren(
    ...issues.map((issue) => element("li", {}, issueLine(issue, data, backplan.formatIssue, warnings))),
  );
}

/** What the intake left out of the Bundle, one line per resource (hidden when there is nothing). */
function showIntakeWarnings(warnings, data) {
  byId("intake").hidden = warnings.length === 0;
  byId("intake-warnings").replaceChildren(
    ...warningLines(warnings, data, backplan.formatIssue).map((line) => element("li", { "data-code": line.code }, line.text)),
  );
}

/** Empties every part of a plan, so a refused input never leaves the previous patient's plan on screen. */
function clearPlan() {
  for (const id of ["status", "stamp", "problems", "components", "withheld", "gaps"]) byId(id).replaceChildren();
  delete byId("status").dataset.status;
  showIntakeWarnings([]);
  showProgress(undefined, "");
}

/**
 * The record's ODI and pain over the visits up to the visit date, with each series' minimal
 * important change band and the days backplan's CarePlans began, once the Bundle has scores from
 * two days or more (one day shows no progress). The library draws the chart as an SVG string
 * without script, handler or style attribute; it is parsed as SVG (never as HTML) and put in the
 * page as elements, which `default-src 'none'` allows where an `<img src="data:…">` is blocked.
 */
function showProgress(data, visitDay) {
  const section = byId("progress");
  const canDraw = typeof backplan.episodeSeries === "function" && typeof backplan.progressChartSvg === "function";
  const series = isBundle(data) && canDraw ? backplan.episodeSeries(data, visitDay === "" ? {} : { assessedOn: visitDay }) : undefined;
  section.hidden = series === undefined || series.points.length < 2;
  byId("progress-chart").replaceChildren();
  byId("progress-caption").replaceChildren();
  if (section.hidden) return;
  let svg;
  try {
    const parsed = new DOMParser().parseFromString(backplan.progressChartSvg(series, { idPrefix: "progress" }), "image/svg+xml");
    if (parsed.documentElement.localName !== "svg" || parsed.getElementsByTagName("parsererror").length > 0) {
      throw new Error("the chart is not well-formed SVG");
    }
    svg = document.importNode(parsed.documentElement, true);
  } catch (error) {
    byId("progress-caption").replaceChildren(`The progress chart could not be drawn: ${error.message}`);
    return;
  }
  byId("progress-chart").replaceChildren(svg);
  byId("progress-caption").replaceChildren(progressCaption(series));
}

/** What the chart shows, in words: the days, the plan changes, and how to read the bands. */
function progressCaption({ points, planChanges }) {
  const days = `${points.length} visit days, ${points[0].date} to ${points[points.length - 1].date}`;
  const plans = planChanges.length === 0
    ? "no backplan care plan in the record"
    : `the plan changed on ${planChanges.map((change) => `${change.date} (${change.carePlan})`).join(", ")}, dashed lines`;
  return (
    `ODI (circles, left axis) and pain intensity, NPRS (squares, right axis): ${days}; ${plans}. ` +
    "Shaded: the minimal important change around each first value (ODI ±10 points, NPRS ±2; Ostelo 2008). " +
    "A value below its band has improved by at least that much; above it, worsened."
  );
}

/**
 * A refusal: no plan, the reasons first, then what the intake left out (which may be why). `why`
 * heads it: the input was refused, or the page could not start (its pack or example not loaded).
 */
function showRefusal(issues, data, why = "No plan: the input was refused") {
  const warnings = issues.filter((issue) => issue.severity === "warning");
  byId("status").replaceChildren(why);
  byId("status").dataset.status = "refused";
  showProblems(
    issues.filter((issue) => issue.severity !== "warning"),
    data,
    warnings,
  );
  showIntakeWarnings(warnings, data);
  document.body.dataset.state = "refused";
}

function showPlan(plan) {
  byId("status").replaceChildren(`Status: ${plan.status}`);
  byId("status").dataset.status = plan.status;
  const { name, version, digest } = plan.ruleset;
  byId("stamp").replaceChildren(`${name} ${version} (${digest.slice(0, 19)}…), profile ${plan.profile}`);
  byId("components").replaceChildren(
    ...plan.components.map((component) =>
      element(
        "article",
        { class: `component ${component.category}`, "data-id": component.id },
        element("h3", {}, component.title, " ", element("span", { class: "category" }, component.category)),
        ...(component.details.urgency === undefined
          ? []
          : [element("p", { class: "urgency" }, `Urgency: ${component.details.urgency}`)]),
        element(
          "ul",
          { class: "reasons" },
          ...component.reasons.map((reason) => element("li", { "data-rule": reason.rule }, reason.text)),
        ),
        element("ul", { class: "evidence" }, ...component.evidence.map(evidenceItem)),
      ),
    ),
  );
  byId("withheld").replaceChildren(
    ...plan.withheld.map((w) => element("li", { "data-id": w.id }, `${w.id}: ${w.reason} (rule ${w.rule})`)),
  );
  byId("gaps").replaceChildren(
    ...plan.dataGaps.map((gap) => element("li", { "data-fact": gap.fact }, `${gap.fact}: ${gap.reason}`)),
  );
}

function evidenceItem(source) {
  const citation = source.link === undefined ? source.citation : element("a", { href: source.link, rel: "noreferrer" }, source.citation);
  return element("li", { "data-id": source.id }, citation, ` (${source.certainty})`);
}

function makePlan(engine) {
  clearPlan();
  let data;
  try {
    data = JSON.parse(byId("input").value);
  } catch (error) {
    showContext(undefined, undefined, undefined);
    showRefusal([{ path: "", message: `the input is not JSON: ${error.message}` }], undefined);
    return;
  }
  const visitDay = isBundle(data) ? visitDateFor(data) : data?.assessedOn;
  if (isBundle(data)) showProgress(data, visitDay);
  const assessment = assessmentOf(data, isBundle(data) ? visitDay : "");
  const age = assessment.ok ? assessment.value?.patient?.age : undefined;
  showContext(data, assessment.ok ? (assessment.value?.assessedOn ?? visitDay) : visitDay, age);
  if (!assessment.ok) return showRefusal(assessment.issues, data);
  const plan = engine.safeRecommend(assessment.value, { profile: byId("profile").value });
  if (!plan.ok) return showRefusal([...plan.issues, ...assessment.warnings], data);
  showProblems(plan.warnings, data);
  showPlan(plan.value);
  showIntakeWarnings(assessment.warnings, data);
  document.body.dataset.state = "planned";
}

async function start() {
  // The text, not parsed JSON: rulesetFromJsonText parses it once, where rulesetFromJson copies a
  // parsed object through text again. index.html preloads it while this module loads.
  const loaded = backplan.rulesetFromJsonText(await fetchText("pack.json"));
  if (!loaded.ok) {
    showRefusal(loaded.issues, undefined, "No plan: the rule pack (pack.json) was refused");
    document.body.dataset.state = "failed";
    return;
  }
  const engine = backplan.createEngine(loaded.value);
  byId("profile").replaceChildren(
    ...loaded.value.profiles.map((p) => element("option", { value: p.id }, p.title)),
  );
  byId("profile").value = loaded.value.defaultProfile;
  byId("input").value = JSON.stringify(await fetchJson("example.json"), null, 2);
  // A date the user types is kept for every input after; emptied, the Bundle's own is used again.
  byId("assessed-on").addEventListener("input", (event) => {
    event.target.dataset.origin = event.target.value === "" ? "" : "user";
    byId("visit-source").replaceChildren(event.target.value === "" ? "" : "as entered (empty it to take the Bundle's)");
  });
  byId("form").addEventListener("submit", (event) => {
    event.preventDefault();
    makePlan(engine);
  });
  makePlan(engine);
}

start().catch((error) => {
  showRefusal([{ path: "", message: String(error) }], undefined, "No plan: the page could not start");
  document.body.dataset.state = "failed";
});
