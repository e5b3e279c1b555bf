/* global document, fetch */
// backplan in an EHR page: pack.json and the bundled engine in, a plan with its reasons, evidence,
// withheld components and data gaps out. Runs under `script-src 'self'`: no inline script, no
// eval, and every value reaches the page as text (never as HTML).
import * as backplan from "./backplan.js";

const byId = (id) => document.getElementById(id);

/** An element holding `children` (strings become text nodes, so nothing is parsed as HTML). */
function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/**
 * The assessment in the input: a FHIR Bundle goes through the intake when this build has it, on
 * the visit date when one is given (else the Bundle's timestamp; a Bundle with neither has no
 * date to compute the age on, and is refused). The intake's warnings (data it left out: a
 * Questionnaire missing from the Bundle, a resource of another subject or status) come along, so
 * the page can say why a field is a data gap.
 */
function assessmentOf(data, assessedOn) {
  if (data === null || typeof data !== "object" || data.resourceType !== "Bundle") {
    return { ok: true, value: data, warnings: [] };
  }
  if (typeof backplan.bundleToAssessment !== "function") {
    return { ok: false, issues: [{ path: "", message: "this build of backplan has no FHIR intake" }] };
  }
  const intake = backplan.bundleToAssessment(data, assessedOn === "" ? {} : { assessedOn });
  return intake.ok ? { ok: true, value: intake.value.assessment, warnings: intake.warnings } : intake;
}

function showProblems(issues) {
  byId("problems").replaceChildren(...issues.map((issue) => element("li", {}, backplan.formatIssue(issue))));
}

/** What the intake left out of the Bundle, in its own section (hidden when there is nothing). */
function showIntakeWarnings(warnings) {
  byId("intake").hidden = warnings.length === 0;
  byId("intake-warnings").replaceChildren(
    ...warnings.map((issue) => element("li", { "data-code": issue.code }, backplan.formatIssue(issue))),
  );
}

/** Empties every part of a plan, so a refused input never leaves the previous patient's plan on screen. */
function clearPlan() {
  for (const id of ["status", "stamp", "components", "withheld", "gaps"]) byId(id).replaceChildren();
  delete byId("status").dataset.status;
  showIntakeWarnings([]);
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
    showProblems([{ path: "", message: `the input is not JSON: ${error.message}` }]);
    document.body.dataset.state = "refused";
    return;
  }
  const assessment = assessmentOf(data, byId("assessed-on").value);
  const plan = assessment.ok ? engine.safeRecommend(assessment.value, { profile: byId("profile").value }) : assessment;
  showProblems(plan.ok ? plan.warnings : plan.issues);
  if (plan.ok) {
    showPlan(plan.value);
    showIntakeWarnings(assessment.warnings);
  }
  document.body.dataset.state = plan.ok ? "planned" : "refused";
}

async function start() {
  const loaded = backplan.rulesetFromJson(await fetchJson("pack.json"));
  if (!loaded.ok) {
    showProblems(loaded.issues);
    document.body.dataset.state = "refused";
    return;
  }
  const engine = backplan.createEngine(loaded.value);
  byId("profile").replaceChildren(
    ...loaded.value.profiles.map((p) => element("option", { value: p.id }, p.title)),
  );
  byId("profile").value = loaded.value.defaultProfile;
  byId("input").value = JSON.stringify(await fetchJson("example.json"), null, 2);
  byId("form").addEventListener("submit", (event) => {
    event.preventDefault();
    makePlan(engine);
  });
  makePlan(engine);
}

start().catch((error) => {
  showProblems([{ path: "", message: String(error) }]);
  document.body.dataset.state = "failed";
});
